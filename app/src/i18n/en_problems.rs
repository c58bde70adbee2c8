//! English: what is wrong with an input (the server's problems, the input parsers' errors, the
//! providers' documented refusal codes). `Display` of each type is the English sentence; the
//! French ones are in `fr_problems.rs`.

use std::fmt;

use crate::domain::message::{MessageTextError, MAX_TEXT_CHARS};
use crate::domain::parse_errors::{PhoneNumberError, SendTimeError};
use crate::domain::placeholders::{self, PlaceholderError};
use crate::domain::sender::SenderIdError;
use crate::models::{Problem, ProviderId, ProviderOption, RefusalCode, RuleBreak};

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Text(e) => e.fmt(f),
            Problem::PersonalisedText(e) => write!(f, "once personalised: {e}"),
            Problem::Placeholder(e) => e.fmt(f),
            Problem::StopMentionMissing {
                provider: ProviderId::Octopush,
                mention,
            } => write!(
                f,
                "A marketing SMS must carry the opt-out mention \"{mention}\", written exactly so \
                 (Octopush replaces XXXXX with its opt-out number)."
            ),
            Problem::StopMentionMissing {
                provider: ProviderId::Infobip,
                mention,
            } => write!(
                f,
                "A marketing SMS to French numbers must carry the opt-out mention \"{mention}\" \
                 (the account's STOP number), written exactly so."
            ),
            Problem::StopMentionNotConfigured => f.write_str(
                "A marketing SMS to French numbers must carry a free way to opt out, and no \
                 mention is configured for Infobip: set infobip.stop_mention to the account's \
                 STOP number (for example \"STOP au 36111\").",
            ),
            Problem::NoRecipient => f.write_str("Add at least one recipient."),
            Problem::TooManyRecipients { count, max } => {
                write!(f, "{count} recipients: a campaign can have at most {max}.")
            }
            Problem::MoreLineErrors(n) => write!(f, "…and {n} more lines with errors."),
            Problem::Phone(e) => e.fmt(f),
            Problem::UnreadableLine { detail } => {
                write!(f, "this line is not readable CSV: {detail}")
            }
            Problem::UnreadableHeader { detail } => {
                write!(f, "the header is not readable CSV: {detail}")
            }
            Problem::NotUtf8Line => f.write_str(
                "this line is not UTF-8 text: save the file as \"CSV UTF-8\" and load it again",
            ),
            Problem::RecipientFileGone => f.write_str(
                "the uploaded list is no longer kept (lists are kept for a day): load the file again",
            ),
            Problem::FileAndTypedRecipients => f.write_str(
                "recipients are typed and a file is loaded: remove one of them",
            ),
            Problem::FileTooLarge { max_megabytes } => write!(
                f,
                "the file is larger than the server takes ({max_megabytes} MB): split it into several campaigns"
            ),
            Problem::ValueCount { values, columns } => {
                write!(
                    f,
                    "{values} values, but the header names {columns} columns."
                )
            }
            Problem::UnknownColumn(name) => write!(
                f,
                "the column \"{name}\" is not known; columns are phone, {}, time_zone and ignore.",
                placeholders::columns_in_words()
            ),
            Problem::RepeatedColumn(name) => write!(f, "the column \"{name}\" appears twice."),
            Problem::ValueTooLong { column, chars, max } => {
                write!(f, "{column} is {chars} characters long; at most {max}.")
            }
            Problem::RecipientZone(e) => write!(f, "time_zone: {e}"),
            Problem::NoPhoneValue => f.write_str("the phone number is missing."),
            Problem::SeveralValuesInPhoneCell(cell) => write!(
                f,
                "the phone column holds \"{cell}\", more than one value: a row is one recipient, \
                 so give each number a row of its own."
            ),
            Problem::NameTooLong { length, max } => write!(
                f,
                "A campaign's name has at most {max} characters; this one has {length}."
            ),
            Problem::Sender(e) => e.fmt(f),
            Problem::SendTime(e) => e.fmt(f),
            Problem::TooFarAhead { provider, days } => write!(
                f,
                "{provider} schedules at most {days} days ahead; pick an earlier date."
            ),
            Problem::MoveTooFarAhead(days) => write!(
                f,
                "The provider takes send times at most {days} days ahead."
            ),
            Problem::TooSoonForApproval { minutes_needed } => write!(
                f,
                "Not scheduled: the rules would hold this campaign for another person's approval, \
                 which must come at least {minutes_needed} minutes before the send time to hand \
                 it to the provider in time. Choose a later time, or \"Now\": it then goes as \
                 soon as it is approved."
            ),
            Problem::TimeBreaksRules { count, named } => write!(
                f,
                "The sending rules do not allow this time for {count} recipient(s): {}. Choose \
                 another time.",
                rule_breaks(named, *count)
            ),
            Problem::OverrideReasonMissing => f.write_str(
                "Say why the sending rules are overridden: the reason is recorded with the \
                 campaign.",
            ),
            Problem::ValidityNotMinutes(typed) => {
                write!(f, "\"{typed}\" is not a whole number of minutes.")
            }
            Problem::ValidityOutOfRange { minutes, max } => write!(
                f,
                "{minutes} minutes: Infobip keeps trying to deliver for 1 to {max} minutes (48 \
                 hours); leave it empty for its default."
            ),
            Problem::OptionNotOffered { provider, option } => {
                write!(f, "{provider} does not offer {option}.")
            }
            Problem::OverBalance {
                provider,
                estimate,
                balance,
                currency,
            } => write!(
                f,
                "The estimated cost, {estimate} {currency}, is more than the {provider} balance, \
                 {balance} {currency}: {provider} would send part of the campaign and refuse the \
                 rest. Add credit, or send to fewer recipients."
            ),
            Problem::NoNumber => f.write_str("Enter at least one number."),
            Problem::NotADay(text) => write!(f, "{text:?} is not a day written YYYY-MM-DD."),
            Problem::ProviderSaid { words, .. } => f.write_str(words),
        }
    }
}

