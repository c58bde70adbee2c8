//! On SQLite, the write-ahead log is copied into the database beside the writer, not by it. A
//! commit that leaves the log over 1,000 pages used to copy the log in itself before it returned,
//! while every other write waited: a 100,000-recipient campaign's commit took about 90 ms that way
//! against 36 ms without, and its hand-over could not start until then (README). The writer now
//! copies only past 64 MiB of log (`open_pool`), so that the log stays bounded even if writes
//! never pause long enough for the copying below to catch up. A worker of the server's
//! (`Store::checkpoint_worker`) copies the log in as soon as a campaign is recorded and every
//! second besides, without making any write wait (`PASSIVE`). Once all of it is in, it cuts the
//! log to nothing (`TRUNCATE`), holding the writes' connection meanwhile so that no write of this
//! process waits on the cut or begins on a log cut under it, and without waiting for readers: a
//! busy round is left to the next. Whatever the worker does, every commit is in the log, synced,
//! before it returns (`synchronous = FULL`).

use sqlx::AnyPool;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;

use super::{Store, StoreError};

/// How often the log is copied in when no campaign asks for it sooner.
const CHECKPOINT_EVERY: Duration = Duration::from_secs(1);

/// The worker's pool of one connection (reads only, never waiting on a lock), and the signal
/// that a large write was committed.
#[derive(Debug, Clone)]
pub(super) struct Checkpointer {
    pub(super) pool: AnyPool,
    pub(super) due: Arc<Notify>,
}

/// What one round of copying found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checkpointed {
    /// The log held nothing since it was last emptied or begun again.
    NothingToCopy,
    /// The log's frames were all copied in, and the log cut to nothing.
    Emptied,
    /// The log's frames were all copied in; the cut waits for the next round (a reader was on
    /// the log, or a write under way).
    CopiedNotCut,
    /// `copied` of the log's `frames` are in the database; the rest waits for the next round (a
    /// write came in while they were copied).
    Partly { frames: i64, copied: i64 },
    /// Another copying was under way (the writer's own, past 64 MiB).
    Busy,
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
        let mut connection = checkpointer.pool.acquire().await?;
        let (busy, frames, copied): (i64, i64, i64) =
            sqlx::query_as("PRAGMA wal_checkpoint(PASSIVE)")
                .fetch_one(&mut *connection)
                .await?;
        if busy != 0 {
            return Ok(Some(Checkpointed::Busy));
        }
        if frames == 0 {
            // No cut: it would take the writer's lock, every second, for nothing.
            return Ok(Some(Checkpointed::NothingToCopy));
        }
        if frames != copied {
            return Ok(Some(Checkpointed::Partly { frames, copied }));
        }
        // The cut needs every reader off the log and no write under way: this process's writes
        // wait for the writes' connection while it is held here (a write would otherwise sleep
        // in SQLite's busy handler), and none is left to wait when it is in use.
        let Some(_writes) = self.writes().try_acquire() else {
            return Ok(Some(Checkpointed::CopiedNotCut));
        };
        let (busy, _, _): (i64, i64, i64) = sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
            .fetch_one(&mut *connection)
            .await?;
        Ok(Some(if busy == 0 {
            Checkpointed::Emptied
        } else {
            Checkpointed::CopiedNotCut
        }))
    }
}
