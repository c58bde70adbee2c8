//! Checks the numbers a recipient list's readers found, a batch of lines at a time, and sorts them
//! into recipients, reported duplicates and errors by line. The recipients go to a sink as they
//! are checked, so that a reader of a long file keeps only what its sink keeps. A long list's
//! batches are checked on a thread of their own, each while the reader reads the next lines.

use chrono_tz::Tz;

use super::number_log::Numbers;
use super::phone::{PhoneNumber, PhoneNumberError, Region};
use super::recipients::{FieldValues, Recipient, DUPLICATES_LISTED};
use super::repeat_runs::RepeatRuns;
use super::row_set::RowSet;
use super::work_ahead::WorkAhead;
use app::models::{DuplicateRecipient, Field, FieldError, Problem};
use std::io;
use std::sync::Arc;

/// Lines checked at once: enough to keep every core busy, few enough to stay small.
pub(super) const CHECK_BATCH: usize = 16_384;

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

/// A batch of lines, its rows' numbers taken from an earlier reading's log where it had them
/// (`logged`, one per row) and the others checked (`checked`, in order, once checked).
struct Batch {
    entries: Vec<Entry>,
    logged: Vec<Option<PhoneNumber>>,
    checked: Vec<Result<PhoneNumber, PhoneNumberError>>,
}

impl Batch {
    /// Checks the numbers no log had (on every core: `PhoneNumber::parse_many`).
    fn check(mut self, default_region: Region) -> Self {
        let rows = self.entries.iter().filter_map(|entry| match entry {
            Entry::Row(row) => Some(row),
            Entry::Error(..) => None,
        });
        let phones: Vec<&str> = rows
            .zip(&self.logged)
            .filter(|(_, logged)| logged.is_none())
            .map(|(row, _)| row.phone.as_str())
            .collect();
        self.checked = PhoneNumber::parse_many(&phones, default_region);
        self
    }
}

/// Where checked recipients go, in the order of their lines.
pub trait RecipientSink {
    fn recipient(&mut self, recipient: Recipient);

    /// Told of the rows found repeating an earlier number, by their ordinals, once every line is
    /// read, after their recipients (`Repeats::Sorted`).
    fn repeats(&mut self, _rows: RowSet) {}
}

impl RecipientSink for Vec<Recipient> {
    fn recipient(&mut self, recipient: Recipient) {
        self.push(recipient);
    }
}

/// How a list's repeated numbers are found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Repeats {
    /// Once every line is read, in the list the sink kept (`remove_repeats`): a typed list.
    Afterwards,
    /// Known already, by their rows (a reading of the same bytes found them): left out, and not
    /// reported again.
    Known(Arc<RowSet>),
    /// Once every line is read, by sorting the numbers a run at a time on disk (`RepeatRuns`):
    /// every row's recipient goes to the sink, which is then told of the repeats. For a sink that
    /// counts (an upload): memory that does not grow with the list.
    Sorted,
}

/// What a list's reading found besides its recipients: nothing is dropped without a trace.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ListReport {
    /// The first `DUPLICATES_LISTED` repeated numbers…
    pub duplicates: Vec<DuplicateRecipient>,
    /// …and how many more: a number repeated a million times is counted, not listed.
    pub more_duplicates: u64,
    /// The first errors, by line, up to the builder's limit…
    pub errors: Vec<FieldError>,
    /// …and how many more.
    pub more_errors: u64,
}

/// Where a long list's batches are checked.
enum Checking {
    /// Where they are read: no batch with numbers to check has filled yet (a short list, or a
    /// list read again from its log until a batch has a row the log does not give).
    InTurn,
    /// On a thread of their own, each while the next is read.
    Ahead(WorkAhead<Batch>),
    /// Where they are read, for good: no thread could be started.
    InTurnForGood,
}

