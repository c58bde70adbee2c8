//! The numbers of a list seen so far, to find its repeats as it is read: an upload's, a typed
//! list's, and a kept file's whose repeats were not kept (kept before they were, or read now in
//! another region).

use std::collections::hash_map::Entry as Seen;
use std::collections::HashMap;

/// The numbers of a list seen so far, each with its first line. By their E.164 digits as one
/// integer: no country code starts with a zero, so two numbers share a key only when they are the
/// same number; 12 bytes a number in the table (the integer kept as two halves, so that the line
/// beside it adds no padding) rather than a string's 40 or more. E.164 has at most 15 digits,
/// libphonenumber's up to 20 (a `u64` holds 19 of any kind); one longer is kept as text.
#[derive(Default)]
pub(super) struct SeenNumbers {
    by_digits: HashMap<[u32; 2], u32>,
    longer: HashMap<String, u32>,
}

impl SeenNumbers {
    /// Room for `numbers`, when it can be had: a hint (an upload's announced size) never stops
    /// the reading, the table then grows as numbers come.
    pub(super) fn with_capacity(numbers: usize) -> Self {
        let mut by_digits = HashMap::new();
        // Refused room is no error: the table grows as it always did.
        let _ = by_digits.try_reserve(numbers);
        Self {
            by_digits,
            longer: HashMap::new(),
        }
    }

    /// The line `e164` was first seen on, or `None` the first time (`line` is then recorded).
    pub(super) fn first_line(&mut self, e164: &str, line: u32) -> Option<u32> {
        let recorded = match digits_key(e164) {
            Some(key) => self.by_digits.entry(halves(key)),
            None => return self.first_line_of_long(e164, line),
        };
        match recorded {
            Seen::Occupied(first) => Some(*first.get()),
            Seen::Vacant(new) => {
                new.insert(line);
                None
            }
        }
    }

    fn first_line_of_long(&mut self, e164: &str, line: u32) -> Option<u32> {
        match self.longer.get(e164) {
            Some(first) => Some(*first),
            None => {
                self.longer.insert(e164.to_owned(), line);
                None
            }
        }
    }
}

/// `key`'s high and low halves: aligned on 4 bytes, as the line kept beside it.
fn halves(key: u64) -> [u32; 2] {
    [(key >> 32) as u32, key as u32]
}

/// `e164`'s digits as one integer, when they fit.
fn digits_key(e164: &str) -> Option<u64> {
    e164.bytes()
        .filter(u8::is_ascii_digit)
        .try_fold(0_u64, |key, digit| {
            key.checked_mul(10)?.checked_add(u64::from(digit - b'0'))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_told_apart_by_their_digits_and_longer_ones_as_text() {
        assert_eq!(digits_key("+33612345678"), Some(33_612_345_678));
        assert_ne!(digits_key("+3361234567"), digits_key("+33612345678"));
        assert_eq!(digits_key("+99999999999999999999"), None);
        let mut seen = SeenNumbers::default();
        assert_eq!(seen.first_line("+33612345678", 1), None);
        assert_eq!(seen.first_line("+3361234567", 2), None);
        assert_eq!(seen.first_line("+33612345678", 3), Some(1));
        assert_eq!(seen.first_line("+99999999999999999999", 4), None);
        assert_eq!(seen.first_line("+99999999999999999999", 5), Some(4));
        // Digits that differ only in their high half are two numbers.
        let high = 1_u64 << 32;
        assert_ne!(halves(high + 7), halves(7));
        assert_eq!(halves(high + 7), [1, 7]);
        // A number and its first line take 12 bytes in the table, not 16.
        assert_eq!(std::mem::size_of::<([u32; 2], u32)>(), 12);
    }
}
