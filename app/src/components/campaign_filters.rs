use leptos::prelude::*;

use crate::i18n::{use_i18n, word, Texts};
use crate::models::{CampaignState, ProviderId};

/// The campaign list's filters: state, provider, and words of the message or a number.
#[component]
pub fn CampaignFilters(
    state: RwSignal<Option<CampaignState>>,
    provider: RwSignal<Option<ProviderId>>,
    search: RwSignal<String>,
) -> impl IntoView {
    view! {
        <form class="filters" role="search" aria-label=word(|t| t.filters_label) on:submit=|ev| ev.prevent_default()>
            {one_of(
                |t| t.state,
                state,
                CampaignState::ALL.map(|s| (s, s.as_str())).to_vec(),
                |t, s| (t.state_name)(s).to_owned(),
                CampaignState::parse,
            )}
            {one_of(
                |t| t.provider,
                provider,
                ProviderId::ALL.map(|p| (p, p.as_str())).to_vec(),
                |_, p| p.to_string(),
                ProviderId::parse,
            )}
            <label class="grow">
                {word(|t| t.search)}
                <input
                    type="search"
                    name="search"
                    placeholder=word(|t| t.search_placeholder)
                    prop:value=move || search.get()
                    on:input=move |ev| search.set(event_target_value(&ev))
                />
            </label>
        </form>
    }
}

/// A labelled choice of one value (`(value, form name)`, shown in words), or "All" for none.
pub fn one_of<T>(
    label: fn(&Texts) -> &'static str,
    chosen: RwSignal<Option<T>>,
    options: Vec<(T, &'static str)>,
    words: fn(&Texts, T) -> String,
    parse: fn(&str) -> Option<T>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let i18n = use_i18n();
    view! {
        <label>
            {word(label)}
            <select on:change=move |ev| chosen.set(parse(&event_target_value(&ev)))>
                <option value="">{word(|t| t.all)}</option>
                {options
                    .into_iter()
                    .map(|(value, name)| view! {
                        <option value=name selected=move || chosen.get() == Some(value)>
                            {move || words(i18n.t(), value)}
                        </option>
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
