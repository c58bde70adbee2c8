//! A campaign being recorded: one transaction, its submissions and recipients written a part at a
//! time as they are made, so that a long list's rows are never all in memory at once. Nothing is
//! visible (and nothing can be handed over) until `finish` commits; a crash before it leaves
//! nothing behind.

use chrono::{DateTime, Utc};

use super::claims::Claim;
use super::recipients::{insert_recipients, NewRecipient};
use super::stored::stored_instant;
use super::submissions::NewSubmission;
use super::{Store, StoreError};

pub struct CampaignRecording {
    tx: sqlx::Transaction<'static, sqlx::Any>,
    /// Its store, told once it commits: a campaign's log is copied in at once (`checkpoints`).
    store: Store,
    campaign_id: String,
    /// The first and last send times of its marketing recipients so far: kept with the campaign,
    /// the frequency cap finds its sends through them.
    marketing_window: Option<(DateTime<Utc>, DateTime<Utc>)>,
    /// Whether it has marketing recipients, sent or all left out (these have no send time).
    marketing: bool,
}

impl CampaignRecording {
    pub(super) fn new(
        tx: sqlx::Transaction<'static, sqlx::Any>,
        store: &Store,
        campaign_id: &str,
    ) -> Self {
        Self {
            tx,
            store: store.clone(),
            campaign_id: campaign_id.to_owned(),
            marketing_window: None,
            marketing: false,
        }
    }

    /// Writes one part of the campaign: some of its submissions and their recipients, and
    /// recipients left out.
    pub async fn add(
        &mut self,
        submissions: &[NewSubmission],
        recipients: &[NewRecipient],
    ) -> Result<(), StoreError> {
        for submission in submissions {
            Store::insert_submission_in(&mut self.tx, submission).await?;
        }
        insert_recipients(
            &mut self.tx,
            self.store.backend(),
            &self.campaign_id,
            recipients,
        )
        .await?;
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
