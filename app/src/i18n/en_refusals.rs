//! English: why something asked cannot be done, or only under conditions. `Display` of
//! [`Refusal`] is the English sentence; the French ones are in `fr_refusals.rs`.

use std::fmt;

use super::en_names;
use crate::models::Refusal;

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::NoRight { role, right } => write!(
                f,
                "Your role ({}) does not allow {}.",
                en_names::role(*role),
                en_names::right(*right)
            ),
            Refusal::NotYourCampaign { sender } => write!(
                f,
                "Only {sender}, who scheduled this campaign, an approver or an admin may change it."
            ),
            Refusal::NoSuchCampaign(id) => write!(f, "No campaign {id} is recorded."),
            Refusal::NoSuchRecipient(id) => write!(f, "No recipient {id} is recorded."),
            Refusal::NotOptedOut(number) => write!(f, "{number} is not on the opt-out list."),
            Refusal::NotAUuid(id) => write!(
                f,
                "The campaign id {id:?} is not a UUID: nothing was scheduled."
            ),
            Refusal::AlreadyScheduled(id) => write!(
                f,
                "This campaign was already scheduled (campaign {id}): it was not scheduled again."
            ),
            Refusal::UploadsUnderWay { at_once } => write!(
                f,
                "You are already sending {at_once} recipient files: send this one once one of \
                 them is read. Nothing was kept of it."
            ),
            Refusal::Simulation => f.write_str(
                "A simulation was never handed to the provider: there is nothing to change.",
            ),
            Refusal::ProviderGone => {
                f.write_str("The campaign's provider is not configured on this server.")
            }
            Refusal::AlreadyPaused => f.write_str("The campaign is already paused."),
            Refusal::NotPaused => f.write_str("The campaign is not paused."),
            Refusal::SentAtLocalTimes => f.write_str(
                "The campaign is sent at each recipient's own clock, at several times: cancel it \
                 and schedule it again.",
            ),
            Refusal::NothingWaiting => f.write_str(
                "No recipient is waiting at the provider: the campaign was sent, canceled or \
                 never accepted.",
            ),
            Refusal::SendTimePassed(at) => write!(
                f,
                "The send time ({at}) has passed: the provider is sending it."
            ),
            Refusal::NothingRefused => f.write_str(
                "The provider refused none of this campaign's recipients: there is nobody to \
                 schedule again.",
            ),
            Refusal::OwnCampaign => f.write_str(
                "You scheduled this campaign: another approver or admin must approve or reject it.",
            ),
            Refusal::NotAwaitingApproval(approval) => write!(
                f,
                "This campaign is not awaiting approval ({}).",
                super::en_approval::approval(*approval)
            ),
            Refusal::AwaitingApproval => f.write_str(
                "This campaign awaits approval: nothing is at the provider yet. Approve, reject \
                 or withdraw it.",
            ),
            Refusal::TooLateToApprove {
                due,
                minutes_needed,
            } => write!(
                f,
                "Too late to approve: its first message is due at {due}, and handing it over \
                 needs {minutes_needed} minutes before that. Withdraw it; it can be scheduled \
                 again for a later time."
            ),
            Refusal::RejectionReasonNeeded { max } => write!(
                f,
                "Say why it is rejected (at most {max} characters): the sender reads it."
            ),
            Refusal::OctopushCancelLimits(limits) => write!(
                f,
                "Octopush cancels only more than {} minutes before the send time, campaigns of \
                 fewer than {} recipients, at most {} times a month.",
                limits.notice_minutes,
                limits.max_recipients + 1,
                limits.per_month
            ),
            Refusal::CancelTooLate(minutes) => write!(
                f,
                "The provider cancels only more than {minutes} minutes before the send time."
            ),
            Refusal::CancelTooManyRecipients(max) => write!(
                f,
                "The provider cancels only campaigns of at most {max} recipients."
            ),
            Refusal::OctopushCannotMove => {
                f.write_str("Octopush cannot move a campaign: cancel it and schedule it again.")
            }
            Refusal::OctopushCannotPause => f.write_str("Octopush cannot pause a campaign."),
            Refusal::InfobipMoveHorizon(days) => {
                write!(f, "Infobip moves a bulk at most {days} days ahead.")
            }
            Refusal::NoSandbox => {
                f.write_str("No sandbox runs on this server: every provider is the real one.")
            }
            Refusal::ClockStepOutOfRange { max } => write!(
                f,
                "The sandbox clock was not moved: seconds must be between 1 and {max} (a year)."
            ),
            Refusal::ClockTooFarAhead { max_days } => write!(
                f,
                "The sandbox clock was not moved: it runs at most {max_days} days ahead of real \
                 time."
            ),
        }
    }
}
