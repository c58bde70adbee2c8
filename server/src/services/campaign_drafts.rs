//! A campaign already scheduled, as a form for the composer to check and the user to confirm as a
//! new campaign: "schedule again" (its whole list) and "schedule the refused recipients again"
//! (only those the provider refused, or that were never handed over in time, once the cause,
//! credit, sender…, is fixed). The list comes back with its placeholder values and time zones
//! (`domain::list_copy`); a held campaign comes back as the form it was held with. Nothing is
//! sent here.

use app::models::{AppError, Approval, CampaignDraft, Refusal, ScheduleRequest};
use chrono::{DateTime, Utc};
use std::collections::HashSet;

use super::campaign_approval::read_held_form;
use super::campaign_views::{stored_options, CampaignViews};
use super::store_errors::read_failed;
use crate::domain::list_copy::{list_again, read_part, KeptRow, ListAgain};
use crate::storage::{kept_part_text, CampaignRecord, StoreError};

/// The composer's send-time field format.
const FORM_TIME: &str = "%Y-%m-%dT%H:%M";

impl CampaignViews {
    /// The form with the refused recipients only; `now` decides whether the send time is kept.
    pub(super) async fn refused_draft(
        &self,
        id: &str,
        now: DateTime<Utc>,
    ) -> Result<CampaignDraft, AppError> {
        let record = self.record(id).await?;
        let numbers = self.store.refused_numbers(id).await.map_err(read_failed)?;
        if numbers.is_empty() {
            return Err(AppError::NotAllowed(Refusal::NothingRefused));
        }
        let refused: HashSet<String> = numbers.iter().cloned().collect();
        let list = match self.kept_list(id, Some(refused)).await? {
            Some(list) => list,
            None => numbers_alone(&numbers),
        };
        draft(record, list, now).map_err(read_failed)
    }

    /// The form with the campaign's whole list (those left out included: the new campaign's
    /// rules decide again); a campaign held for approval and not approved, as it was held.
    pub(super) async fn campaign_draft(
        &self,
        id: &str,
        now: DateTime<Utc>,
    ) -> Result<CampaignDraft, AppError> {
        let record = self.record(id).await?;
        let recorded = match record.approval {
            Approval::NotNeeded | Approval::Approved => true,
            Approval::Awaiting | Approval::Rejected | Approval::Withdrawn | Approval::Expired => {
                false
            }
        };
        if recorded {
            if let Some(list) = self.kept_list(id, None).await? {
                return draft(record, list, now).map_err(read_failed);
            }
        }
        // Held, or approved before lists were kept: the form it was held with has the list whole.
        if let Some(form) = self.store.held_request(id).await.map_err(read_failed)? {
            let form = read_held_form(id, &form)?;
            let list = ListAgain {
                recipients: record.recipient_count,
                text: form.recipients,
            };
            return draft(record, list, now).map_err(read_failed);
        }
        let numbers = self.store.recorded_numbers(id).await.map_err(read_failed)?;
        draft(record, numbers_alone(&numbers), now).map_err(read_failed)
    }

    /// The rows of the campaign's kept list (those whose number is in `only`, when given), read
    /// a part at a time off the async workers; `None` when no list was kept with it (recorded
    /// before lists were), or when the rows do not number the recipients recorded, so that a
    /// draft never lacks one without a word: the caller then gives the numbers alone.
    async fn kept_list(
        &self,
        id: &str,
        only: Option<HashSet<String>>,
    ) -> Result<Option<ListAgain>, AppError> {
        let parts = self.store.kept_list_parts(id).await.map_err(read_failed)?;
        if parts.is_empty() {
            return Ok(None);
        }
        let expected = match &only {
            Some(numbers) => numbers.len() as u64,
            None => self.store.recorded_count(id).await.map_err(read_failed)?,
        };
        let campaign = id.to_owned();
        let read = tokio::task::spawn_blocking(move || -> Result<Vec<KeptRow>, String> {
            let mut rows = Vec::new();
            for part in &parts {
                let text = kept_part_text(part).map_err(|error| error.to_string())?;
                let read = read_part(&text).map_err(|error| error.to_string())?;
                let kept = |row: &KeptRow| only.as_ref().is_none_or(|o| o.contains(&row.number));
                rows.extend(read.into_iter().filter(kept));
            }
            Ok(rows)
        })
        .await
        .map_err(|error| {
            AppError::Internal(format!("the campaign's list was not read: {error}"))
        })?;
        let rows = read.map_err(|error| {
            tracing::error!(campaign = %campaign, %error, "a campaign's kept list does not read");
            AppError::Internal("the campaign's list could not be read back".into())
        })?;
        if rows.len() as u64 != expected {
            tracing::warn!(
                campaign = %campaign,
                kept = rows.len(),
                expected,
                "a campaign's kept list does not match its recipients: given as numbers alone"
            );
            return Ok(None);
        }
        Ok(Some(list_again(rows)))
    }
}

/// Numbers one a line, as a campaign recorded before lists were kept gives them back.
fn numbers_alone(numbers: &[String]) -> ListAgain {
    ListAgain {
        text: numbers.join("\n"),
        recipients: numbers.len() as u64,
    }
}

/// The form that scheduled `record`, with `list`. The send time is kept while it is still
/// ahead; once passed it is left empty, for the user to choose (never "now" by default).
fn draft(
    record: CampaignRecord,
    list: ListAgain,
    now: DateTime<Utc>,
) -> Result<CampaignDraft, StoreError> {
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
    let request = ScheduleRequest {
        options: stored_options(&record).for_provider(provider),
        name: record.name.unwrap_or_default(),
        text: record.message_text,
        sender: record.sender.unwrap_or_default(),
        time_zone: record.time_zone,
        campaign_type: record.campaign_type,
        outside_window: record.outside_window,
        local_time: record.local_time,
        provider,
        recipients: list.text,
        recipients_file: None,
        send_at,
        send_now: false,
        purpose,
    };
    Ok(CampaignDraft {
        request,
        recipients: list.recipients,
    })
}
