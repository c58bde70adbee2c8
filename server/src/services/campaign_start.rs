//! The step from a planned campaign to a running hand-over: record it, claim its submissions for
//! one task, note who scheduled it, and hand it over. All of it runs as a task of the server's
//! own, so that a closed tab or a proxy's time-out cannot stop it between the recording and the
//! hand-over (a recorded campaign would otherwise wait for reconciliation).

use app::models::{AppError, Approval, CampaignActionKind, DecisionKind, Notice, Refusal};
use chrono::{DateTime, Utc};
use std::ops::ControlFlow;
use std::sync::Arc;
use std::time::Instant;
use tokio::sync::{mpsc, OwnedSemaphorePermit};
use tracing::Instrument;

use super::campaign_records::{CampaignParts, PlannedSubmission, RowsPart};
use super::store_errors::{campaign_not_recorded, list_unread};
use crate::clock::SharedClock;
use crate::domain::campaign_plan::{CampaignPlan, PlanPart};
use crate::domain::order::SmsOrder;
use crate::exactly_once::claim_keeper::KeptClaims;
use crate::exactly_once::handover::{Batch, BatchResult, Handover, Handovers};
use crate::metrics::{self, CampaignPhase};
use crate::providers::SmsProvider;
use crate::storage::{
    CampaignRecording, Claim, Claims, EncodedPart, NewCampaign, PartEncoder, Store, StoreError,
};
use uuid::Uuid;

/// How the campaign comes to be recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recording {
    /// Scheduled now: the campaign, its submissions and its recipients are written together.
    NewCampaign,
    /// Held until now and approved: its row is there; the approval, its submissions and its
    /// recipients are written together (or nothing, when someone else decided first).
    Approved,
}

/// Whose campaign is handed over, and who hands it over.
pub struct HandOver<'a> {
    pub campaign_id: &'a str,
    /// Who scheduled it: the submissions are theirs.
    pub sender: &'a str,
    /// Who starts the hand-over now: the sender, or the approver.
    pub actor: &'a str,
    pub recording: Recording,
}

pub struct CampaignStart {
    pub store: Store,
    pub clock: SharedClock,
    pub claims: Claims,
    pub handovers: Handovers,
    pub provider: Arc<dyn SmsProvider>,
    /// The campaign's row (for an approved one, its id and count are what is used).
    pub campaign: NewCampaign,
    /// Who scheduled it: the submissions are theirs.
    pub sender: String,
    pub order: SmsOrder,
    pub plan: CampaignPlan,
    /// A turn at reading, held while a list read again is recorded (`Scheduler::hand_over`).
    pub reading_turn: Option<OwnedSemaphorePermit>,
    pub actor: String,
    pub recording: Recording,
    pub now: DateTime<Utc>,
}

impl CampaignStart {
    /// Runs the start to the end of the hand-over, whatever becomes of the caller.
    pub async fn run(self) -> Result<Vec<BatchResult>, AppError> {
        // Every line of the hand-over names the campaign, under the request that started it.
        let span = tracing::info_span!("campaign", campaign = %self.campaign.id);
        let handovers = self.handovers.clone();
        handovers.spawn(self.start().instrument(span)).await.map_err(|error| {
            tracing::error!(%error, "a campaign's start failed: reconciliation settles what was recorded");
            AppError::Internal("the hand-over stopped unexpectedly".into())
        })?
    }

