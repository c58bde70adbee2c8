//! The numbers one reading of a list found, row by row, kept in a temporary file. A schedule
//! reads an uploaded file twice, to check it and then to record it; the second reading of the same
//! bytes takes each row's number from the first one's log instead of checking it with
//! libphonenumber again (most of a reading's time). The log has an entry for every row, in the
//! order read: its line, a hash of the number as written, and the number when it was a valid one.
//! A row the log has no number for (one found wrong, or past where the first reading stopped) is
//! checked as usual, and a log whose next entry is not of the row's line and text (a row cut short
//! where a reading was stopped, a line holding several rows) is out of step and given up; so a
//! log can only spare work, never change what a reading finds.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};

use app::models::NumberKind;

use super::file_at::read_at;
use super::phone::PhoneNumber;

/// How a reading gets its rows' numbers.
pub enum Numbers {
    /// Each checked.
    Checked,
    /// Each checked, and each valid one written to the log.
    Logged(NumberLog),
    /// Taken from an earlier reading's log when it has them, checked otherwise.
    Known(LoggedNumbers),
}

impl Numbers {
    /// The next row's number as logged (the row is on `line`, its number written `written`),
    /// when this reading takes numbers from a log that has it. Every row is asked for, once, in
    /// the order read.
    pub(super) fn logged(&mut self, line: u32, written: &str) -> Option<PhoneNumber> {
        match self {
            Numbers::Known(logged) => logged.take(line, written_hash(written)),
            Numbers::Checked | Numbers::Logged(_) => None,
        }
    }

    /// Notes the next row's number (`None`: not a valid one; the row is on `line`, its number
    /// written `written`), when this reading keeps a log. Every row is noted, once, in the order
    /// read. A log that cannot be written is given up: the reading goes on, its numbers checked.
    pub(super) fn note(&mut self, line: u32, written: &str, number: Option<&PhoneNumber>) {
        match self {
            Numbers::Logged(log) => {
                if let Err(error) = log.note(line, written_hash(written), number) {
                    tracing::warn!(%error, "the numbers read could not be logged");
                    *self = Numbers::Checked;
                }
            }
            Numbers::Checked | Numbers::Known(_) => {}
        }
    }
}

/// The log of one list's readings, from one to the next: the first reading writes it, and each
/// later one takes its numbers from it. It is one reading's at a time: a reading that starts
/// while another has it writes a log of its own (the last one kept is the next reading's).
#[derive(Default)]
pub struct ReadingsLog {
    written: std::sync::Mutex<Option<LoggedNumbers>>,
}

impl ReadingsLog {
    /// How the next reading gets its numbers.
    pub fn for_reading(&self) -> Numbers {
        match self.written.lock().expect("never poisoned").take() {
            Some(logged) => Numbers::Known(logged),
            // Without a temporary file, the numbers are checked as if there were no log.
            None => NumberLog::new().map_or(Numbers::Checked, Numbers::Logged),
        }
    }

    /// Keeps what the reading given `numbers` wrote or read, for the next one.
    pub fn after_reading(&self, numbers: Numbers) {
        let kept = match numbers {
            Numbers::Logged(log) => log.finish().ok(),
            Numbers::Known(logged) => logged.again().ok(),
            Numbers::Checked => None,
        };
        if let Some(kept) = kept {
            *self.written.lock().expect("never poisoned") = Some(kept);
        }
    }
}

/// A row's number as written, hashed: what tells a log's entry is that row's. (The log lives in
/// one process, so the standard library's hasher, the same each time, does.)
fn written_hash(written: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    written.hash(&mut hasher);
    hasher.finish()
}

/// A log being written, row after row, in the order of their lines.
pub struct NumberLog {
    out: BufWriter<File>,
}

impl NumberLog {
    pub fn new() -> io::Result<Self> {
        Ok(Self {
            out: BufWriter::new(tempfile::tempfile()?),
        })
    }

    /// Each entry: the line (4 bytes, little-endian), the hash of the number as written (8 bytes),
    /// the E.164 text's length (1 byte, 0 for no number) and the text, the region's ISO code (2
    /// bytes, zeros for none), the kind of number when it is not a mobile (1 byte, `kind_code`).
    fn note(&mut self, line: u32, written: u64, number: Option<&PhoneNumber>) -> io::Result<()> {
        let e164 = number.map_or(&b""[..], |number| number.e164().as_bytes());
        let length = u8::try_from(e164.len()).map_err(io::Error::other)?;
        let region = match number.and_then(PhoneNumber::region).map(str::as_bytes) {
            Some(&[a, b]) => [a, b],
            Some(_) | None => [0, 0],
        };
        self.out.write_all(&line.to_le_bytes())?;
        self.out.write_all(&written.to_le_bytes())?;
        self.out.write_all(&[length])?;
        self.out.write_all(e164)?;
        self.out.write_all(&region)?;
        self.out
            .write_all(&[kind_code(number.and_then(PhoneNumber::not_mobile))])
    }

