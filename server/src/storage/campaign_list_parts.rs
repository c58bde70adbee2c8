//! A campaign's list as its recorded parts keep it (`domain::list_copy`), for a draft that
//! schedules it, or its refused recipients, again.

use super::request_bodies::inflated;
use super::{Store, StoreError};

impl Store {
    /// The texts the campaign's recorded parts keep, in part order; none for a campaign not
    /// recorded yet (held for approval) or recorded before lists were kept.
    pub async fn kept_list_parts(&self, campaign_id: &str) -> Result<Vec<String>, StoreError> {
        let stored: Vec<Vec<u8>> = sqlx::query_scalar(
            "SELECT p.list_deflated FROM campaign_list_parts p \
             JOIN campaigns c ON c.seq = p.campaign_seq WHERE c.id = $1 ORDER BY p.part",
        )
        .bind(campaign_id)
        .fetch_all(self.pool())
        .await?;
        Ok(stored
            .iter()
            .map(|part| inflated(part))
            .collect::<Result<_, _>>()?)
    }

    /// Every recorded recipient's number, sent or left out, in line order: what is left of the
    /// list of a campaign recorded before lists were kept.
    pub async fn recorded_numbers(&self, campaign_id: &str) -> Result<Vec<String>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT phone FROM recipient_rows \
             WHERE campaign_seq = (SELECT seq FROM campaigns WHERE id = $1) ORDER BY line, phone",
        )
        .bind(campaign_id)
        .fetch_all(self.pool())
        .await?)
    }
}
