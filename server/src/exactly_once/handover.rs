//! A campaign's hand-over: its recorded batches sent to the provider, each answer recorded. Once a
//! campaign is recorded its hand-over is a task of the server's own, so a closed tab or a proxy's
//! time-out does not stop it; the request that scheduled it only waits for its end. The number of
//! hand-overs running at once is bounded; a waiting one keeps its claims, so reconciliation does
//! not take it over.

use app::models::{AppError, EventSource, Notice, SubmissionOutcome, SubmissionReceipt};
use chrono::{DateTime, Utc};
use futures_util::stream::{self, StreamExt};
use std::sync::Arc;
use tokio::sync::Semaphore;
use tokio_util::task::TaskTracker;
use tracing::Instrument;

use super::claim_keeper::KeptClaims;
use super::rate_limit::{self, RateLimited};
use super::submission_outcomes::{handed_over, SubmissionOutcomes};
use crate::clock::SharedClock;
use crate::providers::{Accepted, PreparedRequest, ProviderError, SmsProvider};
use crate::storage::Store;

const SOURCE: EventSource = EventSource::Scheduler;

/// Batches of a campaign under way at once for each of the provider's slots (the requests in
/// flight at once, `HandoverLimits::concurrency`): the one in the slot, and those whose answers
/// wait for the ledger's one writer, which records them together. A slot need not wait for its
/// answer's turn, and a busy writer still holds the hand-over back.
pub const BATCHES_UNDER_WAY_PER_SLOT: usize = 4;

/// One recorded batch, as the hand-over keeps track of it. Its request and numbers are read back
/// from the ledger when its turn comes: what is sent is what was recorded, and a long list's
/// requests are not all held in memory.
pub struct Batch {
    /// The submission's id, the key the provider sees.
    pub key: String,
    pub contacts: u32,
    /// RFC 3339 in the campaign's zone; `None`: at once.
    pub send_at: Option<String>,
    /// When its messages are due: the send time, or when it was recorded for a send at once.
    pub due: DateTime<Utc>,
    pub simulation: bool,
}

/// What a batch's answer adds to the campaign's receipt.
pub struct BatchResult {
    pub receipt: SubmissionReceipt,
    pub accepted: Option<Accepted>,
    pub error: Option<ProviderError>,
}

/// How a batch's call ended, before its answer is recorded.
enum Answer {
    /// The numbers are the request's, as recorded.
    Accepted {
        accepted: Accepted,
        numbers: Vec<String>,
    },
    NotAccepted(ProviderError),
    /// Still rate limited when patience ran out: not sent.
    RateLimitedTooLong(ProviderError),
    /// Not sent by this hand-over: left to reconciliation.
    NotSent(Notice),
}

/// One campaign's batches, their provider, and the claims that keep them this task's.
pub struct Handover {
    pub provider: Arc<dyn SmsProvider>,
    pub batches: Vec<Batch>,
    pub claims: KeptClaims,
}

/// How hand-overs run, as the deployment sets it.
#[derive(Debug, Clone)]
pub struct HandoverLimits {
    /// Hand-overs running at the same time; more wait their turn.
    pub at_once: usize,
    /// Provider requests of one campaign in flight at once.
    pub concurrency: usize,
    /// How long one batch may wait out rate limits before it is left to reconciliation.
    pub rate_limit_patience: std::time::Duration,
}

/// Runs hand-overs as server tasks, a bounded number at once.
#[derive(Clone)]
pub struct Handovers {
    store: Store,
    clock: SharedClock,
    outcomes: SubmissionOutcomes,
    running: Arc<Semaphore>,
    /// Every hand-over task, for a stopping process to wait for.
    in_flight: TaskTracker,
    /// Provider requests of one campaign in flight at once.
    concurrency: usize,
    /// How long one batch may wait out rate limits before it is left to reconciliation.
    patience: std::time::Duration,
}

impl Handovers {
    pub fn new(store: Store, clock: SharedClock, limits: &HandoverLimits) -> Self {
        Self {
            outcomes: SubmissionOutcomes::new(store.clone(), clock.clone()),
            store,
            clock,
            running: Arc::new(Semaphore::new(limits.at_once.max(1))),
            in_flight: TaskTracker::new(),
            concurrency: limits.concurrency.max(1),
            patience: limits.rate_limit_patience,
        }
    }

