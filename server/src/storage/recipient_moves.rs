//! How recipients move, a request at a time or one by one, none backwards. A recipient that
//! stands where its request put it has no status of its own (its row's is NULL): it has its
//! request's, kept once in `request_recipients`, so that a provider's answer to a request of 500
//! writes one row rather than 500. A recipient moved on its own (a report, a refused number) has
//! its own. The `recipients` view shows each one's status either way.
//!
//! Every move of a request's recipients, whole or one, first takes its request's row
//! (`lock_request`): on PostgreSQL that row's lock puts moves of one request one after another,
//! so that the counts each reads are the ones it moves (SQLite's writes are one at a time).

use app::models::RecipientStatus;
use sqlx::{Any, Row, Transaction};

use super::recipient_counts::{count_move, submission_key};
use super::recipients::{bind_place, place_condition, request_seq};
use super::stored::stored_status;
use super::StoreError;
use crate::domain::ledger_keys::RecipientPlaceKey;

/// Whether a move to `target` replaces `status`: a recipient never moves backwards.
fn is_behind(status: RecipientStatus, target: RecipientStatus) -> bool {
    status.progress() < target.progress()
}

/// Statuses a move to `status` may replace.
fn behind(status: RecipientStatus) -> impl Iterator<Item = RecipientStatus> {
    RecipientStatus::ALL
        .into_iter()
        .filter(move |s| is_behind(*s, status))
}

/// The SQL list of the statuses behind `status`, quoted (none: `NULL`, which matches nothing).
fn behind_list(status: RecipientStatus) -> String {
    let quoted: Vec<String> = behind(status)
        .map(|s| format!("'{}'", s.as_str()))
        .collect();
    if quoted.is_empty() {
        "NULL".to_owned()
    } else {
        quoted.join(", ")
    }
}

/// The statements that move those of a request's recipients with a status of their own behind
/// a move's: they find them through the index of own statuses (`recipients_own_status`), not
/// among the request's rows.
pub struct OwnStatusMoves {
    /// Back to following their request (now at the move's status); `$1`: the request.
    pub to_request: String,
    /// To the move's status, their own; `$1`: the status, `$2`: why, `$3`: the request.
    pub to_status: String,
}

impl OwnStatusMoves {
    pub fn behind(status: RecipientStatus) -> Self {
        let behind = behind_list(status);
        Self {
            to_request: format!(
                "UPDATE recipient_rows SET status = NULL, reason = NULL \
                 WHERE request_seq = {} AND status IN ({behind})",
                request_seq(1)
            ),
            to_status: format!(
                "UPDATE recipient_rows SET status = $1, reason = $2 \
                 WHERE request_seq = {} AND status IN ({behind})",
                request_seq(3)
            ),
        }
    }
}

/// A request's recipients as a move finds them, its row taken for the transaction.
pub(super) struct LockedRequest {
    campaign_id: String,
    /// The status of those of its recipients without one of their own.
    status: RecipientStatus,
}

/// Takes request `submission_id`'s row for this transaction, writing it (its recipients pending,
/// as written) if nothing has moved them yet. `None`: the request has no recipients to move.
pub(super) async fn lock_request(
    tx: &mut Transaction<'_, Any>,
    submission_id: &str,
) -> Result<Option<LockedRequest>, StoreError> {
    let row = sqlx::query(
        "INSERT INTO request_recipients (submission_id, campaign_id, status) \
         SELECT s.id, s.campaign_id, 'pending' FROM submissions s \
         WHERE s.id = $1 AND EXISTS (SELECT 1 FROM recipient_rows r WHERE r.request_seq = s.seq) \
         ON CONFLICT (submission_id) DO UPDATE SET status = request_recipients.status \
         RETURNING campaign_id, status",
    )
    .bind(submission_id)
    .fetch_optional(&mut **tx)
    .await?;
    let Some(row) = row else { return Ok(None) };
    Ok(Some(LockedRequest {
        campaign_id: row.try_get("campaign_id")?,
        status: stored_status(row.try_get("status")?)?,
    }))
}

