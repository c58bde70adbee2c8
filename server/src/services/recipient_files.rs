//! Recipient lists uploaded as files: read line by line as they arrive (checked as a typed list
//! is), written in parts as they come, kept a day for their uploader to preview and schedule by id.
//! Reading keeps one part and the numbers seen (to find repeats), never the whole file.

use app::domain::file_charset::FileCharset;
use app::models::{AppError, Field, FieldError, Problem, RecipientFileSummary, Refusal};
use app::services::Actor;
use axum::body::Body;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio::sync::mpsc;
use tokio_util::io::{StreamReader, SyncIoBridge};
use uuid::Uuid;

use super::recipient_file_reading::{is_too_large, read_body, with_idle_limit, FileRead};
use super::store_errors::{not_recorded, read_failed};
use crate::clock::SharedClock;
use crate::domain::phone::Region;
use crate::domain::recipients::{self, is_sorting_failure};
use crate::storage::{NewRecipientFile, Store, StoredRecipientFile};
use chrono::{DateTime, Utc};

/// How long an uploaded file is kept.
pub const KEPT_FOR: chrono::TimeDelta = chrono::TimeDelta::hours(24);
/// Errors listed in an upload's answer; the rest are counted.
pub const ERRORS_LISTED: usize = 100;

/// What an upload may be.
#[derive(Debug, Clone, Copy)]
pub struct FileLimits {
    pub max_bytes: u64,
    /// Most recipients one campaign may name: a file with more is told so at once.
    pub max_recipients: usize,
    /// An upload with no byte for this long is cut (nothing kept), so that a stalled client
    /// does not hold a reader for ever.
    pub idle: std::time::Duration,
    /// Uploads one person may have under way at once (on this instance): each holds a reader
    /// on the blocking pool and a connection, so a page or script sending file after file waits.
    pub at_once: u32,
}

#[derive(Clone)]
pub struct RecipientFiles {
    pub(super) store: Store,
    pub(super) clock: SharedClock,
    pub(super) default_region: Region,
    pub(super) limits: FileLimits,
    /// Uploads under way, by uploader.
    under_way: Arc<Mutex<HashMap<String, u32>>>,
}

/// One upload under way, counted until it is dropped.
struct UploadTurn {
    under_way: Arc<Mutex<HashMap<String, u32>>>,
    owner: String,
}

impl Drop for UploadTurn {
    fn drop(&mut self) {
        let mut under_way = self.under_way.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(count) = under_way.get_mut(&self.owner) {
            *count -= 1;
            if *count == 0 {
                under_way.remove(&self.owner);
            }
        }
    }
}

impl RecipientFiles {
    pub fn new(
        store: Store,
        clock: SharedClock,
        default_region: Region,
        limits: FileLimits,
    ) -> Self {
        Self {
            store,
            clock,
            default_region,
            limits,
            under_way: Arc::default(),
        }
    }

    /// A turn for `owner` to upload, unless they have `at_once` under way already.
    fn upload_turn(&self, owner: &str) -> Result<UploadTurn, AppError> {
        let mut under_way = self.under_way.lock().unwrap_or_else(|e| e.into_inner());
        let count = under_way.entry(owner.to_owned()).or_default();
        let at_once = self.limits.at_once;
        if *count >= at_once {
            return Err(AppError::NotAllowed(Refusal::UploadsUnderWay { at_once }));
        }
        *count += 1;
        Ok(UploadTurn {
            under_way: self.under_way.clone(),
            owner: owner.to_owned(),
        })
    }

    /// Deletes the files kept longer than `KEPT_FOR`, now and every `every`, so that no list
    /// of numbers outlives its day (nor one an upload cut by a crash left).
    pub async fn sweep_forever(self, every: std::time::Duration) {
        loop {
            let expired = self.clock.now() - KEPT_FOR;
            match self.store.delete_recipient_files_before(expired).await {
                Ok(0) => {}
                Ok(deleted) => tracing::info!(deleted, "expired recipient files deleted"),
                Err(error) => tracing::warn!(%error, "expired recipient files were not deleted"),
            }
            tokio::time::sleep(every).await;
        }
    }

    pub fn max_bytes(&self) -> u64 {
        self.limits.max_bytes
    }

    /// The refusal of a file over `max_bytes`.
    pub fn too_large(&self) -> AppError {
        AppError::file_too_large(self.limits.max_bytes)
    }

