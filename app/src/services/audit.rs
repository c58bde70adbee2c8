//! The audit trail: recorded as each action ends, read by approvers and admins.

use async_trait::async_trait;
use std::future::Future;

use super::Actor;
use crate::models::{
    AppError, AuditAction, AuditFilter, AuditOutcome, AuditPage, AuditSubject, Right,
};

/// A line to append: the trail adds the time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRecord {
    pub actor: Actor,
    pub action: AuditAction,
    pub outcome: AuditOutcome,
    pub subject: AuditSubject,
}

#[async_trait]
pub trait AuditTrail: Send + Sync + 'static {
    /// Appends `record`. The action it tells of has already happened: a failure to write is
    /// logged as an error, never turned into the action's failure (the user would do it again).
    async fn record(&self, record: AuditRecord);

    /// A page of the lines `filter` names, newest first, from `offset`.
    async fn entries(&self, filter: AuditFilter, offset: u64) -> Result<AuditPage, AppError>;

    /// Every line `filter` names, newest first, as CSV.
    async fn csv(&self, filter: AuditFilter) -> Result<String, AppError>;
}

/// Runs `act` when `actor`'s role gives `right`, and appends to the trail how it ended: done
/// (with what `done` adds to `subject` from the answer), refused for lack of rights, or (a
/// campaign scheduled) recorded and refused whole by the provider. Other failures changed
/// nothing and are not actions.
pub async fn audited<T>(
    actor: &Actor,
    right: Right,
    action: AuditAction,
    mut subject: AuditSubject,
    act: impl Future<Output = Result<T, AppError>>,
    done: impl FnOnce(&T, &mut AuditSubject),
) -> Result<T, AppError> {
    let result = match actor.require(right) {
        Ok(()) => act.await,
        Err(refused) => Err(refused),
    };
    let outcome = match &result {
        Ok(answer) => {
            done(answer, &mut subject);
            Some(AuditOutcome::Done)
        }
        Err(AppError::Forbidden(refusal)) => AuditOutcome::of_refusal(refusal),
        Err(AppError::Provider { provider, code, .. }) => {
            let refused = recorded_campaign(action, &subject).await?;
            if refused {
                let code = code.as_deref().map(|code| format!(" {code}"));
                subject.detail = Some(format!("{provider}{}", code.unwrap_or_default()));
            }
            refused.then_some(AuditOutcome::ProviderRefused)
        }
        Err(
            AppError::Invalid(_)
            | AppError::Unreachable { .. }
            | AppError::Busy { .. }
            | AppError::Throttled { .. }
            | AppError::ProviderNotConfigured(_)
            | AppError::NotFound(_)
            | AppError::NotAllowed(_)
            | AppError::Internal(_)
            | AppError::SignedOut
            | AppError::NotLetIn(_)
            | AppError::Transport(_),
        ) => None,
    };
    if let Some(outcome) = outcome {
        super::provided()?
            .audit
            .record(AuditRecord {
                actor: actor.clone(),
                action,
                outcome,
                subject,
            })
            .await;
    }
    result
}

/// Whether `action` recorded a campaign all the same: a schedule whose every request the
/// provider refused is in the ledger, its recipients failed. When the ledger cannot be read, the
/// line is kept: a line too many is better than a recorded campaign missing from the trail.
async fn recorded_campaign(action: AuditAction, subject: &AuditSubject) -> Result<bool, AppError> {
    let Some(campaign_id) = subject.campaign_id.as_deref() else {
        return Ok(false);
    };
    if action != AuditAction::Schedule {
        return Ok(false);
    }
    let progress = super::provided()?
        .schedule
        .schedule_progress(campaign_id)
        .await;
    Ok(progress.map_or(true, |progress| progress.is_some()))
}
