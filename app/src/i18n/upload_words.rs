//! The sentences of a large recipient file's upload, in each language's own module: called
//! directly rather than through the catalogue's function table, so that they come with the
//! upload's chunk instead of the first screen.

use super::{en_sentences, fr_sentences, Locale};

/// A file being sent: its name, bytes sent, bytes in all.
pub fn file_sending(locale: Locale, file: &str, sent: f64, total: f64) -> String {
    match locale {
        Locale::En => en_sentences::file_sending(file, sent, total),
        Locale::Fr => fr_sentences::file_sending(file, sent, total),
    }
}

/// A file the server read: its name, recipients, repeated numbers, lines with errors.
pub fn file_read(
    locale: Locale,
    file: &str,
    recipients: u64,
    repeated: u64,
    errors: u64,
) -> String {
    match locale {
        Locale::En => en_sentences::file_read(file, recipients, repeated, errors),
        Locale::Fr => fr_sentences::file_read(file, recipients, repeated, errors),
    }
}

/// A file the server did not take, and why.
pub fn file_not_sent(locale: Locale, file: &str, why: &str) -> String {
    match locale {
        Locale::En => format!("{file} was not taken: {why}"),
        Locale::Fr => format!("{file} n'a pas été pris : {why}"),
    }
}
