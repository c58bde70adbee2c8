use leptos::prelude::*;

use crate::client;
use crate::i18n::{use_i18n, Texts};

/// Names the page in the browser's tab, history and bookmarks (`Campaigns · SMS Scheduler`), in
/// the page's language.
#[component]
pub fn PageTitle(name: fn(&Texts) -> &'static str) -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| {
        let t = i18n.t();
        client::set_document_title(&format!("{} · {}", name(t), t.app_title));
    });
}