    /// Spawns `task` as one the process waits for when it stops (see `in_flight`).
    pub fn spawn<T: Send + 'static>(
        &self,
        task: impl std::future::Future<Output = T> + Send + 'static,
    ) -> tokio::task::JoinHandle<T> {
        self.in_flight.spawn(task)
    }

    /// The hand-overs running, and campaigns being recorded for one.
    pub fn in_flight(&self) -> TaskTracker {
        self.in_flight.clone()
    }

    /// Starts `handover` as a task of its own and waits for its end. Dropping the returned future
    /// (the browser went away) leaves the task running to the end.
    pub async fn run(&self, handover: Handover) -> Result<Vec<BatchResult>, AppError> {
        let this = self.clone();
        // The task's lines stay under the caller's span (the campaign's, the request's).
        let task = self.spawn(
            async move {
                let _turn = this
                    .running
                    .clone()
                    .acquire_owned()
                    .await
                    .expect("the semaphore is never closed");
                this.hand_over(handover).await
            }
            .instrument(tracing::Span::current()),
        );
        task.await.map_err(|error| {
            tracing::error!(%error, "a hand-over task failed: reconciliation settles its batches");
            AppError::Internal("the hand-over stopped unexpectedly".into())
        })
    }

    async fn hand_over(&self, handover: Handover) -> Vec<BatchResult> {
        let Handover {
            provider,
            batches,
            claims,
        } = handover;
        let claims = &claims;
        let slots = &Semaphore::new(self.concurrency);
        stream::iter(batches)
            .map(|batch| {
                let provider = provider.clone();
                async move { self.submit(provider.as_ref(), &batch, claims, slots).await }
            })
            .buffered(self.concurrency.saturating_mul(BATCHES_UNDER_WAY_PER_SLOT))
            .collect()
            .await
    }

    /// Hands one batch over, in one of the provider's `slots`, and records the answer, for the
    /// submission and for each recipient, once its slot is free for the next batch.
    async fn submit(
        &self,
        provider: &dyn SmsProvider,
        batch: &Batch,
        claims: &KeptClaims,
        slots: &Semaphore,
    ) -> BatchResult {
        let answer = {
            // Taken in the batches' order (the semaphore is first come, first served).
            let _slot = slots
                .acquire()
                .await
                .expect("the semaphore is never closed");
            self.call(provider, batch, claims).await
        };
        match answer {
            Answer::Accepted { accepted, numbers } => {
                self.accepted(provider, batch, &numbers, accepted).await
            }
            Answer::NotAccepted(error) => self.failed(provider, batch, error).await,
            Answer::RateLimitedTooLong(error) => {
                self.rate_limited_for_later(batch, claims, error).await
            }
            Answer::NotSent(why) => batch.not_sent(why),
        }
    }

    /// Sends the batch's request as recorded, and its answer. A 429 is waited out and the same
    /// request sent again, within `rate_limit`'s bounds.
    async fn call(&self, provider: &dyn SmsProvider, batch: &Batch, claims: &KeptClaims) -> Answer {
        let (request, numbers) = match self.store.recorded_request(batch.key()).await {
            Ok(Some((body, numbers))) => {
                let request = PreparedRequest {
                    key: batch.key.clone(),
                    body: Arc::from(body),
                    contacts: batch.contacts,
                };
                (request, numbers)
            }
            Ok(None) => {
                tracing::error!(submission = %batch.key(), "recorded request not found: left to reconciliation");
                return Answer::NotSent(Notice::LeftToReconciliation);
            }
            Err(error) => {
                tracing::error!(submission = %batch.key(), %error, "recorded request not read: left to reconciliation");
                return Answer::NotSent(Notice::LeftToReconciliation);
            }
        };
        let mut attempt = 0;
        let mut waited = std::time::Duration::ZERO;
        loop {
            // Just before each send: if the claim went to reconciliation (renewals failed), the
            // batch is theirs to send.
            match claims.hold_for_send(&self.store, batch.key()).await {
                Ok(true) => {}
                Ok(false) => return Answer::NotSent(Notice::TakenOverByReconciliation),
                Err(error) => {
                    tracing::error!(submission = %batch.key(), %error, "claim not renewed: left to reconciliation");
                    return Answer::NotSent(Notice::LeftToReconciliation);
                }
            }
            let error = match provider.send(&request).await {
                Ok(accepted) => return Answer::Accepted { accepted, numbers },
                Err(error) => error,
            };
            if !error.rate_limited() {
                return Answer::NotAccepted(error);
            }
            attempt += 1;
            let situation = RateLimited {
                attempt,
                retry_after: error.retry_after,
                waited,
                due: batch.due,
                now: self.clock.now(),
            };
            let Some(pause) = rate_limit::pause(situation, self.patience) else {
                return Answer::RateLimitedTooLong(error);
            };
            tracing::info!(submission = %batch.key(), provider = %provider.info().id, attempt, ?pause, "rate limited: the same request goes again after a pause");
            tokio::time::sleep(pause).await;
            waited += pause;
        }
    }

    async fn accepted(
        &self,
        provider: &dyn SmsProvider,
        batch: &Batch,
        numbers: &[String],
        accepted: Accepted,
    ) -> BatchResult {
        let id = batch.key();
        // The provider has the batch whatever happens here: a failed write is logged (the rows
        // stay pending, to be reconciled), never reported as "not sent".
        let status = handed_over(batch.send_at.is_some(), batch.simulation);
        if let Err(error) = self
            .outcomes
            .accepted(id, numbers, status, &accepted, SOURCE)
            .await
        {
            tracing::error!(submission = %id, reference = ?accepted.reference, %error, "accepted batch not recorded");
        }
        tracing::info!(submission = %id, provider = %provider.info().id, reference = ?accepted.reference, contacts = accepted.contacts, "batch accepted");
        crate::metrics::recipients_handed_over(provider.info().id, accepted.contacts);
        BatchResult {
            receipt: SubmissionReceipt {
                submission_id: id.to_owned(),
                reference: accepted.reference.clone(),
                contacts: accepted.contacts,
                send_at: batch.send_at.clone(),
                outcome: SubmissionOutcome::Accepted,
            },
            accepted: Some(accepted),
            error: None,
        }
    }

    async fn failed(
        &self,
        provider: &dyn SmsProvider,
        batch: &Batch,
        error: ProviderError,
    ) -> BatchResult {
        let id = batch.key();
        tracing::warn!(submission = %id, provider = %provider.info().id, %error, "batch not accepted");
        if let Err(store_error) = self.outcomes.failed(id, &error, SOURCE).await {
            tracing::error!(submission = %id, error = %store_error, "provider failure not recorded");
        }
        let outcome = if error.outcome_unknown() {
            SubmissionOutcome::Unknown(Box::new(Notice::NoAnswerLookedUp {
                provider: error.provider,
                message: error.message.clone(),
            }))
        } else {
            SubmissionOutcome::Refused(error.message.clone())
        };
        BatchResult {
            error: Some(error),
            ..batch.result(outcome)
        }
    }

    /// Still rate limited when patience ran out: the provider does not have the batch, so it
    /// stays pending, released for the next reconciliation pass to send while its time allows.
    async fn rate_limited_for_later(
        &self,
        batch: &Batch,
        claims: &KeptClaims,
        error: ProviderError,
    ) -> BatchResult {
        tracing::warn!(submission = %batch.key(), %error, "still rate limited: left to reconciliation");
        if let Err(store_error) = self.store.release_claim(batch.key(), claims.holder()).await {
            tracing::error!(submission = %batch.key(), error = %store_error, "claim not released: reconciliation takes it when it lapses");
        }
        batch.not_sent(Notice::RateLimitedSentLater {
            provider: error.provider,
        })
    }
}

impl Batch {
    fn key(&self) -> &str {
        &self.key
    }

    fn result(&self, outcome: SubmissionOutcome) -> BatchResult {
        BatchResult {
            receipt: SubmissionReceipt {
                submission_id: self.key().to_owned(),
                reference: None,
                contacts: self.contacts,
                send_at: self.send_at.clone(),
                outcome,
            },
            accepted: None,
            error: None,
        }
    }

    /// Not sent by this hand-over; reconciliation settles it.
    fn not_sent(&self, why: Notice) -> BatchResult {
        self.result(SubmissionOutcome::Unknown(Box::new(why)))
    }
}
