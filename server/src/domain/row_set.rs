//! A set of a list's rows by their ordinal (each number read, in order: a line may hold several),
//! a bit a row: the rows an upload found repeating an earlier number, kept with the file so that
//! reading it again needs no table of the numbers seen (125 KB for a million rows).

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowSet {
    words: Vec<u64>,
}

impl RowSet {
    pub fn insert(&mut self, row: u64) {
        let (word, bit) = (usize::try_from(row / 64).unwrap_or(usize::MAX), row % 64);
        if self.words.len() <= word {
            self.words.resize(word + 1, 0);
        }
        self.words[word] |= 1 << bit;
    }

    pub fn contains(&self, row: u64) -> bool {
        let word = usize::try_from(row / 64).unwrap_or(usize::MAX);
        self.words
            .get(word)
            .is_some_and(|word| word & (1 << (row % 64)) != 0)
    }

    /// How many rows are in the set.
    pub fn len(&self) -> u64 {
        self.words
            .iter()
            .map(|word| u64::from(word.count_ones()))
            .sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The rows in the set, in order.
    pub fn iter(&self) -> impl Iterator<Item = u64> + '_ {
        self.words.iter().enumerate().flat_map(|(word, &bits)| {
            (0..64)
                .filter(move |bit| bits & (1 << bit) != 0)
                .map(move |bit| word as u64 * 64 + bit)
        })
    }

    /// As kept: each 64 rows' bits, little-endian.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.words
            .iter()
            .flat_map(|word| word.to_le_bytes())
            .collect()
    }

    /// `None` for bytes `to_bytes` cannot have made.
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        if !bytes.len().is_multiple_of(8) {
            return None;
        }
        let words = bytes
            .chunks_exact(8)
            .map(|word| u64::from_le_bytes(word.try_into().expect("eight bytes")))
            .collect();
        Some(Self { words })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_kept_and_read_back_as_kept() {
        let mut rows = RowSet::default();
        for row in [0, 63, 64, 1_000_001] {
            rows.insert(row);
        }
        assert!([0, 63, 64, 1_000_001].iter().all(|&row| rows.contains(row)));
        assert!(![1, 62, 65, 1_000_000, 5_000_000]
            .iter()
            .any(|&row| rows.contains(row)));
        assert_eq!(rows.iter().collect::<Vec<_>>(), [0, 63, 64, 1_000_001]);
        let kept = rows.to_bytes();
        assert_eq!(kept.len(), (1_000_001 / 64 + 1) * 8);
        assert_eq!(RowSet::from_bytes(&kept), Some(rows));
        assert_eq!(RowSet::from_bytes(&[1, 2, 3]), None);
    }
}
