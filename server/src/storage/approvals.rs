//! Campaigns held for approval: the form kept until a decision, and each decision taken by one
//! conditional UPDATE, so that of two people deciding at once only one decides.

use app::models::Approval;

use super::campaign_recording::CampaignRecording;
use super::{Store, StoreError};

const AWAITING: &str = "approval = 'awaiting'";

impl Store {
    /// The form a held campaign was scheduled with (JSON); `None` when none is kept.
    pub async fn held_request(&self, campaign_id: &str) -> Result<Option<String>, StoreError> {
        let request: Option<Option<String>> =
            sqlx::query_scalar("SELECT held_request FROM campaigns WHERE id = $1")
                .bind(campaign_id)
                .fetch_optional(self.pool())
                .await?;
        Ok(request.flatten())
    }

    /// Marks the held campaign approved, in a transaction its submissions (claimed by the
    /// hand-over) and recipients are then written in; `None`, with nothing written, when it no
    /// longer awaits approval (someone else decided first).
    pub async fn start_approved_recording(
        &self,
        campaign_id: &str,
        recipient_count: usize,
    ) -> Result<Option<CampaignRecording>, StoreError> {
        let mut tx = self.writes().begin().await?;
        let decided = sqlx::query(&format!(
            "UPDATE campaigns SET approval = $1, recipient_count = $2 WHERE id = $3 AND {AWAITING}"
        ))
        .bind(Approval::Approved.as_str())
        .bind(i64::try_from(recipient_count).unwrap_or(i64::MAX))
        .bind(campaign_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if decided != 1 {
            return Ok(None);
        }
        Ok(Some(CampaignRecording::open(tx, self, campaign_id).await?))
    }

    /// Each held campaign's id and the send time asked for (RFC 3339; `None`: sent as soon as
    /// approved). Few rows: campaigns await approval a day or two at most.
    pub async fn awaiting_send_times(&self) -> Result<Vec<(String, Option<String>)>, StoreError> {
        Ok(sqlx::query_as(&format!(
            "SELECT id, requested_send_at FROM campaigns WHERE {AWAITING}"
        ))
        .fetch_all(self.pool())
        .await?)
    }

    /// Rejects, withdraws or expires a held campaign; false when it no longer awaits approval.
    pub async fn close_held(
        &self,
        campaign_id: &str,
        outcome: Approval,
    ) -> Result<bool, StoreError> {
        let decided = sqlx::query(&format!(
            "UPDATE campaigns SET approval = $1 WHERE id = $2 AND {AWAITING}"
        ))
        .bind(outcome.as_str())
        .bind(campaign_id)
        .execute(self.writes())
        .await?
        .rows_affected();
        Ok(decided == 1)
    }

    /// How many campaigns await approval, other than `actor`'s own.
    pub async fn awaiting_approval(&self, actor: &str) -> Result<u64, StoreError> {
        let count: i64 = sqlx::query_scalar(&format!(
            "SELECT COUNT(*) FROM campaigns WHERE {AWAITING} AND actor <> $1"
        ))
        .bind(actor)
        .fetch_one(self.pool())
        .await?;
        Ok(u64::try_from(count).unwrap_or(0))
    }
}
