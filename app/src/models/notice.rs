//! What the server says about a recipient or a campaign, as data: why a recipient is left out,
//! moved or sent with a caution, what happened to it, and the details of a campaign's history.
//! The browser says it in the user's language; English is the `Display` in `i18n/en_notices.rs`, also
//! what the per-recipient CSV export and the server's logs show.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{ProviderId, WindowTerms};
use crate::domain::holidays::Holiday;
use crate::domain::OptOutSource;

/// Stored as JSON (`to_recorded`): a renamed variant or field would read older rows back as their
/// raw text, so rename only with a migration.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Notice {
    /// On the opt-out list, put there by `source` on `since` (`YYYY-MM-DD`).
    OptedOut { source: OptOutSource, since: String },
    /// Already `sent` marketing SMS within `days` days, at those times; at most `cap` are allowed.
    OverCap {
        sent: usize,
        days: u32,
        at: Vec<String>,
        cap: u32,
    },
    /// No zone given: `policy` is checked in every zone of the recipient's country.
    ZonesChecked { policy: String, zones: Vec<String> },
    /// No zone known: `policy` is checked in the campaign's zone.
    ZoneUnknown {
        policy: String,
        campaign_zone: String,
    },
    /// "At each recipient's local time" with no zone known: sent at `local` (`HH:MM`) in the
    /// campaign's zone.
    LocalTimeInCampaignZone {
        local: String,
        campaign_zone: String,
    },
    /// Outside the window of `policy`, because `closed`; `then` is what the campaign did about it.
    Outside {
        policy: String,
        window: WindowTerms,
        closed: Closed,
        then: Then,
    },
    /// The server stopped before handing the request over, and its send time (`due`) passed.
    NotHandedOverInTime { due: String },
    /// The server stopped before handing the request over, and the request was not kept.
    NotHandedOverRequestLost,
    /// The server stopped while handing the request over; the provider cannot tell whether it has
    /// it (`why`, in its words), and it is not sent again because of `because`.
    HandOverUnconfirmed { why: String, because: ResendBlocked },
    /// The provider did not answer (`message`, in words): the request is kept, looked up and
    /// handed over again if `provider` does not have it.
    NoAnswerLookedUp {
        provider: ProviderId,
        message: String,
    },
    /// Another instance's reconciliation took the request over: it is theirs to send.
    TakenOverByReconciliation,
    /// Not sent yet because storage failed; reconciliation will send it.
    LeftToReconciliation,
    /// `provider` kept answering "too many requests": not taken, so reconciliation sends the same
    /// request again while its send time allows.
    RateLimitedSentLater { provider: ProviderId },
    /// The provider refused this recipient, for `reason` (its words).
    ProviderRefused { reason: String },
    /// A STOP reply that put the number on the opt-out list.
    StopReply { provider: String, text: String },
    /// Scheduled outside the sending rules, for the reason the user recorded.
    RulesOverridden { reason: String },
    /// Moved to `at`; the provider requests in `refused` (the providers' words) were not.
    MovedTo { at: String, refused: Vec<String> },
    /// An operation the providers refused, in their words.
    OperationRefused { refused: Vec<String> },
    /// What reconciliation did to a submission interrupted by a stop of the server.
    Reconciled {
        recipients: usize,
        submission: String,
        outcome: Reconciliation,
    },
    /// In words as written: recorded before notices were data, or a provider's own words.
    Words(String),
    /// Canceled at the provider by `actor`.
    CanceledBy { actor: String },
    /// A number of a `kind` that does not usually receive SMS; sent all the same.
    NotMobile { kind: NumberKind },
    /// The send time, `local` (`YYYY-MM-DD HH:MM`), falls where `zone`'s clocks change.
    ClockChange {
        local: String,
        zone: String,
        change: ClockChange,
    },
    /// `provider` could not deliver the message, for `cause`; with the provider's own `code` and
    /// `words` when it gave them (last: the wire names a variant by its place).
    Undelivered {
        provider: ProviderId,
        cause: UndeliveredCause,
        code: Option<String>,
        words: Option<String>,
    },
    /// `provider` refused the request the recipient was in: its `code` (said in the reader's
    /// language when the provider documents it) and the refusal in English `words` (last: the
    /// wire names a variant by its place).
    RequestRefused {
        provider: ProviderId,
        code: Option<String>,
        words: String,
    },
    /// The recipient's value for `column` is written on several lines (a line break inside a
    /// quoted CSV cell): their SMS breaks its line there too (last: the wire names a variant by
    /// its place).
    ValueOnSeveralLines { column: String },
}