    async fn start(self) -> Result<Vec<BatchResult>, AppError> {
        let Self {
            store,
            clock,
            claims,
            handovers,
            provider,
            campaign,
            sender,
            order,
            plan,
            reading_turn,
            actor,
            recording,
            now,
        } = self;
        let started = Instant::now();
        let provider_id = provider.info().id;
        let campaign_id = campaign.id.clone();
        // Everything is recorded before the first call, each batch's request as it will be sent,
        // under the key the provider will see (Octopush request_id, Infobip bulkId), and claimed
        // by this hand-over's task: a lost answer or a crash can be reconciled, by one task only.
        let (mut rows, action, detail) = match recording {
            Recording::NewCampaign => (
                store
                    .start_recording(&campaign)
                    .await
                    .map_err(campaign_not_recorded)?,
                CampaignActionKind::Schedule,
                override_detail(&campaign),
            ),
            Recording::Approved => {
                let approved = store
                    .start_approved_recording(&campaign_id, campaign.recipient_count)
                    .await
                    .map_err(campaign_not_recorded)?;
                let Some(rows) = approved else {
                    let now_is = store.campaign(&campaign_id).await.ok().flatten();
                    let approval = now_is.map_or(Approval::Approved, |c| c.approval);
                    return Err(AppError::NotAllowed(Refusal::NotAwaitingApproval(approval)));
                };
                (
                    rows,
                    CampaignActionKind::Decision(DecisionKind::Approve),
                    None,
                )
            }
        };
        let holder = claims.new_holder();
        let parts = OwnedParts {
            campaign_id: campaign_id.clone(),
            sender,
            claim: claims.taken_at(&holder, now),
            now,
        };
        // The list and its plan go with the recording: each batch's request is read back to
        // hand it over.
        let batches = record_parts(&mut rows, parts, order, plan, provider.clone()).await?;
        drop(reading_turn);
        rows.finish_claimed(&claims.taken_at(&holder, clock.now()))
            .await
            .map_err(campaign_not_recorded)?;
        metrics::campaign_phase(provider_id, CampaignPhase::Recording, started.elapsed());
        let kept = KeptClaims::start(store.clone(), clock, claims, holder);
        note_action(&store, &campaign_id, &actor, action, detail, now).await;
        let started = Instant::now();
        let handed_over = handovers
            .run(Handover {
                provider,
                batches,
                claims: kept,
            })
            .await;
        metrics::campaign_phase(provider_id, CampaignPhase::HandOver, started.elapsed());
        handed_over
    }
}

/// What every part of the campaign's rows is made from, for the task that plans them.
struct OwnedParts {
    campaign_id: String,
    sender: String,
    claim: Claim,
    now: DateTime<Utc>,
}

/// A part of the campaign's rows made ready to write (or why it could not be), and the batches it
/// records with their send times.
struct RecordedPart {
    rows: Result<EncodedPart, StoreError>,
    batches: Vec<(Option<DateTime<Utc>>, Batch)>,
}

/// Writes the campaign's submissions and recipients a part at a time, as its plan's second pass
/// gives them (`CampaignPlan::each_part`); the batches to hand over, earliest send time first.
/// The parts are planned on the blocking pool (a list read again is read there), each with its
/// provider requests, and made ready to write there too (requests deflated, rows' values bound,
/// recipients counted), two waiting at most while one is written: the writer is not kept waiting
/// for that work. The order and its plan are let go there once the last part is planned. Every
/// recipient the plan's totals counted must be in a part, or nothing is recorded.
async fn record_parts(
    rows: &mut CampaignRecording,
    parts: OwnedParts,
    order: SmsOrder,
    plan: CampaignPlan,
    provider: Arc<dyn SmsProvider>,
) -> Result<Vec<Batch>, AppError> {
    let requests = usize::try_from(plan.summary.requests).unwrap_or(0);
    let planned_total = plan.summary.total;
    let (planned, mut to_write) = mpsc::channel::<RecordedPart>(2);
    let mut encoder = rows.encoder();
    let planning = tokio::task::spawn_blocking(move || {
        let parts = CampaignParts {
            campaign_id: &parts.campaign_id,
            sender: &parts.sender,
            order: &order,
            claim: &parts.claim,
            now: parts.now,
        };
        plan.each_part(&order, |part| {
            let part = prepare_part(&parts, part, provider.as_ref(), &mut encoder);
            // A failed write stops the planning: its next part finds no one to take it.
            match planned.blocking_send(part) {
                Ok(()) => ControlFlow::Continue(()),
                Err(_) => ControlFlow::Break(()),
            }
        })
    });
    let mut batches = Vec::with_capacity(requests);
    let mut written = Ok(());
    let mut recorded = 0;
    while let Some(part) = to_write.recv().await {
        let encoded = match part.rows {
            Ok(encoded) => encoded,
            Err(error) => {
                written = Err(error);
                break;
            }
        };
        let count = encoded.recipient_count() as u64;
        written = rows.add_encoded(encoded).await;
        if written.is_err() {
            break;
        }
        recorded += count;
        batches.extend(part.batches);
    }
    drop(to_write);
    let read = planning.await.map_err(|error| {
        tracing::error!(%error, "planning a campaign's parts failed");
        AppError::Internal("the campaign could not be recorded, so nothing was sent".into())
    })?;
    written.map_err(campaign_not_recorded)?;
    read.map_err(list_unread)?;
    if recorded != planned_total {
        // The list read again is not the list checked: the transaction is let go unwritten.
        tracing::error!(
            recorded,
            planned_total,
            "a campaign's parts did not carry its list"
        );
        return Err(AppError::Internal(
            "the recipient list changed while it was recorded, so nothing was sent; try again"
                .into(),
        ));
    }
    Ok(by_send_time(batches))
}

