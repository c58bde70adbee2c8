//! A campaign's recipients: written in bulk with the campaign (those pending in a request with no
//! status of their own: `recipient_moves`), and the marketing sends the frequency cap counts.
//! Pages of them are read in `recipient_pages`.

use crate::domain::ledger_keys::RecipientPlaceKey;
use crate::domain::Encoding;
use app::models::RecipientStatus;
use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::Row;
use std::collections::HashMap;
use std::sync::Arc;

use super::stored::stored_instant;
use super::{Backend, Store, StoreError};

/// Recipients per INSERT. Each INSERT takes its rows as one JSON document the database unpacks
/// itself: binding 13 values a row through sqlx's `Any` driver cost more than the database's work
/// (100,000 recipients on SQLite, scripts/bench.sh: 3.3 s in 50-row statements).
const ROWS_PER_INSERT: usize = 10_000;

/// The columns each row of the INSERT's JSON carries, in a `RecipientRow`'s order, with the type
/// PostgreSQL reads each as; `campaign_seq`, the same for every row, is bound once.
const ROW_COLUMNS: [(&str, &str); 11] = [
    ("request_seq", "bigint"),
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
/// 509 bytes a recipient took in the database file. `{r}` is the `recipients` view's alias, with
/// its dot, or nothing.
pub(super) fn recipient_id(r: &str) -> String {
    format!(
        "CASE WHEN {r}submission_id IS NULL \
         THEN {r}campaign_id || '-line' || {r}line || '-' || substr({r}phone, 2) \
         ELSE {r}submission_id || '-' || {r}position END"
    )
}

/// The key of the provider request whose id is bound as `$n` (a recipient's row names its
/// request by it: `recipient_rows.request_seq`).
pub(super) fn request_seq(n: usize) -> String {
    format!("(SELECT seq FROM submissions WHERE id = ${n})")
}

/// The key of the campaign whose id is bound as `$n` (`recipient_rows.campaign_seq`).
pub(super) fn campaign_seq(n: usize) -> String {
    format!("(SELECT seq FROM campaigns WHERE id = ${n})")
}

/// The condition that finds the recipient at `place` in `recipient_rows` or the `recipients`
/// view (its values bound by `bind_place`, from `$first` on). Public for its plan's test
/// (`ledger_indexes.rs`).
pub fn place_condition(place: &RecipientPlaceKey<'_>, first: usize) -> String {
    let (a, b, c) = (first, first + 1, first + 2);
    match place {
        RecipientPlaceKey::InRequest { .. } => {
            format!("request_seq = {} AND position = ${b}", request_seq(a))
        }
        RecipientPlaceKey::LeftOut { .. } => format!(
            "campaign_seq = {} AND line = ${b} AND phone = ${c} AND request_seq IS NULL",
            campaign_seq(a)
        ),
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
    Option<i64>,     // request_seq
    Option<i64>,     // position
    i64,             // line
    &'a str,         // phone
    i64,             // parts
    &'static str,    // encoding
    Option<String>,  // send_at
    i64,             // marketing
    Option<&'a str>, // status; none: as its request (pending, as written)
    Option<&'a str>, // reason
    Option<String>,  // warnings
);

/// The INSERT that unpacks a JSON array of `RecipientRow`s bound as `$1`, for the campaign whose
/// key is `$2`.
fn recipients_insert(backend: Backend) -> String {
    let names: Vec<&str> = ROW_COLUMNS.iter().map(|(name, _)| *name).collect();
    let columns = format!("campaign_seq, {}", names.join(", "));
    match backend {
        Backend::Sqlite => {
            let cells: Vec<String> = (0..ROW_COLUMNS.len())
                .map(|i| format!("row ->> {i}"))
                .collect();
            // Materialised so that `json_each` renders each row's array once, not once for
            // every column read from it.
            format!(
                "INSERT INTO recipient_rows ({columns}) \
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
                "INSERT INTO recipient_rows ({columns}) SELECT $2, {} \
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

/// The status a new recipient's row carries: none for one pending in its request, which then has
/// its request's status until it moves on its own (`recipient_moves`).
fn own_status(recipient: &NewRecipient) -> Option<&'static str> {
    let follows_request = recipient.submission_id().is_some()
        && recipient.status == RecipientStatus::Pending
        && recipient.reason.is_none();
    (!follows_request).then(|| recipient.status.as_str())
}

/// The keys a campaign's rows name it and its provider requests by, as its recording numbered
/// them (`campaign_recording`).
pub(super) struct RowKeys<'a> {
    pub campaign_id: &'a str,
    pub campaign_seq: i64,
    /// Each request recorded with the campaign so far, by id.
    pub requests: &'a HashMap<String, i64>,
}

impl RowKeys<'_> {
    /// The key of the request `recipient` is in, if any: an error if the request was not
    /// recorded with the campaign first.
    fn request_seq(&self, recipient: &NewRecipient) -> Result<Option<i64>, sqlx::Error> {
        let Some(id) = recipient.submission_id() else {
            return Ok(None);
        };
        match self.requests.get(id) {
            Some(seq) => Ok(Some(*seq)),
            None => Err(sqlx::Error::Encode(
                format!(
                    "request {id} was not recorded with campaign {}",
                    self.campaign_id
                )
                .into(),
            )),
        }
    }
}

/// Writes `recipients` of the campaign `keys` names in statements of `ROWS_PER_INSERT` rows, and
/// counts them.
pub(super) async fn insert_recipients(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    backend: Backend,
    keys: &RowKeys<'_>,
    recipients: &[NewRecipient],
) -> Result<(), sqlx::Error> {
    let insert = recipients_insert(backend);
    for chunk in recipients.chunks(ROWS_PER_INSERT) {
        let rows = chunk
            .iter()
            .map(|r| {
                Ok(RecipientRow(
                    keys.request_seq(r)?,
                    r.position().map(i64::from),
                    i64::from(r.line),
                    &r.phone,
                    i64::from(r.parts),
                    r.encoding.as_str(),
                    r.send_at.map(stored_instant),
                    i64::from(r.marketing),
                    own_status(r),
                    r.reason.as_deref(),
                    (!r.warnings.is_empty())
                        .then(|| serde_json::to_string(&r.warnings).expect("strings serialise")),
                ))
            })
            .collect::<Result<Vec<RecipientRow>, sqlx::Error>>()?;
        let rows = serde_json::to_string(&rows).expect("rows serialise");
        sqlx::query(&insert)
            .bind(rows)
            .bind(keys.campaign_seq)
            .execute(&mut **tx)
            .await?;
    }
    super::recipient_counts::count_new(tx, keys.campaign_id, recipients).await
}

/// The frequency cap's read: numbers with a marketing SMS sent or to be sent between `$1` and `$2`,
/// among the marketing campaigns whose sends fall around then or whose times are not kept (by an
/// earlier version sharing the database). Public for its plan's test (`ledger_indexes.rs`).
pub const MARKETING_SENDS_BETWEEN: &str = "SELECT phone, send_at FROM recipients \
     WHERE campaign_seq IN (SELECT seq FROM campaigns WHERE purpose = 'marketing' \
     AND marketing_until >= $1 AND marketing_from <= $2 UNION ALL \
     SELECT seq FROM campaigns WHERE purpose = 'marketing' AND marketing_until IS NULL) \
     AND marketing = 1 AND send_at >= $1 AND send_at <= $2 \
     AND status NOT IN ('excluded', 'failed', 'canceled', 'expired', 'simulated')";

impl Store {
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
            Some("excluded"),
            None,
            None,
        );
        let cells = serde_json::to_value(&row).expect("a row serialises");
        assert_eq!(cells.as_array().map(Vec::len), Some(ROW_COLUMNS.len()));
    }
}
