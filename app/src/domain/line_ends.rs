//! What ends a line of a recipient list: `\n`, `\r\n` (Windows, Excel) or `\r` alone (old Mac
//! exports). Lists are read with every line end made `\n`, by the browser (a picked file's text
//! and head) and by the server (every list it reads), so that both count a file's lines as its
//! user's editor does.

use std::borrow::Cow;

/// Turns line ends into `\n` a byte at a time, as bytes come.
#[derive(Debug, Clone, Copy, Default)]
pub struct LineEnds {
    /// The last byte was a `\r` (already given as `\n`): a `\n` right after it ends no new line.
    after_cr: bool,
}

impl LineEnds {
    /// `byte` as it reads with line ends made `\n`; `None` for the `\n` of a `\r\n`.
    pub fn as_lf(&mut self, byte: u8) -> Option<u8> {
        let after_cr = std::mem::replace(&mut self.after_cr, byte == b'\r');
        match byte {
            b'\r' => Some(b'\n'),
            b'\n' if after_cr => None,
            byte => Some(byte),
        }
    }
}

/// `text` with every line end made `\n` (borrowed when it has no `\r`).
pub fn with_lf(text: &str) -> Cow<'_, str> {
    if !text.contains('\r') {
        return Cow::Borrowed(text);
    }
    let mut ends = LineEnds::default();
    let bytes: Vec<u8> = text.bytes().filter_map(|byte| ends.as_lf(byte)).collect();
    // Only ASCII bytes are changed or dropped, so the text is still UTF-8.
    Cow::Owned(String::from_utf8(bytes).expect("line ends are ASCII"))
}

/// Where the line beginning `bytes` (the head of a file) ends, its line end included; `None`
/// when it has none, or when `bytes` end in its `\r`: the head alone cannot tell a `\r` from
/// the first half of a `\r\n`.
pub fn line_end(bytes: &[u8]) -> Option<usize> {
    let at = bytes
        .iter()
        .position(|&byte| byte == b'\n' || byte == b'\r')?;
    match (bytes[at], bytes.get(at + 1)) {
        (b'\r', Some(b'\n')) => Some(at + 2),
        (b'\r', None) => None,
        _ => Some(at + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_end_becomes_lf() {
        assert_eq!(with_lf("a\r\nb\rc\nd\r\r\ne\r"), "a\nb\nc\nd\n\ne\n");
        assert_eq!(with_lf("\r\r\n\n"), "\n\n\n");
        assert!(matches!(with_lf("a\nb\n"), Cow::Borrowed("a\nb\n")));
        assert_eq!(with_lf("Zoé\rÉlodie\r\n"), "Zoé\nÉlodie\n");
    }

    #[test]
    fn a_cr_lf_cut_between_two_parts_is_one_line_end() {
        // The server reads a list a buffer at a time: the `\r` may end one, the `\n` begin the next.
        let mut ends = LineEnds::default();
        let first: Vec<u8> = b"a\r".iter().filter_map(|&b| ends.as_lf(b)).collect();
        let second: Vec<u8> = b"\nb".iter().filter_map(|&b| ends.as_lf(b)).collect();
        assert_eq!(
            (first.as_slice(), second.as_slice()),
            (&b"a\n"[..], &b"b"[..])
        );
    }

    #[test]
    fn a_line_ends_after_its_line_end() {
        assert_eq!(line_end(b"phone\nx"), Some(6));
        assert_eq!(line_end(b"phone\r\nx"), Some(7));
        assert_eq!(line_end(b"phone\rx\r\n"), Some(6));
        assert_eq!(line_end(b"phone\r"), None);
        assert_eq!(line_end(b"phone"), None);
    }
}
