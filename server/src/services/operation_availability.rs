//! Which operations a scheduled campaign offers now, and why not: one rule for the campaign page
//! (which disables them) and for the operation itself (which refuses them).

use app::models::{Approval, Capabilities, OperationAvailability, OperationKind, Refusal, Support};
use chrono::{DateTime, Duration, Utc};

use crate::storage::{CampaignRecord, WaitingRequests};

/// Whether `operation` can be asked of this campaign now, and if not, why .
pub fn refusal(
    operation: OperationKind,
    campaign: &CampaignRecord,
    waiting: &WaitingRequests,
    capabilities: Option<&Capabilities>,
    now: DateTime<Utc>,
) -> Option<Refusal> {
    if campaign.simulation {
        return Some(Refusal::Simulation);
    }
    if campaign.approval == Approval::Awaiting {
        return Some(Refusal::AwaitingApproval);
    }
    let support = capabilities.map(|c| match operation {
        OperationKind::Cancel => &c.cancel,
        OperationKind::Reschedule => &c.reschedule,
        OperationKind::Pause | OperationKind::Resume => &c.pause_resume,
    });
    match support {
        None => return Some(Refusal::ProviderGone),
        Some(Support::No(why)) => return Some(why.clone()),
        Some(Support::Yes | Support::Limited(_)) => {}
    }
    // Nothing left at the provider is the reason for every operation, said before what one of
    // them would also find ("not paused"): the page then says it once for all.
    if waiting.requests == 0 {
        return Some(Refusal::NothingWaiting);
    }
    let state_refusal = match operation {
        OperationKind::Pause => campaign.paused.then_some(Refusal::AlreadyPaused),
        OperationKind::Resume => (!campaign.paused).then_some(Refusal::NotPaused),
        OperationKind::Reschedule => campaign.local_time.then_some(Refusal::SentAtLocalTimes),
        OperationKind::Cancel => None,
    };
    if state_refusal.is_some() {
        return state_refusal;
    }
    let next = waiting.next_send_at.as_deref()?;
    let due = DateTime::parse_from_rfc3339(next).map(|t| t.with_timezone(&Utc));
    if due.is_ok_and(|due| due <= now) {
        return Some(Refusal::SendTimePassed(next.to_owned()));
    }
    // A cancel the provider is known to refuse is not offered.
    let limits = capabilities.and_then(|c| c.cancel_limits);
    if let Some(limits) = limits.filter(|_| operation == OperationKind::Cancel) {
        if waiting.most_recipients > u64::from(limits.max_recipients) {
            return Some(Refusal::CancelTooManyRecipients(limits.max_recipients));
        }
        let notice = Duration::minutes(i64::from(limits.notice_minutes));
        if due.is_ok_and(|due| due - now <= notice) {
            return Some(Refusal::CancelTooLate(limits.notice_minutes));
        }
    }
    None
}

/// What each operation can do with the campaign now, for the detail view.
pub fn availability(
    campaign: &CampaignRecord,
    waiting: &WaitingRequests,
    capabilities: Option<&Capabilities>,
    now: DateTime<Utc>,
) -> Vec<OperationAvailability> {
    OperationKind::ALL
        .into_iter()
        .map(|operation| OperationAvailability {
            operation,
            refused_because: refusal(operation, campaign, waiting, capabilities, now),
        })
        .collect()
}
