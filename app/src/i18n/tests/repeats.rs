//! The preview's and the receipt's words for a repeated number, in both languages.

use crate::i18n::preview_words::{repeated_line, repeats_with_other_values};
use crate::i18n::Locale;
use crate::models::DuplicateRecipient;

#[test]
fn a_repeat_with_other_values_says_its_message_is_not_sent_in_each_language() {
    let repeat = |other_values| DuplicateRecipient {
        line: 7,
        first_line: 2,
        number: "+33612345678".into(),
        other_values,
    };
    assert_eq!(
        repeated_line(Locale::En, &repeat(false)),
        "Line 7: +33612345678 (same as line 2)"
    );
    assert_eq!(
        repeated_line(Locale::En, &repeat(true)),
        "Line 7: +33612345678 (same number as line 2, other values: not sent)"
    );
    assert_eq!(
        repeated_line(Locale::Fr, &repeat(true)),
        "Ligne 7 : +33612345678 (même numéro que la ligne 2, autres valeurs : message non envoyé)"
    );
    assert_eq!(
        repeats_with_other_values(Locale::En, 1, false),
        "1 line repeats an earlier line's number with other values: its message is not sent, \
         only the first line's."
    );
    assert_eq!(
        repeats_with_other_values(Locale::En, 100, true),
        "At least 100 lines repeat an earlier line's number with other values: their messages \
         are not sent, only the first line's."
    );
    assert_eq!(
        repeats_with_other_values(Locale::Fr, 2, false),
        "2 lignes reprennent le numéro d'une ligne précédente avec d'autres valeurs : leurs \
         messages ne sont pas envoyés, seul celui de la première ligne l'est."
    );
    assert!(repeats_with_other_values(Locale::Fr, 1, false)
        .starts_with("1 ligne reprend le numéro d'une ligne précédente avec d'autres valeurs : son message n'est pas envoyé"));
}
