//! The record of every hand-over to a provider: written before the call, completed after it.

use app::models::{ProviderId, ScheduleProgress};
use chrono::{DateTime, Utc};
use sqlx::Row;
use std::collections::HashMap;
use std::sync::Arc;

use super::claims::Claim;
use super::request_bodies::{deflated, request_body};
use super::stored::{numbered_parameters, stored, stored_instant};
use super::{Store, StoreError};
use crate::domain::send_span::RequestTime;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubmissionStatus {
    /// Written, provider not called yet or no answer read yet.
    Pending,
    Accepted,
    Refused,
    /// The call failed without an answer: the provider may have the campaign.
    Unknown,
    /// Still unknown, and no longer possible to establish (the provider forgot the key, or the send
    /// time passed): left for a person, or for a delivery report, to settle.
    Unconfirmed,
}

impl SubmissionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            SubmissionStatus::Pending => "pending",
            SubmissionStatus::Accepted => "accepted",
            SubmissionStatus::Refused => "refused",
            SubmissionStatus::Unknown => "unknown",
            SubmissionStatus::Unconfirmed => "unconfirmed",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Some(match value {
            "pending" => SubmissionStatus::Pending,
            "accepted" => SubmissionStatus::Accepted,
            "refused" => SubmissionStatus::Refused,
            "unknown" => SubmissionStatus::Unknown,
            "unconfirmed" => SubmissionStatus::Unconfirmed,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewSubmission {
    pub id: String,
    pub campaign_id: Option<String>,
    pub provider: ProviderId,
    pub idempotency_key: String,
    pub actor: String,
    pub message_text: String,
    /// E.164 numbers, in list order.
    pub recipients: Vec<String>,
    /// RFC 3339 with the user's offset; `None`: now.
    pub send_at: Option<String>,
    pub time_zone: Option<String>,
    pub simulation: bool,
    pub created_at: DateTime<Utc>,
    /// The provider request as it will be sent, for a resend after a crash.
    pub request_body: Option<Arc<str>>,
    /// The instance that is about to send it, so that no other one reconciles it meanwhile.
    pub claim: Option<Claim>,
}

/// The values of a `NewSubmission`'s row that take work to make (its request deflated above all),
/// made apart from the write: a campaign's parts' are made on the thread that plans them, not on
/// the writer's path (`campaign_recording::PartEncoder`).
pub(super) struct EncodedSubmission {
    recipients: String,
    created_at: String,
    request_deflated: Option<Vec<u8>>,
    claimed_until: Option<String>,
}

impl EncodedSubmission {
    pub(super) fn of(new: &NewSubmission) -> Self {
        Self {
            recipients: serde_json::to_string(&new.recipients).expect("strings serialise"),
            created_at: new.created_at.to_rfc3339(),
            request_deflated: new.request_body.as_deref().map(deflated),
            claimed_until: new.claim.as_ref().map(|c| stored_instant(c.until)),
        }
    }
}

/// Requests written in one statement at most: 17 values each, well under SQLite's and
/// PostgreSQL's limits on a statement's values.
const SUBMISSIONS_PER_STATEMENT: usize = 100;

/// Values a request is written with (`insert_many_encoded_in`).
const VALUES_PER_SUBMISSION: usize = 17;

/// Which of them is when it was recorded, written as both `created_at` and `updated_at`.
const RECORDED_AT_VALUE: usize = 13;

/// The `row`-th request's values in a statement of several.
fn submission_values(row: usize) -> String {
    let first = row * VALUES_PER_SUBMISSION;
    let parameters: Vec<String> = (1..=VALUES_PER_SUBMISSION)
        .flat_map(|n| {
            let times = if n == RECORDED_AT_VALUE { 2 } else { 1 };
            std::iter::repeat_n(format!("${}", first + n), times)
        })
        .collect();
    format!("({})", parameters.join(", "))
}

#[derive(Debug, Clone, PartialEq)]
pub struct SubmissionRecord {
    pub id: String,
    pub provider: ProviderId,
    pub idempotency_key: String,
    pub actor: String,
    pub status: SubmissionStatus,
    pub message_text: String,
    pub recipients: Vec<String>,
    pub send_at: Option<String>,
    pub time_zone: Option<String>,
    pub simulation: bool,
    /// The provider's name for the submission (Octopush ticket, Infobip bulkId).
    pub reference: Option<String>,
    pub total_cost: Option<f64>,
    pub error_code: Option<String>,
    pub error_message: Option<String>,
}

impl Store {
    /// When each campaign's provider requests that were not refused go: each distinct send time
    /// (RFC 3339), and for those sent at once (no send time) the earliest time one was recorded.
    /// Read through the requests' covering index: a request holds up to 500 recipients, so a
    /// campaign of a million has 2,000 at most.
    pub async fn request_times_of(
        &self,
        campaign_ids: &[String],
    ) -> Result<HashMap<String, Vec<RequestTime>>, StoreError> {
        if campaign_ids.is_empty() {
            return Ok(HashMap::new());
        }
        let sql = format!(
            "SELECT campaign_id, send_at, MIN(created_at) AS recorded_at FROM submissions \
             WHERE campaign_id IN ({}) AND status <> '{}' GROUP BY campaign_id, send_at",
            numbered_parameters(campaign_ids.len()),
            SubmissionStatus::Refused.as_str()
        );
        let mut query = sqlx::query(&sql);
        for id in campaign_ids {
            query = query.bind(id.clone());
        }
        let mut times: HashMap<String, Vec<RequestTime>> = HashMap::new();
        for row in query.fetch_all(self.pool()).await? {
            times
                .entry(row.try_get("campaign_id")?)
                .or_default()
                .push(RequestTime {
                    send_at: row.try_get("send_at")?,
                    recorded_at: row.try_get("recorded_at")?,
                });
        }
        Ok(times)
    }

    pub async fn insert_submission(&self, new: &NewSubmission) -> Result<(), StoreError> {
        let mut connection = self.writes().acquire().await?;
        let single = (new, EncodedSubmission::of(new), None);
        Self::insert_many_encoded_in(&mut connection, vec![single]).await
    }

    /// Writes each request, its values already encoded, with its key (`seq`) when it is a
    /// campaign's (a single message has none), up to `SUBMISSIONS_PER_STATEMENT` in one statement:
    /// a campaign's part is one exchange with the writer rather than one a request, each of which
    /// waits for a core on a busy machine.
    pub(super) async fn insert_many_encoded_in(
        connection: &mut sqlx::AnyConnection,
        requests: Vec<(&NewSubmission, EncodedSubmission, Option<i64>)>,
    ) -> Result<(), StoreError> {
        let mut requests = requests.into_iter().peekable();
        while requests.peek().is_some() {
            let statement: Vec<_> = requests.by_ref().take(SUBMISSIONS_PER_STATEMENT).collect();
            let values: Vec<String> = (0..statement.len()).map(submission_values).collect();
            let sql = format!(
                "INSERT INTO submissions (id, campaign_id, provider, idempotency_key, actor, status, message_text, \
                 recipients, recipient_count, send_at, time_zone, simulation, created_at, updated_at, \
                 request_deflated, claimed_by, claimed_until, seq) VALUES {}",
                values.join(", ")
            );
            // A single request and a full statement are kept prepared; other lengths vary from
            // part to part, and each would hold a prepared statement of its own.
            let kept = matches!(statement.len(), 1 | SUBMISSIONS_PER_STATEMENT);
            let mut query = sqlx::query(&sql).persistent(kept);
            for (new, encoded, seq) in statement {
                let EncodedSubmission {
                    recipients,
                    created_at,
                    request_deflated,
                    claimed_until,
                } = encoded;
                query = query
                    .bind(&new.id)
                    .bind(new.campaign_id.as_deref())
                    .bind(new.provider.as_str())
                    .bind(&new.idempotency_key)
                    .bind(&new.actor)
                    .bind(SubmissionStatus::Pending.as_str())
                    .bind(&new.message_text)
                    .bind(recipients)
                    .bind(i64::try_from(new.recipients.len()).unwrap_or(i64::MAX))
                    .bind(new.send_at.as_deref())
                    .bind(new.time_zone.as_deref())
                    .bind(i64::from(new.simulation))
                    .bind(created_at)
                    .bind(request_deflated)
                    .bind(new.claim.as_ref().map(|c| c.holder.clone()))
                    .bind(claimed_until)
                    .bind(seq);
            }
            query.execute(&mut *connection).await?;
        }
        Ok(())
    }

    /// How many of the campaign's provider requests (and their recipients) have had an answer;
    /// `None` when no campaign is recorded under `campaign_id`.
    pub async fn submission_progress(
        &self,
        campaign_id: &str,
    ) -> Result<Option<ScheduleProgress>, StoreError> {
        if self.campaign(campaign_id).await?.is_none() {
            return Ok(None);
        }
        // Sums cast to BIGINT: PostgreSQL sums BIGINTs as NUMERIC.
        let row = sqlx::query(
            "SELECT COUNT(*) AS requests, \
             CAST(COALESCE(SUM(CASE WHEN status <> $2 THEN 1 ELSE 0 END), 0) AS BIGINT) AS answered, \
             CAST(COALESCE(SUM(recipient_count), 0) AS BIGINT) AS recipients, \
             CAST(COALESCE(SUM(CASE WHEN status <> $2 THEN recipient_count ELSE 0 END), 0) AS BIGINT) \
             AS recipients_answered \
             FROM submissions WHERE campaign_id = $1",
        )
        .bind(campaign_id)
        .bind(SubmissionStatus::Pending.as_str())
        .fetch_one(self.pool())
        .await?;
        let count = |column: &str| -> Result<u64, StoreError> {
            Ok(u64::try_from(row.try_get::<i64, _>(column)?).unwrap_or(0))
        };
        Ok(Some(ScheduleProgress {
            requests: u32::try_from(count("requests")?).unwrap_or(u32::MAX),
            answered: u32::try_from(count("answered")?).unwrap_or(u32::MAX),
            recipients: count("recipients")?,
            recipients_answered: count("recipients_answered")?,
        }))
    }

    /// Marks submission `id` accepted, and nothing else: a provider's answer is recorded with
    /// its recipients by `record_acceptance`; this sets a ledger's state in tests and benchmarks.
    pub async fn mark_accepted(
        &self,
        id: &str,
        reference: Option<&str>,
        total_cost: Option<f64>,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        accepted_update(id, reference, total_cost, at)
            .execute(self.writes())
            .await?;
        Ok(())
    }

    /// Records a failure: `Refused` when the provider said no, `Unknown` when no answer came.
    pub async fn mark_failed(
        &self,
        id: &str,
        status: SubmissionStatus,
        code: Option<&str>,
        message: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE submissions SET status = $1, error_code = $2, error_message = $3, updated_at = $4 WHERE id = $5",
        )
        .bind(status.as_str())
        .bind(code)
        .bind(message)
        .bind(at.to_rfc3339())
        .bind(id)
        .execute(self.writes())
        .await?;
        Ok(())
    }

    /// What a recorded submission sends, read back for its hand-over: the request's body as
    /// kept, and its numbers in the request's order. `None` when it has no such row or no body.
    pub async fn recorded_request(
        &self,
        id: &str,
    ) -> Result<Option<(String, Vec<String>)>, StoreError> {
        let row = sqlx::query(
            "SELECT request_body, request_deflated, recipients FROM submissions WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(self.pool())
        .await?;
        let Some(row) = row else { return Ok(None) };
        let Some(body) = request_body(&row)? else {
            return Ok(None);
        };
        let numbers: String = row.try_get("recipients")?;
        let numbers =
            serde_json::from_str(&numbers).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
        Ok(Some((body, numbers)))
    }

    pub async fn submission(&self, id: &str) -> Result<Option<SubmissionRecord>, StoreError> {
        let row = sqlx::query(
            "SELECT id, provider, idempotency_key, actor, status, message_text, recipients, send_at, time_zone, \
             simulation, provider_reference, total_cost, error_code, error_message FROM submissions WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(self.pool())
        .await?;
        let Some(row) = row else { return Ok(None) };
        let status: String = row.try_get("status")?;
        let recipients: String = row.try_get("recipients")?;
        Ok(Some(SubmissionRecord {
            id: row.try_get("id")?,
            provider: stored(row.try_get("provider")?, "provider", ProviderId::parse)?,
            idempotency_key: row.try_get("idempotency_key")?,
            actor: row.try_get("actor")?,
            status: SubmissionStatus::parse(&status).ok_or_else(|| {
                sqlx::Error::Decode(format!("unknown submission status {status:?}").into())
            })?,
            message_text: row.try_get("message_text")?,
            recipients: serde_json::from_str(&recipients)
                .map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
            send_at: row.try_get("send_at")?,
            time_zone: row.try_get("time_zone")?,
            simulation: row.try_get::<i64, _>("simulation")? != 0,
            reference: row.try_get("provider_reference")?,
            total_cost: row.try_get("total_cost")?,
            error_code: row.try_get("error_code")?,
            error_message: row.try_get("error_message")?,
        }))
    }
}

/// The statement that marks submission `id` accepted, with the provider's reference and cost.
pub(super) fn accepted_update<'q>(
    id: &'q str,
    reference: Option<&'q str>,
    total_cost: Option<f64>,
    at: DateTime<Utc>,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    // Two statements rather than one bound to `Option<f64>`: sqlx's `Any` driver declares a
    // missing f64 as a PostgreSQL float4, and a connection that prepared the statement for
    // a missing cost would then refuse the next cost's float8 ("incorrect binary data format").
    let statement = match total_cost {
        Some(_) => "UPDATE submissions SET status = $1, provider_reference = $2, updated_at = $3, total_cost = $5 WHERE id = $4",
        None => "UPDATE submissions SET status = $1, provider_reference = $2, updated_at = $3, total_cost = NULL WHERE id = $4",
    };
    let query = sqlx::query(statement)
        .bind(SubmissionStatus::Accepted.as_str())
        .bind(reference)
        .bind(at.to_rfc3339())
        .bind(id);
    match total_cost {
        Some(cost) => query.bind(cost),
        None => query,
    }
}
