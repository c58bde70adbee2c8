//! Keeps a task's claims alive while the task runs: every third of the lease, every unfinished
//! submission the task holds is renewed at once. A batch waiting behind others, or behind a rate
//! limit, keeps its claim, so reconciliation never takes over work that is still under way; once
//! the task ends (or dies with its process) the claims lapse and reconciliation settles what is
//! left.

use tokio::task::JoinHandle;

use crate::clock::SharedClock;
use crate::storage::{Claim, Claims, Store, StoreError};

/// The claims of one task, renewed in the background until dropped.
pub struct KeptClaims {
    holder: String,
    claims: Claims,
    clock: SharedClock,
    renewer: JoinHandle<()>,
}

impl KeptClaims {
    /// Starts renewing what `holder` holds (and will hold) in `store`.
    pub fn start(store: Store, clock: SharedClock, claims: Claims, holder: String) -> Self {
        let every = (claims.lease / 3)
            .to_std()
            .unwrap_or_default()
            .max(std::time::Duration::from_millis(100));
        let renewer = {
            let (claims, clock, holder) = (claims.clone(), clock.clone(), holder.clone());
            tokio::spawn(async move {
                loop {
                    tokio::time::sleep(every).await;
                    let claim = claims.taken_at(&holder, clock.now());
                    if let Err(error) = store.renew_claims(&claim).await {
                        // Left to lapse: reconciliation may then take the batches not sent yet,
                        // and each batch checks its claim just before it is sent.
                        tracing::error!(%holder, %error, "claims not renewed");
                    }
                }
            })
        };
        Self {
            holder,
            claims,
            clock,
            renewer,
        }
    }

    pub fn holder(&self) -> &str {
        &self.holder
    }

    /// A claim of this task's, as of now.
    pub fn claim(&self) -> Claim {
        self.claims.taken_at(&self.holder, self.clock.now())
    }

    /// Whether submission `id` is still this task's to send, with at least half a lease left;
    /// `false` once another task has taken it. A claim this task still holds for that long is
    /// only read (the renewals keep two thirds of a lease ahead); a shorter one, or one that
    /// lapsed while nobody took it, is renewed as before.
    pub async fn hold_for_send(&self, store: &Store, id: &str) -> Result<bool, StoreError> {
        let now = self.clock.now();
        if store
            .holds_claim(id, &self.holder, now + self.claims.lease / 2)
            .await?
        {
            return Ok(true);
        }
        store
            .renew_claim(id, &self.claims.taken_at(&self.holder, now))
            .await
    }
}

impl Drop for KeptClaims {
    fn drop(&mut self) {
        self.renewer.abort();
    }
}
