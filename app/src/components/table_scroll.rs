use leptos::prelude::*;

use crate::i18n::{use_i18n, Texts};

/// A box that scrolls a wide table sideways inside a narrow page. It takes keyboard focus, so
/// the hidden columns can be reached with the arrow keys, and is named for screen readers
/// (`Table: Recipients`: a name of its own, apart from the section it stands in).
#[component]
pub fn TableScroll(label: fn(&Texts) -> &'static str, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let name = move || {
        let t = i18n.t();
        (t.table_of)(label(t))
    };
    view! {
        <div class="table-scroll" role="region" tabindex="0" aria-label=name>
            {children()}
        </div>
    }
}
