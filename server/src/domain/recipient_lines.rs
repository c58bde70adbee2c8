//! The plain list: one recipient a line, or several numbers on a line separated by `,` or `;`
//! (how the first single-form tool took them), each a recipient of that line.

use std::io::{self, BufRead};

use super::recipient_checks::{ListBuilder, RecipientSink, UncheckedRow};
use super::recipients::{line_number, FieldValues};
use app::domain::column_mapping::NUMBER_SEPARATORS;
use app::models::Problem;

/// The pieces of `text` between separators, trimmed; empty ones (`06…;;`, a trailing `,`) say
/// nothing, so they are skipped.
pub(super) fn pieces(text: &str) -> impl Iterator<Item = &str> {
    text.split(NUMBER_SEPARATORS)
        .map(str::trim)
        .filter(|piece| !piece.is_empty())
}

/// Every piece of every line is checked as a number: a piece that is not one is an error on its
/// line, never dropped. Blank lines are ignored; a line that is not UTF-8 text is an error.
pub(super) fn read_lines<S: RecipientSink>(
    mut source: impl BufRead,
    list: &mut ListBuilder<'_, S>,
) -> io::Result<()> {
    let mut raw = Vec::new();
    for index in 1.. {
        raw.clear();
        if source.read_until(b'\n', &mut raw)? == 0 {
            break;
        }
        let line = line_number(index);
        // Every line end is `\n` here (`line_endings::LineEndsAsLf`).
        let bytes = raw.strip_suffix(b"\n").unwrap_or(&raw);
        let Ok(text) = std::str::from_utf8(bytes) else {
            list.error(line, Problem::NotUtf8Line);
            continue;
        };
        for piece in pieces(text) {
            list.row(UncheckedRow {
                line,
                phone: piece.to_owned(),
                fields: FieldValues::default(),
                zone: None,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::recipients::{errors_by_line, parse_recipients, RecipientList};
    use crate::domain::parse_errors::PhoneNumberError;
    use crate::domain::phone::Region;
    use app::models::{DuplicateRecipient, Field, FieldError, Problem};

    fn fr() -> Region {
        Region::parse("FR").unwrap()
    }

    /// Each recipient as (line, E.164).
    fn recipients(list: &RecipientList) -> Vec<(u32, &str)> {
        list.recipients
            .iter()
            .map(|r| (r.line, r.number.e164()))
            .collect()
    }

    #[test]
    fn numbers_separated_by_a_semicolon_are_each_a_recipient_of_the_line() {
        let list = parse_recipients("0612345678;0698765432", fr());
        assert_eq!(list.errors, vec![]);
        assert_eq!(
            recipients(&list),
            vec![(1, "+33612345678"), (1, "+33698765432")]
        );
    }

    #[test]
    fn numbers_separated_by_commas_are_each_a_recipient_of_the_line() {
        let list = parse_recipients("0612345678, 0698765432\n06 11 11 11 11", fr());
        assert_eq!(list.errors, vec![]);
        assert_eq!(
            recipients(&list),
            vec![
                (1, "+33612345678"),
                (1, "+33698765432"),
                (2, "+33611111111")
            ]
        );
    }

    #[test]
    fn empty_pieces_and_trailing_separators_say_nothing() {
        for text in [
            "0612345678;;",
            "0612345678,",
            "; 0612345678 ;",
            "0612345678;,",
        ] {
            let list = parse_recipients(text, fr());
            assert_eq!(list.errors, vec![], "{text}");
            assert_eq!(recipients(&list), vec![(1, "+33612345678")], "{text}");
        }
    }

    #[test]
    fn a_piece_that_is_not_a_number_is_an_error_naming_it_on_its_line() {
        let list = parse_recipients("0612345678;hello", fr());
        assert_eq!(recipients(&list), vec![(1, "+33612345678")]);
        assert_eq!(
            list.errors,
            vec![FieldError::on_line(
                Field::Recipients,
                1,
                Problem::Phone(PhoneNumberError::Unparsable("hello".into()))
            )]
        );
    }

    #[test]
    fn text_after_a_number_is_an_error_on_its_line_not_dropped() {
        let list = parse_recipients(
            "0611111111\n0612345678 / 0698765432\n+33612345678 x12\n",
            fr(),
        );
        assert_eq!(recipients(&list), vec![(1, "+33611111111")]);
        let errors = errors_by_line(&list);
        assert_eq!(
            errors,
            vec![
                (
                    Some(2),
                    Problem::Phone(PhoneNumberError::StrayCharacter {
                        input: "0612345678 / 0698765432".into(),
                        character: '/'
                    })
                ),
                (
                    Some(3),
                    Problem::Phone(PhoneNumberError::StrayCharacter {
                        input: "+33612345678 x12".into(),
                        character: 'x'
                    })
                ),
            ]
        );
    }

    #[test]
    fn two_numbers_run_together_are_refused() {
        let list = parse_recipients("06 12 34 56 78 06 98 76 54 32", fr());
        assert_eq!(recipients(&list), vec![]);
        assert_eq!(list.errors.len(), 1);
        assert_eq!(list.errors[0].line, Some(1));
    }

    #[test]
    fn a_number_twice_on_a_line_or_across_lines_is_a_duplicate() {
        let list = parse_recipients("0612345678;06 12 34 56 78\n0698765432,+33612345678", fr());
        assert_eq!(
            recipients(&list),
            vec![(1, "+33612345678"), (2, "+33698765432")]
        );
        let duplicate = |line| DuplicateRecipient {
            line,
            first_line: 1,
            number: "+33612345678".into(),
            other_values: false,
        };
        assert_eq!(list.duplicates, vec![duplicate(1), duplicate(2)]);
    }
}
