use leptos::prelude::*;

use crate::components::FieldErrors;
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
    let option = move |value: &'static str, label: &'static str| {
        view! {
            <label>
                <input
                    type="radio"
                    name="outside-window"
                    value=value
                    checked=move || choice.get() == value
                    on:change=move |_| choice.set(value)
                />
                {label}
            </label>
        }
    };
    view! {
        <fieldset class="field" id="outside-window" aria-describedby="outside-window-errors">
            <legend>"Outside the allowed sending hours"</legend>
            {option("defer", "Move them to the next allowed time")}
            {option("skip", "Leave them out")}
            {option("override", "Send anyway, for this reason:")}
            <Show when=move || choice.get() == "override">
                <input
                    id="override-reason"
                    type="text"
                    aria-label="Reason for sending outside the allowed hours"
                    bind:value=reason
                    aria-invalid=move || (!errors.get().is_empty()).then_some("true")
                />
            </Show>
            <FieldErrors field=Field::OutsideWindow messages=errors/>
        </fieldset>
    }
}
