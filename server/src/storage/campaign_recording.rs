//! A campaign being recorded: one transaction, its submissions and recipients written a part at a
//! time as they are made, so that a long list's rows are never all in memory at once. Nothing is
//! visible (and nothing can be handed over) until `finish` commits; a crash before it leaves
//! nothing behind.

use chrono::{DateTime, Utc};
use sqlx::Row;
use std::collections::HashMap;

use super::claims::Claim;
use super::recipient_counts::NewCounts;
use super::recipient_inserts::{write_rows, EncodedRows, RowKeys, ROWS_ENCODED_AT_ONCE};
use super::recipients::NewRecipient;
use super::request_bodies::deflated;
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
    /// Parts written so far (`add`, `add_encoded`).
    parts_written: u64,
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
            parts_written: 0,
            marketing_window: None,
            marketing: false,
        })
    }

    /// What makes the campaign's next parts ready to write (`PartEncoder::encode`), on another
    /// thread than the one writing them.
    pub fn encoder(&self) -> PartEncoder {
        PartEncoder {
            backend: self.store.backend(),
            campaign_id: self.campaign_id.clone(),
            campaign_seq: self.campaign_seq,
            next_part: self.parts_written,
            next_request_seq: self.next_request_seq,
        }
    }

    /// Writes one part of the campaign: some of its submissions and their recipients, and
    /// recipients left out; each recipient's request must be among `submissions`. Its rows are
    /// made ready a few statements' worth at a time as they are written: a caller may give a
    /// whole long campaign (`Store::record_campaign`).
    pub async fn add(
        &mut self,
        submissions: &[NewSubmission],
        recipients: &[NewRecipient],
    ) -> Result<(), StoreError> {
        let requests = request_keys(submissions, self.next_request_seq);
        self.write_requests(
            submissions
                .iter()
                .map(|submission| (submission, EncodedSubmission::of(submission)))
                .collect(),
        )
        .await?;
        let keys = RowKeys {
            campaign_id: &self.campaign_id,
            campaign_seq: self.campaign_seq,
            requests: &requests,
        };
        for chunk in recipients.chunks(ROWS_ENCODED_AT_ONCE) {
            let rows = EncodedRows::of(self.store.backend(), &keys, chunk)?;
            write_rows(&mut self.tx, self.campaign_seq, rows).await?;
        }
        self.note(PartSummary::of(recipients)).await?;
        self.parts_written += 1;
        Ok(())
    }

    /// Writes one part made ready to write, which must be the next one of this campaign (the
    /// part after the last one written, numbered from where it ends); nothing of it is written
    /// otherwise.
    pub async fn add_encoded(&mut self, part: EncodedPart) -> Result<(), StoreError> {
        let EncodedPart {
            campaign_seq,
            index,
            first_request_seq,
            submissions,
            rows,
            summary,
            list_deflated,
        } = part;
        let next = (self.campaign_seq, self.parts_written, self.next_request_seq);
        if (campaign_seq, index, first_request_seq) != next {
            return Err(StoreError::PartOutOfOrder {
                campaign: self.campaign_id.clone(),
                detail: format!(
                    "part {index} of campaign {campaign_seq}, numbered from request \
                     {first_request_seq}, came where part {} of campaign {}, from request {}, \
                     was next",
                    next.1, next.0, next.2
                ),
            });
        }
        let (submissions, encoded): (Vec<_>, Vec<_>) = submissions.into_iter().unzip();
        self.write_requests(submissions.iter().zip(encoded).collect())
            .await?;
        write_rows(&mut self.tx, self.campaign_seq, rows).await?;
        sqlx::query(
            "INSERT INTO campaign_list_parts (campaign_seq, part, list_deflated) VALUES ($1, $2, $3)",
        )
        .bind(self.campaign_seq)
        .bind(i64::try_from(index).unwrap_or(i64::MAX))
        .bind(list_deflated)
        .execute(&mut *self.tx)
        .await?;
        self.note(summary).await?;
        self.parts_written += 1;
        Ok(())
    }

    /// Writes `submissions` as the campaign's next requests, in their order.
    async fn write_requests(
        &mut self,
        submissions: Vec<(&NewSubmission, EncodedSubmission)>,
    ) -> Result<(), StoreError> {
        let first = self.next_request_seq;
        let count = submissions.len();
        let numbered = submissions
            .into_iter()
            .zip(first..)
            .map(|((submission, encoded), seq)| (submission, encoded, Some(seq)))
            .collect();
        Store::insert_many_encoded_in(&mut self.tx, numbered).await?;
        self.next_request_seq += i64::try_from(count).unwrap_or(i64::MAX);
        Ok(())
    }

    /// Counts a part's recipients, and notes its marketing ones' send times.
    async fn note(&mut self, summary: PartSummary) -> Result<(), StoreError> {
        summary
            .counts
            .write(&mut self.tx, &self.campaign_id)
            .await?;
        self.marketing |= summary.marketing;
        if let Some((first, last)) = summary.marketing_window {
            let (from, until) = self.marketing_window.get_or_insert((first, last));
            *from = (*from).min(first);
            *until = (*until).max(last);
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

/// Makes a campaign's parts ready to write apart from the writer (on the thread that plans them,
/// `services/campaign_start.rs`), so that the writer only writes and the next part is made while
/// it does: each part numbered, its requests numbered from where the last part's requests end.
#[derive(Debug)]
pub struct PartEncoder {
    backend: Backend,
    campaign_id: String,
    campaign_seq: i64,
    next_part: u64,
    next_request_seq: i64,
}

impl PartEncoder {
    /// `submissions` and their `recipients` (and recipients left out) made ready to write: each
    /// request numbered and its values made (its body deflated), the rows' statements made, the
    /// recipients counted, the part's `list` (`domain::list_copy::kept_part`) deflated. An error
    /// if a recipient's request is not among `submissions`; a part made after a failed one is
    /// refused when written, as it does not come next.
    pub fn encode(
        &mut self,
        submissions: Vec<NewSubmission>,
        recipients: Vec<NewRecipient>,
        list: &str,
    ) -> Result<EncodedPart, StoreError> {
        let index = self.next_part;
        self.next_part += 1;
        let first_request_seq = self.next_request_seq;
        let requests = request_keys(&submissions, first_request_seq);
        let keys = RowKeys {
            campaign_id: &self.campaign_id,
            campaign_seq: self.campaign_seq,
            requests: &requests,
        };
        let rows = EncodedRows::of(self.backend, &keys, &recipients)?;
        let summary = PartSummary::of(&recipients);
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
            index,
            first_request_seq,
            submissions,
            rows,
            summary,
            list_deflated: deflated(list),
        })
    }
}

