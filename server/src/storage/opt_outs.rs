//! Numbers that asked not to receive marketing SMS: from STOP replies, by hand or imported.

use crate::domain::OptOutSource;
use app::models::ProviderId;
use chrono::{DateTime, Utc};
use sqlx::Row;
use std::collections::HashMap;

use super::stored::{numbered_parameters, stored, stored_instant};
use super::{Store, StoreError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptOut {
    pub phone: String,
    pub source: OptOutSource,
    pub detail: Option<String>,
    pub actor: String,
    pub created_at: String,
}

/// A recipient a provider still holds for a later send time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldRecipient {
    pub phone: String,
    pub campaign_id: String,
    pub provider: ProviderId,
    /// RFC 3339, UTC.
    pub send_at: Option<String>,
}

impl Store {
    /// The scheduled recipients among `phones` (E.164): a number that opts out after its campaign
    /// was handed over is still sent unless that campaign is canceled.
    pub async fn held_recipients(
        &self,
        phones: &[String],
    ) -> Result<Vec<HeldRecipient>, StoreError> {
        if phones.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT r.phone, r.campaign_id, c.provider, r.send_at FROM recipients r \
             JOIN campaigns c ON c.id = r.campaign_id \
             WHERE r.status = 'scheduled' AND r.phone IN ({}) ORDER BY r.send_at, r.campaign_id",
            numbered_parameters(phones.len())
        );
        let mut query = sqlx::query(&sql);
        for phone in phones {
            query = query.bind(phone);
        }
        let rows = query.fetch_all(self.pool()).await?;
        rows.iter()
            .map(|row| {
                Ok(HeldRecipient {
                    phone: row.try_get("phone")?,
                    campaign_id: row.try_get("campaign_id")?,
                    provider: stored(row.try_get("provider")?, "provider", ProviderId::parse)?,
                    send_at: row.try_get("send_at")?,
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(StoreError::from)
    }

    /// Adds a number; one already listed keeps its first source and date. Returns whether it was new.
    pub async fn add_opt_out(
        &self,
        phone: &str,
        source: OptOutSource,
        detail: Option<&str>,
        actor: &str,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let mut tx = self.writes().begin().await?;
        let added = sqlx::query(
            "INSERT INTO opt_outs (phone, source, detail, actor, created_at) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT DO NOTHING",
        )
        .bind(phone)
        .bind(source.as_str())
        .bind(detail)
        .bind(actor)
        .bind(stored_instant(at))
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if added > 0 {
            record_change(&mut tx, phone, OptOutChange::Add, source, actor, at).await?;
        }
        tx.commit().await?;
        Ok(added > 0)
    }

    /// Takes a number off the list, recording who did; returns whether it was on it.
    pub async fn remove_opt_out(
        &self,
        phone: &str,
        actor: &str,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let mut tx = self.writes().begin().await?;
        let removed = sqlx::query("DELETE FROM opt_outs WHERE phone = $1")
            .bind(phone)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if removed > 0 {
            let by_hand = OptOutSource::Operator;
            record_change(&mut tx, phone, OptOutChange::Remove, by_hand, actor, at).await?;
        }
        tx.commit().await?;
        Ok(removed > 0)
    }

    /// The list's changes for one number, oldest first: (change, source, actor, at).
    pub async fn opt_out_changes(
        &self,
        phone: &str,
    ) -> Result<Vec<(OptOutChange, OptOutSource, String, String)>, StoreError> {
        let rows = sqlx::query(
            "SELECT change, source, actor, at FROM opt_out_changes WHERE phone = $1 ORDER BY at, id",
        )
        .bind(phone)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                Ok((
                    stored(
                        row.try_get("change")?,
                        "opt-out change",
                        OptOutChange::from_stored,
                    )?,
                    stored(
                        row.try_get("source")?,
                        "opt-out source",
                        OptOutSource::from_stored,
                    )?,
                    row.try_get("actor")?,
                    row.try_get("at")?,
                ))
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(StoreError::from)
    }

    /// A page of the list, newest first; only numbers containing `digits` when not empty.
    pub async fn opt_outs(
        &self,
        offset: u64,
        limit: u32,
        digits: &str,
    ) -> Result<Vec<OptOut>, StoreError> {
        let rows = sqlx::query(
            "SELECT phone, source, detail, actor, created_at FROM opt_outs WHERE phone LIKE $1 \
             ORDER BY created_at DESC, phone LIMIT $2 OFFSET $3",
        )
        .bind(format!(
            "%{}%",
            digits.replace(|c: char| !c.is_ascii_digit(), "")
        ))
        .bind(i64::from(limit))
        .bind(i64::try_from(offset).unwrap_or(i64::MAX))
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                Ok(OptOut {
                    phone: row.try_get("phone")?,
                    source: stored(
                        row.try_get("source")?,
                        "opt-out source",
                        OptOutSource::from_stored,
                    )?,
                    detail: row.try_get("detail")?,
                    actor: row.try_get("actor")?,
                    created_at: row.try_get("created_at")?,
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(StoreError::from)
    }

    /// Every opted-out number with how (its source) and since when (`YYYY-MM-DD`), to leave them
    /// out of a campaign.
    pub async fn opt_out_reasons(&self) -> Result<HashMap<String, OptOutMark>, StoreError> {
        let rows = sqlx::query("SELECT phone, source, created_at FROM opt_outs")
            .fetch_all(self.pool())
            .await?;
        rows.iter()
            .map(|row| {
                let source = stored(
                    row.try_get("source")?,
                    "opt-out source",
                    OptOutSource::from_stored,
                )?;
                let created_at: String = row.try_get("created_at")?;
                let since = created_at[..10.min(created_at.len())].to_owned();
                Ok((row.try_get("phone")?, OptOutMark { source, since }))
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(StoreError::from)
    }
}

/// A change to the opt-out list, as its history records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptOutChange {
    Add,
    Remove,
}

impl OptOutChange {
    pub fn as_str(self) -> &'static str {
        match self {
            OptOutChange::Add => "add",
            OptOutChange::Remove => "remove",
        }
    }

    pub fn from_stored(name: &str) -> Option<Self> {
        [OptOutChange::Add, OptOutChange::Remove]
            .into_iter()
            .find(|change| change.as_str() == name)
    }
}

/// How and since when a number is on the opt-out list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptOutMark {
    pub source: OptOutSource,
    /// `YYYY-MM-DD`.
    pub since: String,
}

async fn record_change(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    phone: &str,
    change: OptOutChange,
    source: OptOutSource,
    actor: &str,
    at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO opt_out_changes (id, phone, change, source, actor, at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    // Time-ordered, so changes within one second keep their order.
    .bind(uuid::Uuid::now_v7().to_string())
    .bind(phone)
    .bind(change.as_str())
    .bind(source.as_str())
    .bind(actor)
    .bind(stored_instant(at))
    .execute(&mut **tx)
    .await?;
    Ok(())
}
