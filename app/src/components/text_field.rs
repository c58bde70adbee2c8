use leptos::prelude::*;

use crate::components::FieldErrors;
use crate::i18n::{word, Texts};
use crate::models::Field;

/// A one-line text field of a form, with its label and its errors (linked by id).
#[component]
pub fn TextField(
    field: Field,
    label: fn(&Texts) -> &'static str,
    value: RwSignal<String>,
    /// Characters the field takes.
    maxlength: usize,
    #[prop(into)] errors: Signal<Vec<String>>,
) -> impl IntoView {
    let id = field.id();
    let invalid = move || (!errors.get().is_empty()).then_some("true");
    view! {
        <div class="field">
            <label for=id>{word(label)}</label>
            <input
                id=id
                type="text"
                maxlength=maxlength
                autocomplete="off"
                bind:value=value
                aria-invalid=invalid
                aria-describedby=format!("{id}-errors")
            />
            <FieldErrors field=field messages=errors/>
        </div>
    }
}