/// `line 3 (+33…): reason; …; and 4 more`, the first recipients named and the rest counted.
fn rule_breaks(named: &[RuleBreak], count: usize) -> String {
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

impl fmt::Display for MessageTextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MessageTextError::Empty => f.write_str("The message is empty."),
            MessageTextError::TooLong(n) => write!(
                f,
                "The message has {n} characters; the most a campaign accepts is {MAX_TEXT_CHARS}."
            ),
        }
    }
}

impl fmt::Display for PlaceholderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlaceholderError::Unknown(name) => write!(
                f,
                "{{{name}}} is not a placeholder; use one of {}.",
                placeholders::in_words()
            ),
            PlaceholderError::Unfilled(name) => {
                write!(f, "{{{name}}} has no value for this recipient.")
            }
            PlaceholderError::InNoLine(name) => write!(
                f,
                "No line of the list has a value for {{{name}}}: is its column named otherwise, or \
                 set to “not used”? Choose {name} for that column (or name it {name} in the \
                 list's first line), or take {{{name}}} out of the message."
            ),
            PlaceholderError::Unclosed(name) => {
                write!(f, "{{{name} has no closing brace: write {{{name}}}.")
            }
        }
    }
}

impl fmt::Display for SenderIdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SenderIdError::TooShort(n) => write!(
                f,
                "The sender must have at least 3 characters (it has {n})."
            ),
            SenderIdError::TooLong(n) => {
                write!(f, "The sender can have at most 11 characters (it has {n}).")
            }
            SenderIdError::InvalidCharacter(c) => write!(
                f,
                "The sender may only use letters A–Z, a–z and digits 0–9; '{c}' is not allowed."
            ),
        }
    }
}

impl fmt::Display for PhoneNumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PhoneNumberError::Unparsable(input) => write!(f, "'{input}' is not a phone number."),
            PhoneNumberError::Invalid(input) => {
                write!(f, "'{input}' is not a valid number for its country.")
            }
            PhoneNumberError::StrayCharacter { input, character } => write!(
                f,
                "'{input}' is not a phone number: '{character}' has no place in one (only \
                 digits, spaces and + - . ( ) do)."
            ),
            PhoneNumberError::UnknownRegion(input) => write!(
                f,
                "'{input}' is not a region code (expected two letters such as FR or US)."
            ),
        }
    }
}

impl fmt::Display for SendTimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SendTimeError::UnknownZone(input) => write!(
                f,
                "'{input}' is not a time zone name (expected one such as Europe/Paris)."
            ),
            SendTimeError::Unparsable(input) => write!(
                f,
                "'{input}' is not a date and time (expected YYYY-MM-DDTHH:MM)."
            ),
            SendTimeError::Skipped { local, zone } => write!(
                f,
                "{local} does not exist in {zone}: the clocks go forward then. Pick a time \
                 outside the change."
            ),
            SendTimeError::InPast { local, zone, now } => {
                write!(
                    f,
                    "{local} in {zone} is in the past (it is now {now} there)."
                )
            }
            SendTimeError::Missing => f.write_str(
                "Enter the date and time to send at, every part of it, or choose to send now.",
            ),
            SendTimeError::NowAndTime => {
                f.write_str("Choose either to send now or a date and time, not both.")
            }
            SendTimeError::BeyondHorizon { local, days } => {
                write!(
                    f,
                    "{local} is more than {days} days ahead: pick an earlier date."
                )
            }
        }
    }
}

impl fmt::Display for ProviderOption {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ProviderOption::Simulation => "a simulation",
            ProviderOption::WithReplies => "replies",
            ProviderOption::RemoveBlacklisted => "leaving out the blacklisted numbers",
            ProviderOption::Flash => "a flash SMS",
            ProviderOption::Validity => "a validity period",
        })
    }
}

impl fmt::Display for RefusalCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use RefusalCode::*;
        f.write_str(match self {
            WrongLoginOrKey => "the API login or key is wrong",
            NoRecipients => "the campaign has no recipients",
            NotEnoughCredit => "the account does not have enough credit",
            BadSender => "the sender must be 3 to 11 letters or digits",
            NoText => "the message text is missing",
            AccountNotValidated => "the Octopush account is not validated yet",
            NoValidNumber => "no valid phone number in the list",
            AlreadySubmitted => "this request was already submitted in the last 24 hours",
            StopMentionPremium => {
                "a premium marketing SMS must contain the mention \"STOP au XXXXX\""
            }
            StopMentionLowCost => {
                "a low-cost marketing SMS must contain the mention \"STOP au XXXXX\""
            }
            NoCountryForPrefix => "no country matches a number's prefix",
            CountryNotServed => "a number's country is not served",
            NoLowCostRoute => "there is no low-cost route to a number's country",
            RouteCongested => "the route is congested; try again later",
            OctopushFailed => "Octopush could not process the request",
            OctopushConnection => "Octopush had a connection error",
            WrongApiKey => "the Infobip API key is wrong",
            KeyNotAllowed => "the Infobip API key may not use this endpoint",
            UnknownBulk => "Infobip does not know this bulk",
            LimitingRequests => "Infobip is limiting requests; try again later",
        })
    }
}
