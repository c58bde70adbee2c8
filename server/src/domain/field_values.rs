//! One recipient's placeholder values (`first_name`, `param1`…), kept in one allocation: a long
//! list holds one set per recipient. A map took half a kilobyte a recipient; a vector of (name,
//! value) pairs, a pair of 40 bytes and an allocation for each value besides.

use super::placeholders::PLACEHOLDERS;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldValues {
    /// The values, one after another.
    text: Box<str>,
    /// Each value's placeholder (its place in `PLACEHOLDERS`) and length in bytes, in column
    /// order; the first `count` are used.
    entries: [(u8, u8); PLACEHOLDERS.len()],
    count: u8,
}

impl FieldValues {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.iter()
            .find(|(field, _)| *field == name)
            .map(|(_, value)| value)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &str)> {
        let mut start = 0;
        self.entries[..usize::from(self.count)]
            .iter()
            .map(move |&(placeholder, length)| {
                let end = start + usize::from(length);
                let value = &self.text[start..end];
                start = end;
                (PLACEHOLDERS[usize::from(placeholder)], value)
            })
    }
}

/// A row's values, as they are read.
pub struct FieldValuesBuilder {
    text: String,
    entries: [(u8, u8); PLACEHOLDERS.len()],
    count: u8,
}

impl FieldValuesBuilder {
    /// `capacity`: about how many bytes the values take (more is given back by `build`).
    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            text: String::with_capacity(capacity),
            entries: Default::default(),
            count: 0,
        }
    }

    /// Adds `name`'s value. Each name once (the header reader refuses a column named twice),
    /// only placeholders' names, and values of at most 50 characters (the row reader refuses
    /// longer ones).
    pub fn push(&mut self, name: &'static str, value: &str) {
        let placeholder = PLACEHOLDERS
            .iter()
            .position(|known| *known == name)
            .and_then(|place| u8::try_from(place).ok())
            .expect("only placeholders have values");
        // At most 200 bytes: 50 characters (`recipients::MAX_VALUE_CHARS`, checked there).
        let length = u8::try_from(value.len()).expect("values are 50 characters at most");
        self.entries[usize::from(self.count)] = (placeholder, length);
        self.count += 1;
        self.text.push_str(value);
    }

    pub fn build(self) -> FieldValues {
        FieldValues {
            text: self.text.into_boxed_str(),
            entries: self.entries,
            count: self.count,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_back_by_name_and_in_column_order() {
        let mut values = FieldValuesBuilder::with_capacity(0);
        values.push("param1", "B-7");
        values.push("first_name", "Michał");
        let long = "é".repeat(50);
        values.push("last_name", &long);
        let values = values.build();
        assert_eq!(values.get("first_name"), Some("Michał"));
        assert_eq!(values.get("param1"), Some("B-7"));
        assert_eq!(values.get("last_name"), Some(long.as_str()));
        assert_eq!(values.get("param2"), None);
        assert_eq!(
            values.iter().collect::<Vec<_>>(),
            vec![
                ("param1", "B-7"),
                ("first_name", "Michał"),
                ("last_name", long.as_str())
            ]
        );
        assert_eq!(FieldValues::default().iter().count(), 0);
    }

    #[test]
    fn every_placeholder_can_have_its_longest_value() {
        let mut values = FieldValuesBuilder::with_capacity(0);
        let longest = "𝄞".repeat(50);
        for name in PLACEHOLDERS {
            values.push(name, &longest);
        }
        let values = values.build();
        assert!(values.iter().all(|(_, value)| value == longest));
        assert_eq!(values.iter().count(), PLACEHOLDERS.len());
    }
}
