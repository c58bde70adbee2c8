//! Reading an uploaded recipient file as it arrives: its bytes counted against the limit,
//! turned into UTF-8, passed to the list's reader and, in parts, to be written.

use app::domain::file_charset::FileCharset;
use app::models::{DuplicateRecipient, Field, FieldError, Problem, RecipientFileSummary};
use axum::body::Body;
use encoding_rs_io::DecodeReaderBytesBuilder;
use std::io::{self, BufReader, Read};
use tokio::sync::mpsc;

use super::recipient_files::ERRORS_LISTED;
use crate::domain::phone::Region;
use crate::domain::recipients::{read_repeats_last, Recipient, RecipientSink};
use crate::domain::row_set::RowSet;
use crate::storage::FileRepeats;

/// Parts are written once they hold this many bytes.
const PART_BYTES: usize = 1024 * 1024;

/// Reads `received` (in `charset`, at most `max_bytes`) to its end, checking each line as a typed
/// list's, and sends its text in parts to `parts`.
pub fn read_body(
    received: impl Read,
    charset: FileCharset,
    max_bytes: u64,
    parts: mpsc::Sender<Vec<u8>>,
    region: Region,
) -> io::Result<FileRead> {
    let received = SizeLimit {
        source: received,
        bytes: 0,
        max_bytes,
    };
    let parts = PartWriter {
        source: as_utf8(received, charset),
        part: Vec::with_capacity(PART_BYTES),
        parts,
        bytes: 0,
    };
    read_file(parts, region)
}

/// Whether reading stopped because the file is over the limit.
pub fn is_too_large(error: &io::Error) -> bool {
    error.get_ref().is_some_and(|inner| inner.is::<TooLarge>())
}

/// `body`'s bytes, an error once none has come for `idle`.
pub fn with_idle_limit(
    body: Body,
    idle: std::time::Duration,
) -> std::pin::Pin<Box<dyn futures_util::Stream<Item = io::Result<axum::body::Bytes>> + Send>> {
    let chunks =
        futures_util::stream::unfold(Some(body.into_data_stream()), move |stream| async move {
            let mut stream = stream?;
            match tokio::time::timeout(idle, futures_util::StreamExt::next(&mut stream)).await {
                Ok(Some(chunk)) => Some((chunk.map_err(io::Error::other), Some(stream))),
                Ok(None) => None,
                Err(_) => {
                    let stalled =
                        io::Error::new(io::ErrorKind::TimedOut, "no byte came for too long");
                    Some((Err(stalled), None))
                }
            }
        });
    Box::pin(chunks)
}

/// What reading a file found.
pub struct FileRead {
    /// Its size as kept (UTF-8).
    pub bytes: u64,
    recipients: u64,
    report: crate::domain::recipients::ListReport,
    /// The rows repeating an earlier number, kept with the file (`FileRead::repeats`).
    repeat_rows: RowSet,
    region: Region,
}

/// The report of a file's repeats as kept with it.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct KeptRepeatsReport {
    /// The reading the rows were counted by (`READING`).
    pub reading: u32,
    pub duplicates: Vec<DuplicateRecipient>,
    pub more_duplicates: u64,
}

/// A file's repeats as they are kept with it: found by this reading (`READING`) in `region`.
pub fn kept_form(
    rows: &RowSet,
    duplicates: &[DuplicateRecipient],
    more_duplicates: u64,
    region: Region,
) -> FileRepeats {
    let report = KeptRepeatsReport {
        reading: READING,
        duplicates: duplicates.to_vec(),
        more_duplicates,
    };
    FileRepeats {
        rows: rows.to_bytes(),
        report: serde_json::to_string(&report).expect("a report serialises"),
        region: region.code().to_owned(),
    }
}

/// The reading of a list's rows, by version: rows are counted in the order the reader meets its
/// numbers, so a kept file's repeats are its rows only for the same reading. Bump it whenever
/// lines split or numbers read otherwise (`recipient_lines`, the CSV's rules, line endings, the
/// `phonenumber` crate or its metadata): files kept before then find their repeats again.
/// 2: a CSV row after empty lines is told by its own line (its repeats' lines changed).
/// 3: a `\r` alone ends a line (such a file's rows were all on its first line).
/// 4: a repeat says whether its line's values are its first line's (kept before, none did).
pub const READING: u32 = 4;

impl FileRead {
    /// What the upload found of the file's repeats, to be kept with it.
    pub fn repeats(&self) -> FileRepeats {
        let report = &self.report;
        kept_form(
            &self.repeat_rows,
            &report.duplicates,
            report.more_duplicates,
            self.region,
        )
    }

