//! The recipient list: numbers one a line (or several, see `recipient_lines`), or a CSV file with
//! a header naming its columns (server side only). Every number becomes a recipient, a reported
//! duplicate or an error.

use chrono_tz::Tz;
use std::io::{self, BufRead, Read};

use super::column_mapping::{
    header_cells, names_phone_column, normalise_header, IGNORED_COLUMN, PHONE_COLUMNS,
    TIME_ZONE_COLUMN, UTF8_BOM,
};
use super::empty_lines::{EmptyRuns, Watched};
pub use super::field_values::FieldValues;
use super::field_values::FieldValuesBuilder;
use super::line_endings::LineEndsAsLf;
use super::number_log::Numbers;
use super::phone::{PhoneNumber, Region};
use super::placeholders::PLACEHOLDERS;
pub(super) use super::recipient_checks::Repeats;
use super::recipient_checks::{remove_repeats, ListBuilder, UncheckedRow};
pub use super::recipient_checks::{ListReport, RecipientSink};
use super::recipient_lines::{self, read_lines};
pub use super::recipients_again::{find_repeats, read_each, KnownRepeats};
pub use super::repeat_runs::is_sorting_failure;
use super::send_time::parse_zone;
use app::models::{DuplicateRecipient, FieldError, Problem};

/// Longest placeholder value (Octopush's limit, kept for every provider).
const MAX_VALUE_CHARS: usize = 50;
// `FieldValues` keeps each value's length in a byte: 4 bytes a character at most.
const _: () = assert!(MAX_VALUE_CHARS * 4 <= u8::MAX as usize);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub number: PhoneNumber,
    /// 1-based line in the user's list (the CSV header is line 1).
    pub line: u32,
    /// Placeholder values (`first_name`, `param1`…) from the CSV columns.
    pub fields: FieldValues,
    /// The recipient's time zone, when the list has a `time_zone` column.
    pub zone: Option<Tz>,
}

/// The outcome of reading a list: nothing is dropped without a trace.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct RecipientList {
    pub recipients: Vec<Recipient>,
    /// The first `DUPLICATES_LISTED` repeated numbers…
    pub duplicates: Vec<DuplicateRecipient>,
    /// …and how many more: a number repeated a million times is counted, not listed.
    pub more_duplicates: u64,
    pub errors: Vec<FieldError>,
}

/// Line errors listed one by one, by a list read at each pass and by the order; beyond, a count.
pub const LINE_ERRORS_LISTED: usize = 100;

/// Repeated numbers listed one by one; beyond, a count.
pub const DUPLICATES_LISTED: usize = 100;

impl Recipient {
    /// Whether `other`'s line gives its message the same values (placeholders, time zone).
    pub fn same_values(&self, other: &Recipient) -> bool {
        self.fields == other.fields && self.zone == other.zone
    }

    /// A digest of the values `same_values` compares: equal for equal values, and different
    /// values giving one digest as rarely as a 64-bit hash collides (the same in one process).
    pub fn values_digest(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::hash::DefaultHasher::new();
        for (name, value) in self.fields.iter() {
            (name, value).hash(&mut hasher);
        }
        self.zone.map(|zone| zone.name()).hash(&mut hasher);
        hasher.finish()
    }
}

impl RecipientList {
    /// Every repeated number, listed or not.
    pub fn duplicate_count(&self) -> u64 {
        self.duplicates.len() as u64 + self.more_duplicates
    }
}

/// What each CSV column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Phone,
    Placeholder(&'static str),
    TimeZone,
    /// Named `ignore`: a column of the user's file the list does not use.
    Ignored,
}

/// Reads the list: CSV when its first non-blank line is a header naming a phone column
/// (`phone`, `phone_number` or `number`), otherwise numbers by line. Blank lines are ignored.
pub fn parse_recipients(text: &str, default_region: Region) -> RecipientList {
    read_list(text.as_bytes(), default_region, 0).expect("reading from memory does not fail")
}

/// `parse_recipients` over bytes as they come (a file), every error kept. Room for `expected`
/// recipients (a hint: a file's lines, at most the recipients a list may have) is reserved at
/// once: a list growing to a million would hold its old and new copies at once, and up to half
/// its room unused.
pub fn read_list(
    source: impl BufRead,
    default_region: Region,
    expected: usize,
) -> io::Result<RecipientList> {
    let mut recipients = Vec::new();
    // A hint: refused room is no error, the list then grows as it is read.
    let _ = recipients.try_reserve_exact(expected);
    let mut report = read_with(
        source,
        default_region,
        usize::MAX,
        &mut recipients,
        Repeats::Afterwards,
        &mut Numbers::Checked,
    )?;
    remove_repeats(&mut recipients, &mut report);
    Ok(RecipientList {
        recipients,
        duplicates: report.duplicates,
        more_duplicates: report.more_duplicates,
        errors: report.errors,
    })
}

