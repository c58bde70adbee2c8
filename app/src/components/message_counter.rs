use leptos::prelude::*;

use crate::domain::message::{analyze, gsm7_look_alike, Encoding};
use crate::domain::placeholders::placeholders_in;
use crate::i18n::{use_i18n, word};

/// Live characters, encoding and parts of the message, computed in the browser as the user types.
/// With placeholders they are the template's: the preview counts each message with its values.
#[component]
pub fn MessageCounter(text: ReadSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    // Worked out by each of the two views that read it: cheaper in the wasm than a `Memo`.
    let stats = move || analyze(&text.get());
    let summary = move || (i18n.t().counter)(&stats());
    let switch_warning = move || {
        let t = i18n.t();
        let stats = stats();
        (stats.encoding == Encoding::Ucs2).then(|| {
            let named: Vec<String> = stats
                .non_gsm_characters
                .iter()
                .take(5)
                .map(|&c| (t.non_gsm)(c, gsm7_look_alike(c)))
                .collect();
            (t.ucs2_warning)(&named.join(", "))
        })
    };
    let of_template =
        move || text.with(|text| placeholders_in(text).is_ok_and(|names| !names.is_empty()));
    view! {
        <p class="message-counter" id="text-counter" aria-live="polite">
            {summary}
            // A plain closure rather than `<Show>`: this is the first screen.
            {move || of_template().then(|| view! {
                ". " <span class="muted" data-testid="counter-of-template">{word(|t| t.counter_of_template)}</span>
            })}
        </p>
        <p class="message-warning" id="text-encoding-warning">{switch_warning}</p>
    }
}
