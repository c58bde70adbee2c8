//! Where runs of empty lines begin in a CSV list. The `csv` reader skips empty lines, but gives
//! the row after them the line where it began to read it: the first empty one, so an error on
//! that row would name the wrong line. The rows' lines are put right with the runs seen in the
//! bytes it read, as it reads them (rows come in order, so the runs behind the last one go).

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::{self, Read};
use std::rc::Rc;

/// Runs of empty lines in the bytes read: the byte each starts at and how many lines it has.
#[derive(Debug)]
pub(super) struct EmptyRuns {
    runs: VecDeque<(u64, u64)>,
    /// Bytes read so far.
    read: u64,
    /// Whether the next byte begins a line.
    at_line_start: bool,
}

impl EmptyRuns {
    pub(super) fn new() -> Rc<RefCell<Self>> {
        Rc::new(RefCell::new(Self {
            runs: VecDeque::new(),
            read: 0,
            at_line_start: true,
        }))
    }

    /// Line ends are `\n` here (`line_endings::LineEndsAsLf` made every line end one).
    fn see(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            if byte == b'\n' && self.at_line_start {
                match self.runs.back_mut() {
                    Some((start, lines)) if *start + *lines == self.read => *lines += 1,
                    Some(_) | None => self.runs.push_back((self.read, 1)),
                }
            }
            self.at_line_start = byte == b'\n';
            self.read += 1;
        }
    }

    /// The line of the row the reader began at `position`: its line, past the empty lines that
    /// begin there. Runs before it are let go.
    pub(super) fn row_line(&mut self, position: &csv::Position) -> u64 {
        let byte = position.byte();
        while self.runs.front().is_some_and(|(start, _)| *start < byte) {
            self.runs.pop_front();
        }
        let skipped = match self.runs.front() {
            Some((start, lines)) if *start == byte => *lines,
            Some(_) | None => 0,
        };
        position.line() + skipped
    }
}

/// A source whose bytes are seen by `EmptyRuns` as the reader takes them.
pub(super) struct Watched<R> {
    pub(super) source: R,
    pub(super) runs: Rc<RefCell<EmptyRuns>>,
}

impl<R: Read> Read for Watched<R> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let read = self.source.read(buffer)?;
        self.runs.borrow_mut().see(&buffer[..read]);
        Ok(read)
    }
}