/// Reads a list as it comes for a sink that counts (an upload): each row's recipient goes to
/// `sink` once its line is checked, and the rows repeating an earlier number, found once every
/// line is read by sorting the numbers a run at a time on disk (`Repeats::Sorted`), are then told
/// to it. No table of the numbers seen: the memory does not grow with the list. The first
/// `errors_listed` errors are kept, the rest counted. Fails when `source` does (a line that is
/// not UTF-8 text is an error on that line), or when the numbers could not be kept for sorting.
pub fn read_repeats_last(
    source: impl BufRead,
    default_region: Region,
    errors_listed: usize,
    sink: &mut impl RecipientSink,
) -> io::Result<ListReport> {
    read_with(
        source,
        default_region,
        errors_listed,
        sink,
        Repeats::Sorted,
        &mut Numbers::Checked,
    )
}

/// A list's lines in error (the first `errors_listed`, the rest counted), read from memory as a
/// reading finds them; its repeats are not looked for.
pub fn line_errors(text: &[u8], default_region: Region, errors_listed: usize) -> ListReport {
    struct Nothing;
    impl RecipientSink for Nothing {
        fn recipient(&mut self, _: Recipient) {}
    }
    read_with(
        text,
        default_region,
        errors_listed,
        &mut Nothing,
        Repeats::Afterwards,
        &mut Numbers::Checked,
    )
    .expect("reading from memory without sorting does not fail")
}

/// Reads a list as it comes, its repeated numbers found as `repeats` says.
pub(super) fn read_with(
    source: impl BufRead,
    default_region: Region,
    errors_listed: usize,
    sink: &mut impl RecipientSink,
    repeats: Repeats,
    numbers: &mut Numbers,
) -> io::Result<ListReport> {
    // Every line end made `\n`, so the lines are counted as the user's editor counts them.
    let mut source = io::BufReader::new(LineEndsAsLf::new(source));
    // The lines up to the first non-blank one tell a CSV file (its header) from a plain list.
    let mut head = Vec::new();
    loop {
        let start = head.len();
        if source.read_until(b'\n', &mut head)? == 0 {
            break;
        }
        // Spreadsheets often save UTF-8 with a byte-order mark: no part of the first line.
        if start == 0 && head.starts_with(UTF8_BOM) {
            head.drain(..UTF8_BOM.len());
        }
        if !head[start..].trim_ascii().is_empty() {
            break;
        }
        // A blank line before the header (spaces, a tab) is an empty line to the CSV reader,
        // which would otherwise take it for the header; the line still counts.
        head.truncate(start);
        head.push(b'\n');
    }
    let (delimiter, cells) = header_cells(&String::from_utf8_lossy(&head));
    let source = io::Cursor::new(head).chain(source);
    let mut list = ListBuilder::new(default_region, errors_listed, sink, repeats, numbers);
    if names_phone_column(&cells) {
        read_csv(source, delimiter as u8, &mut list)?;
    } else {
        read_lines(source, &mut list)?;
    }
    list.finish()
}

