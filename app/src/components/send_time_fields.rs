use leptos::prelude::*;

use crate::client::{date_input_max, input_incomplete};
use crate::components::FieldErrors;
use crate::domain::horizon::MAX_DAYS_AHEAD;
use crate::i18n::{use_i18n, word};
use crate::models::Field;

/// When to send: now, or at a date and time. "Now" is a choice of its own: an empty or
/// half-typed date never means it (a browser gives a half-typed field an empty value, so the
/// field's own state says whether something was typed that is not a date yet).
#[component]
pub fn SendTimeFields(
    send_now: RwSignal<bool>,
    send_at: RwSignal<String>,
    /// The date field shows something that is not a whole date and time.
    incomplete: RwSignal<bool>,
    /// Whether to say so: once Schedule was pressed (see `ComposerForm::send_at_incomplete_said`),
    /// until the field is whole (or empty) again.
    said: RwSignal<bool>,
    #[prop(into)] errors: Signal<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let messages = Signal::derive(move || {
        let mut messages = Vec::new();
        if incomplete.get() && said.get() && !send_now.get() {
            messages.push(i18n.t().send_at_incomplete.to_owned());
        }
        messages.extend(errors.get());
        messages
    });
    let invalid = move || (!messages.get().is_empty()).then_some("true");
    // What the field holds, as it changes: a value, nothing, or something that is not one yet.
    let read = move |field: leptos::web_sys::HtmlInputElement| {
        send_at.set(field.value());
        let half_typed = input_incomplete(&field);
        incomplete.set(half_typed);
        if !half_typed {
            said.set(false);
        }
    };
    // Leaving the field only raises the flag: the browser may stop calling a half-typed field a
    // bad input once it loses the focus, while it still shows what was typed.
    let left = move |field: leptos::web_sys::HtmlInputElement| {
        if input_incomplete(&field) {
            incomplete.set(true);
        }
    };
    view! {
        <fieldset class="field" id="send-time" aria-describedby="send-at-errors">
            <legend>{word(|t| t.send_when)}</legend>
            <label>
                <input
                    id="send-later"
                    type="radio"
                    name="send-when"
                    checked=move || !send_now.get()
                    on:change=move |_| send_now.set(false)
                />
                {word(|t| t.send_later_choice)}
            </label>
            <label>
                <input
                    id="send-now"
                    type="radio"
                    name="send-when"
                    checked=move || send_now.get()
                    on:change=move |_| send_now.set(true)
                />
                {word(|t| t.send_now_choice)}
            </label>
            {move || (!send_now.get()).then(|| view! {
                <label for="send-at" class="stacked">{word(|t| t.send_at_label)}</label>
                // The browser refuses years past the limit as they are typed (no six-digit year).
                <input
                    id="send-at"
                    type="datetime-local"
                    max=date_input_max(MAX_DAYS_AHEAD - 1)
                    prop:value=send_at
                    on:input:target=move |ev| read(ev.target())
                    on:change:target=move |ev| read(ev.target())
                    on:blur:target=move |ev| left(ev.target())
                    aria-invalid=invalid
                    aria-describedby="send-at-errors"
                />
            })}
            <FieldErrors field=Field::SendAt messages/>
        </fieldset>
    }
}
