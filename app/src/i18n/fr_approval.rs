//! Français : four-eyes approval's names and reasons. The English ones are in `en_approval.rs`.

use crate::decimal::fixed_point;
use crate::domain::Purpose;
use crate::models::{Approval, ApprovalReason, DecisionKind};

pub(super) fn approval(approval: Approval) -> &'static str {
    match approval {
        Approval::NotNeeded => "sans approbation",
        Approval::Awaiting => "en attente d'approbation",
        Approval::Approved => "approuvée",
        Approval::Rejected => "rejetée",
        Approval::Withdrawn => "retirée",
        Approval::Expired => "expirée : non approuvée avant son heure d'envoi",
    }
}

pub(super) fn decision(decision: DecisionKind) -> &'static str {
    match decision {
        DecisionKind::Approve => "Approuver et remettre",
        DecisionKind::Reject => "Rejeter",
        DecisionKind::Withdraw => "Retirer",
    }
}

pub(super) fn reason(reason: &ApprovalReason) -> String {
    match reason {
        ApprovalReason::Purpose(Purpose::Marketing) => "une campagne marketing".into(),
        ApprovalReason::Purpose(Purpose::Alert) => "une campagne d'alerte".into(),
        ApprovalReason::Provider(provider) => format!("un envoi par {provider}"),
        ApprovalReason::MoreRecipientsThan { limit, count } => {
            format!("{count} destinataires, plus de {limit}")
        }
        ApprovalReason::CostAbove {
            limit,
            estimate,
            currency,
        } => format!(
            "un coût estimé de {} {currency}, au-delà de {}",
            fixed_point(*estimate, 2, ','),
            fixed_point(*limit, 2, ',')
        ),
        ApprovalReason::CostUnknown { limit } => format!(
            "un coût sans tarif du fournisseur, qui peut dépasser {}",
            fixed_point(*limit, 2, ',')
        ),
    }
}

pub(super) fn awaiting(count: u64) -> String {
    match count {
        1 => "1 campagne attend votre approbation".into(),
        n => format!("{n} campagnes attendent votre approbation"),
    }
}
