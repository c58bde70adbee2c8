use leptos::prelude::*;

use crate::i18n::word;

/// "Previous" and "Next" over a list read `page_size` entries at a time from `offset`.
#[component]
pub fn PageButtons(
    offset: RwSignal<u64>,
    page_size: u64,
    #[prop(into)] has_more: Signal<bool>,
) -> impl IntoView {
    view! {
        <button
            class="secondary"
            disabled=move || offset.get() == 0
            on:click=move |_| offset.update(|o| *o = o.saturating_sub(page_size))
        >
            {word(|t| t.previous)}
        </button>
        <button
            class="secondary"
            disabled=move || !has_more.get()
            on:click=move |_| offset.update(|o| *o += page_size)
        >
            {word(|t| t.next)}
        </button>
    }
}