    /// The log written, for later readings to take their numbers from.
    pub fn finish(self) -> io::Result<LoggedNumbers> {
        let file = self
            .out
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        LoggedNumbers::from_start(&file)
    }
}

/// A log read from its start, each reading on a handle of its own.
pub struct LoggedNumbers {
    file: File,
    input: BufReader<At>,
    /// An entry was not the row's: no more numbers are taken from this log.
    out_of_step: bool,
}

impl LoggedNumbers {
    /// `file`'s log from its start; `file`'s own position is not used.
    pub fn from_start(file: &File) -> io::Result<Self> {
        let file = file.try_clone()?;
        let at = At {
            file: file.try_clone()?,
            offset: 0,
        };
        Ok(Self {
            file,
            input: BufReader::with_capacity(64 * 1024, at),
            out_of_step: false,
        })
    }

    /// The same log, from its start again, for another reading.
    pub fn again(&self) -> io::Result<Self> {
        Self::from_start(&self.file)
    }

    /// The next row's number (the row is on `line`, its number written as hashed `written`), if
    /// the log has one for it. An entry of another row, or one that does not read back, puts the
    /// log out of step: no more numbers are taken from it.
    fn take(&mut self, line: u32, written: u64) -> Option<PhoneNumber> {
        if self.out_of_step {
            return None;
        }
        match self.next_entry() {
            Ok(Some(entry)) if entry.line == line && entry.written == written => entry.number,
            Ok(Some(_)) | Err(_) => {
                // The readings met other rows: a fault of the reading, not of the list.
                tracing::warn!(
                    line,
                    "a list's number log is out of step: its numbers are checked"
                );
                self.out_of_step = true;
                None
            }
            // Past the log's end (the reading that wrote it stopped there).
            Ok(None) => None,
        }
    }

    /// The next entry; `None` at the log's end. An entry without a number, or whose number does
    /// not read back as one, has none: its row is checked.
    fn next_entry(&mut self) -> io::Result<Option<Entry>> {
        if self.input.fill_buf()?.is_empty() {
            return Ok(None);
        }
        let mut head = [0; 13];
        self.input.read_exact(&mut head)?;
        let line = u32::from_le_bytes(head[..4].try_into().expect("4 bytes"));
        let written = u64::from_le_bytes(head[4..12].try_into().expect("8 bytes"));
        let mut e164 = vec![0; usize::from(head[12])];
        self.input.read_exact(&mut e164)?;
        let mut region = [0; 2];
        self.input.read_exact(&mut region)?;
        let region = (region != [0, 0]).then_some(region);
        let mut kind = [0; 1];
        self.input.read_exact(&mut kind)?;
        let number = std::str::from_utf8(&e164).ok().and_then(|e164| {
            let region = region.and_then(|code| std::str::from_utf8(&code).ok().map(str::to_owned));
            PhoneNumber::logged(e164, region.as_deref(), kind_of_code(kind[0])?)
        });
        Ok(Some(Entry {
            line,
            written,
            number,
        }))
    }
}

/// One row as a log has it.
struct Entry {
    line: u32,
    written: u64,
    number: Option<PhoneNumber>,
}

/// A file read from a place of its own (the handles of one file share their position).
struct At {
    file: File,
    offset: u64,
}

impl Read for At {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let read = read_at(&self.file, buffer, self.offset)?;
        self.offset += read as u64;
        Ok(read)
    }
}

/// A number's kind in the log: 0 for a mobile (or one that may be).
fn kind_code(kind: Option<NumberKind>) -> u8 {
    match kind {
        None => 0,
        Some(NumberKind::Landline) => 1,
        Some(NumberKind::TollFree) => 2,
        Some(NumberKind::PremiumRate) => 3,
        Some(NumberKind::SharedCost) => 4,
        Some(NumberKind::CompanyNumber) => 5,
        Some(NumberKind::Voicemail) => 6,
        Some(NumberKind::Pager) => 7,
    }
}

/// `kind_code` read back; `None` for a byte it never writes (the row is then checked).
fn kind_of_code(code: u8) -> Option<Option<NumberKind>> {
    let kind = match code {
        0 => None,
        1 => Some(NumberKind::Landline),
        2 => Some(NumberKind::TollFree),
        3 => Some(NumberKind::PremiumRate),
        4 => Some(NumberKind::SharedCost),
        5 => Some(NumberKind::CompanyNumber),
        6 => Some(NumberKind::Voicemail),
        7 => Some(NumberKind::Pager),
        _ => return None,
    };
    Some(kind)
}

#[cfg(test)]
#[path = "number_log_tests.rs"]
mod tests;
