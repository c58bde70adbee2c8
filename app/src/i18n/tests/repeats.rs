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
        "Not sent: 1 line repeats an earlier line's number with other values (only the first \
         line's message goes to a number):"
    );
    assert!(repeats_with_other_values(Locale::En, 100, true)
        .starts_with("Not sent: at least 100 lines repeat "));
    assert!(repeats_with_other_values(Locale::Fr, 2, false)
        .starts_with("Messages non envoyés : 2 lignes reprennent le numéro"));
    assert!(repeats_with_other_values(Locale::Fr, 1, false)
        .starts_with("Message non envoyé : 1 ligne reprend le numéro"));
}
