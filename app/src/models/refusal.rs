//! Why something asked cannot be done, or can only under conditions, as data: the server names
//! the reason and the browser says it in the user's language (English is the `Display` in `i18n/en_refusals.rs`).

use serde::{Deserialize, Serialize};

use super::{Approval, CancelLimits, Right, Role};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum Refusal {
    // Who may do what.
    /// The user's role does not give the right.
    NoRight {
        role: Role,
        right: Right,
    },
    /// Only the campaign's sender, an approver or an admin may operate it.
    NotYourCampaign {
        sender: String,
    },

    // Nothing recorded under that name.
    NoSuchCampaign(String),
    NoSuchRecipient(String),
    NotOptedOut(String),

    // Scheduling.
    NotAUuid(String),
    AlreadyScheduled(String),
    /// This person is sending so many recipient files already: one more waits until one is read.
    UploadsUnderWay {
        at_once: u32,
    },

    // Operations on a scheduled campaign.
    Simulation,
    ProviderGone,
    AlreadyPaused,
    NotPaused,
    SentAtLocalTimes,
    NothingWaiting,
    SendTimePassed(String),
    NothingRefused,

    // Four-eyes approval.
    /// The person deciding scheduled the campaign: someone else must approve it.
    OwnCampaign,
    /// Approved, rejected or withdrawn already (or never held).
    NotAwaitingApproval(Approval),
    /// Held for approval: nothing is at the provider to cancel, move, pause or resume.
    AwaitingApproval,
    /// The first message is due too soon for the hand-over to finish: when it is due (in the
    /// campaign's zone, `2026-12-03 14:00 Europe/Paris`), and the minutes needed before it.
    TooLateToApprove {
        due: String,
        minutes_needed: u32,
    },
    /// A rejection says why (at most so many characters).
    RejectionReasonNeeded {
        max: usize,
    },

    // What the providers allow.
    /// Octopush's limits on a cancel, as its capabilities declare them.
    OctopushCancelLimits(CancelLimits),
    CancelTooLate(u32),
    CancelTooManyRecipients(u32),
    OctopushCannotMove,
    OctopushCannotPause,
    InfobipMoveHorizon(u32),

    // The sandbox clock.
    NoSandbox,
    ClockStepOutOfRange {
        max: i64,
    },
    ClockTooFarAhead {
        max_days: u32,
    },
}

impl Refusal {
    /// The right the person lacked, when that is why: for someone else's campaign, operating
    /// anyone's.
    pub fn lacking_right(&self) -> Option<Right> {
        match self {
            Refusal::NoRight { right, .. } => Some(*right),
            Refusal::NotYourCampaign { .. } => Some(Right::OperateAny),
            Refusal::NoSuchCampaign(_)
            | Refusal::NoSuchRecipient(_)
            | Refusal::NotOptedOut(_)
            | Refusal::NotAUuid(_)
            | Refusal::AlreadyScheduled(_)
            | Refusal::UploadsUnderWay { .. }
            | Refusal::Simulation
            | Refusal::ProviderGone
            | Refusal::AlreadyPaused
            | Refusal::NotPaused
            | Refusal::SentAtLocalTimes
            | Refusal::NothingWaiting
            | Refusal::SendTimePassed(_)
            | Refusal::NothingRefused
            | Refusal::OwnCampaign
            | Refusal::NotAwaitingApproval(_)
            | Refusal::AwaitingApproval
            | Refusal::TooLateToApprove { .. }
            | Refusal::RejectionReasonNeeded { .. }
            | Refusal::OctopushCancelLimits(_)
            | Refusal::CancelTooLate(_)
            | Refusal::CancelTooManyRecipients(_)
            | Refusal::OctopushCannotMove
            | Refusal::OctopushCannotPause
            | Refusal::InfobipMoveHorizon(_)
            | Refusal::NoSandbox
            | Refusal::ClockStepOutOfRange { .. }
            | Refusal::ClockTooFarAhead { .. } => None,
        }
    }
}
