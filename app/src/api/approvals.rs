use leptos::prelude::*;
use leptos::server_fn::codec::{Json, Postcard};

use crate::models::{AppError, Approval, ApprovalDecision, CampaignPreview};

/// Approves, rejects or withdraws a campaign the approval rules hold.
#[server(endpoint = "decide_approval", input = Json, output = Postcard)]
pub async fn decide_approval(id: String, decision: ApprovalDecision) -> Result<Approval, AppError> {
    let actor = crate::services::actor()?;
    let services = crate::services::provided()?;
    let kind = decision.kind();
    // Approving and rejecting need the right to; withdrawing, the right to operate one's own
    // (the service checks whose campaign it is).
    let right = match kind {
        crate::models::DecisionKind::Approve | crate::models::DecisionKind::Reject => {
            crate::models::Right::Approve
        }
        crate::models::DecisionKind::Withdraw => crate::models::Right::OperateOwn,
    };
    let subject = crate::models::AuditSubject {
        campaign_id: Some(id.clone()),
        detail: match &decision {
            ApprovalDecision::Reject { reason } => Some(reason.trim().to_owned()),
            ApprovalDecision::Approve | ApprovalDecision::Withdraw => None,
        },
        ..Default::default()
    };
    crate::services::audited(
        &actor,
        right,
        crate::models::AuditAction::of_decision(kind),
        subject,
        services.approvals.decide(&actor, &id, decision),
        |_, _| {},
    )
    .await
}

/// What approving a held campaign would hand over, a page of recipients from `offset`.
#[server(endpoint = "held_preview", input = Json, output = Postcard)]
pub async fn held_preview(id: String, offset: u64) -> Result<CampaignPreview, AppError> {
    crate::services::allowed(crate::models::Right::Read)?;
    crate::services::provided()?
        .approvals
        .held_preview(&id, offset)
        .await
}

/// How many campaigns await the signed-in person's approval (none when they may not approve).
#[server(endpoint = "awaiting_approval", input = Json, output = Postcard)]
pub async fn awaiting_approval() -> Result<u64, AppError> {
    let actor = crate::services::allowed(crate::models::Right::Read)?;
    crate::services::provided()?
        .approvals
        .awaiting_count(&actor)
        .await
}
