//! The sender shown on the recipient's phone.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, thiserror::Error)]
pub enum SenderIdError {
    TooShort(usize),
    TooLong(usize),
    InvalidCharacter(char),
}

/// An alphanumeric sender: 3 to 11 ASCII letters or digits, the rule operators enforce.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SenderId(String);

impl SenderId {
    pub fn parse(input: &str) -> Result<Self, SenderIdError> {
        let sender = input.trim();
        if let Some(bad) = sender.chars().find(|c| !c.is_ascii_alphanumeric()) {
            return Err(SenderIdError::InvalidCharacter(bad));
        }
        match sender.len() {
            n if n < 3 => Err(SenderIdError::TooShort(n)),
            n if n > 11 => Err(SenderIdError::TooLong(n)),
            _ => Ok(Self(sender.to_owned())),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SenderId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_3_to_11_letters_and_digits() {
        assert_eq!(SenderId::parse("ACME").unwrap().as_str(), "ACME");
        assert!(SenderId::parse("abc").is_ok());
        assert!(SenderId::parse("Shop2025abc").is_ok());
        assert_eq!(SenderId::parse(" Shop ").unwrap().as_str(), "Shop");
    }

    #[test]
    fn refuses_what_operators_refuse() {
        assert_eq!(SenderId::parse("AB"), Err(SenderIdError::TooShort(2)));
        assert_eq!(
            SenderId::parse("ABCDEFGHIJKL"),
            Err(SenderIdError::TooLong(12))
        );
        assert_eq!(
            SenderId::parse("Acme Shop"),
            Err(SenderIdError::InvalidCharacter(' '))
        );
        assert_eq!(
            SenderId::parse("Café"),
            Err(SenderIdError::InvalidCharacter('é'))
        );
        assert_eq!(SenderId::parse(""), Err(SenderIdError::TooShort(0)));
    }
}
