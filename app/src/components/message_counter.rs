use leptos::prelude::*;

use crate::domain::message::{analyze, gsm7_look_alike, Encoding};
use crate::i18n::use_i18n;

/// Live characters, encoding and parts of the message, computed in the browser as the user types.
#[component]
pub fn MessageCounter(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let stats = Memo::new(move |_| analyze(&text.get()));
    let summary = move || stats.with(|stats| (i18n.t().counter)(stats));
    let switch_warning = move || {
        let t = i18n.t();
        stats.with(|stats| {
            (stats.encoding == Encoding::Ucs2).then(|| {
                let named: Vec<String> = stats
                    .non_gsm_characters
                    .iter()
                    .take(5)
                    .map(|&c| (t.non_gsm)(c, gsm7_look_alike(c)))
                    .collect();
                (t.ucs2_warning)(&named.join(", "))
            })
        })
    };
    view! {
        <p class="message-counter" id="text-counter" aria-live="polite">{summary}</p>
        <p class="message-warning" id="text-encoding-warning">{switch_warning}</p>
    }
}
