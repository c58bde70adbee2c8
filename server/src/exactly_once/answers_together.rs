//! Providers' acceptances recorded together. The ledger has one writer: while it records one
//! answer, those that arrive wait, and the next turn records all of them in one transaction (one
//! commit instead of one each). Each caller learns how its own went; when a shared transaction
//! fails, each answer in it is tried again alone, so that one bad answer leaves the others
//! recorded.

use std::sync::{Arc, Mutex};

use app::models::{EventSource, RecipientStatus};
use chrono::{DateTime, Utc};
use tokio::sync::oneshot;

use crate::storage::{Acceptance, Store, StoreError};

/// An acceptance as it waits for its turn (`storage::Acceptance`, owned).
pub struct WaitingAnswer {
    pub submission_id: String,
    pub status: RecipientStatus,
    pub refused: Vec<(usize, String)>,
    pub reference: Option<String>,
    pub total_cost: Option<f64>,
    pub source: EventSource,
    pub at: DateTime<Utc>,
}

impl WaitingAnswer {
    fn acceptance(&self) -> Acceptance<'_> {
        Acceptance {
            submission_id: &self.submission_id,
            status: self.status,
            refused: &self.refused,
            reference: self.reference.as_deref(),
            total_cost: self.total_cost,
            source: self.source,
            at: self.at,
        }
    }
}

type Waiting = Vec<(WaitingAnswer, oneshot::Sender<Result<(), StoreError>>)>;

#[derive(Clone)]
pub struct AnswersTogether {
    store: Store,
    waiting: Arc<Mutex<Waiting>>,
    /// Held while a group is written: whoever holds it writes every answer waiting then.
    turn: Arc<tokio::sync::Mutex<()>>,
}

impl AnswersTogether {
    pub fn new(store: Store) -> Self {
        Self {
            store,
            waiting: Arc::default(),
            turn: Arc::default(),
        }
    }

    /// Records `answer`, with the others waiting at its turn; how it went.
    pub async fn record(&self, answer: WaitingAnswer) -> Result<(), StoreError> {
        let (done, outcome) = oneshot::channel();
        self.waiting
            .lock()
            .expect("the queue is never poisoned")
            .push((answer, done));
        {
            let _turn = self.turn.lock().await;
            let group = std::mem::take(&mut *self.waiting.lock().expect("never poisoned"));
            if !group.is_empty() {
                self.write(group).await;
            }
        }
        // Written by this turn or an earlier one; dropped unwritten only if that turn's task was.
        outcome.await.unwrap_or(Err(StoreError::Interrupted))
    }

    async fn write(&self, group: Waiting) {
        let acceptances: Vec<Acceptance> = group.iter().map(|(a, _)| a.acceptance()).collect();
        let together = self.store.record_acceptances(&acceptances).await;
        drop(acceptances);
        match together {
            Ok(()) => {
                for (_, done) in group {
                    let _ = done.send(Ok(()));
                }
            }
            Err(error) if group.len() == 1 => {
                let (_, done) = group.into_iter().next().expect("one");
                let _ = done.send(Err(error));
            }
            Err(error) => {
                tracing::warn!(%error, answers = group.len(), "answers recorded together failed: each is tried alone");
                for (answer, done) in group {
                    let _ = done.send(self.store.record_acceptance(&answer.acceptance()).await);
                }
            }
        }
    }
}