/// Moves every recipient of request `submission_id` that is behind `status` to it, with
/// `detail` as why; how many moved.
pub(super) async fn move_request(
    tx: &mut Transaction<'_, Any>,
    submission_id: &str,
    status: RecipientStatus,
    detail: Option<&str>,
) -> Result<u64, StoreError> {
    let Some(request) = lock_request(tx, submission_id).await? else {
        return Ok(0);
    };
    // The counts say how many are in each status, with or without one of their own: all those
    // behind `status` move.
    let counts: Vec<(String, i64)> = sqlx::query_as(
        "SELECT status, recipients FROM recipient_counts \
         WHERE campaign_id = $1 AND submission_id = $2 AND recipients <> 0",
    )
    .bind(&request.campaign_id)
    .bind(submission_id)
    .fetch_all(&mut **tx)
    .await?;
    let mut moved = 0;
    for (from, n) in counts {
        let from = stored_status(from)?;
        if is_behind(from, status) {
            let n = u64::try_from(n).unwrap_or(0);
            count_move(tx, &request.campaign_id, submission_id, from, status, n).await?;
            moved += n;
        }
    }
    let own = OwnStatusMoves::behind(status);
    if is_behind(request.status, status) {
        // Those without a status of their own follow the request; those with one behind it
        // join them.
        sqlx::query(
            "UPDATE request_recipients SET status = $1, reason = $2 WHERE submission_id = $3",
        )
        .bind(status.as_str())
        .bind(detail)
        .bind(submission_id)
        .execute(&mut **tx)
        .await?;
        sqlx::query(&own.to_request)
            .bind(submission_id)
            .execute(&mut **tx)
            .await?;
    } else {
        // The request's own status is not behind: only recipients of their own behind move.
        sqlx::query(&own.to_status)
            .bind(status.as_str())
            .bind(detail)
            .bind(submission_id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(moved)
}

/// Moves the recipient at `place` to `status` (with `detail` as why) if it is behind it;
/// whether it moved.
pub(super) async fn move_one(
    tx: &mut Transaction<'_, Any>,
    place: &RecipientPlaceKey<'_>,
    status: RecipientStatus,
    detail: Option<&str>,
) -> Result<bool, StoreError> {
    let (campaign_id, submission, current) = match place {
        RecipientPlaceKey::InRequest { submission_id, .. } => {
            let Some(request) = lock_request(tx, submission_id).await? else {
                return Ok(false);
            };
            let Some(own) = own_status(tx, place).await? else {
                return Ok(false);
            };
            let current = match own {
                Some(own) => stored_status(own)?,
                None => request.status,
            };
            (request.campaign_id, Some(*submission_id), current)
        }
        RecipientPlaceKey::LeftOut { campaign_id, .. } => {
            let Some(own) = own_status(tx, place).await? else {
                return Ok(false);
            };
            let own = own.ok_or_else(|| {
                sqlx::Error::Decode("a recipient left out has no status of its own".into())
            })?;
            ((*campaign_id).to_owned(), None, stored_status(own)?)
        }
    };
    if !is_behind(current, status) {
        return Ok(false);
    }
    // Its request's row is held (or it has none, and its status is its own): only this
    // transaction moves it now, unless it is left out and another moved it since the read.
    let update = format!(
        "UPDATE recipient_rows SET status = $1, reason = $2 \
         WHERE COALESCE(status, $3) = $3 AND {}",
        place_condition(place, 4)
    );
    let moved = bind_place(
        sqlx::query(&update)
            .bind(status.as_str())
            .bind(detail)
            .bind(current.as_str()),
        place,
    )
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if moved == 0 {
        return Ok(false);
    }
    count_move(
        tx,
        &campaign_id,
        submission_key(submission),
        current,
        status,
        1,
    )
    .await?;
    Ok(true)
}

/// The status of its own of the recipient at `place` (none: as its request); `None` when there is
/// no such recipient.
async fn own_status(
    tx: &mut Transaction<'_, Any>,
    place: &RecipientPlaceKey<'_>,
) -> Result<Option<Option<String>>, StoreError> {
    let read = format!(
        "SELECT status FROM recipient_rows WHERE {}",
        place_condition(place, 1)
    );
    let row = bind_place(sqlx::query(&read), place)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(row.map(|row| row.try_get("status")).transpose()?)
}
