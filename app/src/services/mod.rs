//! The interfaces the server functions' server side calls, one per area. The `server` crate
//! implements each with its own services and provides them, with the acting user, as context
//! for each server-function request; the app never sees the implementations.

mod audit;
mod campaigns;
mod limits;
mod opt_outs;
mod providers;
mod settings;

use leptos::prelude::use_context;
use std::sync::Arc;

use crate::models::{
    AppError, CampaignDetail, DecisionKind, LimitedAction, Refusal, Right, Role, SignedIn,
};

pub use audit::{audited, AuditRecord, AuditTrail};
pub use campaigns::{ApprovalService, CampaignService, OperationService, ScheduleService};
pub use limits::RequestLimits;
pub use opt_outs::OptOutService;
pub use providers::ProviderService;
pub use settings::SettingsService;

/// Who performs an action, as the server identified them (the portal's sign-in, or the local
/// operator), with their role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub name: String,
    pub role: Role,
    /// Where the request came from, for the audit trail.
    pub address: Option<String>,
}

impl Actor {
    /// Refused unless the actor's role gives `right`.
    pub fn require(&self, right: Right) -> Result<(), AppError> {
        match self.role.refusal(right) {
            Some(why) => Err(AppError::Forbidden(why)),
            None => Ok(()),
        }
    }

    /// Refused unless the actor may take `decision` on a held campaign `sender` scheduled: approve
    /// or reject others' with the right to; withdraw as they may operate it.
    pub fn require_decide(&self, decision: DecisionKind, sender: &str) -> Result<(), AppError> {
        match decision {
            // One's own is said first: whatever the role, someone else decides.
            DecisionKind::Approve | DecisionKind::Reject if self.name == sender => {
                Err(AppError::NotAllowed(Refusal::OwnCampaign))
            }
            DecisionKind::Approve | DecisionKind::Reject => self.require(Right::Approve),
            DecisionKind::Withdraw => self.require_operate(sender),
        }
    }

    /// Refused unless the actor may operate a campaign `sender` scheduled: their own, or anyone's
    /// for an approver or an admin.
    pub fn require_operate(&self, sender: &str) -> Result<(), AppError> {
        if self.role.may(Right::OperateAny) {
            return Ok(());
        }
        self.require(Right::OperateOwn)?;
        if self.name == sender {
            Ok(())
        } else {
            Err(AppError::Forbidden(Refusal::NotYourCampaign {
                sender: sender.to_owned(),
            }))
        }
    }
}

/// Every area's service, as the server provides them.
#[derive(Clone)]
pub struct Services {
    pub schedule: Arc<dyn ScheduleService>,
    pub campaigns: Arc<dyn CampaignService>,
    pub operations: Arc<dyn OperationService>,
    pub approvals: Arc<dyn ApprovalService>,
    pub opt_outs: Arc<dyn OptOutService>,
    pub providers: Arc<dyn ProviderService>,
    pub settings: Arc<dyn SettingsService>,
    pub limits: Arc<dyn RequestLimits>,
    pub audit: Arc<dyn AuditTrail>,
}

/// The services the server provided for this request.
pub fn provided() -> Result<Services, AppError> {
    use_context::<Services>().ok_or_else(|| {
        AppError::Internal("the services are not provided to server functions".into())
    })
}

/// The acting user the server provided for this request.
pub fn actor() -> Result<Actor, AppError> {
    use_context::<Actor>().ok_or_else(|| {
        AppError::Internal("the acting user is not provided to server functions".into())
    })
}

/// The acting user, when their role gives `right`: the first line of every server function.
pub fn allowed(right: Right) -> Result<Actor, AppError> {
    let actor = actor()?;
    actor.require(right)?;
    Ok(actor)
}

/// The acting user, when their role gives `right` and they have not used up their allowance of
/// `action` for the minute (which this call counts).
pub fn allowed_within_limit(right: Right, action: LimitedAction) -> Result<Actor, AppError> {
    let actor = allowed(right)?;
    provided()?.limits.admit(&actor, action)?;
    Ok(actor)
}

/// The campaign as `actor` sees it: the operations and decisions they may not take say why (the
/// page disables them; the server refuses them anyway).
pub fn as_seen_by(actor: &Actor, mut detail: CampaignDetail) -> CampaignDetail {
    if let Err(AppError::Forbidden(why)) = actor.require_operate(&detail.summary.actor) {
        for operation in &mut detail.operations {
            operation.refused_because = Some(why.clone());
        }
    }
    for decision in &mut detail.decisions {
        if decision.refused_because.is_none() {
            if let Err(AppError::Forbidden(why) | AppError::NotAllowed(why)) =
                actor.require_decide(decision.decision, &detail.summary.actor)
            {
                decision.refused_because = Some(why);
            }
        }
    }
    detail
}

/// Who the server sees, as the page shows it.
pub fn signed_in() -> Result<SignedIn, AppError> {
    use_context::<SignedIn>().ok_or_else(|| {
        AppError::Internal("the signed-in user is not provided to server functions".into())
    })
}
