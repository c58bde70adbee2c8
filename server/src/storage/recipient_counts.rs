//! How many of a campaign's recipients are in each status, by provider request, kept in
//! `recipient_counts` by every write that adds or moves recipients, in that write's transaction:
//! the status views read these few rows whatever the campaign's size.

use std::collections::BTreeMap;

use app::models::RecipientStatus;
use sqlx::{Any, Transaction};

use super::recipients::NewRecipient;

/// The count rows' key for a recipient's provider request ('' when it has none).
pub(super) fn submission_key(submission_id: Option<&str>) -> &str {
    submission_id.unwrap_or("")
}

/// Count rows written in one statement at most (3 values each): well under SQLite's and
/// PostgreSQL's limits on a statement's values. A row's key is in a part once (`NewCounts::of`),
/// as PostgreSQL wants of one statement's rows.
const COUNTS_PER_STATEMENT: usize = 1_000;

/// A count row written again adds to the count.
const ADDED_TO_COUNT: &str = "ON CONFLICT (campaign_id, submission_id, status) \
     DO UPDATE SET recipients = recipient_counts.recipients + excluded.recipients";

/// How many recipients about to be written are in each status, by provider request: counted
/// where the recipients are made ready to write, written with them.
#[derive(Debug)]
pub(super) struct NewCounts(Vec<(String, RecipientStatus, i64)>);

impl NewCounts {
    pub(super) fn of(recipients: &[NewRecipient]) -> Self {
        let mut counts: BTreeMap<(&str, &str), (RecipientStatus, i64)> = BTreeMap::new();
        for recipient in recipients {
            let key = submission_key(recipient.submission_id());
            let status = recipient.status;
            counts
                .entry((key, status.as_str()))
                .or_insert((status, 0))
                .1 += 1;
        }
        NewCounts(
            counts
                .into_iter()
                .map(|((submission, _), (status, n))| (submission.to_owned(), status, n))
                .collect(),
        )
    }

    /// Adds these counts to `campaign_id`'s, up to `COUNTS_PER_STATEMENT` rows in a statement:
    /// a campaign's part is one exchange with the writer rather than one a count.
    pub(super) async fn write(
        self,
        tx: &mut Transaction<'_, Any>,
        campaign_id: &str,
    ) -> Result<(), sqlx::Error> {
        for counts in self.0.chunks(COUNTS_PER_STATEMENT) {
            let values: Vec<String> = (0..counts.len())
                .map(|row| {
                    let first = 2 + 3 * row;
                    format!("($1, ${first}, ${}, ${})", first + 1, first + 2)
                })
                .collect();
            let sql = format!(
                "INSERT INTO recipient_counts (campaign_id, submission_id, status, recipients) \
                 VALUES {} {ADDED_TO_COUNT}",
                values.join(", ")
            );
            // Kept prepared only full: other lengths vary from part to part.
            let kept = counts.len() == COUNTS_PER_STATEMENT;
            let mut query = sqlx::query(&sql).persistent(kept).bind(campaign_id);
            for (submission, status, n) in counts {
                query = query
                    .bind(submission.as_str())
                    .bind(status.as_str())
                    .bind(*n);
            }
            query.execute(&mut **tx).await?;
        }
        Ok(())
    }
}

/// Moves `n` recipients of a request from one status to another, in one statement (a provider's
/// answer makes one for each request, on the ledger's one writer).
pub(super) async fn count_move(
    tx: &mut Transaction<'_, Any>,
    campaign_id: &str,
    submission_key: &str,
    from: RecipientStatus,
    to: RecipientStatus,
    n: u64,
) -> Result<(), sqlx::Error> {
    if n == 0 {
        return Ok(());
    }
    let n = i64::try_from(n).unwrap_or(i64::MAX);
    sqlx::query(&format!(
        "INSERT INTO recipient_counts (campaign_id, submission_id, status, recipients) \
         VALUES ($1, $2, $3, $5), ($1, $2, $4, $6) {ADDED_TO_COUNT}"
    ))
    .bind(campaign_id)
    .bind(submission_key)
    .bind(from.as_str())
    .bind(to.as_str())
    .bind(-n)
    .bind(n)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
