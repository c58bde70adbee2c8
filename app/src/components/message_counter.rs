use leptos::prelude::*;

use crate::domain::message::{analyze, gsm7_look_alike, Encoding};

/// Live characters, encoding and parts of the message, computed in the browser as the user types.
#[component]
pub fn MessageCounter(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let stats = Memo::new(move |_| analyze(&text.get()));
    let summary = move || {
        let stats = stats.get();
        let parts = match stats.parts {
            1 => "1 SMS".to_owned(),
            n => format!("{n} SMS"),
        };
        format!(
            "{} characters · {} · {} · {} left in this part",
            stats.characters,
            stats.encoding,
            parts,
            stats.remaining_in_part()
        )
    };
    let switch_warning = move || {
        let stats = stats.get();
        (stats.encoding == Encoding::Ucs2).then(|| {
            let named: Vec<String> = stats
                .non_gsm_characters
                .iter()
                .take(5)
                .map(|&c| match gsm7_look_alike(c) {
                    Some(replacement) => {
                        format!("“{c}” (U+{:04X}, replace with “{replacement}”)", c as u32)
                    }
                    None => format!("“{c}” (U+{:04X})", c as u32),
                })
                .collect();
            format!(
                "UCS-2: 70 characters per SMS instead of 160, because of {}.",
                named.join(", ")
            )
        })
    };
    view! {
        <p class="message-counter" id="text-counter" aria-live="polite">{summary}</p>
        <p class="message-warning" id="text-encoding-warning">{switch_warning}</p>
    }
}
