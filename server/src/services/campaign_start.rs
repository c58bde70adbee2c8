//! The step from a planned campaign to a running hand-over: record it, claim its submissions for
//! one task, note who scheduled it, and hand it over. All of it runs as a task of the server's
//! own, so that a closed tab or a proxy's time-out cannot stop it between the recording and the
//! hand-over (a recorded campaign would otherwise wait for reconciliation).

use app::models::{AppError, CampaignActionKind, Notice};
use chrono::{DateTime, Utc};
use std::sync::Arc;

use super::campaign_records::CampaignRows;
use super::store_errors::campaign_not_recorded;
use crate::clock::SharedClock;
use crate::exactly_once::claim_keeper::KeptClaims;
use crate::exactly_once::handover::{Batch, BatchResult, Handover, Handovers};
use crate::providers::{PreparedRequest, SmsProvider};
use crate::storage::{Claims, Store};

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
    pub now: DateTime<Utc>,
}

impl CampaignStart {
    /// Runs the start to the end of the hand-over, whatever becomes of the caller.
    pub async fn run(self) -> Result<Vec<BatchResult>, AppError> {
        tokio::spawn(self.start()).await.map_err(|error| {
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
            now,
        } = self;
        store
            .record_campaign(&rows.campaign, &rows.submissions, &rows.recipients)
            .await
            .map_err(campaign_not_recorded)?;
        let kept = KeptClaims::start(store.clone(), clock, claims, holder);
        let campaign_id = rows.campaign.id.clone();
        let detail = rows
            .campaign
            .outside_window
            .override_reason()
            .map(|reason| {
                Notice::RulesOverridden {
                    reason: reason.to_owned(),
                }
                .to_recorded()
            });
        if let Err(error) = store
            .record_action(
                &campaign_id,
                &actor,
                CampaignActionKind::Schedule,
                detail.as_deref(),
                now,
            )
            .await
        {
            tracing::error!(campaign = %campaign_id, %error, "action not recorded");
        }
        handovers
            .run(Handover {
                provider,
                batches: batches(rows, requests, now),
                claims: kept,
            })
            .await
    }
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
