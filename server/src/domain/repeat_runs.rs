//! An upload's repeated numbers found without a table of every number seen: the numbers are
//! sorted a run at a time, each full run written to one file in the system's temporary directory
//! (anonymous: gone when closed, even after `kill -9`), and the runs merged once the list is read.
//! The memory is one run's (7 MB) and a block of each run as they merge (64 KB), whatever the
//! list's length; a list that fits in one run never writes to disk.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{self, BufWriter, Write};

use super::file_at::read_exact_at;
use super::row_set::RowSet;
use app::models::DuplicateRecipient;

/// Numbers sorted at once: 262,144 of 28 bytes, 7 MB.
const RUN: usize = 1 << 18;

/// What is read of a run at once as the runs merge.
const BLOCK: usize = 64 * 1024;

/// A number as read: its E.164 digits as one integer in three 32-bit parts (no country code
/// starts with a zero, so equal integers are equal numbers; libphonenumber's longest numbers
/// have 20 digits, more than a `u64` holds), its row's ordinal and its line, and a digest of its
/// row's values (`Recipient::values_digest`). Ordered by number, then by row (each row once): the
/// first of a number's entries is where it came first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Seen {
    number: [u32; 3],
    row: u32,
    line: u32,
    /// In two parts: the entry is 28 bytes in memory too (a `u64` would align it to 32).
    values: [u32; 2],
}

const SEEN_BYTES: usize = 28;

impl Seen {
    fn to_bytes(self) -> [u8; SEEN_BYTES] {
        let mut bytes = [0; SEEN_BYTES];
        let words = [
            self.number[0],
            self.number[1],
            self.number[2],
            self.row,
            self.line,
            self.values[0],
            self.values[1],
        ];
        for (chunk, word) in bytes.chunks_exact_mut(4).zip(words) {
            chunk.copy_from_slice(&word.to_le_bytes());
        }
        bytes
    }

    fn from_bytes(bytes: &[u8; SEEN_BYTES]) -> Self {
        let word = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().expect("4 bytes"));
        Self {
            number: [word(0), word(4), word(8)],
            row: word(12),
            line: word(16),
            values: [word(20), word(24)],
        }
    }

    /// The number as E.164 text.
    fn e164(&self) -> String {
        let [high, middle, low] = self.number.map(u128::from);
        format!("+{}", (high << 64) | (middle << 32) | low)
    }
}

/// `e164`'s digits as one integer's three parts; `None` for more digits than they hold (no
/// number libphonenumber reads has that many).
fn digits(e164: &str) -> Option<[u32; 3]> {
    let value = e164
        .bytes()
        .filter(u8::is_ascii_digit)
        .try_fold(0_u128, |value, digit| {
            value.checked_mul(10)?.checked_add(u128::from(digit - b'0'))
        })?;
    let high = u32::try_from(value >> 64).ok()?;
    Some([high, (value >> 32) as u32, value as u32])
}

