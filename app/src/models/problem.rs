//! What is wrong with an input, as data: the server names the problem and the browser says it in
//! the user's language (English is the `Display` below, also what the server's logs show).

use serde::{Deserialize, Serialize};

use super::{Amount, Closed, ProviderId, ProviderOption};
use crate::domain::message::MessageTextError;
use crate::domain::parse_errors::{PhoneNumberError, SendTimeError};
use crate::domain::placeholders::PlaceholderError;
use crate::domain::sender::SenderIdError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum Problem {
    // The message.
    #[error(transparent)]
    Text(#[from] MessageTextError),
    #[error("once personalised: {0}")]
    PersonalisedText(MessageTextError),
    #[error(transparent)]
    Placeholder(#[from] PlaceholderError),
    #[error("{}", stop_mention_missing(*provider, mention))]
    StopMentionMissing {
        provider: ProviderId,
        mention: String,
    },
    #[error(
        "A marketing SMS to French numbers must carry a free way to opt out, and no mention is \
         configured for Infobip: set infobip.stop_mention to the account's STOP number (for \
         example \"STOP au 36111\")."
    )]
    StopMentionNotConfigured,

    // The recipients, and the lines of a list or CSV file.
    #[error("Add at least one recipient.")]
    NoRecipient,
    #[error("{count} recipients: a campaign can have at most {max}.")]
    TooManyRecipients { count: usize, max: usize },
    #[error("…and {0} more lines with errors.")]
    MoreLineErrors(usize),
    #[error(transparent)]
    Phone(#[from] PhoneNumberError),
    /// `detail` is the CSV reader's own description.
    #[error("this line is not readable CSV: {detail}")]
    UnreadableLine { detail: String },
    #[error("the header is not readable CSV: {detail}")]
    UnreadableHeader { detail: String },
    #[error("{values} values, but the header names {columns} columns.")]
    ValueCount { values: usize, columns: usize },
    #[error(
        "the column \"{0}\" is not known; columns are phone, first_name, last_name, \
         param1…param5, time_zone and ignore."
    )]
    UnknownColumn(String),
    #[error("the column \"{0}\" appears twice.")]
    RepeatedColumn(String),
    #[error("{column} is {chars} characters long; at most {max}.")]
    ValueTooLong {
        column: String,
        chars: usize,
        max: usize,
    },
    #[error("time_zone: {0}")]
    RecipientZone(SendTimeError),
    #[error("the phone column is empty.")]
    NoPhoneValue,
    /// A CSV row is one recipient with its own values, so its phone cell holds one number.
    #[error(
        "the phone column holds \"{0}\", more than one value: a row is one recipient, so give \
         each number a row of its own."
    )]
    SeveralValuesInPhoneCell(String),

    // The campaign's name.
    #[error("A campaign's name has at most {max} characters; this one has {length}.")]
    NameTooLong { length: usize, max: usize },

    // The sender and the send time.
    #[error(transparent)]
    Sender(#[from] SenderIdError),
    #[error(transparent)]
    SendTime(#[from] SendTimeError),
    #[error("{provider} schedules at most {days} days ahead; pick an earlier date.")]
    TooFarAhead { provider: ProviderId, days: u32 },
    #[error("The provider takes send times at most {0} days ahead.")]
    MoveTooFarAhead(u32),
    #[error(
        "The sending rules do not allow this time for {count} recipient(s): {}. Choose another time.",
        rule_breaks_in_words(.named, *.count)
    )]
    TimeBreaksRules { count: usize, named: Vec<RuleBreak> },
    #[error("Say why the sending rules are overridden: the reason is recorded with the campaign.")]
    OverrideReasonMissing,

    // The provider's own options.
    #[error("\"{0}\" is not a whole number of minutes.")]
    ValidityNotMinutes(String),
    #[error(
        "{minutes} minutes: Infobip keeps trying to deliver for 1 to {max} minutes (48 hours); \
         leave it empty for its default."
    )]
    ValidityOutOfRange { minutes: u64, max: u32 },
    #[error("{provider} does not offer {option}.")]
    OptionNotOffered {
        provider: ProviderId,
        option: ProviderOption,
    },
    #[error(
        "The estimated cost, {estimate} {currency}, is more than the {provider} balance, \
         {balance} {currency}: {provider} would send part of the campaign and refuse the rest. \
         Add credit, or send to fewer recipients."
    )]
    OverBalance {
        provider: ProviderId,
        estimate: Amount,
        balance: Amount,
        currency: String,
    },

    // The opt-out list.
    #[error("'{0}' is not a source (expected operator or import).")]
    UnknownOptOutSource(String),
    #[error("Enter at least one number.")]
    NoNumber,

    /// A provider's refusal about a field: its code, and the server's English words for it
    /// (the provider's own words for a code it does not document).
    #[error("{words}")]
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

/// `line 3 (+33…): reason; …; and 4 more`, the first recipients named and the rest counted.
fn rule_breaks_in_words(named: &[RuleBreak], count: usize) -> String {
    let mut words = named
        .iter()
        .map(|b| format!("line {} ({}): {}", b.line, b.phone, b.closed))
        .collect::<Vec<_>>()
        .join("; ");
    if count > named.len() {
        words.push_str(&format!("; and {} more", count - named.len()));
    }
    words
}

fn stop_mention_missing(provider: ProviderId, mention: &str) -> String {
    match provider {
        ProviderId::Octopush => format!(
            "A marketing SMS must carry the opt-out mention \"{mention}\", written exactly so \
             (Octopush replaces XXXXX with its opt-out number)."
        ),
        ProviderId::Infobip => format!(
            "A marketing SMS to French numbers must carry the opt-out mention \"{mention}\" (the \
             account's STOP number), written exactly so."
        ),
    }
}
