//! On SQLite, the write-ahead log is copied into the database beside the writer, not by it. A
//! commit that leaves the log over 1,000 pages would otherwise copy the log in itself before it
//! returns, while every other write waits: a 100,000-recipient campaign's commit took about 90 ms
//! that way against 36 ms without, and its hand-over could not start until then (README). The
//! writer's own copying is off (`PRAGMA wal_autocheckpoint = 0`, `open_pool`). A worker of the
//! server's (`Store::checkpoint_worker`) copies the log in as soon as a campaign is recorded and
//! every second besides, without making any write wait (`PASSIVE`); once all of it is in and no
//! reader still reads from it, it cuts the log to nothing (`TRUNCATE`, tried without waiting:
//! waiting, it would hold writers back until the readers finish). Whatever the worker does, every
//! commit is in the log, synced, before it returns (`synchronous = FULL`).

use sqlx::AnyPool;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;

use super::{Store, StoreError};

/// How often the log is copied in when no campaign asks for it sooner.
const CHECKPOINT_EVERY: Duration = Duration::from_secs(1);

/// The worker's connection (reads only, never waiting on a lock), and the signal that a large
/// write was committed.
#[derive(Debug, Clone)]
pub(super) struct Checkpointer {
    pub(super) connection: AnyPool,
    pub(super) due: Arc<Notify>,
}

/// What one round of copying found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checkpointed {
    /// The log held nothing since it was last emptied or begun again.
    NothingToCopy,
    /// The log's frames were all copied in, and the log cut to nothing.
    Emptied,
    /// `copied` of the log's `frames` are in the database; the rest waits for the next round (a
    /// reader or a write was using them).
    Partly { frames: i64, copied: i64 },
}

impl Store {
    /// Asks the worker to copy the log in now: a large write was just committed.
    pub(super) fn checkpoint_soon(&self) {
        if let Some(checkpointer) = &self.checkpointer {
            checkpointer.due.notify_one();
        }
    }

    /// The worker that copies the log in (SQLite only: `None` on PostgreSQL, which has none).
    pub fn checkpoint_worker(&self) -> Option<impl Future<Output = ()> + Send + 'static> {
        let checkpointer = self.checkpointer.clone()?;
        let store = self.clone();
        Some(async move {
            loop {
                tokio::select! {
                    () = checkpointer.due.notified() => {}
                    () = tokio::time::sleep(CHECKPOINT_EVERY) => {}
                }
                if let Err(error) = store.checkpoint().await {
                    tracing::warn!(%error, "the ledger's log was not copied in; tried again in a second");
                }
            }
        })
    }

    /// One round of copying: every frame no reader holds back, then, if that was all of them, the
    /// log cut to nothing. `None` on PostgreSQL.
    pub async fn checkpoint(&self) -> Result<Option<Checkpointed>, StoreError> {
        let Some(checkpointer) = &self.checkpointer else {
            return Ok(None);
        };
        let mut connection = checkpointer.connection.acquire().await?;
        let (_, frames, copied): (i64, i64, i64) = sqlx::query_as("PRAGMA wal_checkpoint(PASSIVE)")
            .fetch_one(&mut *connection)
            .await?;
        if frames == 0 {
            // No cut: it would take the writer's lock, every second, for nothing.
            return Ok(Some(Checkpointed::NothingToCopy));
        }
        if frames != copied {
            return Ok(Some(Checkpointed::Partly { frames, copied }));
        }
        // Nothing left to copy: only the cut, which needs every reader off the log and no write
        // under way. Busy is no failure: the next round tries again.
        let (busy, _, _): (i64, i64, i64) = sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
            .fetch_one(&mut *connection)
            .await?;
        Ok(Some(if busy == 0 {
            Checkpointed::Emptied
        } else {
            Checkpointed::Partly { frames, copied }
        }))
    }
}
