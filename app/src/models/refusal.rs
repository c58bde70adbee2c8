//! Why something asked cannot be done, or can only under conditions, as data: the server names
//! the reason and the browser says it in the user's language (English is the `Display` below).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum Refusal {
    // Nothing recorded under that name.
    #[error("No campaign {0} is recorded.")]
    NoSuchCampaign(String),
    #[error("No recipient {0} is recorded.")]
    NoSuchRecipient(String),
    #[error("{0} is not on the opt-out list.")]
    NotOptedOut(String),

    // Scheduling.
    #[error("The campaign id {0:?} is not a UUID: nothing was scheduled.")]
    NotAUuid(String),
    #[error("This campaign was already scheduled (campaign {0}): it was not scheduled again.")]
    AlreadyScheduled(String),

    // Operations on a scheduled campaign.
    #[error("A simulation was never handed to the provider: there is nothing to change.")]
    Simulation,
    #[error("The campaign's provider is not configured on this server.")]
    ProviderGone,
    #[error("The campaign is already paused.")]
    AlreadyPaused,
    #[error("The campaign is not paused.")]
    NotPaused,
    #[error(
        "The campaign is sent at each recipient's own clock, at several times: cancel it and \
         schedule it again."
    )]
    SentAtLocalTimes,
    #[error(
        "No recipient is waiting at the provider: the campaign was sent, canceled or never \
         accepted."
    )]
    NothingWaiting,
    #[error("The send time ({0}) has passed: the provider is sending it.")]
    SendTimePassed(String),
    #[error(
        "The provider refused none of this campaign's recipients: there is nobody to schedule \
         again."
    )]
    NothingRefused,

    // What the providers allow.
    #[error(
        "Octopush cancels only more than 10 minutes before the send time, campaigns of fewer \
         than 3 recipients, at most 1000 times a month."
    )]
    OctopushCancelLimits,
    #[error("The provider cancels only more than {0} minutes before the send time.")]
    CancelTooLate(u32),
    #[error("The provider cancels only campaigns of at most {0} recipients.")]
    CancelTooManyRecipients(u32),
    #[error("Octopush cannot move a campaign: cancel it and schedule it again.")]
    OctopushCannotMove,
    #[error("Octopush cannot pause a campaign.")]
    OctopushCannotPause,
    #[error("Infobip moves a bulk at most {0} days ahead.")]
    InfobipMoveHorizon(u32),

    // The sandbox clock.
    #[error("No sandbox runs on this server: every provider is the real one.")]
    NoSandbox,
    #[error("The sandbox clock was not moved: seconds must be between 1 and {max} (a year).")]
    ClockStepOutOfRange { max: i64 },
    #[error(
        "The sandbox clock was not moved: it runs at most {max_days} days ahead of real time."
    )]
    ClockTooFarAhead { max_days: u32 },
}
