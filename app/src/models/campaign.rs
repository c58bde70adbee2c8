//! Campaigns as the status views show them: listed with counts, in detail with every recipient
//! (a page at a time), each recipient's history, and who did what.

use serde::{Deserialize, Serialize};

use super::{
    Approval, ApprovalReason, DecisionAvailability, DecisionKind, EventSource, Notice, ProviderId,
    ProviderOptions, RecipientStatus, Refusal,
};
use crate::domain::{Encoding, Purpose};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct StatusCount {
    pub status: RecipientStatus,
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignSummary {
    pub id: String,
    /// The name the user gave it; `None`: none.
    pub name: Option<String>,
    /// The sender asked for; `None`: the provider's default.
    pub sender: Option<String>,
    pub provider: ProviderId,
    /// Who scheduled it.
    pub actor: String,
    pub text: String,
    pub purpose: Purpose,
    /// The send time asked for, RFC 3339 with the user's offset; `None`: at once.
    pub requested_send_at: Option<String>,
    pub time_zone: String,
    pub simulation: bool,
    pub paused: bool,
    pub approval: Approval,
    /// Recipients named, excluded ones included.
    pub recipient_count: u64,
    /// How many recipients stand in each status (statuses with none left out), in status order.
    pub counts: Vec<StatusCount>,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// When its messages go, when that is not the time asked for (the sending rules moved them,
    /// or each recipient's own zone spread them); `None`: at the time asked for.
    pub sends: Option<SendSpan>,
}

/// The earliest and latest send times of a campaign's provider requests, RFC 3339 at the
/// campaign zone's offset; the same when they all go at once.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SendSpan {
    pub first: String,
    pub last: String,
}

impl CampaignSummary {
    pub fn count(&self, status: RecipientStatus) -> u64 {
        self.counts
            .iter()
            .find(|c| c.status == status)
            .map_or(0, |c| c.count)
    }

    /// Some recipient can still change status: a view of it is worth refreshing.
    pub fn is_live(&self) -> bool {
        self.counts
            .iter()
            .any(|c| c.count > 0 && !c.status.is_final())
    }

    pub fn state(&self) -> CampaignState {
        match self.approval {
            Approval::Awaiting => return CampaignState::AwaitingApproval,
            Approval::Rejected => return CampaignState::Rejected,
            Approval::Withdrawn => return CampaignState::Withdrawn,
            Approval::Expired => return CampaignState::Expired,
            Approval::NotNeeded | Approval::Approved => {}
        }
        if self.paused {
            CampaignState::Paused
        } else if self
            .counts
            .iter()
            .any(|c| c.count > 0 && c.status.is_moving())
        {
            CampaignState::InProgress
        } else if self.is_live() {
            CampaignState::Scheduled
        } else if self.count(RecipientStatus::Canceled) > 0
            && self
                .counts
                .iter()
                .all(|c| c.count == 0 || c.status.is_withheld())
        {
            CampaignState::Canceled
        } else {
            CampaignState::Finished
        }
    }
}

/// Where a campaign stands as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CampaignState {
    /// Held by the approval rules: nothing handed to a provider yet.
    AwaitingApproval,
    /// Some recipient is still on its way.
    InProgress,
    /// Held at the provider until resumed.
    Paused,
    /// Every recipient is settled (delivered, failed, expired, canceled or excluded).
    Finished,
    /// Every recipient still to go waits at the provider for its send time. (From here on,
    /// variants are only appended: the wire names a variant by its place.)
    Scheduled,
    /// Canceled before any message went: every recipient canceled or left out, none sent.
    Canceled,
    /// Held for approval, then refused by an approver: nothing was sent.
    Rejected,
    /// Held for approval, then taken back by its sender: nothing was sent.
    Withdrawn,
    /// Held for approval until its send time passed: nothing was sent.
    Expired,
}

impl CampaignState {
    pub const ALL: [CampaignState; 9] = [
        CampaignState::AwaitingApproval,
        CampaignState::Scheduled,
        CampaignState::InProgress,
        CampaignState::Paused,
        CampaignState::Finished,
        CampaignState::Canceled,
        CampaignState::Rejected,
        CampaignState::Withdrawn,
        CampaignState::Expired,
    ];

    /// The stable name used in requests and form values.
    pub fn as_str(self) -> &'static str {
        match self {
            CampaignState::AwaitingApproval => "awaiting_approval",
            CampaignState::Scheduled => "scheduled",
            CampaignState::InProgress => "in_progress",
            CampaignState::Paused => "paused",
            CampaignState::Finished => "finished",
            CampaignState::Canceled => "canceled",
            CampaignState::Rejected => "rejected",
            CampaignState::Withdrawn => "withdrawn",
            CampaignState::Expired => "expired",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == name)
    }
}

/// Which campaigns the list shows; the default shows them all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CampaignFilter {
    pub state: Option<CampaignState>,
    pub provider: Option<ProviderId>,
    /// Words of the message (any case), or a whole phone number one of its recipients has.
    pub search: String,
}

