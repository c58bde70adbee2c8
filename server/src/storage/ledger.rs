//! The per-recipient ledger's moves: outcomes of submissions and reports from the providers, each
//! kept in the history once, none moving a recipient backwards.

use app::models::{EventSource, ProviderId, RecipientStatus};
use chrono::{DateTime, Utc};
use sqlx::Row;

use super::recipient_moves::{move_one, move_request};
use super::recipients::{bind_place, place_condition, recipient_id, request_seq};
use super::stored::{stored, stored_instant};
use super::submissions::accepted_update;
use super::{Store, StoreError};
use crate::domain::ledger_keys::{recipient_key, recipient_place, RecipientPlaceKey};

/// How a report names the recipient it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportKey {
    /// Our own per-recipient id, which the provider echoes (Infobip `messageId`).
    RecipientId(String),
    /// The provider's campaign reference and the number (Octopush `sms_ticket`).
    Reference {
        provider: ProviderId,
        reference: String,
        phone: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusReport {
    pub key: ReportKey,
    pub status: RecipientStatus,
    pub detail: Option<String>,
    pub source: EventSource,
    pub occurred_at: DateTime<Utc>,
}

/// A provider's acceptance of a submission, as `Store::record_acceptance` records it.
#[derive(Debug, Clone, Copy)]
pub struct Acceptance<'a> {
    pub submission_id: &'a str,
    /// Where its recipients stand now (scheduled, accepted or simulated).
    pub status: RecipientStatus,
    /// The recipients it refused, by place in the request, each with why (as recorded).
    pub refused: &'a [(usize, String)],
    pub reference: Option<&'a str>,
    pub total_cost: Option<f64>,
    pub source: EventSource,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportOutcome {
    /// Recorded, and the recipient's status moved.
    Applied,
    /// Recorded in the history; the recipient was already further along.
    Kept,
    /// The same report was recorded before.
    Duplicate,
    /// No recipient of ours matches.
    Unknown,
}

impl Store {
    /// Moves every recipient of a submission to `status` (the provider's answer to the hand-over).
    pub async fn set_submission_recipients(
        &self,
        submission_id: &str,
        status: RecipientStatus,
        detail: Option<&str>,
        source: EventSource,
        at: DateTime<Utc>,
    ) -> Result<u64, StoreError> {
        let mut tx = self.writes().begin().await?;
        let moved =
            move_submission_recipients(&mut tx, submission_id, status, detail, source, at).await?;
        tx.commit().await?;
        Ok(moved)
    }

    /// Records a provider's acceptance of a submission in one transaction: its recipients moved
    /// to their status, those it refused to failed with why, then the submission accepted. Until
    /// it commits the submission counts as unfinished, so a crash leaves it to reconciliation;
    /// one commit rather than one for each step (the hand-over's writes queue one after another).
    pub async fn record_acceptance(&self, acceptance: &Acceptance<'_>) -> Result<(), StoreError> {
        self.record_acceptances(std::slice::from_ref(acceptance))
            .await
    }

    /// `record_acceptance` for several submissions, in one transaction (answers recorded together,
    /// `exactly_once::answers_together`).
    pub async fn record_acceptances(
        &self,
        acceptances: &[Acceptance<'_>],
    ) -> Result<(), StoreError> {
        let mut tx = self.writes().begin().await?;
        for acceptance in acceptances {
            acceptance_in(&mut tx, acceptance).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Records a provider's report about one recipient; a report seen before changes nothing.
    pub async fn apply_report(&self, report: &StatusReport) -> Result<ReportOutcome, StoreError> {
        let Some(recipient_id) = self.find_recipient(&report.key).await? else {
            return Ok(ReportOutcome::Unknown);
        };
        let mut tx = self.writes().begin().await?;
        let outcome = record_report(&mut tx, &recipient_id, report).await?;
        match outcome {
            ReportOutcome::Duplicate => tx.rollback().await?,
            ReportOutcome::Applied | ReportOutcome::Kept | ReportOutcome::Unknown => {
                tx.commit().await?
            }
        }
        Ok(outcome)
    }

    /// The recipient a report is about. A reference we have not learnt yet (Octopush answered a
    /// resend with "already taken") is learnt here, from the newest accepted submission to that number.
    async fn find_recipient(&self, key: &ReportKey) -> Result<Option<String>, StoreError> {
        match key {
            ReportKey::RecipientId(id) => {
                let Some(place) = recipient_place(id) else {
                    return Ok(None);
                };
                let sql = format!(
                    "SELECT 1 AS found FROM recipients WHERE {}",
                    place_condition(&place, 1)
                );
                let found = bind_place(sqlx::query(&sql), &place)
                    .fetch_optional(self.pool())
                    .await?;
                Ok(found.map(|_| id.clone()))
            }
            ReportKey::Reference {
                provider,
                reference,
                phone,
            } => {
                let known = format!(
                    "SELECT {} AS id FROM recipients r JOIN submissions s ON r.request_seq = s.seq \
                     WHERE s.provider = $1 AND s.provider_reference = $2 AND r.phone = $3",
                    recipient_id("r.")
                );
                let known = sqlx::query(&known)
                    .bind(provider.as_str())
                    .bind(reference)
                    .bind(phone)
                    .fetch_optional(self.pool())
                    .await?;
                if let Some(row) = known {
                    return Ok(Some(row.try_get("id")?));
                }
                let unnamed = format!(
                    "SELECT {} AS id, s.id AS submission_id FROM recipients r JOIN submissions s ON r.request_seq = s.seq \
                     WHERE s.provider = $1 AND s.provider_reference IS NULL AND s.status IN ('accepted', 'unknown', 'unconfirmed', 'pending') \
                     AND r.phone = $2 ORDER BY s.created_at DESC LIMIT 1",
                    recipient_id("r.")
                );
                let unnamed = sqlx::query(&unnamed)
                    .bind(provider.as_str())
                    .bind(phone)
                    .fetch_optional(self.pool())
                    .await?;
                let Some(row) = unnamed else { return Ok(None) };
                let submission_id: String = row.try_get("submission_id")?;
                sqlx::query("UPDATE submissions SET provider_reference = $1, status = 'accepted' WHERE id = $2 AND provider_reference IS NULL")
                    .bind(reference)
                    .bind(&submission_id)
                    .execute(self.writes())
                    .await?;
                tracing::info!(submission = %submission_id, %reference, "learnt the provider's reference from a report");
                Ok(Some(row.try_get("id")?))
            }
        }
    }

    /// A recipient's history, oldest first: its own events and its request's.
    pub async fn recipient_history(
        &self,
        recipient_id: &str,
    ) -> Result<Vec<(RecipientStatus, Option<String>, EventSource, String)>, StoreError> {
        // Its request's events, when it is in one (that has it).
        let (request, position) = match recipient_place(recipient_id) {
            Some(RecipientPlaceKey::InRequest {
                submission_id,
                position,
            }) => (Some(submission_id), i64::from(position)),
            Some(RecipientPlaceKey::LeftOut { .. }) | None => (None, 0),
        };
        // At the same instant, its request's event (the hand-over's answer) comes before its own.
        let rows = sqlx::query(&format!(
            "SELECT status, detail, source, occurred_at, recorded_at, 1 AS own FROM recipient_events \
             WHERE recipient_id = $1 \
             UNION ALL \
             SELECT e.status, e.detail, e.source, e.occurred_at, e.recorded_at, 0 AS own \
             FROM submission_events e WHERE e.submission_id = $2 AND EXISTS \
             (SELECT 1 FROM recipient_rows WHERE request_seq = {} AND position = $3) \
             ORDER BY occurred_at, recorded_at, own",
            request_seq(2)
        ))
        .bind(recipient_id)
        .bind(request)
        .bind(position)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                let status: String = row.try_get("status")?;
                let status = RecipientStatus::parse(&status).ok_or_else(|| {
                    sqlx::Error::Decode(format!("unknown status {status:?}").into())
                })?;
                Ok((
                    status,
                    row.try_get("detail")?,
                    stored(
                        row.try_get("source")?,
                        "event source",
                        EventSource::from_stored,
                    )?,
                    row.try_get("occurred_at")?,
                ))
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(StoreError::from)
    }
}

/// `Store::set_submission_recipients` within `tx`; how many recipients moved.
async fn move_submission_recipients(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    submission_id: &str,
    status: RecipientStatus,
    detail: Option<&str>,
    source: EventSource,
    at: DateTime<Utc>,
) -> Result<u64, StoreError> {
    let at = stored_instant(at);
    // One event for the request, which every recipient's history shows.
    sqlx::query(
        "INSERT INTO submission_events (submission_id, status, detail, source, occurred_at, recorded_at) \
         VALUES ($5, $1, $2, $3, $4, $4) ON CONFLICT DO NOTHING",
    )
    .bind(status.as_str())
    .bind(detail)
    .bind(source.as_str())
    .bind(&at)
    .bind(submission_id)
    .execute(&mut **tx)
    .await?;
    move_request(tx, submission_id, status, detail).await
}

/// Records `report` about `recipient_id` within `tx`: in its history, and as its status unless
/// it is further along; a report recorded before changes nothing.
async fn record_report(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    recipient_id: &str,
    report: &StatusReport,
) -> Result<ReportOutcome, StoreError> {
    let recorded = sqlx::query(
        "INSERT INTO recipient_events (recipient_id, status, detail, source, occurred_at, recorded_at) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
    )
    .bind(recipient_id)
    .bind(report.status.as_str())
    .bind(report.detail.as_deref())
    .bind(report.source.as_str())
    .bind(stored_instant(report.occurred_at))
    .bind(stored_instant(Utc::now()))
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if recorded == 0 {
        return Ok(ReportOutcome::Duplicate);
    }
    Ok(if move_recipient(tx, recipient_id, report).await? {
        ReportOutcome::Applied
    } else {
        ReportOutcome::Kept
    })
}

/// Moves one recipient to the report's status if it is behind it; whether it moved.
async fn move_recipient(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    recipient_id: &str,
    report: &StatusReport,
) -> Result<bool, StoreError> {
    let Some(place) = recipient_place(recipient_id) else {
        return Ok(false);
    };
    move_one(tx, &place, report.status, report.detail.as_deref()).await
}

/// `Store::record_acceptance` within `tx`.
async fn acceptance_in(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    acceptance: &Acceptance<'_>,
) -> Result<(), StoreError> {
    let Acceptance {
        submission_id,
        status,
        source,
        at,
        ..
    } = *acceptance;
    move_submission_recipients(tx, submission_id, status, None, source, at).await?;
    for (index, reason) in acceptance.refused {
        let recipient_id = recipient_key(submission_id, *index);
        let report = StatusReport {
            key: ReportKey::RecipientId(recipient_id.clone()),
            status: RecipientStatus::Failed,
            detail: Some(reason.clone()),
            source,
            occurred_at: at,
        };
        record_report(tx, &recipient_id, &report).await?;
    }
    accepted_update(
        submission_id,
        acceptance.reference,
        acceptance.total_cost,
        at,
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}
