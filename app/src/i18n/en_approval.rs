//! English: four-eyes approval's names and reasons. The French ones are in `fr_approval.rs`.

use crate::decimal::fixed_point;
use crate::models::{Approval, ApprovalReason, DecisionKind};

pub(super) fn approval(approval: Approval) -> &'static str {
    match approval {
        Approval::NotNeeded => "no approval needed",
        Approval::Awaiting => "awaiting approval",
        Approval::Approved => "approved",
        Approval::Rejected => "rejected",
        Approval::Withdrawn => "withdrawn",
        Approval::Expired => "expired: not approved before its send time",
    }
}

/// A decision's button.
pub(super) fn decision(decision: DecisionKind) -> &'static str {
    match decision {
        DecisionKind::Approve => "Approve and hand over",
        DecisionKind::Reject => "Reject",
        DecisionKind::Withdraw => "Withdraw",
    }
}

/// A condition of the approval rules the campaign met.
pub(super) fn reason(reason: &ApprovalReason) -> String {
    match reason {
        ApprovalReason::Purpose(purpose) => format!("a {} campaign", purpose.as_str()),
        ApprovalReason::Provider(provider) => format!("sent through {provider}"),
        ApprovalReason::MoreRecipientsThan { limit, count } => {
            format!("{count} recipients, more than {limit}")
        }
        ApprovalReason::CostAbove {
            limit,
            estimate,
            currency,
        } => format!(
            "an estimated cost of {} {currency}, above {}",
            fixed_point(*estimate, 2, '.'),
            fixed_point(*limit, 2, '.')
        ),
        ApprovalReason::CostUnknown { limit } => format!(
            "a cost the provider gives no price for, which may be above {}",
            fixed_point(*limit, 2, '.')
        ),
    }
}

/// The navigation's badge, read out.
pub(super) fn awaiting(count: u64) -> String {
    match count {
        1 => "1 campaign awaits your approval".into(),
        n => format!("{n} campaigns await your approval"),
    }
}
