//! A campaign's list as its recorded parts keep it (`domain::list_copy`), for a draft that
//! schedules it, or its refused recipients, again.

use super::request_bodies::inflated;
use super::{Store, StoreError};

/// A part's text from what `Store::kept_list_parts` gives: each is inflated only as it is read,
/// so that a long list is never held whole as text.
pub fn kept_part_text(stored: &[u8]) -> Result<String, StoreError> {
    Ok(inflated(stored)?)
}

impl Store {
    /// The campaign's recorded parts' lists as stored (deflated: `kept_part_text`), in part
    /// order; none for a campaign not recorded yet (held for approval) or recorded before lists
    /// were kept.
    pub async fn kept_list_parts(&self, campaign_id: &str) -> Result<Vec<Vec<u8>>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT p.list_deflated FROM campaign_list_parts p \
             JOIN campaigns c ON c.seq = p.campaign_seq WHERE c.id = $1 ORDER BY p.part",
        )
        .bind(campaign_id)
        .fetch_all(self.pool())
        .await?)
    }

    /// How many recipients the campaign has recorded, sent or left out.
    pub async fn recorded_count(&self, campaign_id: &str) -> Result<u64, StoreError> {
        let count: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM recipient_rows \
             WHERE campaign_seq = (SELECT seq FROM campaigns WHERE id = $1)",
        )
        .bind(campaign_id)
        .fetch_one(self.pool())
        .await?;
        Ok(u64::try_from(count).unwrap_or(0))
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
