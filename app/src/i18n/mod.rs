//! The app's words in English and French: a typed catalogue (a text missing in one language does
//! not compile), the choice of language from the browser's, and the reactive choice the views read.
//!
//! A catalogue of plain Rust values rather than an i18n crate: the words cost only their own bytes
//! in the wasm (no message parser, no locale data), and the compiler checks every text and every
//! argument of every phrase in both languages.
//!
//! Each language has its catalogue (`en.rs`, `fr.rs`) and, side by side, the names of the closed
//! sets (`en_names.rs`), its longer sentences (`en_sentences.rs`) and the sentences of the
//! server's problems, refusals and notices (`en_problems.rs` beside `fr_problems.rs`, and so on;
//! the English ones are those types' `Display`). Each language's plural rule is in `plural.rs`.

pub mod campaign_words;
mod catalogue;
pub mod confirm_words;
mod context;
mod en;
mod en_approval;
mod en_names;
mod en_notices;
mod en_problems;
mod en_refusals;
mod en_sentences;
mod fr;
mod fr_approval;
mod fr_names;
mod fr_notices;
mod fr_problems;
mod fr_refusals;
mod fr_sentences;
mod locale;
mod plural;
pub mod preview_words;
pub mod settings_words;
#[cfg(test)]
mod tests;
pub mod upload_words;
mod window_words;

pub use crate::decimal::fixed_point;
pub use catalogue::Texts;
pub use context::{provide_i18n, use_i18n, word, I18n};
pub use locale::Locale;

/// `“ë”, “ł”`: letters named in a sentence, between the language's quotes.
fn quoted_letters(letters: &[char], open: &str, close: &str) -> String {
    letters
        .iter()
        .map(|c| format!("{open}{c}{close}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Instants listed in a sentence, each on the browser's clock with its offset.
fn instants(at: &[String]) -> String {
    at.iter()
        .map(|at| crate::components::instant_in_words(at))
        .collect::<Vec<_>>()
        .join(", ")
}
