//! A campaign's recipients: what a new one is, how its place names it, and the marketing sends the
//! frequency cap counts. They are written in bulk in `recipient_inserts` (those pending in a
//! request have no status of their own: `recipient_moves`), pages of them read in
//! `recipient_pages`.

use crate::domain::ledger_keys::RecipientPlaceKey;
use crate::domain::Encoding;
use app::models::RecipientStatus;
use chrono::{DateTime, Utc};
use sqlx::Row;
use std::sync::Arc;

use super::stored::stored_instant;
use super::{Store, StoreError};

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