/// Collects the lines and checks them a batch at a time (each batch on every core), keeping the
/// first of each number and reporting the rest (or, their rows known, leaving those out).
pub(super) struct ListBuilder<'a, S: RecipientSink> {
    pending: Vec<Entry>,
    checking: Checking,
    /// Where the rows' numbers come from: checked, or an earlier reading's log.
    numbers: &'a mut Numbers,
    /// The rows repeating an earlier number (`Repeats::Known`).
    known_repeats: Option<Arc<RowSet>>,
    /// Every number so far, to be sorted (`Repeats::Sorted`).
    sorted_runs: Option<RepeatRuns>,
    /// Why the numbers could not be kept for sorting (a temporary file that could not be written).
    failure: Option<io::Error>,
    /// The rows checked so far: the next one's ordinal.
    rows: u64,
    default_region: Region,
    errors_listed: usize,
    report: ListReport,
    sink: &'a mut S,
}

impl<'a, S: RecipientSink> ListBuilder<'a, S> {
    /// Errors beyond `errors_listed` are counted, not kept.
    pub(super) fn new(
        default_region: Region,
        errors_listed: usize,
        sink: &'a mut S,
        repeats: Repeats,
        numbers: &'a mut Numbers,
    ) -> Self {
        let (known_repeats, sorted_runs) = match repeats {
            Repeats::Afterwards => (None, None),
            Repeats::Known(rows) => (Some(rows), None),
            Repeats::Sorted => (None, Some(RepeatRuns::new())),
        };
        Self {
            pending: Vec::new(),
            checking: Checking::InTurn,
            numbers,
            known_repeats,
            sorted_runs,
            failure: None,
            rows: 0,
            default_region,
            errors_listed,
            report: ListReport::default(),
            sink,
        }
    }

    pub(super) fn row(&mut self, row: UncheckedRow) {
        self.push(Entry::Row(row));
    }

    pub(super) fn error(&mut self, line: u32, problem: Problem) {
        self.push(Entry::Error(line, problem));
    }

    pub(super) fn finish(mut self) -> io::Result<ListReport> {
        let last = self.take_pending();
        match std::mem::replace(&mut self.checking, Checking::InTurnForGood) {
            Checking::Ahead(mut ahead) => {
                let before = ahead.hand_over(last);
                let last = ahead.finish();
                for batch in before.into_iter().chain(last) {
                    self.sort_checked(batch);
                }
            }
            Checking::InTurn | Checking::InTurnForGood => {
                self.sort_checked(last.check(self.default_region));
            }
        }
        if let Some(failure) = self.failure {
            return Err(failure);
        }
        if let Some(runs) = self.sorted_runs {
            let found = runs.finish(DUPLICATES_LISTED)?;
            self.sink.repeats(found.rows);
            self.report.duplicates = found.listed;
            self.report.more_duplicates = found.more;
        }
        Ok(self.report)
    }

    fn push(&mut self, entry: Entry) {
        self.pending.push(entry);
        if self.pending.len() < CHECK_BATCH {
            return;
        }
        let batch = self.take_pending();
        self.pending.reserve(CHECK_BATCH);
        if let Checking::InTurn = self.checking {
            // A list read again takes every number from its first reading's log.
            if batch.logged.iter().all(Option::is_some) {
                self.sort_checked(batch);
                return;
            }
            let default_region = self.default_region;
            let check = move |batch: Batch| batch.check(default_region);
            self.checking = match WorkAhead::start("number-checker", check) {
                Some(ahead) => Checking::Ahead(ahead),
                None => Checking::InTurnForGood,
            };
        }
        let before = match &mut self.checking {
            Checking::Ahead(ahead) => ahead.hand_over(batch),
            Checking::InTurn | Checking::InTurnForGood => Some(batch.check(self.default_region)),
        };
        if let Some(before) = before {
            self.sort_checked(before);
        }
    }

    /// The lines read since the last batch; a row an earlier reading logged takes its number
    /// from there.
    fn take_pending(&mut self) -> Batch {
        let entries = std::mem::take(&mut self.pending);
        let logged = entries
            .iter()
            .filter_map(|entry| match entry {
                Entry::Row(row) => Some(self.numbers.logged(row.line, &row.phone)),
                Entry::Error(..) => None,
            })
            .collect();
        Batch {
            entries,
            logged,
            checked: Vec::new(),
        }
    }

