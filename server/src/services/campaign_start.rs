//! The step from a planned campaign to a running hand-over: record it, claim its submissions for
//! one task, note who scheduled it, and hand it over. All of it runs as a task of the server's
//! own, so that a closed tab or a proxy's time-out cannot stop it between the recording and the
//! hand-over (a recorded campaign would otherwise wait for reconciliation).

use app::models::{AppError, Approval, CampaignActionKind, DecisionKind, Notice, Refusal};
use chrono::{DateTime, Utc};
use std::sync::Arc;
use tracing::Instrument;

use super::campaign_records::CampaignRows;
use super::store_errors::campaign_not_recorded;
use crate::clock::SharedClock;
use crate::exactly_once::claim_keeper::KeptClaims;
use crate::exactly_once::handover::{Batch, BatchResult, Handover, Handovers};
use crate::providers::{PreparedRequest, SmsProvider};
use crate::storage::{Claims, NewCampaign, Store};

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
    /// The claims' holder the rows were written with.
    pub holder: String,
    pub rows: CampaignRows,
    /// Each submission's request, in the rows' order.
    pub requests: Vec<PreparedRequest>,
    pub actor: String,
    pub recording: Recording,
    pub now: DateTime<Utc>,
}

impl CampaignStart {
    /// Runs the start to the end of the hand-over, whatever becomes of the caller.
    pub async fn run(self) -> Result<Vec<BatchResult>, AppError> {
        // Every line of the hand-over names the campaign, under the request that started it.
        let span = tracing::info_span!("campaign", campaign = %self.rows.campaign.id);
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
            holder,
            rows,
            requests,
            actor,
            recording,
            now,
        } = self;
        let campaign_id = rows.campaign.id.clone();
        let (action, detail) = match recording {
            Recording::NewCampaign => {
                store
                    .record_campaign(&rows.campaign, &rows.submissions, &rows.recipients)
                    .await
                    .map_err(campaign_not_recorded)?;
                (
                    CampaignActionKind::Schedule,
                    override_detail(&rows.campaign),
                )
            }
            Recording::Approved => {
                let approved = store
                    .record_approved(
                        &campaign_id,
                        &rows.submissions,
                        &rows.recipients,
                        rows.campaign.recipient_count,
                    )
                    .await
                    .map_err(campaign_not_recorded)?;
                if !approved {
                    let now_is = store.campaign(&campaign_id).await.ok().flatten();
                    let approval = now_is.map_or(Approval::Approved, |c| c.approval);
                    return Err(AppError::NotAllowed(Refusal::NotAwaitingApproval(approval)));
                }
                (CampaignActionKind::Decision(DecisionKind::Approve), None)
            }
        };
        let kept = KeptClaims::start(store.clone(), clock, claims, holder);
        note_action(&store, &campaign_id, &actor, action, detail, now).await;
        handovers
            .run(Handover {
                provider,
                batches: batches(rows, requests, now),
                claims: kept,
            })
            .await
    }
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

/// The recorded submissions as the hand-over sends them.
fn batches(rows: CampaignRows, requests: Vec<PreparedRequest>, now: DateTime<Utc>) -> Vec<Batch> {
    rows.submissions
        .into_iter()
        .zip(requests)
        .map(|(row, request)| Batch {
            due: row
                .send_at
                .as_deref()
                .and_then(|at| DateTime::parse_from_rfc3339(at).ok())
                .map_or(now, |at| at.with_timezone(&Utc)),
            request,
            numbers: row.recipients,
            send_at: row.send_at,
            simulation: row.simulation,
        })
        .collect()
}
