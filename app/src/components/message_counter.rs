use leptos::prelude::*;

use crate::domain::message::{
    analyze, gsm7_accent_typed_apart, gsm7_double_characters, gsm7_look_alike, Encoding,
};
use crate::domain::placeholders::{pieces, placeholders_in, Piece};
use crate::i18n::{use_i18n, word};

/// Live characters, encoding and parts of the message, computed in the browser as the user types.
/// With placeholders they are the template's: the preview counts each message with its values.
#[component]
pub fn MessageCounter(text: ReadSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    // Worked out by each of the two views that read it: cheaper in the wasm than a `Memo`.
    let stats = move || analyze(&text.get());
    let summary = move || (i18n.t().counter)(&stats());
    let encoding_hint = move || {
        let t = i18n.t();
        let stats = stats();
        text.with(|text| match stats.encoding {
            Encoding::Ucs2 => {
                let named: Vec<String> = stats
                    .non_gsm_characters
                    .iter()
                    .take(5)
                    .map(|&c| match gsm7_accent_typed_apart(text, c) {
                        Some((base, letter)) => (t.accent_apart)(base, c, letter),
                        None => (t.non_gsm)(c, gsm7_look_alike(c)),
                    })
                    .collect();
                Some((t.ucs2_warning)(&named.join(", ")))
            }
            // In GSM-7, a `€` takes two of the 160: the counter's drop by two is explained. A
            // placeholder's braces are not sent: only the text around them counts.
            Encoding::Gsm7 => {
                let written: String = pieces(text)
                    .filter_map(|piece| match piece {
                        Piece::Text(written) => Some(written),
                        Piece::Placeholder(_) => None,
                    })
                    .collect();
                let doubles = gsm7_double_characters(&written);
                (!doubles.is_empty()).then(|| (t.double_characters)(&doubles))
            }
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
        <p class="message-warning" id="text-encoding-warning">{encoding_hint}</p>
    }
}
