//! A campaign being recorded: one transaction, its submissions and recipients written a part at a
//! time as they are made, so that a long list's rows are never all in memory at once. Nothing is
//! visible (and nothing can be handed over) until `finish` commits; a crash before it leaves
//! nothing behind.

use super::recipients::{insert_recipients, NewRecipient};
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

    /// Writes one part of the campaign: its submissions and their recipients, or recipients left
    /// out.
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
}
