//! Settles submissions left pending (the server stopped during the call) or unknown (the answer was
//! lost): asks the provider what it has, resends the stored request when that cannot send twice,
//! and records the outcome. Runs at start-up and then periodically; each submission is claimed
//! first, so of several instances sharing a database only one acts on it.

use app::models::{CampaignActionKind, EventSource, Notice, RecipientStatus, Reconciliation};
use chrono::{DateTime, Utc};
use std::collections::HashSet;

use super::claim_keeper::KeptClaims;
use super::reconcile_decision::{decide, Decision, Situation};
use super::submission_outcomes::{handed_over, SubmissionOutcomes};
use crate::clock::SharedClock;
use crate::providers::ProviderSet;
use crate::providers::{Accepted, PreparedRequest, ProviderError, SmsProvider};
use crate::storage::{Claims, Store, StoreError, SubmissionStatus, UnfinishedSubmission};

/// Recorded as the source of the statuses it sets, and as the actor of what it does.
const SOURCE: EventSource = EventSource::Reconciliation;
/// Submissions claimed at a time.
const CLAIM_PAGE: u32 = 50;

/// How one submission ended up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Settled {
    /// The provider had it.
    Recorded,
    /// Sent again and taken.
    Resent,
    /// Sent again and refused.
    Refused,
    /// Not sent in time; nothing was sent.
    Missed,
    /// Left for a person or a delivery report.
    Unconfirmed,
    /// Still open: tried again on a later pass.
    Later,
}

/// What a pass did, for the logs and the tests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReconcileSummary {
    pub recorded: u32,
    pub resent: u32,
    pub refused: u32,
    pub missed: u32,
    pub unconfirmed: u32,
    pub later: u32,
}

impl ReconcileSummary {
    fn count(&mut self, settled: Settled) {
        let counter = match settled {
            Settled::Recorded => &mut self.recorded,
            Settled::Resent => &mut self.resent,
            Settled::Refused => &mut self.refused,
            Settled::Missed => &mut self.missed,
            Settled::Unconfirmed => &mut self.unconfirmed,
            Settled::Later => &mut self.later,
        };
        *counter += 1;
    }

    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

#[derive(Clone)]
pub struct Reconciler {
    providers: ProviderSet,
    store: Store,
    clock: SharedClock,
    outcomes: SubmissionOutcomes,
    claims: Claims,
}

impl Reconciler {
    pub fn new(providers: ProviderSet, store: Store, clock: SharedClock, claims: Claims) -> Self {
        Self {
            outcomes: SubmissionOutcomes::new(store.clone(), clock.clone()),
            providers,
            store,
            clock,
            claims,
        }
    }

    /// The same reconciler acting as another instance (several instances sharing one database).
    pub fn as_instance(&self, instance: String) -> Self {
        Self {
            claims: Claims {
                instance,
                ..self.claims.clone()
            },
            ..self.clone()
        }
    }

    /// A pass at start-up, then one every `every`, until the runtime stops.
    pub async fn run_forever(self, every: std::time::Duration) {
        loop {
            match self.run_once().await {
                Ok(summary) if summary.is_empty() => {}
                Ok(summary) => {
                    crate::metrics::reconciled(&summary);
                    tracing::info!(?summary, "reconciliation pass");
                }
                Err(error) => tracing::error!(%error, "reconciliation pass failed"),
            }
            tokio::time::sleep(every).await;
        }
    }

    /// Claims and settles every unfinished submission nobody holds. The pass is one task: its
    /// claims are renewed while it runs, so a slow provider does not let another task take over
    /// a submission it is settling.
    pub async fn run_once(&self) -> Result<ReconcileSummary, StoreError> {
        let claims = KeptClaims::start(
            self.store.clone(),
            self.clock.clone(),
            self.claims.clone(),
            self.claims.new_holder(),
        );
        let mut summary = ReconcileSummary::default();
        let mut seen = HashSet::new();
        loop {
            let claimed = self
                .store
                .claim_unfinished(&claims.claim(), self.clock.now(), CLAIM_PAGE)
                .await?;
            // One try per submission per pass: one released for later and claimed again here is
            // released again at once, for the next pass (or another instance) to take.
            let mut fresh: Vec<UnfinishedSubmission> = Vec::with_capacity(claimed.len());
            for submission in claimed {
                if seen.insert(submission.id.clone()) {
                    fresh.push(submission);
                } else {
                    self.store
                        .release_claim(&submission.id, claims.holder())
                        .await?;
                }
            }
            if fresh.is_empty() {
                return Ok(summary);
            }
            for submission in fresh {
                let settled = self.settle(&submission, &claims).await?;
                summary.count(settled);
            }
        }
    }

