//! A campaign's recipients: written in bulk with the campaign, read a page at a time, and the
//! marketing sends the frequency cap counts.

use crate::domain::ledger_keys::RecipientPlaceKey;
use crate::domain::Encoding;
use app::models::RecipientStatus;
use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::Row;
use std::sync::Arc;

use super::stored::{stored, stored_instant, stored_status};
use super::{Backend, Store, StoreError};

/// Recipients per INSERT. Each INSERT takes its rows as one JSON document the database unpacks
/// itself: binding 13 values a row through sqlx's `Any` driver cost more than the database's work
/// (100,000 recipients on SQLite, scripts/bench.sh: 3.3 s in 50-row statements).
const ROWS_PER_INSERT: usize = 10_000;

/// The columns each row of the INSERT's JSON carries, in a `RecipientRow`'s order, with the type
/// PostgreSQL reads each as; `campaign_id`, the same for every row, is bound once.
const ROW_COLUMNS: [(&str, &str); 11] = [
    ("submission_id", "text"),
    ("position", "bigint"),
    ("line", "bigint"),
    ("phone", "text"),
    ("parts", "bigint"),
    ("encoding", "text"),
    ("send_at", "text"),
    ("marketing", "bigint"),
    ("status", "text"),
    ("reason", "text"),
    ("warnings", "text"),
];

/// A recipient's ledger id, made from its place as `ledger_keys` makes it (`<request>-<position>`,
/// or `<campaign>-line<line>-<digits>` when left out): stored, an id and its index took 96 of the
/// 509 bytes a recipient took in the database file. `{r}` is the table's alias, with its dot, or
/// nothing.
pub(super) fn recipient_id(r: &str) -> String {
    format!(
        "CASE WHEN {r}submission_id IS NULL \
         THEN {r}campaign_id || '-line' || {r}line || '-' || substr({r}phone, 2) \
         ELSE {r}submission_id || '-' || {r}position END"
    )
}

/// The condition that finds the recipient at `place` (its values bound by `bind_place`, from
/// `$first` on).
pub(super) fn place_condition(place: &RecipientPlaceKey<'_>, first: usize) -> String {
    let (a, b, c) = (first, first + 1, first + 2);
    match place {
        RecipientPlaceKey::InRequest { .. } => format!("submission_id = ${a} AND position = ${b}"),
        RecipientPlaceKey::LeftOut { .. } => {
            format!("campaign_id = ${a} AND line = ${b} AND phone = ${c} AND submission_id IS NULL")
        }
    }
}

/// Binds `place`'s values for `place_condition`, after the query's others.
pub(super) fn bind_place<'q>(
    query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    place: &'q RecipientPlaceKey<'q>,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    match place {
        RecipientPlaceKey::InRequest {
            submission_id,
            position,
        } => query.bind(*submission_id).bind(i64::from(*position)),
        RecipientPlaceKey::LeftOut {
            campaign_id,
            line,
            number,
        } => query
            .bind(*campaign_id)
            .bind(i64::from(*line))
            .bind(number.as_str()),
    }
}

/// One recipient row as the INSERT's JSON carries it: an array of `ROW_COLUMNS`, in order.
/// Arrays, not objects named by column: SQLite found each of twelve keys by comparing names, row
/// after row, and parsed the keys' text, two fifths of its work in writing a campaign (a profile
/// at a million).
#[derive(Serialize)]
struct RecipientRow<'a>(
    Option<&'a str>, // submission_id
    Option<i64>,     // position
    i64,             // line
    &'a str,         // phone
    i64,             // parts
    &'static str,    // encoding
    Option<String>,  // send_at
    i64,             // marketing
    &'a str,         // status
    Option<&'a str>, // reason
    Option<String>,  // warnings
);