/// The numbers could not be kept for sorting: the temporary directory cannot be written to (or
/// is full), or a list has more numbers than a run can count.
#[derive(Debug, thiserror::Error)]
#[error("the numbers could not be kept for sorting: {0}")]
pub struct SortingFailed(#[source] io::Error);

impl SortingFailed {
    fn wrap(error: io::Error) -> io::Error {
        io::Error::other(Self(error))
    }
}

/// Whether a list's reading failed because its numbers could not be kept for sorting (rather
/// than because its source did).
pub fn is_sorting_failure(error: &io::Error) -> bool {
    error
        .get_ref()
        .is_some_and(|inner| inner.is::<SortingFailed>())
}

/// What sorting found: every row repeating an earlier row's number, and the first of them by row
/// with the line their number came first on (as a table of the numbers seen reports them).
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct FoundRepeats {
    pub(super) rows: RowSet,
    pub(super) listed: Vec<DuplicateRecipient>,
    pub(super) more: u64,
}

/// The numbers of a list as it is read, a run in memory and the full runs on disk.
pub(super) struct RepeatRuns {
    /// Grown as numbers come, up to `capacity` (a power of two: never beyond it).
    run: Vec<Seen>,
    capacity: usize,
    /// Where full runs are written: the system's temporary directory unless a test says.
    directory: Option<std::path::PathBuf>,
    /// The full runs, one after the other, each sorted; the file made with the first.
    disk: Option<BufWriter<File>>,
    /// Each full run's end in the file (in bytes).
    ends: Vec<u64>,
}

impl RepeatRuns {
    pub(super) fn new() -> Self {
        Self::with_run(RUN)
    }

    fn with_run(capacity: usize) -> Self {
        Self {
            run: Vec::new(),
            capacity,
            directory: None,
            disk: None,
            ends: Vec::new(),
        }
    }

    /// Notes `e164`, read at row `row` on `line` with values of digest `values`.
    pub(super) fn push(&mut self, e164: &str, row: u64, line: u32, values: u64) -> io::Result<()> {
        self.note(e164, row, line, values)
            .map_err(SortingFailed::wrap)
    }

    fn note(&mut self, e164: &str, row: u64, line: u32, values: u64) -> io::Result<()> {
        let number = digits(e164)
            .ok_or_else(|| io::Error::other(format!("{e164} has more digits than a number")))?;
        let row = u32::try_from(row)
            .map_err(|_| io::Error::other("a list of more than 4,294,967,295 numbers"))?;
        self.run.push(Seen {
            number,
            row,
            line,
            values: [(values >> 32) as u32, values as u32],
        });
        if self.run.len() >= self.capacity {
            self.spill()?;
        }
        Ok(())
    }

    /// Writes the run in memory, sorted, after the others.
    fn spill(&mut self) -> io::Result<()> {
        self.run.sort_unstable();
        let disk = match &mut self.disk {
            Some(disk) => disk,
            None => {
                let file = match &self.directory {
                    Some(directory) => tempfile::tempfile_in(directory)?,
                    None => tempfile::tempfile()?,
                };
                self.disk.insert(BufWriter::with_capacity(BLOCK, file))
            }
        };
        for seen in &self.run {
            disk.write_all(&seen.to_bytes())?;
        }
        let start = self.ends.last().copied().unwrap_or(0);
        self.ends.push(start + (self.run.len() * SEEN_BYTES) as u64);
        self.run.clear();
        Ok(())
    }

    /// Merges the runs: each row whose number an earlier row had is a repeat; `listed` of them
    /// are listed by row, those whose values are not the first row's before the others, and the
    /// rest counted.
    pub(super) fn finish(self, listed: usize) -> io::Result<FoundRepeats> {
        self.merge(listed).map_err(SortingFailed::wrap)
    }

    fn merge(mut self, listed: usize) -> io::Result<FoundRepeats> {
        self.run.sort_unstable();
        let in_memory = std::mem::take(&mut self.run);
        let file = match self.disk.take() {
            Some(disk) => Some(disk.into_inner().map_err(io::IntoInnerError::into_error)?),
            None => None,
        };
        let mut runs: Vec<Box<dyn Iterator<Item = io::Result<Seen>>>> =
            vec![Box::new(in_memory.into_iter().map(Ok))];
        let mut start = 0;
        for &end in &self.ends {
            let file = file.as_ref().expect("full runs are on disk");
            runs.push(Box::new(SpilledRun::new(file, start, end)));
            start = end;
        }
        let mut heads = BinaryHeap::new();
        for (index, run) in runs.iter_mut().enumerate() {
            if let Some(seen) = run.next().transpose()? {
                heads.push(Reverse((seen, index)));
            }
        }
        let mut found = FoundRepeats::default();
        let mut first: Option<Seen> = None;
        // The `listed` first repeated rows so far (other values first, then by row), the last
        // on top.
        let mut lowest: BinaryHeap<(bool, u32, u32, Seen)> = BinaryHeap::new();
        let mut repeats = 0_u64;
        while let Some(Reverse((seen, index))) = heads.pop() {
            if let Some(next) = runs[index].next().transpose()? {
                heads.push(Reverse((next, index)));
            }
            let first_seen = match first {
                Some(earlier) if earlier.number == seen.number => earlier,
                _ => {
                    first = Some(seen);
                    continue;
                }
            };
            repeats += 1;
            found.rows.insert(u64::from(seen.row));
            let same_values = seen.values == first_seen.values;
            lowest.push((same_values, seen.row, first_seen.line, seen));
            if lowest.len() > listed {
                lowest.pop();
            }
        }
        let mut listed = lowest.into_vec();
        listed.sort_unstable_by_key(|&(_, row, ..)| row);
        found.listed = listed
            .into_iter()
            .map(|(same_values, _, first_line, seen)| DuplicateRecipient {
                line: seen.line,
                first_line,
                number: seen.e164(),
                other_values: !same_values,
            })
            .collect();
        found.more = repeats - found.listed.len() as u64;
        Ok(found)
    }
}

/// A run read back from the file, in order, a block at a time.
struct SpilledRun<'a> {
    file: &'a File,
    next: u64,
    end: u64,
    block: Vec<u8>,
    read: usize,
}

impl<'a> SpilledRun<'a> {
    fn new(file: &'a File, start: u64, end: u64) -> Self {
        Self {
            file,
            next: start,
            end,
            block: Vec::new(),
            read: 0,
        }
    }

    fn fill(&mut self) -> io::Result<()> {
        let left = usize::try_from(self.end - self.next).unwrap_or(usize::MAX);
        self.block
            .resize(left.min(BLOCK / SEEN_BYTES * SEEN_BYTES), 0);
        read_exact_at(self.file, &mut self.block, self.next)?;
        self.next += self.block.len() as u64;
        self.read = 0;
        Ok(())
    }
}

impl Iterator for SpilledRun<'_> {
    type Item = io::Result<Seen>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.read == self.block.len() {
            if self.next == self.end {
                return None;
            }
            if let Err(error) = self.fill() {
                return Some(Err(error));
            }
        }
        let bytes = self.block[self.read..self.read + SEEN_BYTES]
            .try_into()
            .expect("a whole entry");
        self.read += SEEN_BYTES;
        Some(Ok(Seen::from_bytes(bytes)))
    }
}

#[cfg(test)]
#[path = "repeat_runs_tests.rs"]
mod tests;
