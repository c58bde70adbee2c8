//! The preview's sentences about a list being fixed and messages switched to UCS-2, in each
//! language's own module: called directly rather than through the catalogue's function table, so
//! that they come with the preview's chunk instead of the first screen.

use super::{en_sentences, fr_sentences, Locale};
use crate::models::{DuplicateRecipient, SwitchedToUcs2};

/// Said above the errors of lines set aside, the preview being of the other lines.
pub fn lines_to_fix(locale: Locale) -> &'static str {
    match locale {
        Locale::En => {
            "These lines are to be fixed before anything can be scheduled; the preview below is \
             of the other lines:"
        }
        Locale::Fr => {
            "Ces lignes sont à corriger avant de pouvoir planifier quoi que ce soit ; l'aperçu \
             ci-dessous porte sur les autres lignes :"
        }
    }
}

/// Said below the errors of an uploaded file's lines.
pub fn fix_in_file(locale: Locale) -> &'static str {
    match locale {
        Locale::En => "They come from the file: fix them in it, then pick it again.",
        Locale::Fr => {
            "Elles viennent du fichier : corrigez-les dans celui-ci, puis choisissez-le de nouveau."
        }
    }
}

/// Said above the repeated numbers whose later lines had other values than their first: those
/// lines' messages are not sent. `at_least`: more repeats than are listed may have too.
pub fn repeats_with_other_values(locale: Locale, lines: usize, at_least: bool) -> String {
    let one = lines == 1;
    match locale {
        Locale::En => format!(
            "{}{lines} line{} an earlier line's number with other values: {} not sent, \
             only the first line's.",
            if at_least { "At least " } else { "" },
            if one { " repeats" } else { "s repeat" },
            if one {
                "its message is"
            } else {
                "their messages are"
            },
        ),
        Locale::Fr => format!(
            "{}{lines} ligne{} le numéro d'une ligne précédente avec d'autres valeurs : {}, \
             seul celui de la première ligne l'est.",
            if at_least { "Au moins " } else { "" },
            if one { " reprend" } else { "s reprennent" },
            if one {
                "son message n'est pas envoyé"
            } else {
                "leurs messages ne sont pas envoyés"
            },
        ),
    }
}

/// A line left out for repeating an earlier line's number, and whether its values differed.
pub fn repeated_line(locale: Locale, repeat: &DuplicateRecipient) -> String {
    let DuplicateRecipient {
        line,
        first_line,
        number,
        other_values,
    } = repeat;
    match (locale, other_values) {
        (Locale::En, false) => format!("Line {line}: {number} (same as line {first_line})"),
        (Locale::En, true) => format!(
            "Line {line}: {number} (same number as line {first_line}, other values: not sent)"
        ),
        (Locale::Fr, false) => format!("Ligne {line} : {number} (comme la ligne {first_line})"),
        (Locale::Fr, true) => format!(
            "Ligne {line} : {number} (même numéro que la ligne {first_line}, autres valeurs : \
             message non envoyé)"
        ),
    }
}

/// Messages their recipients' values switch to UCS-2.
pub fn switched_to_ucs2(locale: Locale, switched: &SwitchedToUcs2) -> String {
    match locale {
        Locale::En => en_sentences::switched_to_ucs2(switched),
        Locale::Fr => fr_sentences::switched_to_ucs2(switched),
    }
}

/// Said above the messages shown when they are not all of them: `shown` of `total`, a search
/// finding others among the `searchable` the preview holds.
pub fn first_messages(locale: Locale, shown: usize, total: u64, searchable: usize) -> String {
    let everyone = total <= searchable as u64;
    match (locale, everyone) {
        (Locale::En, true) => format!(
            "The first {shown} messages of {total}: search by number or line for the others."
        ),
        (Locale::En, false) => format!(
            "The first {shown} messages of {total}: search by number or line among the first \
             {searchable}."
        ),
        (Locale::Fr, true) => format!(
            "Les {shown} premiers messages sur {total} : cherchez un numéro ou une ligne pour \
             voir les autres."
        ),
        (Locale::Fr, false) => format!(
            "Les {shown} premiers messages sur {total} : cherchez un numéro ou une ligne parmi \
             les {searchable} premiers."
        ),
    }
}
