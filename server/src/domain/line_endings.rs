//! Excel and Windows end lines with CR LF. The CSV reader takes either ending but counts a line
//! ended by CR LF one short in the positions it gives its records, so a file's errors named the
//! line before the wrong one: the list is read with each CR LF as LF.

use std::io::{self, BufRead, Read};

/// `source` with every CR LF read as LF (a CR alone is kept).
pub struct CrLfAsLf<R> {
    source: R,
    /// A CR was read last: whether it is kept depends on the next byte.
    pending_cr: bool,
}

impl<R: BufRead> CrLfAsLf<R> {
    pub fn new(source: R) -> Self {
        Self {
            source,
            pending_cr: false,
        }
    }
}

impl<R: BufRead> Read for CrLfAsLf<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let mut written = 0;
        while written == 0 && !out.is_empty() {
            let buffer = self.source.fill_buf()?;
            if buffer.is_empty() {
                if std::mem::take(&mut self.pending_cr) {
                    out[0] = b'\r';
                    written = 1;
                }
                break;
            }
            let mut used = 0;
            for &byte in buffer {
                if written == out.len() {
                    break;
                }
                if std::mem::take(&mut self.pending_cr) && byte != b'\n' {
                    out[written] = b'\r';
                    written += 1;
                    if written == out.len() {
                        // This byte is read again next time, with the CR written.
                        break;
                    }
                }
                used += 1;
                if byte == b'\r' {
                    self.pending_cr = true;
                } else {
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
        let mut reader = CrLfAsLf::new(source);
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
    fn cr_lf_becomes_lf_and_a_lone_cr_stays_however_the_bytes_come() {
        let cases: [(&[u8], &[u8]); 4] = [
            (b"a\r\nb\r\n", b"a\nb\n"),
            (b"a\rb\r\r\nc\r", b"a\rb\r\nc\r"),
            (b"\r\n\r\n", b"\n\n"),
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