    async fn settle(
        &self,
        submission: &UnfinishedSubmission,
        claims: &KeptClaims,
    ) -> Result<Settled, StoreError> {
        let Some(provider) = self.providers.get(submission.provider).ok().cloned() else {
            tracing::warn!(submission = %submission.id, provider = %submission.provider, "no such provider configured: left for later");
            return Ok(Settled::Later);
        };
        let now = self.clock.now();
        let lookup = match provider
            .find(&submission.idempotency_key, now - submission.created_at)
            .await
        {
            Ok(lookup) => lookup,
            Err(error) => {
                tracing::warn!(submission = %submission.id, %error, "could not ask the provider: tried again later");
                self.store
                    .release_claim(&submission.id, claims.holder())
                    .await?;
                return Ok(Settled::Later);
            }
        };
        let send_at = submission
            .send_at
            .as_deref()
            .and_then(|at| DateTime::parse_from_rfc3339(at).ok())
            .map(|at| at.with_timezone(&Utc));
        let decision = decide(Situation {
            lookup,
            repeat_window: provider.repeat_window(),
            first_sent: submission.created_at,
            send_at,
            request_kept: submission.request_body.is_some(),
            now,
        });
        let settled = match &decision {
            Decision::Record { reference } => {
                let mut accepted = Accepted::reference_unknown(contacts(submission));
                accepted.reference = reference.clone();
                self.record_accepted(submission, send_at.is_some(), &accepted)
                    .await?;
                Settled::Recorded
            }
            Decision::Resend => {
                self.resend(provider.as_ref(), submission, send_at.is_some(), claims)
                    .await?
            }
            Decision::Missed(reason) => {
                self.outcomes
                    .settled(
                        &submission.id,
                        SubmissionStatus::Refused,
                        RecipientStatus::Failed,
                        Some("missed"),
                        reason,
                        SOURCE,
                    )
                    .await?;
                Settled::Missed
            }
            Decision::Unconfirmed(reason) => {
                self.outcomes
                    .settled(
                        &submission.id,
                        SubmissionStatus::Unconfirmed,
                        RecipientStatus::Unknown,
                        None,
                        reason,
                        SOURCE,
                    )
                    .await?;
                Settled::Unconfirmed
            }
        };
        tracing::info!(submission = %submission.id, ?decision, ?settled, "reconciled");
        if settled != Settled::Later {
            self.record_action(submission, settled).await;
        }
        Ok(settled)
    }

    async fn resend(
        &self,
        provider: &dyn SmsProvider,
        submission: &UnfinishedSubmission,
        scheduled: bool,
        claims: &KeptClaims,
    ) -> Result<Settled, StoreError> {
        let request = PreparedRequest {
            key: submission.idempotency_key.clone(),
            body: submission
                .request_body
                .as_deref()
                .unwrap_or_default()
                .into(),
            contacts: contacts(submission),
        };
        match provider.send(&request).await {
            Ok(accepted) => {
                self.record_accepted(submission, scheduled, &accepted)
                    .await?;
                Ok(Settled::Resent)
            }
            Err(error) if error.rate_limited() => {
                // Not taken: the next pass sends it again, while its send time allows.
                tracing::info!(submission = %submission.id, %error, "rate limited: sent again on a later pass");
                self.store
                    .release_claim(&submission.id, claims.holder())
                    .await?;
                Ok(Settled::Later)
            }
            Err(error) if error.outcome_unknown() => {
                // Kept claimed for a lease: the provider gets time to show what it has.
                self.record_failed(submission, &error).await?;
                Ok(Settled::Later)
            }
            Err(error) => {
                self.record_failed(submission, &error).await?;
                Ok(Settled::Refused)
            }
        }
    }

    async fn record_accepted(
        &self,
        submission: &UnfinishedSubmission,
        scheduled: bool,
        accepted: &Accepted,
    ) -> Result<(), StoreError> {
        self.outcomes
            .accepted(
                &submission.id,
                &submission.recipients,
                handed_over(scheduled, submission.simulation),
                accepted,
                SOURCE,
            )
            .await
    }

    async fn record_failed(
        &self,
        submission: &UnfinishedSubmission,
        error: &ProviderError,
    ) -> Result<(), StoreError> {
        self.outcomes.failed(&submission.id, error, SOURCE).await
    }

    /// Campaign history: what reconciliation did to one of its submissions.
    async fn record_action(&self, submission: &UnfinishedSubmission, settled: Settled) {
        let Some(campaign_id) = &submission.campaign_id else {
            return;
        };
        let outcome = match settled {
            Settled::Recorded => Reconciliation::ProviderHadIt,
            Settled::Resent => Reconciliation::SentAgain,
            Settled::Refused => Reconciliation::SentAgainRefused,
            Settled::Missed => Reconciliation::Missed,
            Settled::Unconfirmed => Reconciliation::Unconfirmed,
            Settled::Later => return,
        };
        let detail = Notice::Reconciled {
            recipients: submission.recipients.len(),
            submission: submission.id.clone(),
            outcome,
        }
        .to_recorded();
        if let Err(error) = self
            .store
            .record_action(
                campaign_id,
                // The reconciler acts in its own name.
                SOURCE.as_str(),
                CampaignActionKind::Reconcile,
                Some(&detail),
                self.clock.now(),
            )
            .await
        {
            tracing::error!(campaign = %campaign_id, %error, "reconciliation not recorded in the campaign's history");
        }
    }
}

fn contacts(submission: &UnfinishedSubmission) -> u32 {
    u32::try_from(submission.recipients.len()).unwrap_or(u32::MAX)
}

/// A name for this process in claims: unique per start, so a claim is never mistaken for another's.
pub fn instance_name() -> String {
    format!("instance-{}", uuid::Uuid::new_v4())
}
