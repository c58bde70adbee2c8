//! A campaign's recipients written in bulk, as its recording gives them a part at a time: on
//! SQLite in statements of many rows whose values are bound, on PostgreSQL as JSON documents the
//! database unpacks itself (README, "Rows bound, not unpacked from JSON").

use app::models::RecipientStatus;
use serde::Serialize;
use std::collections::HashMap;

use super::recipients::NewRecipient;
use super::stored::stored_instant;
use super::Backend;

/// Rows per SQLite INSERT: 12 values bound a row, 24,000 a statement, within SQLite's limit of
/// 32,766. SQLite unpacking the same rows from JSON spent about as long on the JSON as on the rows
/// (100,000 recipients: 0.63–0.66 s for the recording, 0.39–0.44 s bound). Public for the test
/// that writes several statements' worth (`recipient_rows_written.rs`).
pub const ROWS_PER_VALUES: usize = 2_000;

const _: () = assert!(ROWS_PER_VALUES * (ROW_COLUMNS.len() + 1) <= 32_766);

/// Rows per PostgreSQL INSERT, each taking its rows as one JSON document.
const ROWS_PER_DOCUMENT: usize = 10_000;

/// The columns each row carries after `campaign_seq`, in a `RecipientRow`'s order, with the type
/// PostgreSQL reads each as from the JSON.
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

/// One recipient's row, in `ROW_COLUMNS`' order. As JSON (PostgreSQL), an array read by position
/// rather than an object whose keys are found by name (README, "Rows as arrays").
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

impl<'a> RecipientRow<'a> {
    fn of(keys: &RowKeys<'_>, recipient: &'a NewRecipient) -> Result<Self, sqlx::Error> {
        Ok(RecipientRow(
            keys.request_seq(recipient)?,
            recipient.position().map(i64::from),
            i64::from(recipient.line),
            &recipient.phone,
            i64::from(recipient.parts),
            recipient.encoding.as_str(),
            recipient.send_at.map(stored_instant),
            i64::from(recipient.marketing),
            own_status(recipient),
            recipient.reason.as_deref(),
            (!recipient.warnings.is_empty())
                .then(|| serde_json::to_string(&recipient.warnings).expect("strings serialise")),
        ))
    }
}

/// The status a new recipient's row carries: none for one pending in its request, which then has
/// its request's status until it moves on its own (`recipient_moves`).
fn own_status(recipient: &NewRecipient) -> Option<&'static str> {
    let follows_request = recipient.submission_id().is_some()
        && recipient.status == RecipientStatus::Pending
        && recipient.reason.is_none();
    (!follows_request).then(|| recipient.status.as_str())
}

/// The columns an INSERT names, `campaign_seq` first.
fn columns() -> String {
    let names: Vec<&str> = ROW_COLUMNS.iter().map(|(name, _)| *name).collect();
    format!("campaign_seq, {}", names.join(", "))
}

/// Writes `recipients` of the campaign `keys` names, and counts them.
pub(super) async fn insert_recipients(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    backend: Backend,
    keys: &RowKeys<'_>,
    recipients: &[NewRecipient],
) -> Result<(), sqlx::Error> {
    match backend {
        Backend::Sqlite => insert_bound(tx, keys, recipients).await?,
        Backend::Postgres => insert_unpacked(tx, keys, recipients).await?,
    }
    super::recipient_counts::count_new(tx, keys.campaign_id, recipients).await
}

/// SQLite: `ROWS_PER_VALUES` rows a statement, each value bound.
async fn insert_bound(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    keys: &RowKeys<'_>,
    recipients: &[NewRecipient],
) -> Result<(), sqlx::Error> {
    let one_row = format!("({})", vec!["?"; ROW_COLUMNS.len() + 1].join(", "));
    for chunk in recipients.chunks(ROWS_PER_VALUES) {
        let sql = format!(
            "INSERT INTO recipient_rows ({}) VALUES {}",
            columns(),
            vec![one_row.as_str(); chunk.len()].join(", ")
        );
        // A full statement is kept prepared for the next; the shorter one ending a part, whose
        // length varies from part to part, is not, or each length would hold its own.
        let mut query = sqlx::query(&sql).persistent(chunk.len() == ROWS_PER_VALUES);
        for recipient in chunk {
            let RecipientRow(
                request_seq,
                position,
                line,
                phone,
                parts,
                encoding,
                send_at,
                marketing,
                status,
                reason,
                warnings,
            ) = RecipientRow::of(keys, recipient)?;
            query = query
                .bind(keys.campaign_seq)
                .bind(request_seq)
                .bind(position)
                .bind(line)
                .bind(phone)
                .bind(parts)
                .bind(encoding)
                .bind(send_at)
                .bind(marketing)
                .bind(status)
                .bind(reason)
                .bind(warnings);
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}

/// PostgreSQL: `ROWS_PER_DOCUMENT` rows a statement, as a JSON array of `RecipientRow`s the
/// database unpacks (jsonb: parsed once, each cell read by its index).
async fn insert_unpacked(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    keys: &RowKeys<'_>,
    recipients: &[NewRecipient],
) -> Result<(), sqlx::Error> {
    let cells: Vec<String> = ROW_COLUMNS
        .iter()
        .enumerate()
        .map(|(i, (_, kind))| format!("(r ->> {i})::{kind}"))
        .collect();
    let insert = format!(
        "INSERT INTO recipient_rows ({}) SELECT $2, {} FROM jsonb_array_elements($1::jsonb) AS r",
        columns(),
        cells.join(", ")
    );
    for chunk in recipients.chunks(ROWS_PER_DOCUMENT) {
        let rows = chunk
            .iter()
            .map(|recipient| RecipientRow::of(keys, recipient))
            .collect::<Result<Vec<RecipientRow>, sqlx::Error>>()?;
        let rows = serde_json::to_string(&rows).expect("rows serialise");
        sqlx::query(&insert)
            .bind(rows)
            .bind(keys.campaign_seq)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
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
