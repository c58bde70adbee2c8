//! The errors of the server-side parsers (phone numbers, send times), outside their modules so
//! that the browser, which has not the tables those parsers need, can name them in its language.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum PhoneNumberError {
    #[error("'{0}' is not a phone number.")]
    Unparsable(String),
    #[error("'{0}' is not a valid number for its country.")]
    Invalid(String),
    /// A character that has no place in a number, which libphonenumber would have dropped.
    #[error(
        "'{input}' is not a phone number: '{character}' has no place in one (only digits, \
         spaces and + - . ( ) do)."
    )]
    StrayCharacter { input: String, character: char },
    #[error("'{0}' is not a region code (expected two letters such as FR or US).")]
    UnknownRegion(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum SendTimeError {
    #[error("'{0}' is not a time zone name (expected one such as Europe/Paris).")]
    UnknownZone(String),
    #[error("'{0}' is not a date and time (expected YYYY-MM-DDTHH:MM).")]
    Unparsable(String),
    #[error("{local} does not exist in {zone}: the clocks go forward then. Pick a time outside the change.")]
    Skipped { local: String, zone: String },
    #[error("{local} in {zone} is in the past (it is now {now} there).")]
    InPast {
        local: String,
        zone: String,
        now: String,
    },
    #[error("Enter the date and time to send at, every part of it, or choose to send now.")]
    Missing,
    #[error("Choose either to send now or a date and time, not both.")]
    NowAndTime,
    #[error("{local} is more than {days} days ahead: pick an earlier date.")]
    BeyondHorizon { local: String, days: u32 },
}
