//! "Schedule the refused recipients again": the campaign's own form with only the recipients the
//! provider refused (or that were never handed over in time), for the composer to check and the
//! user to confirm as a new campaign once the cause (credit, sender…) is fixed. Nothing is sent here.

use app::models::{AppError, Refusal, ScheduleRequest};
use chrono::{DateTime, Utc};

use super::campaign_views::{stored_options, CampaignViews};
use super::store_errors::read_failed;
use crate::storage::{CampaignRecord, StoreError};

/// The composer's send-time field format.
const FORM_TIME: &str = "%Y-%m-%dT%H:%M";

impl CampaignViews {
    /// The form with the refused recipients only; `now` decides whether the send time is kept.
    pub(super) async fn refused_draft(
        &self,
        id: &str,
        now: DateTime<Utc>,
    ) -> Result<ScheduleRequest, AppError> {
        let record = self.record(id).await?;
        let numbers = self.store.refused_numbers(id).await.map_err(read_failed)?;
        if numbers.is_empty() {
            return Err(AppError::NotAllowed(Refusal::NothingRefused));
        }
        draft(record, &numbers, now).map_err(read_failed)
    }
}

/// The form that scheduled `record`, for `numbers` only. The send time is kept while it is still
/// ahead; once passed it is left empty, for the user to choose (never "now" by default).
fn draft(
    record: CampaignRecord,
    numbers: &[String],
    now: DateTime<Utc>,
) -> Result<ScheduleRequest, StoreError> {
    let undecodable = |what: &str, value: &str| {
        StoreError::Database(sqlx::Error::Decode(
            format!("unknown {what} {value:?}").into(),
        ))
    };
    let provider = record.provider;
    let purpose = record.purpose;
    let zone: chrono_tz::Tz = record
        .time_zone
        .parse()
        .map_err(|_| undecodable("time zone", &record.time_zone))?;
    let send_at = record
        .requested_send_at
        .as_deref()
        .and_then(|at| DateTime::parse_from_rfc3339(at).ok())
        .filter(|at| *at > now)
        .map(|at| at.with_timezone(&zone).format(FORM_TIME).to_string())
        .unwrap_or_default();
    Ok(ScheduleRequest {
        options: stored_options(&record).for_provider(provider),
        name: record.name.unwrap_or_default(),
        text: record.message_text,
        sender: record.sender.unwrap_or_default(),
        time_zone: record.time_zone,
        campaign_type: record.campaign_type,
        outside_window: record.outside_window,
        local_time: record.local_time,
        provider,
        recipients: numbers.join("\n"),
        recipients_file: None,
        send_at,
        send_now: false,
        purpose,
    })
}
