use leptos::prelude::*;

use crate::components::FieldErrors;
use crate::i18n::{word, Texts};
use crate::models::Field;

/// The campaign's choice for recipients the sending rules keep from receiving it at the requested
/// time: defer (default), skip, or override with a reason that is recorded.
#[component]
pub fn OutsideWindowChoice(
    /// "defer", "skip" or "override".
    choice: RwSignal<&'static str>,
    reason: RwSignal<String>,
    #[prop(into)] errors: Signal<Vec<String>>,
) -> impl IntoView {
    let option = move |value: &'static str, label: fn(&Texts) -> &'static str| {
        view! {
            <label>
                <input
                    type="radio"
                    name="outside-window"
                    value=value
                    checked=move || choice.get() == value
                    on:change=move |_| choice.set(value)
                />
                {word(label)}
            </label>
        }
    };
    view! {
        <fieldset class="field" id="outside-window" aria-describedby="outside-window-errors">
            <legend>{word(|t| t.outside_window)}</legend>
            {option("defer", |t| t.outside_defer)}
            {option("skip", |t| t.outside_skip)}
            {option("override", |t| t.outside_override)}
            {move || (choice.get() == "override").then(|| view! {
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
