//! A campaign being recorded: one transaction, its submissions and recipients written a part at a
//! time as they are made, so that a long list's rows are never all in memory at once. Nothing is
//! visible (and nothing can be handed over) until `finish` commits; a crash before it leaves
//! nothing behind.

use chrono::{DateTime, Utc};
use sqlx::Row;
use std::collections::HashMap;

use super::claims::Claim;
use super::recipient_counts::count_new;
use super::recipient_inserts::{write_rows, EncodedRows, RowKeys};
use super::recipients::NewRecipient;
use super::stored::stored_instant;
use super::submissions::{EncodedSubmission, NewSubmission};
use super::{Backend, Store, StoreError};

pub struct CampaignRecording {
    tx: sqlx::Transaction<'static, sqlx::Any>,
    /// Its store, told once it commits: a campaign's log is copied in at once (`checkpoints`).
    store: Store,
    campaign_id: String,
    /// The campaign's key, which its recipients' rows name it by.
    campaign_seq: i64,
    /// The key the next request takes: its campaign's key × 2^32 + its number in the campaign,
    /// from 1.
    next_request_seq: i64,
    /// The first and last send times of its marketing recipients so far: kept with the campaign,
    /// the frequency cap finds its sends through them.
    marketing_window: Option<(DateTime<Utc>, DateTime<Utc>)>,
    /// Whether it has marketing recipients, sent or all left out (these have no send time).
    marketing: bool,
}

impl CampaignRecording {
    /// Goes on recording campaign `campaign_id`, whose row `tx` has written or holds.
    pub(super) async fn open(
        mut tx: sqlx::Transaction<'static, sqlx::Any>,
        store: &Store,
        campaign_id: &str,
    ) -> Result<Self, StoreError> {
        let row = sqlx::query(
            "SELECT c.seq, (SELECT MAX(s.seq) FROM submissions s WHERE s.campaign_id = c.id) AS last \
             FROM campaigns c WHERE c.id = $1",
        )
        .bind(campaign_id)
        .fetch_one(&mut *tx)
        .await?;
        let campaign_seq: i64 = row.try_get("seq")?;
        let last: Option<i64> = row.try_get("last")?;
        let first = campaign_seq.checked_mul(1 << 32).ok_or_else(|| {
            sqlx::Error::Decode(format!("campaign number {campaign_seq} is out of range").into())
        })?;
        Ok(Self {
            tx,
            store: store.clone(),
            campaign_id: campaign_id.to_owned(),
            campaign_seq,
            next_request_seq: last.unwrap_or(first) + 1,
            marketing_window: None,
            marketing: false,
        })
    }

    /// How the next part made ready to write (`PartNumbering::encode`) is numbered.
    pub fn numbering(&self) -> PartNumbering {
        PartNumbering {
            backend: self.store.backend(),
            campaign_id: self.campaign_id.clone(),
            campaign_seq: self.campaign_seq,
            next_request_seq: self.next_request_seq,
        }
    }

    /// Writes one part of the campaign: some of its submissions and their recipients, and
    /// recipients left out.
    pub async fn add(
        &mut self,
        submissions: &[NewSubmission],
        recipients: &[NewRecipient],
    ) -> Result<(), StoreError> {
        let part = self
            .numbering()
            .encode(submissions.to_vec(), recipients.to_vec())?;
        self.add_encoded(part).await
    }

    /// Writes one part made ready to write, which must be numbered from where the parts written
    /// so far end.
    pub async fn add_encoded(&mut self, part: EncodedPart) -> Result<(), StoreError> {
        let EncodedPart {
            campaign_seq,
            first_request_seq,
            submissions,
            recipients,
            rows,
        } = part;
        if (campaign_seq, first_request_seq) != (self.campaign_seq, self.next_request_seq) {
            return Err(sqlx::Error::Protocol(format!(
                "a part numbered for campaign {campaign_seq} from request {first_request_seq} came \
                 to campaign {} ({}) where request {} was next",
                self.campaign_seq, self.campaign_id, self.next_request_seq
            ))
            .into());
        }
        for (submission, encoded) in submissions {
            let seq = self.next_request_seq;
            Store::insert_encoded_in(&mut self.tx, &submission, encoded, Some(seq)).await?;
            self.next_request_seq += 1;
        }
        write_rows(&mut self.tx, self.campaign_seq, rows).await?;
        count_new(&mut self.tx, &self.campaign_id, &recipients).await?;
        self.marketing |= recipients.iter().any(|r| r.marketing);
        let marketing = recipients.iter().filter(|r| r.marketing);
        for at in marketing.filter_map(|r| r.send_at) {
            let (from, until) = self.marketing_window.get_or_insert((at, at));
            *from = (*from).min(at);
            *until = (*until).max(at);
        }
        Ok(())
    }

