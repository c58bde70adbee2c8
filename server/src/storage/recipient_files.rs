//! Uploaded recipient lists (see the `recipient_files` migration): a row saying whose file it is,
//! and its bytes in parts written as they arrive; usable once finished.

use chrono::{DateTime, Utc};
use futures_util::TryStreamExt;
use sqlx::Row;
use std::collections::VecDeque;

use super::stored::{read_instant, stored_instant, to_i64};
use super::{Store, StoreError};

/// A file being uploaded or kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRecipientFile<'a> {
    pub id: &'a str,
    pub owner: &'a str,
    pub name: &'a str,
    pub created_at: DateTime<Utc>,
}

/// A finished file's row: who may use it, and its size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecipientFileHead {
    pub owner: String,
    pub name: String,
    pub created_at: DateTime<Utc>,
    /// Its size as recorded when it was finished.
    pub recorded_bytes: u64,
    /// Its repeats as its upload found them, or a later reading found them again, when kept.
    pub repeats: Option<FileRepeats>,
}

/// What an upload found of a file's repeated numbers (see the `recipient_file_repeats`
/// migration).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRepeats {
    /// The rows repeating an earlier number (`RowSet::to_bytes`).
    pub rows: Vec<u8>,
    /// The report of them, as JSON.
    pub report: String,
    /// The region numbers without `+` were read in.
    pub region: String,
}

/// A finished file as kept: its row, and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRecipientFile {
    pub head: RecipientFileHead,
    /// Its bytes, in the parts they were written in.
    pub parts: VecDeque<Vec<u8>>,
}

impl StoredRecipientFile {
    /// Every byte recorded was read back (its parts and its row are read apart).
    pub fn complete(&self) -> bool {
        self.parts.iter().map(|p| p.len() as u64).sum::<u64>() == self.head.recorded_bytes
    }

    pub fn into_bytes(self) -> Vec<u8> {
        Vec::from(self.parts).concat()
    }
}

impl Store {
    /// Starts a file: its parts may follow; it cannot be read until `finish_recipient_file`.
    pub async fn start_recipient_file(
        &self,
        file: &NewRecipientFile<'_>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO recipient_files (id, owner, name, created_at, finished_at, bytes) \
             VALUES ($1, $2, $3, $4, NULL, 0)",
        )
        .bind(file.id)
        .bind(file.owner)
        .bind(file.name)
        .bind(stored_instant(file.created_at))
        .execute(self.writes())
        .await?;
        Ok(())
    }

    /// Writes part `part` (0, 1, …) of file `id`.
    pub async fn add_recipient_file_part(
        &self,
        id: &str,
        part: usize,
        data: &[u8],
    ) -> Result<(), StoreError> {
        sqlx::query("INSERT INTO recipient_file_parts (file_id, part, data) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(to_i64(part))
            .bind(data)
            .execute(self.writes())
            .await?;
        Ok(())
    }

    /// Every part of file `id` is written: it can be read from now on.
    pub async fn finish_recipient_file(
        &self,
        id: &str,
        bytes: u64,
        repeats: Option<&FileRepeats>,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE recipient_files SET finished_at = $1, bytes = $2, repeat_rows = $3, \
             repeats_report = $4, read_in_region = $5 WHERE id = $6",
        )
        .bind(stored_instant(at))
        .bind(i64::try_from(bytes).unwrap_or(i64::MAX))
        .bind(repeats.map(|r| r.rows.clone()))
        .bind(repeats.map(|r| r.report.clone()))
        .bind(repeats.map(|r| r.region.clone()))
        .bind(id)
        .execute(self.writes())
        .await?;
        Ok(())
    }

    /// Keeps `repeats` with file `id`, found after its upload (kept before its repeats were, or
    /// read now in another region or by another reading): its next readings need not find them.
    pub async fn keep_recipient_file_repeats(
        &self,
        id: &str,
        repeats: &FileRepeats,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE recipient_files SET repeat_rows = $1, repeats_report = $2, read_in_region = $3 \
             WHERE id = $4",
        )
        .bind(repeats.rows.clone())
        .bind(&repeats.report)
        .bind(&repeats.region)
        .bind(id)
        .execute(self.writes())
        .await?;
        Ok(())
    }

    /// File `id` with its bytes, when it is finished and kept.
    pub async fn recipient_file(
        &self,
        id: &str,
    ) -> Result<Option<StoredRecipientFile>, StoreError> {
        let Some(head) = self.recipient_file_head(id).await? else {
            return Ok(None);
        };
        let mut parts = VecDeque::new();
        let mut rows =
            sqlx::query("SELECT data FROM recipient_file_parts WHERE file_id = $1 ORDER BY part")
                .bind(id)
                .fetch(&self.pool);
        while let Some(part) = rows.try_next().await? {
            parts.push_back(part.try_get::<Vec<u8>, _>("data")?);
        }
        drop(rows);
        Ok(Some(StoredRecipientFile { head, parts }))
    }

    /// File `id` without its bytes, when it is finished and kept.
    pub async fn recipient_file_head(
        &self,
        id: &str,
    ) -> Result<Option<RecipientFileHead>, StoreError> {
        let row = sqlx::query(
            "SELECT owner, name, created_at, bytes, repeat_rows, repeats_report, read_in_region \
             FROM recipient_files WHERE id = $1 AND finished_at IS NOT NULL",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let size: i64 = row.try_get("bytes")?;
        let repeats = match (
            row.try_get::<Option<Vec<u8>>, _>("repeat_rows")?,
            row.try_get::<Option<String>, _>("repeats_report")?,
            row.try_get::<Option<String>, _>("read_in_region")?,
        ) {
            (Some(rows), Some(report), Some(region)) => Some(FileRepeats {
                rows,
                report,
                region,
            }),
            _ => None,
        };
        Ok(Some(RecipientFileHead {
            owner: row.try_get("owner")?,
            name: row.try_get("name")?,
            created_at: read_instant(&row.try_get::<String, _>("created_at")?)?,
            recorded_bytes: u64::try_from(size).unwrap_or(0),
            repeats,
        }))
    }

    /// Deletes file `id` and its parts (an upload that failed half-way).
    pub async fn delete_recipient_file(&self, id: &str) -> Result<(), StoreError> {
        let mut transaction = self.writes().begin().await?;
        sqlx::query("DELETE FROM recipient_file_parts WHERE file_id = $1")
            .bind(id)
            .execute(&mut *transaction)
            .await?;
        sqlx::query("DELETE FROM recipient_files WHERE id = $1")
            .bind(id)
            .execute(&mut *transaction)
            .await?;
        transaction.commit().await?;
        Ok(())
    }

    /// Deletes the files started before `before`, finished or not; how many.
    pub async fn delete_recipient_files_before(
        &self,
        before: DateTime<Utc>,
    ) -> Result<u64, StoreError> {
        let before = stored_instant(before);
        let mut transaction = self.writes().begin().await?;
        sqlx::query(
            "DELETE FROM recipient_file_parts WHERE file_id IN \
             (SELECT id FROM recipient_files WHERE created_at < $1)",
        )
        .bind(&before)
        .execute(&mut *transaction)
        .await?;
        let deleted = sqlx::query("DELETE FROM recipient_files WHERE created_at < $1")
            .bind(&before)
            .execute(&mut *transaction)
            .await?
            .rows_affected();
        transaction.commit().await?;
        Ok(deleted)
    }
}
