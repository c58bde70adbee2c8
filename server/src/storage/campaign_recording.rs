//! A campaign being recorded: one transaction, its submissions and recipients written a part at a
//! time as they are made, so that a long list's rows are never all in memory at once. Nothing is
//! visible (and nothing can be handed over) until `finish` commits; a crash before it leaves
//! nothing behind.

use super::claims::Claim;
use super::recipients::{insert_recipients, NewRecipient};
use super::stored::stored_instant;
use super::submissions::NewSubmission;
use super::{Backend, Store, StoreError};

pub struct CampaignRecording {
    tx: sqlx::Transaction<'static, sqlx::Any>,
    backend: Backend,
    campaign_id: String,
}

impl CampaignRecording {
    pub(super) fn new(
        tx: sqlx::Transaction<'static, sqlx::Any>,
        backend: Backend,
        campaign_id: &str,
    ) -> Self {
        Self {
            tx,
            backend,
            campaign_id: campaign_id.to_owned(),
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
        insert_recipients(&mut self.tx, self.backend, &self.campaign_id, recipients).await?;
        Ok(())
    }

    /// Commits everything written: from now on the campaign is recorded.
    pub async fn finish(self) -> Result<(), StoreError> {
        self.tx.commit().await?;
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