    /// Sorts a checked batch's lines, in order, into recipients, repeats and errors.
    fn sort_checked(&mut self, batch: Batch) {
        let mut checked = batch.checked.into_iter();
        let mut logged = batch.logged.into_iter();
        for entry in batch.entries {
            let row = match entry {
                Entry::Row(row) => row,
                Entry::Error(line, problem) => {
                    self.line_error(line, problem);
                    continue;
                }
            };
            let ordinal = self.rows;
            self.rows += 1;
            let number = match logged.next().expect("one entry per row") {
                Some(number) => Ok(number),
                None => checked.next().expect("one result per row checked"),
            };
            self.numbers
                .note(row.line, &row.phone, number.as_ref().ok());
            let number = match number {
                Ok(number) => number,
                Err(error) => {
                    self.line_error(row.line, Problem::from(error));
                    continue;
                }
            };
            if let Some(known) = &self.known_repeats {
                if known.contains(ordinal) {
                    continue;
                }
            }
            let recipient = Recipient {
                number,
                line: row.line,
                fields: row.fields,
                zone: row.zone,
            };
            if let Some(runs) = &mut self.sorted_runs {
                let values = recipient.values_digest();
                let pushed = runs.push(recipient.number.e164(), ordinal, recipient.line, values);
                if let Err(error) = pushed {
                    // The reading still fails at its end; the numbers are no longer kept.
                    self.sorted_runs = None;
                    self.failure.get_or_insert(error);
                }
            }
            self.sink.recipient(recipient);
        }
    }

    fn line_error(&mut self, line: u32, problem: Problem) {
        if self.report.errors.len() < self.errors_listed {
            let error = FieldError::on_line(Field::Recipients, line, problem);
            self.report.errors.push(error);
        } else {
            self.report.more_errors += 1;
        }
    }
}

/// Removes from `recipients`, read with `Repeats::Afterwards`, every number after its first, and
/// reports them as `Repeats::Sorted` does: `DUPLICATES_LISTED` of them with the line their number
/// came first on, in list order, those whose values are not their first line's before the
/// others. Sorting the list's places by number takes 8 bytes a recipient.
pub(super) fn remove_repeats(recipients: &mut Vec<Recipient>, report: &mut ListReport) {
    let number = |place: usize| recipients[place].number.e164();
    let mut by_number: Vec<usize> = (0..recipients.len()).collect();
    by_number.sort_unstable_by(|&a, &b| number(a).cmp(number(b)).then(a.cmp(&b)));
    let mut repeated = vec![false; recipients.len()];
    for run in by_number.chunk_by(|&a, &b| number(a) == number(b)) {
        for &later in &run[1..] {
            repeated[later] = true;
        }
    }
    // The first of its run: places sorted by number, then by place.
    let first_of =
        |place: usize| by_number[by_number.partition_point(|&p| number(p) < number(place))];
    let repeats = || {
        let places = repeated.iter().enumerate().filter(|(_, r)| **r);
        places.map(|(place, _)| (place, first_of(place)))
    };
    let other_values =
        |(place, first): (usize, usize)| !recipients[place].same_values(&recipients[first]);
    let mut listed: Vec<((usize, usize), bool)> = repeats()
        .filter(|&repeat| other_values(repeat))
        .take(DUPLICATES_LISTED)
        .map(|repeat| (repeat, true))
        .collect();
    let room = DUPLICATES_LISTED - listed.len();
    listed.extend(
        repeats()
            .filter(|&repeat| !other_values(repeat))
            .take(room)
            .map(|repeat| (repeat, false)),
    );
    listed.sort_unstable();
    let count = repeated.iter().filter(|r| **r).count();
    report.more_duplicates += (count - listed.len()) as u64;
    report
        .duplicates
        .extend(
            listed
                .into_iter()
                .map(|((place, first), other_values)| DuplicateRecipient {
                    line: recipients[place].line,
                    first_line: recipients[first].line,
                    number: number(place).to_owned(),
                    other_values,
                }),
        );
    drop(by_number);
    let mut place = 0;
    recipients.retain(|_| {
        let keep = !repeated[place];
        place += 1;
        keep
    });
}

#[cfg(test)]
#[path = "recipient_checks_tests.rs"]
mod tests;
