//! Who may act on an unfinished submission, and until when. A claim is taken with one conditional
//! UPDATE, so that of two instances reconciling at once only one gets each submission. Claims are
//! held by one task (a campaign's hand-over, a reconciliation pass), not by a whole instance, so
//! that two tasks of one process cannot both act on a submission; a task renews all of its claims
//! at once while it runs (`renew_claims`).

use app::models::ProviderId;
use chrono::{DateTime, Utc};
use sqlx::Row;

use super::request_bodies::request_body;
use super::stored::{stored, stored_instant};
use super::submissions::SubmissionStatus;
use super::{Store, StoreError};

/// Statuses whose outcome is still to be established.
const UNFINISHED: &str = "status IN ('pending', 'unknown')";

#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// The task holding it: `<instance>/<task>`.
    pub holder: String,
    pub until: DateTime<Utc>,
}

/// This instance's name in claims, and how long each claim it takes holds.
#[derive(Debug, Clone)]
pub struct Claims {
    pub instance: String,
    pub lease: chrono::Duration,
}

impl Claims {
    /// A name for a new task of this instance, unique, under the instance's name.
    pub fn new_holder(&self) -> String {
        format!("{}/{}", self.instance, uuid::Uuid::now_v7())
    }

    /// A claim for `holder` taken (or renewed) at `now`.
    pub fn taken_at(&self, holder: &str, now: DateTime<Utc>) -> Claim {
        Claim {
            holder: holder.to_owned(),
            until: now + self.lease,
        }
    }
}

/// A submission whose outcome is still to be established, with what a resend needs.
#[derive(Debug, Clone, PartialEq)]
pub struct UnfinishedSubmission {
    pub id: String,
    pub campaign_id: Option<String>,
    pub provider: ProviderId,
    pub idempotency_key: String,
    pub status: SubmissionStatus,
    /// E.164 numbers, in the request's order.
    pub recipients: Vec<String>,
    /// RFC 3339; `None`: sent at once.
    pub send_at: Option<String>,
    /// Octopush's simulation mode: accepted, its recipients are simulated, not scheduled.
    pub simulation: bool,
    /// The request as first sent; `None` for submissions recorded before requests were kept.
    pub request_body: Option<String>,
    /// When it was written, just before the first call.
    pub created_at: DateTime<Utc>,
}

fn unfinished_from_row(row: &sqlx::any::AnyRow) -> Result<UnfinishedSubmission, sqlx::Error> {
    let decode = |what: String| sqlx::Error::Decode(what.into());
    let status: String = row.try_get("status")?;
    let recipients: String = row.try_get("recipients")?;
    let created_at: String = row.try_get("created_at")?;
    Ok(UnfinishedSubmission {
        id: row.try_get("id")?,
        campaign_id: row.try_get("campaign_id")?,
        provider: stored(row.try_get("provider")?, "provider", ProviderId::parse)?,
        idempotency_key: row.try_get("idempotency_key")?,
        status: SubmissionStatus::parse(&status)
            .ok_or_else(|| decode(format!("unknown submission status {status:?}")))?,
        recipients: serde_json::from_str(&recipients)
            .map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
        send_at: row.try_get("send_at")?,
        simulation: row.try_get::<i64, _>("simulation")? != 0,
        request_body: request_body(row)?,
        created_at: DateTime::parse_from_rfc3339(&created_at)
            .map_err(|e| sqlx::Error::Decode(Box::new(e)))?
            .with_timezone(&Utc),
    })
}

