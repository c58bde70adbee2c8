//! What is wrong with an input, as data: the server names the problem and the browser says it in
//! the user's language (English is the `Display` in `i18n/en_problems.rs`, also what the server's logs show).

use serde::{Deserialize, Serialize};

use super::{Amount, Closed, ProviderId, ProviderOption};
use crate::domain::message::MessageTextError;
use crate::domain::parse_errors::{PhoneNumberError, SendTimeError};
use crate::domain::placeholders::PlaceholderError;
use crate::domain::sender::SenderIdError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum Problem {
    // The message.
    Text(#[from] MessageTextError),
    PersonalisedText(MessageTextError),
    Placeholder(#[from] PlaceholderError),
    StopMentionMissing {
        provider: ProviderId,
        mention: String,
    },
    StopMentionNotConfigured,

    // The recipients, and the lines of a list or CSV file.
    NoRecipient,
    TooManyRecipients {
        count: usize,
        max: usize,
    },
    MoreLineErrors(usize),
    Phone(#[from] PhoneNumberError),
    /// `detail` is the CSV reader's own description.
    UnreadableLine {
        detail: String,
    },
    UnreadableHeader {
        detail: String,
    },
    /// A line of a file that is not UTF-8 text (a spreadsheet saved in another encoding).
    NotUtf8Line,
    /// The recipients come from an uploaded file the server no longer keeps (or never had).
    RecipientFileGone,
    /// Both a file and typed recipients: which one is meant is not guessed.
    FileAndTypedRecipients,
    /// An uploaded file over the server's limit, in megabytes.
    FileTooLarge {
        max_megabytes: u64,
    },
    ValueCount {
        values: usize,
        columns: usize,
    },
    UnknownColumn(String),
    RepeatedColumn(String),
    ValueTooLong {
        column: String,
        chars: usize,
        max: usize,
    },
    RecipientZone(SendTimeError),
    NoPhoneValue,
    /// A CSV row is one recipient with its own values, so its phone cell holds one number.
    SeveralValuesInPhoneCell(String),

    // The campaign's name.
    NameTooLong {
        length: usize,
        max: usize,
    },

    // The sender and the send time.
    Sender(#[from] SenderIdError),
    SendTime(#[from] SendTimeError),
    TooFarAhead {
        provider: ProviderId,
        days: u32,
    },
    MoveTooFarAhead(u32),
    /// The rules hold the campaign for approval, and its send time is too close for an approval
    /// to come in time: the least minutes from now it needs.
    TooSoonForApproval {
        minutes_needed: u32,
    },
    TimeBreaksRules {
        count: usize,
        named: Vec<RuleBreak>,
    },
    OverrideReasonMissing,

    // The provider's own options.
    ValidityNotMinutes(String),
    ValidityOutOfRange {
        minutes: u64,
        max: u32,
    },
    OptionNotOffered {
        provider: ProviderId,
        option: ProviderOption,
    },
    OverBalance {
        provider: ProviderId,
        estimate: Amount,
        balance: Amount,
        currency: String,
    },

    // The opt-out list.
    NoNumber,

    // The audit trail's filters.
    /// Not a day written `YYYY-MM-DD`.
    NotADay(String),

    /// A provider's refusal about a field: its code, and the server's English words for it
    /// (the provider's own words for a code it does not document).
    ProviderSaid {
        provider: ProviderId,
        code: Option<String>,
        words: String,
    },
}

/// A recipient for whom a new send time breaks the sending rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleBreak {
    pub line: u32,
    pub phone: String,
    /// Why the rules' window is closed for them at the new time.
    pub closed: Closed,
}
