//! A campaign's recipients written in bulk, as its recording gives them a part at a time: on
//! SQLite in statements of many rows whose values are bound, on PostgreSQL as JSON documents the
//! database unpacks itself (README, "Rows bound, not unpacked from JSON"). The statements are
//! made apart from the writing (`EncodedRows`): a campaign's parts', on the thread that plans
//! them.

use app::models::RecipientStatus;
use serde::Serialize;
use sqlx::any::AnyArguments;
use sqlx::Arguments;
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

/// Rows made ready to write at once when a caller gives a whole campaign's
/// (`CampaignRecording::add`): a PostgreSQL statement's worth, whole SQLite statements.
pub(super) const ROWS_ENCODED_AT_ONCE: usize = ROWS_PER_DOCUMENT;

const _: () = assert!(ROWS_ENCODED_AT_ONCE.is_multiple_of(ROWS_PER_VALUES));

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

/// The keys a part's rows name their campaign and provider requests by, as its recording
/// numbered them (`campaign_recording`).
pub(super) struct RowKeys<'a> {
    pub campaign_id: &'a str,
    pub campaign_seq: i64,
    /// Each request written with the rows, by id.
    pub requests: &'a HashMap<String, i64>,
}

impl RowKeys<'_> {
    /// The key of the request `recipient` is in, if any: an error if the request is not one of
    /// those written with it.
    fn request_seq(&self, recipient: &NewRecipient) -> Result<Option<i64>, sqlx::Error> {
        let Some(id) = recipient.submission_id() else {
            return Ok(None);
        };
        match self.requests.get(id) {
            Some(seq) => Ok(Some(*seq)),
            None => Err(sqlx::Error::Encode(
                format!(
                    "request {id} is not among those written with its recipients in campaign {}",
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
    Option<i64>,          // request_seq
    Option<i64>,          // position
    i64,                  // line
    &'a str,              // phone
    i64,                  // parts
    &'static str,         // encoding
    Option<String>,       // send_at
    i64,                  // marketing
    Option<&'static str>, // status; none: as its request (pending, as written)
    Option<&'a str>,      // reason
    Option<String>,       // warnings
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

/// A part's rows made ready to write, apart from the writer (`campaign_recording`): on SQLite,
/// statements of `ROWS_PER_VALUES` rows with their values bound; on PostgreSQL, JSON documents
/// of `ROWS_PER_DOCUMENT` rows the database unpacks itself.
pub(super) enum EncodedRows {
    Bound(Vec<BoundRows>),
    Documents(Vec<String>),
}

impl EncodedRows {
    /// `recipients`' rows, each naming its request by the key `keys` gives it.
    pub(super) fn of(
        backend: Backend,
        keys: &RowKeys<'_>,
        recipients: &[NewRecipient],
    ) -> Result<Self, sqlx::Error> {
        Ok(match backend {
            Backend::Sqlite => {
                let one_row = format!("({})", vec!["?"; ROW_COLUMNS.len() + 1].join(", "));
                let statements = recipients
                    .chunks(ROWS_PER_VALUES)
                    .map(|chunk| BoundRows::of(keys, &one_row, chunk))
                    .collect::<Result<_, _>>()?;
                EncodedRows::Bound(statements)
            }
            Backend::Postgres => {
                let documents = recipients
                    .chunks(ROWS_PER_DOCUMENT)
                    .map(|chunk| {
                        let rows = chunk
                            .iter()
                            .map(|recipient| RecipientRow::of(keys, recipient))
                            .collect::<Result<Vec<RecipientRow>, sqlx::Error>>()?;
                        Ok(serde_json::to_string(&rows).expect("rows serialise"))
                    })
                    .collect::<Result<_, sqlx::Error>>()?;
                EncodedRows::Documents(documents)
            }
        })
    }
}

/// Writes `rows` of the campaign numbered `campaign_seq`.
pub(super) async fn write_rows(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    campaign_seq: i64,
    rows: EncodedRows,
) -> Result<(), sqlx::Error> {
    match rows {
        EncodedRows::Bound(statements) => {
            for rows in statements {
                // A full statement is kept prepared for the next; the shorter one ending a part,
                // whose length varies from part to part, is not, or each length would hold its own.
                sqlx::query_with(&rows.sql, rows.arguments)
                    .persistent(rows.full)
                    .execute(&mut **tx)
                    .await?;
            }
        }
        EncodedRows::Documents(documents) => {
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
            for document in documents {
                sqlx::query(&insert)
                    .bind(document)
                    .bind(campaign_seq)
                    .execute(&mut **tx)
                    .await?;
            }
        }
    }
    Ok(())
}

/// One SQLite statement of rows, its values bound (owned: it is made on another thread than the
/// one that writes it).
pub(super) struct BoundRows {
    sql: String,
    arguments: AnyArguments<'static>,
    /// `ROWS_PER_VALUES` rows.
    full: bool,
}

impl BoundRows {
    fn of(keys: &RowKeys<'_>, one_row: &str, chunk: &[NewRecipient]) -> Result<Self, sqlx::Error> {
        let sql = format!(
            "INSERT INTO recipient_rows ({}) VALUES {}",
            columns(),
            vec![one_row; chunk.len()].join(", ")
        );
        let mut arguments = AnyArguments::default();
        arguments.reserve(chunk.len() * (ROW_COLUMNS.len() + 1), 0);
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
            bind(&mut arguments, keys.campaign_seq)?;
            bind(&mut arguments, request_seq)?;
            bind(&mut arguments, position)?;
            bind(&mut arguments, line)?;
            bind(&mut arguments, phone.to_owned())?;
            bind(&mut arguments, parts)?;
            bind(&mut arguments, encoding)?;
            bind(&mut arguments, send_at)?;
            bind(&mut arguments, marketing)?;
            bind(&mut arguments, status)?;
            bind(&mut arguments, reason.map(str::to_owned))?;
            bind(&mut arguments, warnings)?;
        }
        Ok(Self {
            sql,
            arguments,
            full: chunk.len() == ROWS_PER_VALUES,
        })
    }
}

/// Adds `value` to a statement's `arguments`.
fn bind<T>(arguments: &mut AnyArguments<'static>, value: T) -> Result<(), sqlx::Error>
where
    T: 'static + sqlx::Encode<'static, sqlx::Any> + sqlx::Type<sqlx::Any>,
{
    arguments.add(value).map_err(sqlx::Error::Encode)
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
