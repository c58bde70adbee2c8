use leptos::prelude::*;

use crate::components::FieldErrors;
use crate::domain::OutsideWindowKind;
use crate::i18n::{word, Texts};
use crate::models::Field;

/// The campaign's choice for recipients the sending rules keep from receiving it at the requested
/// time: defer (default), skip, or override with a reason that is recorded.
#[component]
pub fn OutsideWindowChoice(
    choice: RwSignal<OutsideWindowKind>,
    reason: RwSignal<String>,
    #[prop(into)] errors: Signal<Vec<String>>,
) -> impl IntoView {
    let option = move |kind: OutsideWindowKind| {
        let label: fn(&Texts) -> &'static str = match kind {
            OutsideWindowKind::Defer => |t| t.outside_defer,
            OutsideWindowKind::Skip => |t| t.outside_skip,
            OutsideWindowKind::Override => |t| t.outside_override,
        };
        view! {
            <label>
                <input
                    type="radio"
                    name="outside-window"
                    value=kind.as_str()
                    checked=move || choice.get() == kind
                    on:change=move |_| choice.set(kind)
                />
                {word(label)}
            </label>
        }
    };
    view! {
        <fieldset class="field" id="outside-window" aria-describedby="outside-window-errors">
            <legend>{word(|t| t.outside_window)}</legend>
            {OutsideWindowKind::ALL.into_iter().map(option).collect_view()}
            {move || (choice.get() == OutsideWindowKind::Override).then(|| view! {
                <input
                    id="override-reason"
                    type="text"
                    aria-label=word(|t| t.override_reason)
                    bind:value=reason
                    aria-invalid=move || (!errors.get().is_empty()).then_some("true")
                />
            })}
            <FieldErrors field=Field::OutsideWindow messages=errors/>
        </fieldset>
    }
}
