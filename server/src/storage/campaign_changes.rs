//! What operations on a scheduled campaign read and change: its provider requests, the record of
//! who did what, and the recipients a cancel or a move touches.

use app::models::{CampaignActionKind, EventSource, Notice};
use chrono::{DateTime, Utc};
use sqlx::Row;

use super::recipient_moves::lock_request;
use super::recipients::{recipient_id, request_seq};
use super::stored::{stored, stored_instant};
use super::{Store, StoreError};

/// A provider request an operation applies to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignSubmission {
    pub id: String,
    /// The provider's name for it (Octopush ticket, Infobip bulkId).
    pub reference: String,
    /// Recipients still scheduled at the provider.
    pub waiting: u64,
}

/// What the operations' rules need to know of a campaign's waiting requests, read without
/// listing them (a campaign of a million recipients has 2,000).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WaitingRequests {
    pub requests: u64,
    /// The earliest send time among them, RFC 3339 UTC.
    pub next_send_at: Option<String>,
    /// The most recipients waiting in one of them.
    pub most_recipients: u64,
}

/// A campaign's provider requests an operation applies to: accepted, named by the provider, with
/// recipients still scheduled there.
const WAITING_REQUESTS: &str = "FROM submissions s JOIN recipient_counts c \
     ON c.campaign_id = s.campaign_id AND c.submission_id = s.id AND c.status = 'scheduled' \
     WHERE s.campaign_id = $1 AND s.status = 'accepted' AND s.provider_reference IS NOT NULL \
     AND c.recipients > 0";

/// When a request's scheduled recipients are due: every one of them waits for the request's send
/// time (a move changes both); a request sent "now" was due when it was made.
const DUE: &str = "COALESCE(s.send_at, s.created_at)";

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
const REFUSED_RECIPIENTS: &str = "FROM recipients r JOIN submissions s ON s.seq = r.request_seq \
     WHERE r.campaign_seq = (SELECT seq FROM campaigns WHERE id = $1) \
     AND r.status = 'failed' AND s.status = 'refused'";

impl Store {
    /// The numbers of the campaign's refused recipients, in list order.
    pub async fn refused_numbers(&self, campaign_id: &str) -> Result<Vec<String>, StoreError> {
        Ok(sqlx::query_scalar(&format!(
            "SELECT r.phone {REFUSED_RECIPIENTS} ORDER BY r.line, r.phone"
        ))
        .bind(campaign_id)
        .fetch_all(self.pool())
        .await?)
    }

    /// How many of the campaign's recipients were refused.
    pub async fn refused_count(&self, campaign_id: &str) -> Result<u64, StoreError> {
        // From the counts: the same recipients, without reading them.
        let count: i64 = sqlx::query_scalar(
            "SELECT CAST(COALESCE(SUM(c.recipients), 0) AS BIGINT) FROM recipient_counts c \
             JOIN submissions s ON s.id = c.submission_id \
             WHERE c.campaign_id = $1 AND c.status = 'failed' AND s.status = 'refused'",
        )
        .bind(campaign_id)
        .fetch_one(self.pool())
        .await?;
        Ok(u64::try_from(count).unwrap_or(0))
    }

