//! Checks the numbers a recipient list's readers found, a batch of lines at a time, and sorts them
//! into recipients, reported duplicates and errors by line. The recipients go to a sink as they
//! are checked, so that a reader of a long file keeps only what its sink keeps.

use chrono_tz::Tz;

use super::phone::{PhoneNumber, Region};
use super::recipients::{FieldValues, Recipient, DUPLICATES_LISTED};
use super::repeat_runs::RepeatRuns;
use super::row_set::RowSet;
use app::models::{DuplicateRecipient, Field, FieldError, Problem};
use std::io;
use std::sync::Arc;

/// Lines checked at once: enough to keep every core busy, few enough to stay small.
const CHECK_BATCH: usize = 16_384;

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

/// Collects the lines and checks them a batch at a time (each batch on every core), keeping the
/// first of each number and reporting the rest (or, their rows known, leaving those out).
pub(super) struct ListBuilder<'a, S: RecipientSink> {
    pending: Vec<Entry>,
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
    ) -> Self {
        let (known_repeats, sorted_runs) = match repeats {
            Repeats::Afterwards => (None, None),
            Repeats::Known(rows) => (Some(rows), None),
            Repeats::Sorted => (None, Some(RepeatRuns::new())),
        };
        Self {
            pending: Vec::new(),
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
        self.check_pending();
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
        if self.pending.len() >= CHECK_BATCH {
            self.check_pending();
        }
    }

    fn check_pending(&mut self) {
        let entries = std::mem::take(&mut self.pending);
        let phones: Vec<&str> = entries
            .iter()
            .filter_map(|entry| match entry {
                Entry::Row(row) => Some(row.phone.as_str()),
                Entry::Error(..) => None,
            })
            .collect();
        let mut numbers = PhoneNumber::parse_many(&phones, self.default_region).into_iter();
        drop(phones);
        for entry in entries {
            let row = match entry {
                Entry::Row(row) => row,
                Entry::Error(line, problem) => {
                    self.line_error(line, problem);
                    continue;
                }
            };
            let ordinal = self.rows;
            self.rows += 1;
            let number = match numbers.next().expect("one result per row") {
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
            if let Some(runs) = &mut self.sorted_runs {
                if let Err(error) = runs.push(number.e164(), ordinal, row.line) {
                    // The reading still fails at its end; the numbers are no longer kept.
                    self.sorted_runs = None;
                    self.failure.get_or_insert(error);
                }
            }
            self.sink.recipient(Recipient {
                number,
                line: row.line,
                fields: row.fields,
                zone: row.zone,
            });
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
/// reports them as `Repeats::Sorted` does: in list order, the first `DUPLICATES_LISTED` with the
/// line their number came first on. Sorting the list's places by number takes 8 bytes a
/// recipient.
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
    let repeats = repeated.iter().enumerate().filter(|(_, r)| **r);
    for (place, _) in repeats {
        if report.duplicates.len() < DUPLICATES_LISTED {
            // The first of its run: places sorted by number, then by place.
            let first = by_number[by_number.partition_point(|&p| number(p) < number(place))];
            report.duplicates.push(DuplicateRecipient {
                line: recipients[place].line,
                first_line: recipients[first].line,
                number: number(place).to_owned(),
            });
        } else {
            report.more_duplicates += 1;
        }
    }
    drop(by_number);
    let mut place = 0;
    recipients.retain(|_| {
        let keep = !repeated[place];
        place += 1;
        keep
    });
}

#[cfg(test)]
mod tests {
    use super::super::recipients::{
        parse_recipients, read_each, read_list, read_repeats_last, KnownRepeats,
    };
    use super::*;
    use std::io::{self, BufReader, Read};

    fn fr() -> Region {
        Region::parse("FR").unwrap()
    }

    /// Keeps what a reading gives: every recipient, and the rows it was told repeat.
    #[derive(Default)]
    struct Kept {
        recipients: Vec<Recipient>,
        repeats: RowSet,
    }

    impl RecipientSink for Kept {
        fn recipient(&mut self, recipient: Recipient) {
            self.recipients.push(recipient);
        }

        fn repeats(&mut self, rows: RowSet) {
            self.repeats = rows;
        }
    }

    /// A source that gives one byte a read, as a slow upload may.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
            let Some((first, rest)) = self.0.split_first() else {
                return Ok(0);
            };
            buffer[0] = *first;
            self.0 = rest;
            Ok(1)
        }
    }

    #[test]
    fn a_list_read_a_byte_at_a_time_is_the_list_read_at_once() {
        let lists = [
            "\n\nphone;first_name;time_zone\r\n0612345678;Ann;Europe/Paris\r\n\
             x;Bob;\n0612345678;Ann again;\n+12125550123;\"Cy, Jr\";America/New_York",
            "06 12 34 56 78\r\nnot a number\n\n0612345678, +12125550123\n",
        ];
        for list in lists {
            let trickled = read_list(
                BufReader::with_capacity(1, Trickle(list.as_bytes())),
                fr(),
                0,
            )
            .unwrap();
            assert_eq!(trickled, parse_recipients(list, fr()), "{list}");
        }
    }

    #[test]
    fn repeats_found_by_sorting_are_those_found_afterwards() {
        // Repeats on other lines, on one line, in other writings of a number, and more than
        // are listed: the list kept and its report are the same either way.
        let mut lines = vec![
            "phone;first_name".to_owned(),
            "0612345678;Ann".to_owned(),
            "+12125550123;Bob".to_owned(),
            "06 12 34 56 78;Ann again".to_owned(),
            "x;Nobody".to_owned(),
        ];
        lines.extend((0..150).map(|n| format!("+3361{:07};N{n}", n % 40)));
        lines.push("0033612345678;Ann once more".to_owned());
        let csv = lines.join("\n");
        let plain = "0612345678, 06 12 34 56 78\n+12125550123\n0612345678\n";
        for list in [csv.as_str(), plain] {
            let afterwards = parse_recipients(list, fr());
            // Found last by sorting: every recipient given, then the same repeats told.
            let mut sorted = Kept::default();
            let report = read_repeats_last(list.as_bytes(), fr(), usize::MAX, &mut sorted).unwrap();
            assert_eq!(afterwards.duplicates, report.duplicates, "{list}");
            assert_eq!(afterwards.more_duplicates, report.more_duplicates, "{list}");
            assert_eq!(afterwards.errors, report.errors, "{list}");
            let repeated = sorted.repeats.iter().count();
            assert_eq!(
                repeated as u64,
                report.duplicates.len() as u64 + report.more_duplicates
            );
            // Read again with them known: the list read once, and the same report.
            let known = KnownRepeats {
                rows: Arc::new(sorted.repeats),
                duplicates: report.duplicates.clone(),
                more_duplicates: report.more_duplicates,
            };
            let mut again = Vec::new();
            let reread = read_each(list.as_bytes(), fr(), &known, &mut |recipient| {
                again.push(recipient);
                std::ops::ControlFlow::Continue(())
            })
            .unwrap();
            assert_eq!(sorted.recipients.len() - repeated, again.len());
            assert_eq!(afterwards.recipients, again, "{list}");
            assert_eq!(afterwards.duplicates, reread.duplicates, "{list}");
            assert_eq!(afterwards.errors, reread.errors, "{list}");
        }
        let afterwards = parse_recipients(&csv, fr());
        assert_eq!(afterwards.duplicates.len(), DUPLICATES_LISTED);
        assert_eq!(afterwards.more_duplicates, 12);
        assert_eq!(afterwards.recipients.len(), 42);
    }

    #[test]
    fn a_line_that_is_not_utf8_is_an_error_on_its_line_alone() {
        for list in [
            &b"0612345678\n06\xe9\n0698765432\n"[..],
            &b"phone,first_name\n0612345678,Ann\n06\xe9,Bob\n0698765432,Cy\n"[..],
        ] {
            let read = read_list(list, fr(), 4).unwrap();
            let lines: Vec<_> = read.recipients.iter().map(|r| r.line).collect();
            let offset = u32::from(list.starts_with(b"phone"));
            assert_eq!(lines, vec![1 + offset, 3 + offset]);
            assert_eq!(read.errors.len(), 1);
            assert_eq!(read.errors[0].line, Some(2 + offset));
            assert_eq!(read.errors[0].problem, Problem::NotUtf8Line);
        }
    }

    #[test]
    fn a_failing_source_fails_the_reading_rather_than_a_line() {
        struct Cut;
        impl Read for Cut {
            fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
                Err(io::Error::new(io::ErrorKind::ConnectionReset, "cut"))
            }
        }
        let plain = io::Cursor::new(b"0612345678\n".to_vec()).chain(Cut);
        assert!(read_list(BufReader::new(plain), fr(), 2).is_err());
        let csv = io::Cursor::new(b"phone\n0612345678\n".to_vec()).chain(Cut);
        assert!(read_list(BufReader::new(csv), fr(), 3).is_err());
    }

    #[test]
    fn errors_beyond_those_listed_are_counted_and_recipients_go_to_the_sink() {
        let list = "x\n".repeat(CHECK_BATCH + 10) + "0612345678\n";
        let mut kept = Vec::new();
        let report = read_repeats_last(list.as_bytes(), fr(), 5, &mut kept).unwrap();
        assert_eq!(report.errors.len(), 5);
        assert_eq!(report.more_errors, (CHECK_BATCH + 5) as u64);
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].line, (CHECK_BATCH + 11) as u32);
    }
}
