//! A campaign's recipients read a page at a time, in list order, all of them or those in one
//! status.

use crate::domain::Encoding;
use app::models::RecipientStatus;
use sqlx::Row;

use super::recipients::{campaign_seq, recipient_id, RecipientRecord};
use super::stored::{stored, stored_status};
use super::{Store, StoreError};

/// A page of recipients: `recipient_id` as `id`, then these.
const RECIPIENT_PAGE_COLUMNS: &str =
    "submission_id, line, phone, parts, encoding, send_at, status, reason, warnings";

/// The campaign `$1`'s condition on its rows' key, so that both databases find them through the
/// (campaign, line) index in list order: through the view's campaign id, PostgreSQL would read
/// the whole campaign and sort it for every page.
fn in_campaign() -> String {
    format!("campaign_seq = {}", campaign_seq(1))
}

/// The campaign's condition written so that no index on the campaign is used for it, when the
/// rows are better found through their requests (in both databases).
fn not_in_list_order() -> String {
    format!("AND (campaign_seq + 0) = {}", campaign_seq(1))
}

/// How a page of recipients is read. No index by status: its upkeep at every status move would
/// cost the hand-over more than these pages gain (scripts/bench.sh).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageRead {
    /// The whole list, its rows skipped counted in the table alone: the view finds each one's
    /// request, which a page deep into a long list would pay for every row before it.
    WholeList,
    /// Through the (campaign, line) index, until the page is full: a status many recipients are
    /// in.
    InListOrder,
    /// Through the requests that have recipients in the status (their counts say which), then
    /// sorted: a status few are in, which list order would look for across the whole campaign.
    ThroughRequests,
    /// Those left out before any request.
    LeftOut,
    /// No one is in the status.
    Nothing,
}

/// The statement that reads a page as `read` says (`$1` the campaign, `$2` the page's size, `$3`
/// its offset, `$4` the status, for a filtered read); none when nothing is to be read. Public for
/// the plans' test (`ledger_indexes.rs`).
pub fn page_sql(read: PageRead) -> Option<String> {
    let page = format!(
        "SELECT {} AS id, {RECIPIENT_PAGE_COLUMNS} FROM recipients",
        recipient_id("")
    );
    // A line may hold several numbers: the number breaks the tie, so that pages read by
    // offset neither repeat nor skip one of them (PostgreSQL gives ties in any order).
    let in_status =
        |rows: String| format!("{rows} AND status = $4 ORDER BY line, phone LIMIT $2 OFFSET $3");
    let sql = match read {
        PageRead::Nothing => return None,
        PageRead::WholeList => format!(
            "{page} WHERE {campaign} AND (line, phone) >= (SELECT line, phone \
             FROM recipient_rows WHERE {campaign} ORDER BY line, phone LIMIT 1 OFFSET $3) \
             ORDER BY line, phone LIMIT $2",
            campaign = in_campaign()
        ),
        PageRead::InListOrder => in_status(format!("{page} WHERE {}", in_campaign())),
        PageRead::ThroughRequests => in_status(format!(
            "{page} WHERE request_seq IN (SELECT s.seq FROM recipient_counts k \
             JOIN submissions s ON s.id = k.submission_id \
             WHERE k.campaign_id = $1 AND k.status = $4 AND k.recipients > 0) {}",
            not_in_list_order()
        )),
        PageRead::LeftOut => in_status(format!(
            "{page} WHERE request_seq IS NULL {}",
            not_in_list_order()
        )),
    };
    Some(sql)
}

/// A status held by fewer than one recipient in this many is read through its requests.
const FEW: i64 = 10;

impl Store {
    async fn filtered_read(
        &self,
        campaign_id: &str,
        status: RecipientStatus,
    ) -> Result<PageRead, StoreError> {
        let (all, in_status): (Option<i64>, Option<i64>) = sqlx::query_as(
            "SELECT CAST(SUM(recipients) AS BIGINT), \
             CAST(SUM(CASE WHEN status = $2 THEN recipients ELSE 0 END) AS BIGINT) \
             FROM recipient_counts WHERE campaign_id = $1",
        )
        .bind(campaign_id)
        .bind(status.as_str())
        .fetch_one(self.pool())
        .await?;
        let (all, in_status) = (all.unwrap_or(0), in_status.unwrap_or(0));
        Ok(if in_status == 0 {
            PageRead::Nothing
        } else if status == RecipientStatus::Excluded {
            PageRead::LeftOut
        } else if in_status.saturating_mul(FEW) < all {
            PageRead::ThroughRequests
        } else {
            PageRead::InListOrder
        })
    }

    /// One page of the campaign's recipients in list order, only those in `status` if given.
    pub async fn campaign_recipients(
        &self,
        campaign_id: &str,
        status: Option<RecipientStatus>,
        offset: u64,
        limit: u32,
    ) -> Result<Vec<RecipientRecord>, StoreError> {
        let read = match status {
            None => PageRead::WholeList,
            Some(status) => self.filtered_read(campaign_id, status).await?,
        };
        let Some(sql) = page_sql(read) else {
            return Ok(Vec::new());
        };
        let query = sqlx::query(&sql)
            .bind(campaign_id)
            .bind(i64::from(limit))
            .bind(i64::try_from(offset).unwrap_or(i64::MAX));
        let query = match status {
            None => query,
            Some(status) => query.bind(status.as_str()),
        };
        let rows = query.fetch_all(self.pool()).await?;
        rows.iter()
            .map(|row| {
                let status: String = row.try_get("status")?;
                let warnings: Option<String> = row.try_get("warnings")?;
                Ok(RecipientRecord {
                    id: row.try_get("id")?,
                    submission_id: row.try_get("submission_id")?,
                    line: u32::try_from(row.try_get::<i64, _>("line")?).unwrap_or(0),
                    phone: row.try_get("phone")?,
                    parts: u32::try_from(row.try_get::<i64, _>("parts")?).unwrap_or(0),
                    encoding: stored(row.try_get("encoding")?, "encoding", Encoding::from_stored)?,
                    send_at: row.try_get("send_at")?,
                    status: stored_status(status)?,
                    reason: row.try_get("reason")?,
                    warnings: warnings
                        .map(|w| {
                            serde_json::from_str(&w).map_err(|e| sqlx::Error::Decode(Box::new(e)))
                        })
                        .transpose()?
                        .unwrap_or_default(),
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(StoreError::from)
    }
}