    /// Commits everything written: from now on the campaign is recorded.
    pub async fn finish(mut self) -> Result<(), StoreError> {
        // Every recipient left out: no send to count, but times kept all the same (when it was
        // recorded), or the cap would read the campaign at every call as one recorded without.
        let window = match (self.marketing_window, self.marketing) {
            (Some(window), _) => Some(window),
            (None, true) => {
                let recorded = Utc::now();
                Some((recorded, recorded))
            }
            (None, false) => None,
        };
        if let Some((from, until)) = window {
            sqlx::query(
                "UPDATE campaigns SET marketing_from = $1, marketing_until = $2 WHERE id = $3",
            )
            .bind(stored_instant(from))
            .bind(stored_instant(until))
            .bind(&self.campaign_id)
            .execute(&mut *self.tx)
            .await?;
        }
        self.tx.commit().await?;
        self.store.checkpoint_soon();
        Ok(())
    }

    /// Commits everything written, its submissions claimed as `claim` says: the claims written
    /// with the first parts would otherwise count from when the recording began, and a long list's
    /// could lapse before the campaign is even visible, leaving its batches to reconciliation.
    pub async fn finish_claimed(mut self, claim: &Claim) -> Result<(), StoreError> {
        sqlx::query("UPDATE submissions SET claimed_until = $1 WHERE claimed_by = $2")
            .bind(stored_instant(claim.until))
            .bind(&claim.holder)
            .execute(&mut *self.tx)
            .await?;
        self.finish().await
    }
}

/// Where a campaign's next part is numbered from, for making it ready to write apart from the
/// writer (on the thread that plans the parts): the writer then only writes, and the next part is
/// made while it does. Each part encoded moves it on by the part's requests.
#[derive(Debug, Clone)]
pub struct PartNumbering {
    backend: Backend,
    campaign_id: String,
    campaign_seq: i64,
    next_request_seq: i64,
}

impl PartNumbering {
    /// `submissions` and their `recipients` (and recipients left out) made ready to write: each
    /// request numbered and its values made (its body deflated), the rows' statements made. An
    /// error if a recipient's request is not among `submissions`.
    pub fn encode(
        &mut self,
        submissions: Vec<NewSubmission>,
        recipients: Vec<NewRecipient>,
    ) -> Result<EncodedPart, StoreError> {
        let first_request_seq = self.next_request_seq;
        let requests: HashMap<String, i64> = submissions
            .iter()
            .zip(first_request_seq..)
            .map(|(submission, seq)| (submission.id.clone(), seq))
            .collect();
        let keys = RowKeys {
            campaign_id: &self.campaign_id,
            campaign_seq: self.campaign_seq,
            requests: &requests,
        };
        let rows = EncodedRows::of(self.backend, &keys, &recipients)?;
        let submissions: Vec<_> = submissions
            .into_iter()
            .map(|submission| {
                let encoded = EncodedSubmission::of(&submission);
                (submission, encoded)
            })
            .collect();
        self.next_request_seq += i64::try_from(submissions.len()).unwrap_or(i64::MAX);
        Ok(EncodedPart {
            campaign_seq: self.campaign_seq,
            first_request_seq,
            submissions,
            recipients,
            rows,
        })
    }
}

/// A part of a campaign ready to write (`PartNumbering::encode`).
pub struct EncodedPart {
    campaign_seq: i64,
    first_request_seq: i64,
    submissions: Vec<(NewSubmission, EncodedSubmission)>,
    recipients: Vec<NewRecipient>,
    rows: EncodedRows,
}

impl EncodedPart {
    /// Its recipients, in requests or left out.
    pub fn recipient_count(&self) -> usize {
        self.recipients.len()
    }
}
