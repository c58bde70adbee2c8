use serde::{Deserialize, Serialize};
use std::fmt;

/// What moved a recipient's status, as its history records it; stored by `as_str`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EventSource {
    /// The hand-over to the provider.
    Scheduler,
    /// An operation on the campaign (cancel, reschedule, pause, resume).
    Operator,
    /// Reconciliation of a provider request whose answer was lost.
    Reconciliation,
    /// A delivery report Octopush pushed.
    OctopushWebhook,
    /// A delivery report Infobip pushed.
    InfobipWebhook,
    /// A delivery report fetched from Infobip.
    InfobipPoll,
}

impl EventSource {
    pub const ALL: [EventSource; 6] = [
        EventSource::Scheduler,
        EventSource::Operator,
        EventSource::Reconciliation,
        EventSource::OctopushWebhook,
        EventSource::InfobipWebhook,
        EventSource::InfobipPoll,
    ];

    /// Its name as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            EventSource::Scheduler => "scheduler",
            EventSource::Operator => "operator",
            EventSource::Reconciliation => "reconciliation",
            EventSource::OctopushWebhook => "octopush-webhook",
            EventSource::InfobipWebhook => "infobip-webhook",
            EventSource::InfobipPoll => "infobip-poll",
        }
    }

    /// The source stored as `name` (`as_str`).
    pub fn from_stored(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|source| source.as_str() == name)
    }
}

/// Where one recipient's message stands: one normalised status whatever the provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecipientStatus {
    /// Recorded; the provider has not confirmed it yet.
    Pending,
    /// Handed over but no answer came: the provider may have it (reconciled later).
    Unknown,
    /// The provider holds it for a later send time.
    Scheduled,
    /// The provider took it to send now.
    Accepted,
    /// Sent to the operator.
    Sent,
    Delivered,
    Failed,
    Expired,
    Canceled,
    /// Left out before submission (opted out, sending rules, frequency cap…), with the reason.
    Excluded,
    /// Checked and priced by the provider in a simulation: nothing was sent, nothing will be.
    Simulated,
}

impl RecipientStatus {
    pub const ALL: [RecipientStatus; 11] = [
        RecipientStatus::Pending,
        RecipientStatus::Unknown,
        RecipientStatus::Scheduled,
        RecipientStatus::Accepted,
        RecipientStatus::Sent,
        RecipientStatus::Delivered,
        RecipientStatus::Failed,
        RecipientStatus::Expired,
        RecipientStatus::Canceled,
        RecipientStatus::Excluded,
        RecipientStatus::Simulated,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RecipientStatus::Pending => "pending",
            RecipientStatus::Unknown => "unknown",
            RecipientStatus::Scheduled => "scheduled",
            RecipientStatus::Accepted => "accepted",
            RecipientStatus::Sent => "sent",
            RecipientStatus::Delivered => "delivered",
            RecipientStatus::Failed => "failed",
            RecipientStatus::Expired => "expired",
            RecipientStatus::Canceled => "canceled",
            RecipientStatus::Excluded => "excluded",
            RecipientStatus::Simulated => "simulated",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == value)
    }

    /// How far along a message is; a report never moves a recipient back (reports arrive out of order).
    pub fn progress(self) -> u8 {
        match self {
            RecipientStatus::Pending => 0,
            // A hand-over without an answer: more than pending, less than any word from the provider.
            RecipientStatus::Unknown => 1,
            RecipientStatus::Scheduled | RecipientStatus::Accepted => 2,
            RecipientStatus::Sent => 3,
            RecipientStatus::Delivered
            | RecipientStatus::Failed
            | RecipientStatus::Expired
            | RecipientStatus::Canceled
            | RecipientStatus::Excluded
            | RecipientStatus::Simulated => FINAL_PROGRESS,
        }
    }

    pub fn is_final(self) -> bool {
        self.progress() == FINAL_PROGRESS
    }

    /// Never went to its recipient, and never will: canceled before it was sent, or left out.
    pub fn is_withheld(self) -> bool {
        match self {
            RecipientStatus::Canceled | RecipientStatus::Excluded => true,
            RecipientStatus::Pending
            | RecipientStatus::Unknown
            | RecipientStatus::Scheduled
            | RecipientStatus::Accepted
            | RecipientStatus::Sent
            | RecipientStatus::Delivered
            | RecipientStatus::Failed
            | RecipientStatus::Expired
            | RecipientStatus::Simulated => false,
        }
    }

    /// On its way now: neither settled nor waiting at the provider for a later send time.
    pub fn is_moving(self) -> bool {
        !self.is_final() && self != RecipientStatus::Scheduled
    }
}

/// The progress of every final status.
const FINAL_PROGRESS: u8 = 4;

impl fmt::Display for RecipientStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_round_trip_and_only_move_forward() {
        for status in RecipientStatus::ALL {
            assert_eq!(RecipientStatus::parse(status.as_str()), Some(status));
        }
        assert!(RecipientStatus::Delivered.progress() > RecipientStatus::Sent.progress());
        assert!(RecipientStatus::Sent.progress() > RecipientStatus::Scheduled.progress());
        assert!(RecipientStatus::Scheduled.progress() > RecipientStatus::Unknown.progress());
        assert!(RecipientStatus::Unknown.progress() > RecipientStatus::Pending.progress());
        assert!(RecipientStatus::Canceled.is_final() && !RecipientStatus::Unknown.is_final());
        assert!(RecipientStatus::Simulated.is_final());
    }

    #[test]
    fn event_sources_read_back_as_stored() {
        for source in EventSource::ALL {
            assert_eq!(EventSource::from_stored(source.as_str()), Some(source));
        }
        assert_eq!(EventSource::from_stored("webhook"), None);
    }
}
