//! The app's words in English and French: a typed catalogue (a text missing in one language does
//! not compile), the choice of language from the browser's, and the reactive choice the views read.
//!
//! A catalogue of plain Rust values rather than an i18n crate: the words cost only their own bytes
//! in the wasm (no message parser, no locale data), and the compiler checks every text and every
//! argument of every phrase in both languages.

mod catalogue;
mod context;
mod en;
mod fr;
mod fr_server;
mod locale;
mod number;

pub use catalogue::Texts;
pub use context::{provide_i18n, use_i18n, word, I18n};
pub use locale::Locale;
pub use number::fixed_point;