/// The INSERT that unpacks a JSON array of `RecipientRow`s bound as `$1`, for campaign `$2`.
fn recipients_insert(backend: Backend) -> String {
    let names: Vec<&str> = ROW_COLUMNS.iter().map(|(name, _)| *name).collect();
    let columns = format!("campaign_id, {}", names.join(", "));
    match backend {
        Backend::Sqlite => {
            let cells: Vec<String> = (0..ROW_COLUMNS.len())
                .map(|i| format!("row ->> {i}"))
                .collect();
            // Materialised so that `json_each` renders each row's array once, not once for
            // every column read from it.
            format!(
                "INSERT INTO recipients ({columns}) \
                 WITH rows(row) AS MATERIALIZED (SELECT value FROM json_each($1)) \
                 SELECT $2, {} FROM rows",
                cells.join(", ")
            )
        }
        Backend::Postgres => {
            let cells: Vec<String> = ROW_COLUMNS
                .iter()
                .enumerate()
                .map(|(i, (_, kind))| format!("(r ->> {i})::{kind}"))
                .collect();
            // jsonb: the document is parsed once, and each cell read by its index.
            format!(
                "INSERT INTO recipients ({columns}) SELECT $2, {} \
                 FROM jsonb_array_elements($1::jsonb) AS r",
                cells.join(", ")
            )
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewRecipient {
    pub place: RecipientPlace,
    pub line: u32,
    pub phone: String,
    pub parts: u32,
    pub encoding: Encoding,
    pub send_at: Option<DateTime<Utc>>,
    pub marketing: bool,
    pub status: RecipientStatus,
    pub reason: Option<String>,
    pub warnings: Vec<String>,
}

/// Where a new recipient stands, which its ledger id is made from as its row is written.
#[derive(Debug, Clone, PartialEq)]
pub enum RecipientPlace {
    /// The `index`-th recipient of a provider request. The request's id is shared by its
    /// recipients, not copied for each: a long list's rows are all held until they are written.
    InRequest { submission_id: Arc<str>, index: u32 },
    /// Left out before any request.
    LeftOut,
}

impl NewRecipient {
    /// The provider request it is in, if any.
    pub fn submission_id(&self) -> Option<&str> {
        match &self.place {
            RecipientPlace::InRequest { submission_id, .. } => Some(submission_id),
            RecipientPlace::LeftOut => None,
        }
    }

    /// Its place in its request, if it is in one.
    pub fn position(&self) -> Option<u32> {
        match &self.place {
            RecipientPlace::InRequest { index, .. } => Some(*index),
            RecipientPlace::LeftOut => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RecipientRecord {
    pub id: String,
    pub submission_id: Option<String>,
    pub line: u32,
    pub phone: String,
    pub parts: u32,
    pub encoding: Encoding,
    pub send_at: Option<String>,
    pub status: RecipientStatus,
    pub reason: Option<String>,
    pub warnings: Vec<String>,
}

/// Writes `recipients` of `campaign_id` in statements of `ROWS_PER_INSERT` rows, and counts them.
pub(super) async fn insert_recipients(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    backend: Backend,
    campaign_id: &str,
    recipients: &[NewRecipient],
) -> Result<(), sqlx::Error> {
    let insert = recipients_insert(backend);
    for chunk in recipients.chunks(ROWS_PER_INSERT) {
        let rows: Vec<RecipientRow> = chunk
            .iter()
            .map(|r| {
                RecipientRow(
                    r.submission_id(),
                    r.position().map(i64::from),
                    i64::from(r.line),
                    &r.phone,
                    i64::from(r.parts),
                    r.encoding.as_str(),
                    r.send_at.map(stored_instant),
                    i64::from(r.marketing),
                    r.status.as_str(),
                    r.reason.as_deref(),
                    (!r.warnings.is_empty())
                        .then(|| serde_json::to_string(&r.warnings).expect("strings serialise")),
                )
            })
            .collect();
        let rows = serde_json::to_string(&rows).expect("rows serialise");
        sqlx::query(&insert)
            .bind(rows)
            .bind(campaign_id)
            .execute(&mut **tx)
            .await?;
    }
    super::recipient_counts::count_new(tx, campaign_id, recipients).await
}

/// A page of recipients: `recipient_id` as `id`, then these.
const RECIPIENT_PAGE_COLUMNS: &str =
    "submission_id, line, phone, parts, encoding, send_at, status, reason, warnings";

/// The campaign's condition written so that no index on the campaign is used for it, when the
/// rows are better found through their requests (in both databases).
const NOT_IN_LIST_ORDER: &str = "AND (campaign_id || '') = $1";

/// The frequency cap's read: numbers with a marketing SMS sent or to be sent between `$1` and `$2`,
/// among the marketing campaigns whose sends fall around then or whose times are not kept (by an
/// earlier version sharing the database). Public for its plan's test (`ledger_indexes.rs`).
pub const MARKETING_SENDS_BETWEEN: &str = "SELECT phone, send_at FROM recipients \
     WHERE campaign_id IN (SELECT id FROM campaigns WHERE purpose = 'marketing' \
     AND marketing_until >= $1 AND marketing_from <= $2 UNION ALL \
     SELECT id FROM campaigns WHERE purpose = 'marketing' AND marketing_until IS NULL) \
     AND marketing = 1 AND send_at >= $1 AND send_at <= $2 \
     AND status NOT IN ('excluded', 'failed', 'canceled', 'expired', 'simulated')";

/// How a page of recipients is read. No index by status: its upkeep at every status move would
/// cost the hand-over more than these pages gain (scripts/bench.sh).
enum PageRead {
    /// Through the (campaign, line) index, until the page is full: the whole list, or a status
    /// many recipients are in.
    InListOrder,
    /// Through the requests that have recipients in the status (their counts say which), then
    /// sorted: a status few are in, which list order would look for across the whole campaign.
    ThroughRequests,
    /// Those left out before any request.
    LeftOut,
    /// No one is in the status.
    Nothing,
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
            None => PageRead::InListOrder,
            Some(status) => self.filtered_read(campaign_id, status).await?,
        };
        let page = format!(
            "SELECT {} AS id, {RECIPIENT_PAGE_COLUMNS} FROM recipients",
            recipient_id("")
        );
        let sql = match read {
            PageRead::Nothing => return Ok(Vec::new()),
            PageRead::InListOrder => format!("{page} WHERE campaign_id = $1"),
            PageRead::ThroughRequests => format!(
                "{page} WHERE submission_id IN (SELECT submission_id FROM recipient_counts \
                 WHERE campaign_id = $1 AND status = $4 AND recipients > 0) {NOT_IN_LIST_ORDER}"
            ),
            PageRead::LeftOut => {
                format!("{page} WHERE submission_id IS NULL {NOT_IN_LIST_ORDER}")
            }
        };
        let status_filter = if status.is_some() {
            " AND status = $4"
        } else {
            ""
        };
        // A line may hold several numbers: the number breaks the tie, so that pages read by
        // offset neither repeat nor skip one of them (PostgreSQL gives ties in any order).
        let sql = format!("{sql}{status_filter} ORDER BY line, phone LIMIT $2 OFFSET $3");
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

    /// Numbers that have a marketing SMS sent or to be sent between `from` and `to`, with its time
    /// (a simulated one was never sent, so it does not count).
    pub async fn marketing_sends_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<(String, String)>, StoreError> {
        let rows = sqlx::query(MARKETING_SENDS_BETWEEN)
            .bind(stored_instant(from))
            .bind(stored_instant(to))
            .fetch_all(self.pool())
            .await?;
        rows.iter()
            .map(|row| Ok((row.try_get("phone")?, row.try_get("send_at")?)))
            .collect::<Result<_, sqlx::Error>>()
            .map_err(StoreError::from)
    }
}

#[cfg(test)]
mod tests {
    use super::{RecipientRow, ROW_COLUMNS};

    #[test]
    fn a_row_carries_one_cell_for_each_column() {
        let row = RecipientRow(
            None,
            None,
            2,
            "+33612345678",
            1,
            "gsm7",
            None,
            0,
            "pending",
            None,
            None,
        );
        let cells = serde_json::to_value(&row).expect("a row serialises");
        assert_eq!(cells.as_array().map(Vec::len), Some(ROW_COLUMNS.len()));
    }
}
