//! Phone numbers, checked against libphonenumber's metadata (server side only: the tables are large).

use phonenumber::{country, Mode};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhoneNumberError {
    #[error("'{0}' is not a phone number.")]
    Unparsable(String),
    #[error("'{0}' is not a valid number for its country.")]
    Invalid(String),
    #[error("'{0}' is not a region code (expected two letters such as FR or US).")]
    UnknownRegion(String),
}

/// A region used to read numbers written in national format (`06 12 34 56 78` in FR).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region(country::Id);

impl Region {
    pub fn parse(code: &str) -> Result<Self, PhoneNumberError> {
        country::Id::from_str(&code.trim().to_ascii_uppercase())
            .map(Region)
            .map_err(|_| PhoneNumberError::UnknownRegion(code.to_owned()))
    }
}

/// A valid number in E.164 form (`+33612345678`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PhoneNumber {
    e164: String,
    region: Option<String>,
}

impl PhoneNumber {
    /// Reads an international (`+…`, `00…`) or national number; `default_region` says whose national format.
    pub fn parse(input: &str, default_region: Region) -> Result<Self, PhoneNumberError> {
        let input = input.trim();
        let international = input.strip_prefix("00").map(|rest| format!("+{rest}"));
        let number = phonenumber::parse(
            Some(default_region.0),
            international.as_deref().unwrap_or(input),
        )
        .map_err(|_| PhoneNumberError::Unparsable(input.to_owned()))?;
        if !phonenumber::is_valid(&number) {
            return Err(PhoneNumberError::Invalid(input.to_owned()));
        }
        Ok(Self {
            e164: number.format().mode(Mode::E164).to_string(),
            region: number.country().id().map(|id| id.as_ref().to_owned()),
        })
    }

    pub fn e164(&self) -> &str {
        &self.e164
    }

    /// ISO 3166 code of the number's country, when the metadata knows it.
    pub fn region(&self) -> Option<&str> {
        self.region.as_deref()
    }
}

impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.e164)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fr() -> Region {
        Region::parse("FR").unwrap()
    }

    #[test]
    fn national_french_formats_normalise_to_e164() {
        for input in [
            "06 12 34 56 78",
            "0612345678",
            "06.12.34.56.78",
            "+33 6 12 34 56 78",
            "0033612345678",
        ] {
            let number = PhoneNumber::parse(input, fr()).unwrap();
            assert_eq!(number.e164(), "+33612345678", "{input}");
            assert_eq!(number.region(), Some("FR"));
        }
    }

    #[test]
    fn international_numbers_ignore_the_default_region() {
        let number = PhoneNumber::parse("+1 212 555 0123", fr()).unwrap();
        assert_eq!(number.e164(), "+12125550123");
        assert_eq!(number.region(), Some("US"));
    }

    #[test]
    fn malformed_and_invalid_numbers_are_refused() {
        assert!(matches!(
            PhoneNumber::parse("hello", fr()),
            Err(PhoneNumberError::Unparsable(_))
        ));
        assert!(matches!(
            PhoneNumber::parse("+33 6 12", fr()),
            Err(PhoneNumberError::Invalid(_))
        ));
        assert!(PhoneNumber::parse("", fr()).is_err());
    }

    #[test]
    fn region_codes_are_checked() {
        assert!(Region::parse("us").is_ok());
        assert!(matches!(
            Region::parse("XX"),
            Err(PhoneNumberError::UnknownRegion(_))
        ));
    }
}
