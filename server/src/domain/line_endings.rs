//! A list read with every line end made `\n` (`app::domain::line_ends`): the CSV reader counts a
//! line ended by `\r\n` one short in the positions it gives its records, and the lines of a file
//! ended by `\r` alone (old Mac exports) not at all, so a file's errors named the wrong line.

use std::io::{self, BufRead, Read};

use app::domain::line_ends::LineEnds;

/// `source` with every line end read as `\n`.
pub struct LineEndsAsLf<R> {
    source: R,
    ends: LineEnds,
}

impl<R: BufRead> LineEndsAsLf<R> {
    pub fn new(source: R) -> Self {
        Self {
            source,
            ends: LineEnds::default(),
        }
    }
}

impl<R: BufRead> Read for LineEndsAsLf<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let mut written = 0;
        // A buffer of the `\n`s of `\r\n`s alone gives nothing: the next one is read.
        while written == 0 && !out.is_empty() {
            let buffer = self.source.fill_buf()?;
            if buffer.is_empty() {
                break;
            }
            let mut used = 0;
            for &byte in buffer {
                if written == out.len() {
                    break;
                }
                used += 1;
                if let Some(byte) = self.ends.as_lf(byte) {
                    out[written] = byte;
                    written += 1;
                }
            }
            self.source.consume(used);
        }
        Ok(written)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(bytes: &[u8], capacity: usize, chunk: usize) -> Vec<u8> {
        let source = io::BufReader::with_capacity(capacity, bytes);
        let mut reader = LineEndsAsLf::new(source);
        let mut read = Vec::new();
        let mut buffer = vec![0; chunk];
        loop {
            let n = reader.read(&mut buffer).unwrap();
            if n == 0 {
                return read;
            }
            read.extend_from_slice(&buffer[..n]);
        }
    }

    #[test]
    fn every_line_end_becomes_lf_however_the_bytes_come() {
        let cases: [(&[u8], &[u8]); 5] = [
            (b"a\r\nb\r\n", b"a\nb\n"),
            (b"a\rb\r\r\nc\r", b"a\nb\n\nc\n"),
            (b"\r\n\r\n", b"\n\n"),
            (b"a\n\rb\n", b"a\n\nb\n"),
            (b"no ending", b"no ending"),
        ];
        for (given, expected) in cases {
            for (capacity, chunk) in [(1, 1), (1, 64), (2, 1), (3, 2), (64, 1), (64, 64)] {
                assert_eq!(
                    through(given, capacity, chunk),
                    expected,
                    "{capacity} {chunk}"
                );
            }
        }
    }
}