pub(super) fn line_number(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

fn read_csv<S: RecipientSink>(
    source: impl io::Read,
    delimiter: u8,
    list: &mut ListBuilder<'_, S>,
) -> io::Result<()> {
    let runs = EmptyRuns::new();
    let source = Watched {
        source,
        runs: runs.clone(),
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(source);
    let header_position = reader.position().clone();
    // Each row's line as the user's editor counts it, empty lines before it included.
    let line_at = |position: Option<&csv::Position>| {
        let line = position.map_or(0, |position| runs.borrow_mut().row_line(position));
        line_number(usize::try_from(line).unwrap_or(usize::MAX))
    };
    let columns = match read_header(&mut reader) {
        Ok(columns) => columns,
        Err(HeaderError::Source(error)) => return Err(error),
        Err(HeaderError::Problem(problem)) => {
            list.error(line_at(Some(&header_position)).max(1), problem);
            return Ok(());
        }
    };
    for row in reader.records() {
        let row = match row {
            Ok(row) => row,
            Err(error) => {
                if error.is_io_error() {
                    return Err(source_error(error));
                }
                let line = line_at(error.position());
                // The reader's error kinds are an open set (csv marks them non-exhaustive).
                let problem = match error.kind() {
                    csv::ErrorKind::Utf8 { .. } => Problem::NotUtf8Line,
                    _ => Problem::UnreadableLine {
                        detail: error.to_string(),
                    },
                };
                list.error(line, problem);
                continue;
            }
        };
        let line = line_at(row.position());
        if row.iter().all(str::is_empty) {
            continue;
        }
        if row.len() != columns.len() {
            list.error(
                line,
                Problem::ValueCount {
                    values: row.len(),
                    columns: columns.len(),
                },
            );
            continue;
        }
        match read_row(&columns, &row) {
            Ok((phone, fields, zone)) => list.row(UncheckedRow {
                line,
                phone,
                fields,
                zone,
            }),
            Err(problem) => list.error(line, problem),
        }
    }
    Ok(())
}

/// The source's own error, as it failed (not wrapped: its caller tells a file over the size
/// limit from a cut upload by it).
fn source_error(error: csv::Error) -> io::Error {
    // The reader's error kinds are an open set (csv marks them non-exhaustive).
    match error.into_kind() {
        csv::ErrorKind::Io(error) => error,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// Why a header was not read: the source failed, or the header is wrong.
enum HeaderError {
    Source(io::Error),
    Problem(Problem),
}

fn read_header(reader: &mut csv::Reader<impl io::Read>) -> Result<Vec<Column>, HeaderError> {
    let header = reader.headers().map_err(|error| {
        if error.is_io_error() {
            HeaderError::Source(source_error(error))
        } else {
            HeaderError::Problem(Problem::UnreadableHeader {
                detail: error.to_string(),
            })
        }
    })?;
    let mut columns = Vec::with_capacity(header.len());
    for cell in header {
        let name = normalise_header(cell);
        let column = if PHONE_COLUMNS.contains(&name.as_str()) {
            Column::Phone
        } else if name == TIME_ZONE_COLUMN {
            Column::TimeZone
        } else if name == IGNORED_COLUMN {
            Column::Ignored
        } else if let Some(placeholder) = PLACEHOLDERS.iter().find(|p| **p == name) {
            Column::Placeholder(placeholder)
        } else {
            let problem = Problem::UnknownColumn(cell.trim().to_owned());
            return Err(HeaderError::Problem(problem));
        };
        if column != Column::Ignored && columns.contains(&column) {
            let problem = Problem::RepeatedColumn(cell.trim().to_owned());
            return Err(HeaderError::Problem(problem));
        }
        columns.push(column);
    }
    Ok(columns)
}

/// The number as written, the placeholder values and the time zone.
type Row = (String, FieldValues, Option<Tz>);

/// One row's number, values and zone.
fn read_row(columns: &[Column], row: &csv::StringRecord) -> Result<Row, Problem> {
    let mut number = None;
    // Sized to the values: a long list keeps one set a recipient.
    let values_bytes = columns
        .iter()
        .zip(row.iter())
        .filter(|(column, _)| matches!(column, Column::Placeholder(_)))
        .map(|(_, value)| value.len())
        .sum();
    let mut fields = FieldValuesBuilder::with_capacity(values_bytes);
    let mut zone = None;
    for (column, value) in columns.iter().zip(row.iter()) {
        match column {
            // Several numbers would share the row's values: refused, not cut to the first.
            Column::Phone if recipient_lines::pieces(value).nth(1).is_some() => {
                return Err(Problem::SeveralValuesInPhoneCell(value.to_owned()))
            }
            // An empty cell (a row with a name and no number): "the phone number is missing".
            Column::Phone if value.is_empty() => {}
            Column::Phone => number = Some(value.to_owned()),
            Column::Placeholder(name) if value.chars().count() > MAX_VALUE_CHARS => {
                return Err(Problem::ValueTooLong {
                    column: (*name).to_owned(),
                    chars: value.chars().count(),
                    max: MAX_VALUE_CHARS,
                })
            }
            Column::Placeholder(name) if !value.is_empty() => {
                fields.push(name, value);
            }
            Column::Placeholder(_) => {}
            Column::Ignored => {}
            Column::TimeZone if value.is_empty() => {}
            Column::TimeZone => zone = Some(parse_zone(value).map_err(Problem::RecipientZone)?),
        }
    }
    let number = number.ok_or(Problem::NoPhoneValue)?;
    Ok((number, fields.build(), zone))
}

/// A list's errors as (line, problem), for tests to compare.
#[cfg(test)]
pub(super) fn errors_by_line(list: &RecipientList) -> Vec<(Option<u32>, Problem)> {
    list.errors
        .iter()
        .map(|e| (e.line, e.problem.clone()))
        .collect()
}

#[cfg(test)]
#[path = "recipients_tests.rs"]
mod tests;