/// A part of the plan as rows made ready to write by `encoder`, its requests prepared for the
/// provider.
fn prepare_part(
    parts: &CampaignParts<'_>,
    planned: PlanPart,
    provider: &dyn SmsProvider,
    encoder: &mut PartEncoder,
) -> RecordedPart {
    let order = parts.order;
    let submissions: Vec<PlannedSubmission> = planned
        .batches
        .iter()
        .map(|batch| {
            // Time-ordered, so that the recipients' keys (`<submission>-<index>`) arrive in key
            // order and the ledger's index is appended to rather than split.
            let id = Uuid::now_v7().to_string();
            PlannedSubmission {
                request: provider.prepare(&CampaignPlan::batch_order(order, batch), &id),
                id,
                batch,
            }
        })
        .collect();
    let rows = parts.rows(&submissions, &planned.left_out);
    let batches = submissions
        .iter()
        .map(|submission| {
            let batch = Batch {
                key: submission.id.clone(),
                contacts: submission.request.contacts,
                send_at: submission
                    .batch
                    .send_at
                    .map(|at| at.with_timezone(&order.time_zone).to_rfc3339()),
                due: submission.batch.send_at.unwrap_or(parts.now),
                simulation: order.simulation(),
            };
            (submission.batch.send_at, batch)
        })
        .collect();
    let RowsPart {
        submissions,
        recipients,
        list,
    } = rows;
    RecordedPart {
        rows: encoder.encode(submissions, recipients, &list),
        batches,
    }
}

/// Requests are recorded as they fill; they are handed over by send time ("now" first), those of
/// one time in the order they were recorded.
fn by_send_time(mut batches: Vec<(Option<DateTime<Utc>>, Batch)>) -> Vec<Batch> {
    batches.sort_by_key(|(send_at, _)| *send_at);
    batches.into_iter().map(|(_, batch)| batch).collect()
}

/// Records who did what to a campaign. What it tells of has happened already: a failed write is
/// logged, never turned into the action's failure.
pub async fn note_action(
    store: &Store,
    campaign_id: &str,
    actor: &str,
    action: CampaignActionKind,
    detail: Option<String>,
    at: DateTime<Utc>,
) {
    if let Err(error) = store
        .record_action(campaign_id, actor, action, detail.as_deref(), at)
        .await
    {
        tracing::error!(campaign = %campaign_id, %error, "action not recorded");
    }
}

/// The reason the sender gave for sending outside the sending rules' windows, as recorded.
pub fn override_detail(campaign: &NewCampaign) -> Option<String> {
    campaign.outside_window.override_reason().map(|reason| {
        Notice::RulesOverridden {
            reason: reason.to_owned(),
        }
        .to_recorded()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn requests_are_handed_over_by_send_time_in_the_order_recorded() {
        let now = Utc.with_ymd_and_hms(2026, 12, 2, 8, 0, 0).unwrap();
        let at = |hour| Some(Utc.with_ymd_and_hms(2026, 12, 2, hour, 0, 0).unwrap());
        let batch = |key: &str, send_at: Option<DateTime<Utc>>| {
            let batch = Batch {
                key: key.to_owned(),
                contacts: 500,
                send_at: send_at.map(|at| at.to_rfc3339()),
                due: send_at.unwrap_or(now),
                simulation: false,
            };
            (send_at, batch)
        };
        let recorded = vec![
            batch("paris-1", at(9)),
            batch("new-york-1", at(15)),
            batch("now-1", None),
            batch("paris-2", at(9)),
            batch("now-2", None),
        ];
        let keys: Vec<String> = by_send_time(recorded).into_iter().map(|b| b.key).collect();
        assert_eq!(keys, ["now-1", "now-2", "paris-1", "paris-2", "new-york-1"]);
    }
}
