//! What operations on a scheduled campaign read and change: its provider requests, the record of
//! who did what, and the recipients a cancel or a move touches.

use app::models::{CampaignActionKind, EventSource, Notice};
use chrono::{DateTime, Utc};
use sqlx::Row;

use super::stored::{stored, stored_instant};
use super::submissions::SubmissionStatus;
use super::{Store, StoreError};

/// One provider request of a campaign, as operations need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignSubmission {
    pub id: String,
    pub status: SubmissionStatus,
    /// The provider's name for it (Octopush ticket, Infobip bulkId), once known.
    pub reference: Option<String>,
    /// The earliest send time of its recipients still waiting, RFC 3339 UTC; `None` when none waits.
    pub next_send_at: Option<String>,
    /// Recipients still scheduled at the provider.
    pub waiting: u64,
}

/// An entry of the record of who did what to a campaign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionRecord {
    pub actor: String,
    pub action: CampaignActionKind,
    pub detail: Option<String>,
    pub at: String,
}

/// A campaign's recipients whose provider request was refused (or never handed over in time):
/// nothing was sent to them.
const REFUSED_RECIPIENTS: &str = "FROM recipients r JOIN submissions s ON s.id = r.submission_id \
     WHERE r.campaign_id = $1 AND r.status = 'failed' AND s.status = 'refused'";

impl Store {
    /// The numbers of the campaign's refused recipients, in list order.
    pub async fn refused_numbers(&self, campaign_id: &str) -> Result<Vec<String>, StoreError> {
        Ok(sqlx::query_scalar(&format!(
            "SELECT r.phone {REFUSED_RECIPIENTS} ORDER BY r.line"
        ))
        .bind(campaign_id)
        .fetch_all(self.pool())
        .await?)
    }

