//! The preview's sentences about a list being fixed and messages switched to UCS-2, in each
//! language's own module: called directly rather than through the catalogue's function table, so
//! that they come with the preview's chunk instead of the first screen.

use super::{en_sentences, fr_sentences, Locale};
use crate::models::SwitchedToUcs2;

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

/// Messages their recipients' values switch to UCS-2.
pub fn switched_to_ucs2(locale: Locale, switched: &SwitchedToUcs2) -> String {
    match locale {
        Locale::En => en_sentences::switched_to_ucs2(switched),
        Locale::Fr => fr_sentences::switched_to_ucs2(switched),
    }
}
