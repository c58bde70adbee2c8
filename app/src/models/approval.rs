//! Four-eyes approval: campaigns the deployment's rules hold, nothing handed to a provider, until
//! another person approves them.

use serde::{Deserialize, Serialize};

use super::{ProviderId, Refusal};
use crate::domain::Purpose;

/// Where a campaign stands with approval.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Approval {
    /// No rule held it: handed over when scheduled.
    #[default]
    NotNeeded,
    /// Held: nothing handed to a provider until another person approves it.
    Awaiting,
    /// Approved, then handed over.
    Approved,
    /// Refused by an approver, with a reason: nothing was sent.
    Rejected,
    /// Taken back before anyone decided: nothing was sent.
    Withdrawn,
    /// Its send time passed before anyone decided: nothing was sent. (Variants are only
    /// appended: the wire names a variant by its place.)
    Expired,
}

impl Approval {
    pub const ALL: [Approval; 6] = [
        Approval::NotNeeded,
        Approval::Awaiting,
        Approval::Approved,
        Approval::Rejected,
        Approval::Withdrawn,
        Approval::Expired,
    ];

    /// Its name as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Approval::NotNeeded => "not-needed",
            Approval::Awaiting => "awaiting",
            Approval::Approved => "approved",
            Approval::Rejected => "rejected",
            Approval::Withdrawn => "withdrawn",
            Approval::Expired => "expired",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|approval| approval.as_str() == name)
    }
}

/// A condition of the deployment's approval rules that the campaign met.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ApprovalReason {
    Purpose(Purpose),
    Provider(ProviderId),
    /// More recipients to send to than the rule's limit.
    MoreRecipientsThan {
        limit: u64,
        count: u64,
    },
    /// An estimated cost above the rule's limit, in the provider's currency.
    CostAbove {
        limit: f64,
        estimate: f64,
        currency: String,
    },
    /// The provider gives no price to estimate with: held, as the cost may be above the limit.
    CostUnknown {
        limit: f64,
    },
}

/// What a person decides about a campaign awaiting approval.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ApprovalDecision {
    /// Hand it over now, as the preview shows it.
    Approve,
    /// Refuse it; the reason is shown to the sender.
    Reject { reason: String },
    /// The sender (or an approver) takes it back.
    Withdraw,
}

/// Which decision, without what it needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DecisionKind {
    Approve,
    Reject,
    Withdraw,
}

impl DecisionKind {
    pub const ALL: [DecisionKind; 3] = [
        DecisionKind::Approve,
        DecisionKind::Reject,
        DecisionKind::Withdraw,
    ];

    /// Its name as the campaign's actions record it and the page's elements are named.
    pub fn as_str(self) -> &'static str {
        match self {
            DecisionKind::Approve => "approve",
            DecisionKind::Reject => "reject",
            DecisionKind::Withdraw => "withdraw",
        }
    }

    /// The approval a campaign has once this decision is taken.
    pub fn outcome(self) -> Approval {
        match self {
            DecisionKind::Approve => Approval::Approved,
            DecisionKind::Reject => Approval::Rejected,
            DecisionKind::Withdraw => Approval::Withdrawn,
        }
    }
}

impl ApprovalDecision {
    pub fn kind(&self) -> DecisionKind {
        match self {
            ApprovalDecision::Approve => DecisionKind::Approve,
            ApprovalDecision::Reject { .. } => DecisionKind::Reject,
            ApprovalDecision::Withdraw => DecisionKind::Withdraw,
        }
    }
}

/// A decision the person viewing the campaign may take, or why not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionAvailability {
    pub decision: DecisionKind,
    /// `None`: available; otherwise why not.
    pub refused_because: Option<Refusal>,
}

/// The longest reason a rejection keeps.
pub const MAX_REJECTION_REASON: usize = 500;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_names_read_back() {
        for approval in Approval::ALL {
            assert_eq!(Approval::parse(approval.as_str()), Some(approval));
        }
        assert_eq!(Approval::parse("pending"), None);
        assert_eq!(
            ApprovalDecision::Reject { reason: "x".into() }
                .kind()
                .outcome(),
            Approval::Rejected
        );
    }
}