    /// How many of the campaign's recipients were refused.
    pub async fn refused_count(&self, campaign_id: &str) -> Result<u64, StoreError> {
        let count: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) {REFUSED_RECIPIENTS}"))
            .bind(campaign_id)
            .fetch_one(self.pool())
            .await?;
        Ok(u64::try_from(count).unwrap_or(0))
    }

    pub async fn campaign_submissions(
        &self,
        campaign_id: &str,
    ) -> Result<Vec<CampaignSubmission>, StoreError> {
        let rows = sqlx::query(
            "SELECT s.id, s.status, s.provider_reference, \
             MIN(CASE WHEN r.status = 'scheduled' THEN r.send_at END) AS next_send_at, \
             SUM(CASE WHEN r.status = 'scheduled' THEN 1 ELSE 0 END) AS waiting \
             FROM submissions s LEFT JOIN recipients r ON r.submission_id = s.id \
             WHERE s.campaign_id = $1 GROUP BY s.id, s.status, s.provider_reference, s.created_at \
             ORDER BY s.created_at, s.id",
        )
        .bind(campaign_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                let status: String = row.try_get("status")?;
                Ok(CampaignSubmission {
                    id: row.try_get("id")?,
                    status: SubmissionStatus::parse(&status).ok_or_else(|| {
                        sqlx::Error::Decode(format!("unknown submission status {status:?}").into())
                    })?,
                    reference: row.try_get("provider_reference")?,
                    next_send_at: row.try_get("next_send_at")?,
                    waiting: u64::try_from(row.try_get::<i64, _>("waiting").unwrap_or(0))
                        .unwrap_or(0),
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(StoreError::from)
    }

    /// Who did what to the campaign, oldest first.
    pub async fn campaign_actions(
        &self,
        campaign_id: &str,
    ) -> Result<Vec<ActionRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT actor, action, detail, at FROM campaign_actions WHERE campaign_id = $1 ORDER BY at, id",
        )
        .bind(campaign_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                Ok(ActionRecord {
                    actor: row.try_get("actor")?,
                    action: stored(
                        row.try_get("action")?,
                        "campaign action",
                        CampaignActionKind::from_stored,
                    )?,
                    detail: row.try_get("detail")?,
                    at: row.try_get("at")?,
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(StoreError::from)
    }

    /// The campaign's send time after a reschedule: RFC 3339 at the campaign zone's offset.
    pub async fn set_requested_send_at(
        &self,
        campaign_id: &str,
        send_at: &str,
    ) -> Result<(), StoreError> {
        sqlx::query("UPDATE campaigns SET requested_send_at = $1 WHERE id = $2")
            .bind(send_at)
            .bind(campaign_id)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// The provider moved a request to `send_at`: its waiting recipients follow, with the move in
    /// their history, and lose the notes about the sending rules at the old time (the new one
    /// was checked against them).
    pub async fn move_submission(
        &self,
        submission_id: &str,
        send_at: DateTime<Utc>,
        source: EventSource,
        at: DateTime<Utc>,
    ) -> Result<u64, StoreError> {
        let mut tx = self.pool().begin().await?;
        let send_at = stored_instant(send_at);
        let at = stored_instant(at);
        sqlx::query(
            "INSERT INTO recipient_events (recipient_id, status, detail, source, occurred_at, recorded_at) \
             SELECT id, 'scheduled', $1, $2, $3, $3 FROM recipients \
             WHERE submission_id = $4 AND status = 'scheduled' ON CONFLICT DO NOTHING",
        )
        .bind(format!("moved to {send_at}"))
        .bind(source.as_str())
        .bind(&at)
        .bind(submission_id)
        .execute(&mut *tx)
        .await?;
        let moved = sqlx::query(
            "UPDATE recipients SET send_at = $1, updated_at = $2 WHERE submission_id = $3 AND status = 'scheduled'",
        )
        .bind(&send_at)
        .bind(&at)
        .bind(submission_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        sqlx::query("UPDATE submissions SET send_at = $1 WHERE id = $2")
            .bind(&send_at)
            .bind(submission_id)
            .execute(&mut *tx)
            .await?;
        let noted: Vec<(String, String)> = sqlx::query_as(
            "SELECT id, warnings FROM recipients \
             WHERE submission_id = $1 AND status = 'scheduled' AND warnings IS NOT NULL",
        )
        .bind(submission_id)
        .fetch_all(&mut *tx)
        .await?;
        for (id, warnings) in noted {
            let Some(kept) = still_true_after_a_move(&warnings) else {
                continue;
            };
            sqlx::query("UPDATE recipients SET warnings = $1 WHERE id = $2")
                .bind(kept)
                .bind(&id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(moved)
    }
}

/// A recipient's stored warnings (a JSON list of recorded notices) without those about the
/// sending rules at its former send time; `None` when nothing changes, `Some(None)` when none is
/// left.
fn still_true_after_a_move(warnings: &str) -> Option<Option<String>> {
    let recorded: Vec<String> = serde_json::from_str(warnings).ok()?;
    let kept: Vec<&String> = recorded
        .iter()
        .filter(|w| !matches!(Notice::from_recorded(w), Notice::Outside { .. }))
        .collect();
    (kept.len() != recorded.len()).then(|| {
        (!kept.is_empty()).then(|| serde_json::to_string(&kept).expect("strings serialise"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::models::{Closed, Then, WindowTerms};

    #[test]
    fn a_move_forgets_the_rules_at_the_old_time_and_keeps_the_rest() {
        let outside = Notice::Outside {
            policy: "France marketing".into(),
            window: WindowTerms {
                days: vec![],
                start: "08:00".into(),
                end: "20:00".into(),
                french_holidays: true,
                territory_holidays: false,
                zone: Some("Europe/Paris".into()),
            },
            closed: Closed::NotASendingDay {
                date: chrono::NaiveDate::from_ymd_opt(2026, 12, 6).unwrap(),
                zone: "Europe/Paris".into(),
            },
            then: Then::Deferred,
        }
        .to_recorded();
        let zone = Notice::ZoneUnknown {
            policy: "France marketing".into(),
            campaign_zone: "Europe/Paris".into(),
        }
        .to_recorded();
        let list = |items: &[&String]| serde_json::to_string(items).unwrap();
        assert_eq!(
            still_true_after_a_move(&list(&[&outside, &zone])),
            Some(Some(list(&[&zone])))
        );
        assert_eq!(still_true_after_a_move(&list(&[&outside])), Some(None));
        assert_eq!(still_true_after_a_move(&list(&[&zone])), None);
    }
}