impl Store {
    /// Claims for `claim.holder` up to `limit` unfinished submissions that nobody holds at `now`,
    /// oldest first, and returns them.
    pub async fn claim_unfinished(
        &self,
        claim: &Claim,
        now: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<UnfinishedSubmission>, StoreError> {
        let now = stored_instant(now);
        let free = "(claimed_until IS NULL OR claimed_until < $1)";
        let candidates = sqlx::query(&format!(
            "SELECT id, campaign_id, provider, idempotency_key, status, recipients, send_at, \
             simulation, request_body, request_deflated, created_at FROM submissions \
             WHERE {UNFINISHED} AND {free} \
             ORDER BY created_at LIMIT $2"
        ))
        .bind(&now)
        .bind(i64::from(limit))
        .fetch_all(self.pool())
        .await?;
        let mut unfinished = Vec::with_capacity(candidates.len());
        for row in &candidates {
            let submission = unfinished_from_row(row)?;
            // Taken only if still free: another instance may have claimed it since the SELECT.
            let taken = sqlx::query(&format!(
                "UPDATE submissions SET claimed_by = $2, claimed_until = $3 \
                 WHERE id = $4 AND {UNFINISHED} AND {free}"
            ))
            .bind(&now)
            .bind(&claim.holder)
            .bind(stored_instant(claim.until))
            .bind(&submission.id)
            .execute(self.writes())
            .await?
            .rows_affected();
            if taken == 1 {
                unfinished.push(submission);
            }
        }
        Ok(unfinished)
    }

    /// Extends `claim` on submission `id`; `false` when another task holds it now.
    pub async fn renew_claim(&self, id: &str, claim: &Claim) -> Result<bool, StoreError> {
        let renewed = sqlx::query(
            "UPDATE submissions SET claimed_until = $1 WHERE id = $2 AND claimed_by = $3",
        )
        .bind(stored_instant(claim.until))
        .bind(id)
        .bind(&claim.holder)
        .execute(self.writes())
        .await?
        .rows_affected();
        Ok(renewed == 1)
    }

    /// Whether `holder` holds submission `id` until `at_least` or later: a read, so that a check
    /// before each send does not queue behind the ledger's writes.
    pub async fn holds_claim(
        &self,
        id: &str,
        holder: &str,
        at_least: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let held = sqlx::query(
            "SELECT 1 AS held FROM submissions \
             WHERE id = $1 AND claimed_by = $2 AND claimed_until >= $3",
        )
        .bind(id)
        .bind(holder)
        .bind(stored_instant(at_least))
        .fetch_optional(self.pool())
        .await?;
        Ok(held.is_some())
    }

    /// Extends every unfinished submission `claim.holder` holds to `claim.until`; how many.
    pub async fn renew_claims(&self, claim: &Claim) -> Result<u64, StoreError> {
        let renewed = sqlx::query(&format!(
            "UPDATE submissions SET claimed_until = $1 WHERE claimed_by = $2 AND {UNFINISHED}"
        ))
        .bind(stored_instant(claim.until))
        .bind(&claim.holder)
        .execute(self.writes())
        .await?
        .rows_affected();
        Ok(renewed)
    }

    /// Gives up `holder`'s claim on `id`, so that the next reconciliation takes it at once (and
    /// `holder`'s renewals no longer touch it).
    pub async fn release_claim(&self, id: &str, holder: &str) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE submissions SET claimed_by = NULL, claimed_until = NULL \
             WHERE id = $1 AND claimed_by = $2",
        )
        .bind(id)
        .bind(holder)
        .execute(self.writes())
        .await?;
        Ok(())
    }
}

impl Store {
    /// How many provider requests of each provider have no established outcome, by status
    /// (pending, unknown, and unconfirmed: left for a person or a report to settle).
    pub async fn open_submissions(
        &self,
    ) -> Result<Vec<(ProviderId, SubmissionStatus, u64)>, StoreError> {
        let rows: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT provider, status, COUNT(*) FROM submissions \
             WHERE status IN ('pending', 'unknown', 'unconfirmed') GROUP BY provider, status",
        )
        .fetch_all(self.pool())
        .await?;
        rows.into_iter()
            .map(|(provider, status, count)| {
                let provider = stored(provider, "provider", ProviderId::parse)?;
                let status = stored(status, "submission status", SubmissionStatus::parse)?;
                Ok((provider, status, u64::try_from(count).unwrap_or(0)))
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(StoreError::from)
    }
}

impl Store {
    /// Lets go of every claim a task of `instance` holds, so that another instance takes the
    /// submissions over at once rather than when the claims lapse; how many were let go.
    pub async fn release_claims(&self, instance: &str) -> Result<u64, StoreError> {
        // Instance names are `instance-<uuid>`: nothing in them for LIKE to read as a pattern.
        let released = sqlx::query(&format!(
            "UPDATE submissions SET claimed_by = NULL, claimed_until = NULL \
             WHERE claimed_by LIKE $1 AND {UNFINISHED}"
        ))
        .bind(format!("{instance}/%"))
        .execute(self.writes())
        .await?
        .rows_affected();
        Ok(released)
    }
}