    /// What the upload answers; more recipients than a campaign may name is said first.
    pub fn summary(self, id: String, name: &str, max_recipients: usize) -> RecipientFileSummary {
        let mut errors = self.report.errors;
        let count = usize::try_from(self.recipients).unwrap_or(usize::MAX);
        if count > max_recipients {
            let problem = Problem::TooManyRecipients {
                count,
                max: max_recipients,
            };
            errors.insert(0, FieldError::new(Field::Recipients, problem));
        }
        RecipientFileSummary {
            id,
            name: name.to_owned(),
            bytes: self.bytes,
            recipients: self.recipients,
            duplicates: self.report.duplicates,
            more_duplicates: self.report.more_duplicates,
            errors,
            more_errors: self.report.more_errors,
        }
    }
}

/// Reads the whole of `parts`' source, checking each line as a typed list's.
fn read_file(parts: PartWriter<impl Read>, region: Region) -> io::Result<FileRead> {
    let mut counted = Counted::default();
    let mut source = BufReader::with_capacity(64 * 1024, parts);
    let report = read_repeats_last(&mut source, region, ERRORS_LISTED, &mut counted)?;
    // A wrong header stops the reading early; the rest is still the file.
    io::copy(&mut source, &mut io::sink())?;
    let bytes = source.into_inner().finish()?;
    Ok(FileRead {
        bytes,
        recipients: counted.recipients,
        report,
        repeat_rows: counted.repeat_rows,
        region,
    })
}

/// Counts the recipients `read_repeats_last` reads; keeps none.
#[derive(Default)]
struct Counted {
    recipients: u64,
    /// The rows repeating an earlier number.
    repeat_rows: RowSet,
}

impl RecipientSink for Counted {
    fn recipient(&mut self, _: Recipient) {
        self.recipients += 1;
    }

    /// Repeats are told after their recipients were counted: they are no recipients.
    fn repeats(&mut self, rows: RowSet) {
        self.recipients -= rows.len();
        self.repeat_rows = rows;
    }
}

/// The upload went over the limit.
#[derive(Debug, thiserror::Error)]
#[error("the file is over the size limit")]
struct TooLarge;

/// `received` in UTF-8: transcoded from Windows-1252, Mac Roman or UTF-16 (a byte-order mark,
/// UTF-8's too, says which it is whatever `charset` says), passed through as it is when it is
/// said to be UTF-8 (its lines that are not are errors on those lines, never replaced).
fn as_utf8<R: Read>(received: R, charset: FileCharset) -> impl Read {
    let encoding = match charset {
        FileCharset::Utf8 => None,
        FileCharset::Windows1252 => Some(encoding_rs::WINDOWS_1252),
        FileCharset::MacRoman => Some(encoding_rs::MACINTOSH),
        FileCharset::Utf16Le => Some(encoding_rs::UTF_16LE),
        FileCharset::Utf16Be => Some(encoding_rs::UTF_16BE),
    };
    DecodeReaderBytesBuilder::new()
        .encoding(encoding)
        .bom_override(true)
        // Only when said UTF-8: passed through, a UTF-8 byte-order mark would keep another
        // charset's decoder.
        .utf8_passthru(charset == FileCharset::Utf8)
        .build(received)
}

/// The body's bytes, an error once there are more than `max_bytes`.
struct SizeLimit<R> {
    source: R,
    bytes: u64,
    max_bytes: u64,
}

impl<R: Read> Read for SizeLimit<R> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let read = self.source.read(buffer)?;
        self.bytes += read as u64;
        if self.bytes > self.max_bytes {
            return Err(io::Error::other(TooLarge));
        }
        Ok(read)
    }
}

/// Passes the file's text on to its reader, and each full part to be written.
struct PartWriter<R> {
    source: R,
    part: Vec<u8>,
    parts: mpsc::Sender<Vec<u8>>,
    bytes: u64,
}

impl<R> PartWriter<R> {
    /// Sends the last part; the file's size.
    fn finish(mut self) -> io::Result<u64> {
        self.send_part()?;
        Ok(self.bytes)
    }

    fn send_part(&mut self) -> io::Result<()> {
        if self.part.is_empty() {
            return Ok(());
        }
        let part = std::mem::replace(&mut self.part, Vec::with_capacity(PART_BYTES));
        self.parts
            .blocking_send(part)
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the file is not being kept"))
    }
}

impl<R: Read> Read for PartWriter<R> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let read = self.source.read(buffer)?;
        self.bytes += read as u64;
        self.part.extend_from_slice(&buffer[..read]);
        if self.part.len() >= PART_BYTES {
            self.send_part()?;
        }
        Ok(read)
    }
}