/// Why a message was not delivered, as far as the provider's report tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UndeliveredCause {
    /// The number does not exist, or cannot receive SMS.
    NoSuchNumber,
    /// The phone was off, out of reach or could not take it.
    Unreachable,
    /// The operator does not allow this message to this number.
    NotAllowed,
    /// The number is on the provider's blacklist (it had sent STOP).
    Blacklisted,
    /// Something about the phone or its subscription (Infobip's handset errors).
    Handset,
    /// Something about the account, the sender or the message (Infobip's user errors).
    Account,
    /// The operator's network (Infobip's operator errors).
    Operator,
    /// The operator never confirmed delivery before the message expired.
    NeverConfirmed,
    /// A status the provider does not explain.
    Unexplained,
}

/// What a clock change does to a wall-clock send time.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ClockChange {
    /// The clocks go back: the time happens twice; sent at the first, at `offset` from UTC
    /// (`+02:00`), the second being at `later_offset`.
    HappensTwice {
        offset: String,
        later_offset: String,
    },
    /// The clocks go forward: the time does not happen; sent at `sent` (`HH:MM`), the first
    /// minute after the change.
    DoesNotHappen { sent: String },
}

/// The kinds of numbers that do not usually receive SMS, as libphonenumber tells them apart.
/// Read without its country code, another country's mobile is often one of these in the
/// default country's numbering (a New Zealand `021…` is a French landline).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NumberKind {
    Landline,
    TollFree,
    PremiumRate,
    SharedCost,
    /// A company's single number (UAN).
    CompanyNumber,
    Voicemail,
    Pager,
}

/// What reconciliation found or did with an interrupted submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Reconciliation {
    ProviderHadIt,
    SentAgain,
    SentAgainRefused,
    Missed,
    Unconfirmed,
}

/// Why a request whose hand-over is unconfirmed is not sent again.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ResendBlocked {
    SendTimePassed {
        due: String,
    },
    RequestNotKept,
    /// Past the provider's repeat window, a resend could be taken as a new request.
    CouldBeSentTwice,
}

/// Why a window is closed at a time, read on `zone`'s clock.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Closed {
    Holiday {
        #[serde(with = "super::calendar_date")]
        date: NaiveDate,
        holiday: Holiday,
        zone: String,
    },
    NotASendingDay {
        #[serde(with = "super::calendar_date")]
        date: NaiveDate,
        zone: String,
    },
    /// `time` (`HH:MM`) is outside `start`–`end`.
    Hours {
        time: String,
        start: String,
        end: String,
        zone: String,
    },
}

/// What the campaign did with a recipient outside a window.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Then {
    /// The window only advises: sent at the requested time.
    Advised,
    /// Moved to the next time the window allows.
    Deferred,
    /// Left out: the window allows no time within a year.
    NoTimeWithinAYear,
    /// Left out: the campaign skips recipients outside the rules.
    Skipped,
    /// Sent at the requested time all the same, for the reason the user recorded.
    SentAnyway { reason: String },
}

impl Notice {
    /// A notice read back from storage: data when it was recorded as data, otherwise the words.
    pub fn from_recorded(recorded: &str) -> Self {
        serde_json::from_str(recorded).unwrap_or_else(|_| Notice::Words(recorded.to_owned()))
    }

    /// How storage records it.
    pub fn to_recorded(&self) -> String {
        serde_json::to_string(self).expect("a notice serialises")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn storage_reads_back_notices_as_data_and_older_words_as_words() {
        let notice = Notice::OptedOut {
            source: OptOutSource::Operator,
            since: "2026-11-02".into(),
        };
        assert_eq!(Notice::from_recorded(&notice.to_recorded()), notice);
        assert_eq!(
            Notice::from_recorded("opted out (operator, 2026-11-02)"),
            Notice::Words("opted out (operator, 2026-11-02)".into())
        );
        assert_eq!(
            notice.to_string(),
            "opted out (operator, 2026-11-02)",
            "the English words are the ones recorded before"
        );
    }
}
