use leptos::prelude::*;

use crate::components::FieldErrors;
use crate::fetched::Fetched;
use crate::i18n::{use_i18n, word};
use crate::models::{AppError, Field, ProviderId, ProviderInfo};

/// The server's providers, as the composer fetched them (a `Fetched` rather than a `Signal`: one
/// signal type less in the first screen's wasm).
pub type ProvidersAnswer = Fetched<Result<Vec<ProviderInfo>, AppError>>;

/// The provider to send through, among those the server has (each says whether it is a sandbox).
#[component]
pub fn ProviderField(
    provider: RwSignal<ProviderId>,
    providers: ProvidersAnswer,
    #[prop(into)] errors: Signal<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let options = move || {
        providers.get().map(|result| match result {
            Ok(list) => list
                .into_iter()
                .map(|info| provider_option(info, provider, t().sandbox_provider))
                .collect_view()
                .into_any(),
            Err(e) => view! { <option disabled=true>{t().error(&e)}</option> }.into_any(),
        })
    };
    view! {
        <div class="field">
            <label for="provider">{word(|t| t.provider)}</label>
            <select
                id="provider"
                on:change:target=move |ev| {
                    if ev.target().value() == "infobip" {
                        provider.set(ProviderId::Infobip)
                    } else {
                        provider.set(ProviderId::Octopush)
                    }
                }
            >
                {options}
            </select>
            <FieldErrors field=Field::Provider messages=errors/>
        </div>
    }
}

/// One provider to choose; it stays the chosen one when a language switch draws the list again.
fn provider_option(
    info: ProviderInfo,
    chosen: RwSignal<ProviderId>,
    sandbox_label: fn(&str) -> String,
) -> impl IntoView {
    let label = if info.sandbox {
        sandbox_label(&info.id.to_string())
    } else {
        info.id.to_string()
    };
    let selected = chosen.get_untracked() == info.id;
    view! { <option value=info.id.as_str() selected=selected>{label}</option> }
}
