//! A campaign being recorded: one transaction, its submissions and recipients written a part at a
//! time as they are made, so that a long list's rows are never all in memory at once. Nothing is
//! visible (and nothing can be handed over) until `finish` commits; a crash before it leaves
//! nothing behind.

use chrono::{DateTime, Utc};
use sqlx::Row;
use std::collections::HashMap;

use super::claims::Claim;
use super::recipient_inserts::{insert_recipients, RowKeys};
use super::recipients::NewRecipient;
use super::stored::stored_instant;
use super::submissions::NewSubmission;
use super::{Store, StoreError};

pub struct CampaignRecording {
    tx: sqlx::Transaction<'static, sqlx::Any>,
    /// Its store, told once it commits: a campaign's log is copied in at once (`checkpoints`).
    store: Store,
    campaign_id: String,
    /// The campaign's key, which its recipients' rows name it by.
    campaign_seq: i64,
    /// The key of each request recorded so far, by id: its campaign's key × 2^32 + its number in
    /// the campaign, from 1.
    request_seqs: HashMap<String, i64>,
    /// The key the next request takes.
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
            request_seqs: HashMap::new(),
            next_request_seq: last.unwrap_or(first) + 1,
            marketing_window: None,
            marketing: false,
        })
    }

    /// Writes one part of the campaign: some of its submissions and their recipients, and
    /// recipients left out.
    pub async fn add(
        &mut self,
        submissions: &[NewSubmission],
        recipients: &[NewRecipient],
    ) -> Result<(), StoreError> {
        for submission in submissions {
            let seq = self.next_request_seq;
            Store::insert_submission_in(&mut self.tx, submission, Some(seq)).await?;
            self.request_seqs.insert(submission.id.clone(), seq);
            self.next_request_seq += 1;
        }
        let keys = RowKeys {
            campaign_id: &self.campaign_id,
            campaign_seq: self.campaign_seq,
            requests: &self.request_seqs,
        };
        insert_recipients(&mut self.tx, self.store.backend(), &keys, recipients).await?;
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