    /// The requests an operation applies to, in the order they were made.
    pub async fn waiting_submissions(
        &self,
        campaign_id: &str,
    ) -> Result<Vec<CampaignSubmission>, StoreError> {
        let rows: Vec<(String, String, i64)> = sqlx::query_as(&format!(
            "SELECT s.id, s.provider_reference, c.recipients {WAITING_REQUESTS} \
             ORDER BY s.created_at, s.id"
        ))
        .bind(campaign_id)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, reference, waiting)| CampaignSubmission {
                id,
                reference,
                waiting: u64::try_from(waiting).unwrap_or(0),
            })
            .collect())
    }

    /// How many requests wait, when the first is due, and the most recipients one holds.
    pub async fn waiting_requests(&self, campaign_id: &str) -> Result<WaitingRequests, StoreError> {
        // By send time (a campaign has few): the earliest is found among instants, since the
        // stored times carry their own offsets.
        let rows: Vec<(String, i64, i64)> = sqlx::query_as(&format!(
            "SELECT {DUE}, COUNT(*), MAX(c.recipients) {WAITING_REQUESTS} GROUP BY {DUE}"
        ))
        .bind(campaign_id)
        .fetch_all(self.pool())
        .await?;
        let mut waiting = WaitingRequests::default();
        let mut earliest: Option<DateTime<Utc>> = None;
        for (due, requests, most) in rows {
            let due = utc_instant(&due)?;
            waiting.requests += u64::try_from(requests).unwrap_or(0);
            waiting.most_recipients = waiting
                .most_recipients
                .max(u64::try_from(most).unwrap_or(0));
            earliest = Some(earliest.map_or(due, |earliest| earliest.min(due)));
        }
        waiting.next_send_at = earliest.map(stored_instant);
        Ok(waiting)
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
            .execute(self.writes())
            .await?;
        Ok(())
    }

    /// The provider moved a request to `send_at`: its waiting recipients follow, with the move in
    /// their history (`detail`, as recorded), and lose the notes about the old time (the sending
    /// rules' window, the new one having been checked against them; a clock change).
    pub async fn move_submission(
        &self,
        submission_id: &str,
        send_at: DateTime<Utc>,
        detail: &str,
        source: EventSource,
        at: DateTime<Utc>,
    ) -> Result<u64, StoreError> {
        let mut tx = self.writes().begin().await?;
        // Taken first, as every move of the request's recipients takes it: a cancel at the same
        // time comes wholly before or after.
        lock_request(&mut tx, submission_id).await?;
        let send_at = stored_instant(send_at);
        let at = stored_instant(at);
        let moves = format!(
            "INSERT INTO recipient_events (recipient_id, status, detail, source, occurred_at, recorded_at) \
             SELECT {}, 'scheduled', $1, $2, $3, $3 FROM recipients \
             WHERE request_seq = {} AND status = 'scheduled' ON CONFLICT DO NOTHING",
            recipient_id(""),
            request_seq(4)
        );
        sqlx::query(&moves)
            .bind(detail)
            .bind(source.as_str())
            .bind(&at)
            .bind(submission_id)
            .execute(&mut *tx)
            .await?;
        let moved = sqlx::query(&format!(
            "UPDATE recipient_rows SET send_at = $1 WHERE request_seq = {} \
             AND COALESCE(status, (SELECT status FROM request_recipients WHERE submission_id = $2), \
             'pending') = 'scheduled'",
            request_seq(2)
        ))
        .bind(&send_at)
        .bind(submission_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        sqlx::query("UPDATE submissions SET send_at = $1 WHERE id = $2")
            .bind(&send_at)
            .bind(submission_id)
            .execute(&mut *tx)
            .await?;
        // A marketing campaign's sends are found by the frequency cap through their first and
        // last times: the moved ones must stay within them.
        sqlx::query(
            "UPDATE campaigns SET \
             marketing_from = CASE WHEN $1 < marketing_from THEN $1 ELSE marketing_from END, \
             marketing_until = CASE WHEN $1 > marketing_until THEN $1 ELSE marketing_until END \
             WHERE marketing_from IS NOT NULL \
             AND id = (SELECT campaign_id FROM submissions WHERE id = $2)",
        )
        .bind(&send_at)
        .bind(submission_id)
        .execute(&mut *tx)
        .await?;
        let noted: Vec<(i64, String)> = sqlx::query_as(&format!(
            "SELECT position, warnings FROM recipients \
             WHERE request_seq = {} AND status = 'scheduled' AND warnings IS NOT NULL",
            request_seq(1)
        ))
        .bind(submission_id)
        .fetch_all(&mut *tx)
        .await?;
        for (position, warnings) in noted {
            let Some(kept) = still_true_after_a_move(&warnings) else {
                continue;
            };
            sqlx::query(&format!(
                "UPDATE recipient_rows SET warnings = $1 WHERE request_seq = {} AND position = $3",
                request_seq(2)
            ))
            .bind(kept)
            .bind(submission_id)
            .bind(position)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(moved)
    }
}

/// A stored RFC 3339 time, in UTC.
fn utc_instant(stored: &str) -> Result<DateTime<Utc>, sqlx::Error> {
    DateTime::parse_from_rfc3339(stored)
        .map(|at| at.with_timezone(&Utc))
        .map_err(|error| sqlx::Error::Decode(format!("a stored time {stored:?}: {error}").into()))
}

/// A recipient's stored warnings (a JSON list of recorded notices) without those about the
/// sending rules at its former send time; `None` when nothing changes, `Some(None)` when none is
/// left.
fn still_true_after_a_move(warnings: &str) -> Option<Option<String>> {
    let recorded: Vec<String> = serde_json::from_str(warnings).ok()?;
    let kept: Vec<&String> = recorded
        .iter()
        // The rules' window, and a clock change, were about the old time.
        .filter(|w| {
            !matches!(
                Notice::from_recorded(w),
                Notice::Outside { .. } | Notice::ClockChange { .. }
            )
        })
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
        let clock = Notice::ClockChange {
            local: "2027-10-31 02:30".into(),
            zone: "Europe/Paris".into(),
            change: app::models::ClockChange::HappensTwice {
                offset: "+02:00".into(),
                later_offset: "+01:00".into(),
            },
        }
        .to_recorded();
        assert_eq!(
            still_true_after_a_move(&list(&[&clock, &zone])),
            Some(Some(list(&[&zone])))
        );
    }
}
