//! The errors of the server-side parsers (phone numbers, send times), outside their modules so
//! that the browser, which has not the tables those parsers need, can name them in its language.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum PhoneNumberError {
    Unparsable(String),
    Invalid(String),
    /// A character that has no place in a number, which libphonenumber would have dropped.
    StrayCharacter {
        input: String,
        character: char,
    },
    UnknownRegion(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum SendTimeError {
    UnknownZone(String),
    Unparsable(String),
    Skipped {
        local: String,
        zone: String,
    },
    InPast {
        local: String,
        zone: String,
        now: String,
    },
    Missing,
    NowAndTime,
    BeyondHorizon {
        local: String,
        days: u32,
    },
}
