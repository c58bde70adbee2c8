//! The audit trail: every action people take (and every attempt their role did not allow), who,
//! when, from where, on which campaign or number. Appended to, never changed.

use serde::{Deserialize, Serialize};

use super::{CampaignOperation, DecisionKind, Refusal, Right, Role};

/// What was done, or attempted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AuditAction {
    Schedule,
    Cancel,
    Reschedule,
    Pause,
    Resume,
    AddOptOuts,
    RemoveOptOut,
    MoveSandboxClock,
    SetSandboxFaults,
    Approve,
    Reject,
    Withdraw,
    /// Built-in sign-in only (a portal signs people in itself).
    SignIn,
    SignOut,
}

impl AuditAction {
    pub const ALL: [AuditAction; 14] = [
        AuditAction::Schedule,
        AuditAction::Cancel,
        AuditAction::Reschedule,
        AuditAction::Pause,
        AuditAction::Resume,
        AuditAction::AddOptOuts,
        AuditAction::RemoveOptOut,
        AuditAction::MoveSandboxClock,
        AuditAction::SetSandboxFaults,
        AuditAction::Approve,
        AuditAction::Reject,
        AuditAction::Withdraw,
        AuditAction::SignIn,
        AuditAction::SignOut,
    ];

    /// Its name where it is stored and in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::Schedule => "schedule",
            AuditAction::Cancel => "cancel",
            AuditAction::Reschedule => "reschedule",
            AuditAction::Pause => "pause",
            AuditAction::Resume => "resume",
            AuditAction::AddOptOuts => "add-opt-outs",
            AuditAction::RemoveOptOut => "remove-opt-out",
            AuditAction::MoveSandboxClock => "move-sandbox-clock",
            AuditAction::SetSandboxFaults => "set-sandbox-faults",
            AuditAction::Approve => "approve",
            AuditAction::Reject => "reject",
            AuditAction::Withdraw => "withdraw",
            AuditAction::SignIn => "sign-in",
            AuditAction::SignOut => "sign-out",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|action| action.as_str() == name)
    }

    /// The action an operation on a campaign is.
    pub fn of_operation(operation: &CampaignOperation) -> Self {
        match operation {
            CampaignOperation::Cancel => AuditAction::Cancel,
            CampaignOperation::Reschedule { .. } => AuditAction::Reschedule,
            CampaignOperation::Pause => AuditAction::Pause,
            CampaignOperation::Resume => AuditAction::Resume,
        }
    }

    /// The action a decision about a held campaign is.
    pub fn of_decision(decision: DecisionKind) -> Self {
        match decision {
            DecisionKind::Approve => AuditAction::Approve,
            DecisionKind::Reject => AuditAction::Reject,
            DecisionKind::Withdraw => AuditAction::Withdraw,
        }
    }
}

/// How an attempt ended, as the trail keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AuditOutcome {
    Done,
    /// Refused: the person's role does not give this right (for someone else's campaign:
    /// operating anyone's).
    Refused(Right),
    /// Recorded, but the provider refused it whole (a campaign none of whose requests it took):
    /// the campaign is in the ledger, its recipients failed; `detail` names the provider's code.
    ProviderRefused,
}

impl AuditOutcome {
    /// The outcome a refusal for lack of rights is recorded as; `None` for other refusals.
    pub fn of_refusal(refusal: &Refusal) -> Option<Self> {
        refusal.lacking_right().map(AuditOutcome::Refused)
    }

    /// Its name where it is stored: `done`, `provider-refused`, or `refused` with the right's
    /// name beside it.
    pub fn as_str(self) -> &'static str {
        match self {
            AuditOutcome::Done => "done",
            AuditOutcome::Refused(_) => "refused",
            AuditOutcome::ProviderRefused => "provider-refused",
        }
    }
}

/// What an action was about; each part only where it applies.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditSubject {
    pub campaign_id: Option<String>,
    pub phone: Option<String>,
    /// Recipients scheduled, numbers added.
    pub count: Option<u64>,
    /// The rest, as given: a new send time, the seconds the clock moved.
    pub detail: Option<String>,
}

impl AuditSubject {
    /// The sandbox clock moved forward by `seconds`.
    pub fn clock_move(seconds: i64) -> Self {
        Self {
            detail: Some(format!("{seconds} s")),
            ..Self::default()
        }
    }
}

/// One line of the trail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// RFC 3339, UTC.
    pub at: String,
    pub actor: String,
    pub role: Role,
    pub action: AuditAction,
    pub outcome: AuditOutcome,
    pub subject: AuditSubject,
    /// Where the request came from (the client, and the proxy it came through).
    pub address: Option<String>,
}

/// Which lines to show; the default shows them all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuditFilter {
    /// Exactly this person.
    pub actor: String,
    pub action: Option<AuditAction>,
    pub campaign_id: String,
    /// From this day on (`YYYY-MM-DD`), inclusive.
    pub from: String,
    /// Until this day (`YYYY-MM-DD`), inclusive.
    pub until: String,
    /// The IANA zone the days are read in (the browser's); empty: UTC.
    pub time_zone: String,
}

/// One page of the trail, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    pub offset: u64,
    pub has_more: bool,
}
