//! The words around a campaign's send times on the campaign pages, in each language: called
//! directly rather than through the catalogue's function table, so that they come with those
//! pages' chunks instead of the first screen.

use super::Locale;

/// Before the time the user asked for, below the times the messages really go.
pub fn asked_for(locale: Locale) -> &'static str {
    match locale {
        Locale::En => "asked for",
        Locale::Fr => "demandé :",
    }
}

/// Around two send times: `from … to …`.
pub fn from_to(locale: Locale) -> (&'static str, &'static str) {
    match locale {
        Locale::En => ("from ", " to "),
        Locale::Fr => ("du ", " au "),
    }
}
