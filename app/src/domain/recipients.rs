//! A pasted recipient list: one number per line, each checked, duplicates reported (server side only).

use std::collections::HashMap;

use super::phone::{PhoneNumber, Region};
use crate::models::{DuplicateRecipient, Field, FieldError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub number: PhoneNumber,
    /// 1-based line in the user's list.
    pub line: u32,
}

/// The outcome of reading a list: nothing is dropped without a trace.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct RecipientList {
    pub recipients: Vec<Recipient>,
    pub duplicates: Vec<DuplicateRecipient>,
    pub errors: Vec<FieldError>,
}

/// Reads one number per line; blank lines are ignored, every other line is a recipient or an error.
pub fn parse_recipient_lines(text: &str, default_region: Region) -> RecipientList {
    let mut list = RecipientList::default();
    let mut first_seen: HashMap<String, u32> = HashMap::new();
    for (index, raw) in text.lines().enumerate() {
        let line = u32::try_from(index + 1).unwrap_or(u32::MAX);
        if raw.trim().is_empty() {
            continue;
        }
        match PhoneNumber::parse(raw, default_region) {
            Ok(number) => {
                if let Some(&first_line) = first_seen.get(number.e164()) {
                    list.duplicates.push(DuplicateRecipient {
                        line,
                        first_line,
                        number: number.e164().to_owned(),
                    });
                } else {
                    first_seen.insert(number.e164().to_owned(), line);
                    list.recipients.push(Recipient { number, line });
                }
            }
            Err(error) => list.errors.push(FieldError::on_line(
                Field::Recipients,
                line,
                error.to_string(),
            )),
        }
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_bad_lines_by_number_and_keeps_the_first_of_duplicates() {
        let region = Region::parse("FR").unwrap();
        let list = parse_recipient_lines(
            "06 12 34 56 78\n\nnot a number\n+33612345678\n+12125550123\n",
            region,
        );
        let numbers: Vec<_> = list
            .recipients
            .iter()
            .map(|r| (r.line, r.number.e164()))
            .collect();
        assert_eq!(numbers, vec![(1, "+33612345678"), (5, "+12125550123")]);
        assert_eq!(
            list.duplicates,
            vec![DuplicateRecipient {
                line: 4,
                first_line: 1,
                number: "+33612345678".into()
            }]
        );
        assert_eq!(list.errors.len(), 1);
        assert_eq!(list.errors[0].line, Some(3));
        assert_eq!(list.errors[0].field, Field::Recipients);
    }
}