/// One page of campaigns, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignPage {
    pub campaigns: Vec<CampaignSummary>,
    /// Pass back as `before` for the next page; `None` on the last one.
    pub next_before: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecipientView {
    /// Our id for the recipient (the provider's message id where it takes ours).
    pub id: String,
    /// Line of the recipient list it came from.
    pub line: u32,
    pub phone: String,
    pub parts: u32,
    pub encoding: Encoding,
    /// RFC 3339, UTC; `None` for an excluded recipient.
    pub send_at: Option<String>,
    pub status: RecipientStatus,
    /// Why it failed or was excluded.
    pub reason: Option<Notice>,
    pub warnings: Vec<Notice>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecipientEvent {
    pub status: RecipientStatus,
    pub detail: Option<Notice>,
    pub source: EventSource,
    /// RFC 3339, UTC.
    pub occurred_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignAction {
    pub actor: String,
    pub action: CampaignActionKind,
    pub detail: Option<Notice>,
    /// RFC 3339, UTC.
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignDetail {
    pub summary: CampaignSummary,
    pub override_reason: Option<String>,
    /// The provider's own options chosen for it.
    pub options: ProviderOptions,
    /// What each operation can do with this campaign now, or why not.
    pub operations: Vec<OperationAvailability>,
    pub actions: Vec<CampaignAction>,
    /// Why the approval rules held it (empty when none did).
    pub approval_reasons: Vec<ApprovalReason>,
    /// What the person viewing it may decide while it awaits approval, or why not (empty once
    /// decided, or when it was never held).
    pub decisions: Vec<DecisionAvailability>,
    /// Recipients the provider refused (or that were never handed over in time): nothing was sent
    /// to them, and they can be scheduled again.
    pub refused: u64,
    /// The page asked for, in list order.
    pub recipients: Vec<RecipientView>,
    pub recipients_offset: u64,
}

/// What a user may do to a scheduled campaign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CampaignOperation {
    Cancel,
    /// Move to this wall-clock time (`YYYY-MM-DDTHH:MM`) in the campaign's time zone.
    Reschedule {
        send_at: String,
    },
    Pause,
    Resume,
}

impl CampaignOperation {
    pub fn kind(&self) -> OperationKind {
        match self {
            CampaignOperation::Cancel => OperationKind::Cancel,
            CampaignOperation::Reschedule { .. } => OperationKind::Reschedule,
            CampaignOperation::Pause => OperationKind::Pause,
            CampaignOperation::Resume => OperationKind::Resume,
        }
    }
}

/// What was done to a campaign, as its history records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CampaignActionKind {
    Schedule,
    Operation(OperationKind),
    /// Reconciliation settled one of its provider requests.
    Reconcile,
    /// Approved, rejected or withdrawn while held for approval.
    Decision(DecisionKind),
    /// Held for approval until its send time passed, closed by the server.
    Expire,
}

impl CampaignActionKind {
    /// Its name as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            CampaignActionKind::Schedule => "schedule",
            CampaignActionKind::Operation(operation) => operation.as_str(),
            CampaignActionKind::Reconcile => "reconcile",
            CampaignActionKind::Decision(decision) => decision.as_str(),
            CampaignActionKind::Expire => "expire",
        }
    }

    /// Every action, each once.
    pub fn all() -> impl Iterator<Item = Self> + Clone {
        let operations = OperationKind::ALL.map(CampaignActionKind::Operation);
        let decisions = DecisionKind::ALL.map(CampaignActionKind::Decision);
        let others = [
            CampaignActionKind::Schedule,
            CampaignActionKind::Reconcile,
            CampaignActionKind::Expire,
        ];
        others.into_iter().chain(operations).chain(decisions)
    }

    /// The action stored as `name` (`as_str`).
    pub fn from_stored(name: &str) -> Option<Self> {
        Self::all().find(|action| action.as_str() == name)
    }
}

/// Which operation, without what it needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OperationKind {
    Cancel,
    Reschedule,
    Pause,
    Resume,
}

impl OperationKind {
    pub const ALL: [OperationKind; 4] = [
        OperationKind::Cancel,
        OperationKind::Reschedule,
        OperationKind::Pause,
        OperationKind::Resume,
    ];

    /// Its name as the campaign's actions record it and the page's elements are named.
    pub fn as_str(self) -> &'static str {
        match self {
            OperationKind::Cancel => "cancel",
            OperationKind::Reschedule => "reschedule",
            OperationKind::Pause => "pause",
            OperationKind::Resume => "resume",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OperationAvailability {
    pub operation: OperationKind,
    /// `None`: available; otherwise why not.
    pub refused_because: Option<Refusal>,
}

/// What an operation did, provider request by provider request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OperationReport {
    pub campaign_id: String,
    pub operation: OperationKind,
    /// Provider requests the operation reached.
    pub done: u32,
    /// Provider requests that refused it, each with the provider's words.
    pub refused: Vec<String>,
    /// Recipients whose status changed.
    pub recipients_moved: u64,
}

impl OperationReport {
    /// Whether its report says how many recipients changed: a cancel or a move always (even
    /// none), a pause or a resume, which change no recipient's status, only when some did.
    pub fn says_recipients(&self) -> bool {
        match self.operation {
            OperationKind::Cancel | OperationKind::Reschedule => true,
            OperationKind::Pause | OperationKind::Resume => self.recipients_moved > 0,
        }
    }
}

#[cfg(test)]
#[path = "campaign_tests.rs"]
mod tests;
