use leptos::prelude::*;

use crate::i18n::{word, Texts};

/// A box that scrolls a wide table sideways inside a narrow page. It takes keyboard focus, so
/// the hidden columns can be reached with the arrow keys, and is named for screen readers.
#[component]
pub fn TableScroll(label: fn(&Texts) -> &'static str, children: Children) -> impl IntoView {
    view! {
        <div class="table-scroll" role="region" tabindex="0" aria-label=word(label)>
            {children()}
        </div>
    }
}
