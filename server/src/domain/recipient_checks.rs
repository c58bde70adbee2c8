//! Checks the numbers a recipient list's readers found, all at once, and sorts them into
//! recipients, reported duplicates and errors by line.

use chrono_tz::Tz;
use std::collections::HashMap;

use super::phone::{PhoneNumber, Region};
use super::recipients::{FieldValues, Recipient, RecipientList, DUPLICATES_LISTED};
use app::models::{DuplicateRecipient, Field, FieldError, Problem};

/// A line read whose number is not checked yet.
pub(super) struct UncheckedRow {
    pub(super) line: u32,
    pub(super) phone: String,
    pub(super) fields: FieldValues,
    pub(super) zone: Option<Tz>,
}

/// Each line in order: a row to check or an error already found.
enum Entry {
    Row(UncheckedRow),
    Error(u32, Problem),
}

/// Collects the lines, then checks every number at once (on every core) and keeps the first of
/// each, reporting the rest.
#[derive(Default)]
pub(super) struct ListBuilder {
    entries: Vec<Entry>,
}

impl ListBuilder {
    pub(super) fn row(&mut self, row: UncheckedRow) {
        self.entries.push(Entry::Row(row));
    }

    pub(super) fn error(&mut self, line: u32, problem: Problem) {
        self.entries.push(Entry::Error(line, problem));
    }

    pub(super) fn finish(self, default_region: Region) -> RecipientList {
        let phones: Vec<&str> = self
            .entries
            .iter()
            .filter_map(|entry| match entry {
                Entry::Row(row) => Some(row.phone.as_str()),
                Entry::Error(..) => None,
            })
            .collect();
        let mut numbers = PhoneNumber::parse_many(&phones, default_region).into_iter();
        let mut list = RecipientList::default();
        let mut first_seen: HashMap<String, u32> = HashMap::new();
        let on_line = |line, problem| FieldError::on_line(Field::Recipients, line, problem);
        for entry in self.entries {
            let row = match entry {
                Entry::Row(row) => row,
                Entry::Error(line, problem) => {
                    list.errors.push(on_line(line, problem));
                    continue;
                }
            };
            let number = match numbers.next().expect("one result per row") {
                Ok(number) => number,
                Err(error) => {
                    list.errors.push(on_line(row.line, Problem::from(error)));
                    continue;
                }
            };
            if let Some(&first_line) = first_seen.get(number.e164()) {
                if list.duplicates.len() < DUPLICATES_LISTED {
                    list.duplicates.push(DuplicateRecipient {
                        line: row.line,
                        first_line,
                        number: number.e164().to_owned(),
                    });
                } else {
                    list.more_duplicates += 1;
                }
                continue;
            }
            first_seen.insert(number.e164().to_owned(), row.line);
            list.recipients.push(Recipient {
                number,
                line: row.line,
                fields: row.fields,
                zone: row.zone,
            });
        }
        list
    }
}
