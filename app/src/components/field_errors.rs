use leptos::prelude::*;

use crate::models::Field;

/// The errors about one form control, announced to assistive technology and linked by id.
#[component]
pub fn FieldErrors(field: Field, #[prop(into)] messages: Signal<Vec<String>>) -> impl IntoView {
    view! {
        <ul class="field-errors" id=format!("{}-errors", field.id()) aria-live="polite">
            {move || {
                messages.get().into_iter().map(|message| view! { <li>{message}</li> }).collect_view()
            }}
        </ul>
    }
}
