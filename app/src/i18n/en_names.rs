//! English: the names of the closed sets the pages show (statuses, states, purposes, actions,
//! sources). The server's own names are English words, so most are those.

use crate::domain::{OptOutSource, Purpose};
use crate::models::{
    AuditAction, CampaignActionKind, CampaignState, DecisionKind, Enforcement, EventSource,
    OperationKind, Right, Role,
};

pub(super) fn enforcement(enforcement: Enforcement) -> &'static str {
    match enforcement {
        Enforcement::Required => "required",
        Enforcement::Recommended => "recommended",
    }
}

pub(super) fn state(state: CampaignState) -> &'static str {
    match state {
        CampaignState::AwaitingApproval => "awaiting approval",
        CampaignState::Scheduled => "scheduled",
        CampaignState::InProgress => "in progress",
        CampaignState::Paused => "paused",
        CampaignState::Finished => "finished",
        CampaignState::Canceled => "canceled",
        CampaignState::Rejected => "rejected",
        CampaignState::Withdrawn => "withdrawn",
        CampaignState::Expired => "expired",
    }
}

pub(super) fn purpose(purpose: Purpose) -> &'static str {
    purpose.as_str()
}

/// What was done, as the campaign's history and an operation's report name it: a noun, as in
/// French, so that one the provider refused ("cancellation (refused: …)") is not said as done.
pub(super) fn action(action: CampaignActionKind) -> &'static str {
    match action {
        CampaignActionKind::Schedule => "scheduling",
        CampaignActionKind::Operation(OperationKind::Cancel) => "cancellation",
        CampaignActionKind::Operation(OperationKind::Reschedule) => "rescheduling",
        CampaignActionKind::Operation(OperationKind::Pause) => "pause",
        CampaignActionKind::Operation(OperationKind::Resume) => "resumption",
        CampaignActionKind::Reconcile => "reconciliation",
        CampaignActionKind::Decision(DecisionKind::Approve) => "approval",
        CampaignActionKind::Decision(DecisionKind::Reject) => "rejection",
        CampaignActionKind::Decision(DecisionKind::Withdraw) => "withdrawal",
        CampaignActionKind::Expire => "expiry: not approved before its send time",
    }
}

pub(super) fn opt_out_source(source: OptOutSource) -> &'static str {
    match source {
        OptOutSource::StopReply => "STOP reply",
        OptOutSource::Operator => "operator",
        OptOutSource::Import => "import",
    }
}

pub(super) fn role(role: Role) -> &'static str {
    role.as_str()
}

/// What a right allows, to end "Your role does not allow …".
pub(super) fn right(right: Right) -> &'static str {
    match right {
        Right::Read => "reading campaigns",
        Right::Send => "previewing and scheduling campaigns",
        Right::OperateOwn => "changing your campaigns",
        Right::OperateAny => "changing others' campaigns",
        Right::RemoveOptOut => "taking numbers off the opt-out list",
        Right::SandboxControl => "controlling the sandboxes",
        Right::ReadAudit => "reading the audit trail",
        Right::Approve => "approving or rejecting campaigns",
    }
}

pub(super) fn audit_action(action: AuditAction) -> &'static str {
    match action {
        AuditAction::Schedule => "Scheduled",
        AuditAction::Cancel => "Canceled",
        AuditAction::Reschedule => "Rescheduled",
        AuditAction::Pause => "Paused",
        AuditAction::Resume => "Resumed",
        AuditAction::AddOptOuts => "Added to the opt-out list",
        AuditAction::RemoveOptOut => "Took off the opt-out list",
        AuditAction::MoveSandboxClock => "Moved the sandbox clock",
        AuditAction::SetSandboxFaults => "Set the sandbox faults",
        AuditAction::Approve => "Approved",
        AuditAction::Reject => "Rejected",
        AuditAction::Withdraw => "Withdrew",
        AuditAction::SignIn => "Signed in",
        AuditAction::SignOut => "Signed out",
    }
}

pub(super) fn event_source(source: EventSource) -> &'static str {
    match source {
        EventSource::Scheduler => "hand-over",
        EventSource::Operator => "operator",
        EventSource::Reconciliation => "reconciliation",
        EventSource::OctopushWebhook => "Octopush report",
        EventSource::InfobipWebhook => "Infobip report",
        EventSource::InfobipPoll => "Infobip report (polled)",
    }
}