    /// Reads and keeps the file `body` brings in `charset`, named `name`, for `owner`; it is kept
    /// as UTF-8. Nothing is kept when the file is too large or its upload is cut.
    pub async fn upload(
        &self,
        owner: &Actor,
        name: &str,
        charset: FileCharset,
        body: Body,
    ) -> Result<RecipientFileSummary, AppError> {
        let _turn = self.upload_turn(&owner.name)?;
        let now = self.clock.now();
        let expired = self.store.delete_recipient_files_before(now - KEPT_FOR);
        if let Err(error) = expired.await {
            tracing::warn!(%error, "expired recipient files were not deleted");
        }
        let id = Uuid::new_v4().to_string();
        let file = NewRecipientFile {
            id: &id,
            owner: &owner.name,
            name,
            created_at: now,
        };
        self.store
            .start_recipient_file(&file)
            .await
            .map_err(not_recorded)?;
        let read = self.read_and_store(&id, charset, body).await;
        let finished = match read {
            Ok(read) => self
                .store
                .finish_recipient_file(&id, read.bytes, Some(&read.repeats()), self.clock.now())
                .await
                .map(|()| read)
                .map_err(not_recorded),
            Err(error) => Err(error),
        };
        match finished {
            Ok(read) => Ok(read.summary(id, name, self.limits.max_recipients)),
            Err(error) => {
                if let Err(error) = self.store.delete_recipient_file(&id).await {
                    tracing::warn!(%error, file = %id, "a failed upload's parts were not deleted");
                }
                Err(error)
            }
        }
    }

    /// The bytes of file `id`, for `actor` who uploaded it within `KEPT_FOR`.
    pub async fn content(&self, actor: &Actor, id: &str) -> Result<Vec<u8>, AppError> {
        Ok(self.kept_file(actor, id).await?.into_bytes())
    }

    /// File `id` as kept, for `actor` who uploaded it within `KEPT_FOR`.
    async fn kept_file(&self, actor: &Actor, id: &str) -> Result<StoredRecipientFile, AppError> {
        let file = self.store.recipient_file(id).await.map_err(read_failed)?;
        match file {
            // A file swept while it was read back comes short: as good as gone.
            Some(file)
                if self.usable_by(actor, &file.head.owner, file.head.created_at)
                    && file.complete() =>
            {
                Ok(file)
            }
            Some(_) | None => Err(file_gone()),
        }
    }

    /// Whether a file of `owner`'s kept since `created_at` is `actor`'s to use: another's file is
    /// as good as none (its id tells nothing), and so is one kept longer than `KEPT_FOR`.
    pub(super) fn usable_by(&self, actor: &Actor, owner: &str, created_at: DateTime<Utc>) -> bool {
        owner == actor.name && created_at > self.clock.now() - KEPT_FOR
    }

    /// Reads `body` on the blocking pool while its parts (in UTF-8) are written here, in order.
    async fn read_and_store(
        &self,
        id: &str,
        charset: FileCharset,
        body: Body,
    ) -> Result<FileRead, AppError> {
        let source = StreamReader::new(with_idle_limit(body, self.limits.idle));
        let (parts, mut written) = mpsc::channel::<Vec<u8>>(2);
        let region = self.default_region;
        let max_bytes = self.limits.max_bytes;
        let reading = tokio::task::spawn_blocking(move || {
            let source = SyncIoBridge::new(source);
            read_body(source, charset, max_bytes, parts, region)
        });
        let mut stored = Ok(());
        let mut part = 0;
        while let Some(data) = written.recv().await {
            stored = self.store.add_recipient_file_part(id, part, &data).await;
            if stored.is_err() {
                break;
            }
            part += 1;
        }
        // A failed write stops the reading: its next part finds no one to take it.
        drop(written);
        let read = reading.await.map_err(|error| {
            tracing::error!(%error, "reading a recipient file failed");
            AppError::Internal("the file could not be read; nothing was kept".into())
        })?;
        stored.map_err(not_recorded)?;
        read.map_err(|error| {
            if is_too_large(&error) {
                self.too_large()
            } else if is_sorting_failure(&error) {
                tracing::error!(%error, "a recipient file's numbers could not be sorted");
                AppError::Internal(
                    "the server could not write its temporary files to read the list; \
                     nothing was kept"
                        .into(),
                )
            } else {
                tracing::warn!(%error, "a recipient file's upload was cut");
                AppError::Transport(format!(
                    "the file did not arrive whole ({error}); nothing was kept"
                ))
            }
        })
    }
}

/// The answer about a file that is not kept (or not the asker's).
pub(super) fn file_gone() -> AppError {
    AppError::Invalid(vec![FieldError::new(
        Field::Recipients,
        Problem::RecipientFileGone,
    )])
}

/// The errors of a kept file's lines, the first `ERRORS_LISTED` and a count of the rest, as its
/// upload's answer gave them.
pub fn line_errors(bytes: &[u8], region: Region) -> Vec<FieldError> {
    let report = recipients::line_errors(bytes, region, ERRORS_LISTED);
    let mut errors = report.errors;
    if report.more_errors > 0 {
        let more = usize::try_from(report.more_errors).unwrap_or(usize::MAX);
        errors.push(FieldError::new(
            Field::Recipients,
            Problem::MoreLineErrors(more),
        ));
    }
    errors
}