/// The keys `submissions` take, numbered from `first`, by id.
fn request_keys(submissions: &[NewSubmission], first: i64) -> HashMap<String, i64> {
    submissions
        .iter()
        .zip(first..)
        .map(|(submission, seq)| (submission.id.clone(), seq))
        .collect()
}

/// A part of a campaign ready to write (`PartEncoder::encode`).
pub struct EncodedPart {
    campaign_seq: i64,
    /// Its place among the campaign's parts, from 0.
    index: u64,
    first_request_seq: i64,
    submissions: Vec<(NewSubmission, EncodedSubmission)>,
    rows: EncodedRows,
    summary: PartSummary,
    /// The part's recipients as its list keeps them, deflated.
    list_deflated: Vec<u8>,
}

impl EncodedPart {
    /// Its recipients, in requests or left out.
    pub fn recipient_count(&self) -> usize {
        self.summary.recipients
    }
}

/// What a part's recipients add to the campaign beside their rows.
struct PartSummary {
    recipients: usize,
    counts: NewCounts,
    /// Whether any is a marketing recipient, sent or left out.
    marketing: bool,
    /// The first and last send times of its marketing recipients that have one.
    marketing_window: Option<(DateTime<Utc>, DateTime<Utc>)>,
}

impl PartSummary {
    fn of(recipients: &[NewRecipient]) -> Self {
        let marketing = recipients.iter().filter(|r| r.marketing);
        let sends = marketing.clone().filter_map(|r| r.send_at);
        let marketing_window = sends.clone().min().zip(sends.max());
        Self {
            recipients: recipients.len(),
            counts: NewCounts::of(recipients),
            marketing: marketing.clone().next().is_some(),
            marketing_window,
        }
    }
}
