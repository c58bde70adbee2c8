//! Campaigns, written with their submissions and recipients in one transaction before any
//! provider is called.

use crate::domain::{CampaignType, OutsideWindow, Purpose};
use app::models::{Approval, ApprovalReason, CampaignActionKind, ProviderId, RecipientStatus};
use chrono::{DateTime, Utc};
use sqlx::Row;
use std::collections::HashMap;

use super::campaign_recording::CampaignRecording;
use super::recipients::NewRecipient;
use super::stored::{numbered_parameters, stored, stored_instant, stored_status, to_i64};
use super::submissions::NewSubmission;
use super::{Store, StoreError};

#[derive(Debug, Clone, PartialEq)]
pub struct NewCampaign {
    pub id: String,
    pub name: Option<String>,
    pub provider: ProviderId,
    pub actor: String,
    pub message_text: String,
    pub sender: Option<String>,
    pub purpose: Purpose,
    pub campaign_type: CampaignType,
    /// RFC 3339 with the user's offset; `None`: now.
    pub requested_send_at: Option<String>,
    pub time_zone: String,
    pub local_time: bool,
    pub outside_window: OutsideWindow,
    pub simulation: bool,
    pub recipient_count: usize,
    pub created_at: DateTime<Utc>,
    pub options: CampaignOptions,
    pub approval: Approval,
    /// Why the approval rules held it (empty: they did not).
    pub approval_reasons: Vec<ApprovalReason>,
    /// The form, as JSON, of a campaign held for approval.
    pub held_request: Option<String>,
}

/// The provider's own options chosen for a campaign.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CampaignOptions {
    pub remove_blacklisted: bool,
    pub flash: bool,
    /// `None`: the provider's default.
    pub validity_minutes: Option<u32>,
}

/// A campaign as listed: its settings and how many recipients stand where.
#[derive(Debug, Clone, PartialEq)]
pub struct CampaignRecord {
    pub id: String,
    pub name: Option<String>,
    pub sender: Option<String>,
    pub provider: ProviderId,
    pub actor: String,
    pub message_text: String,
    pub purpose: Purpose,
    pub campaign_type: CampaignType,
    pub requested_send_at: Option<String>,
    pub time_zone: String,
    /// Sent at the requested wall-clock time in each recipient's own zone.
    pub local_time: bool,
    pub outside_window: OutsideWindow,
    pub override_reason: Option<String>,
    pub simulation: bool,
    pub recipient_count: u64,
    pub paused: bool,
    pub created_at: String,
    pub options: CampaignOptions,
    pub approval: Approval,
    pub approval_reasons: Vec<ApprovalReason>,
}

pub(super) const CAMPAIGN_COLUMNS: &str =
    "id, name, sender, provider, actor, message_text, purpose, campaign_type, requested_send_at, \
     time_zone, local_time, outside_window, override_reason, simulation, recipient_count, paused, created_at, \
     remove_blacklisted, flash, validity_minutes, approval, approval_reasons";

pub(super) fn campaign_from_row(row: &sqlx::any::AnyRow) -> Result<CampaignRecord, sqlx::Error> {
    let override_reason: Option<String> = row.try_get("override_reason")?;
    let approval_reasons: Option<String> = row.try_get("approval_reasons")?;
    Ok(CampaignRecord {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        sender: row.try_get("sender")?,
        provider: stored(row.try_get("provider")?, "provider", ProviderId::parse)?,
        actor: row.try_get("actor")?,
        message_text: row.try_get("message_text")?,
        purpose: stored(row.try_get("purpose")?, "purpose", Purpose::from_stored)?,
        campaign_type: stored(
            row.try_get("campaign_type")?,
            "campaign type",
            CampaignType::from_stored,
        )?,
        requested_send_at: row.try_get("requested_send_at")?,
        time_zone: row.try_get("time_zone")?,
        local_time: row.try_get::<i64, _>("local_time")? != 0,
        outside_window: stored(
            row.try_get("outside_window")?,
            "outside-window choice",
            |name| OutsideWindow::from_stored(name, override_reason.as_deref()),
        )?,
        override_reason,
        simulation: row.try_get::<i64, _>("simulation")? != 0,
        recipient_count: u64::try_from(row.try_get::<i64, _>("recipient_count")?).unwrap_or(0),
        paused: row.try_get::<i64, _>("paused")? != 0,
        created_at: row.try_get("created_at")?,
        options: CampaignOptions {
            remove_blacklisted: row.try_get::<i64, _>("remove_blacklisted")? != 0,
            flash: row.try_get::<i64, _>("flash")? != 0,
            validity_minutes: row
                .try_get::<Option<i64>, _>("validity_minutes")?
                .and_then(|minutes| u32::try_from(minutes).ok()),
        },
        approval: stored(row.try_get("approval")?, "approval", Approval::parse)?,
        approval_reasons: approval_reasons
            .map(|reasons| serde_json::from_str(&reasons))
            .transpose()
            .map_err(|e| sqlx::Error::Decode(Box::new(e)))?
            .unwrap_or_default(),
    })
}

impl Store {
    /// Writes the campaign, its submissions (pending) and every recipient in one transaction: after a
    /// crash either all of it is there to reconcile, or none of it was handed to a provider.
    pub async fn record_campaign(
        &self,
        campaign: &NewCampaign,
        submissions: &[NewSubmission],
        recipients: &[NewRecipient],
    ) -> Result<(), StoreError> {
        let mut recording = self.start_recording(campaign).await?;
        recording.add(submissions, recipients).await?;
        recording.finish().await
    }

    /// Starts recording `campaign`: its row, in a transaction its parts are then written in.
    pub async fn start_recording(
        &self,
        campaign: &NewCampaign,
    ) -> Result<CampaignRecording, StoreError> {
        // Taken in a statement of its own, not in the recording's transaction: on PostgreSQL the
        // counter's row would otherwise stay locked, and other instances' campaigns wait, until
        // the whole list is recorded. A recording that fails leaves its number unused.
        let seq: i64 = sqlx::query_scalar(
            "UPDATE campaign_seq_counter SET last_seq = last_seq + 1 RETURNING last_seq",
        )
        .fetch_one(self.writes())
        .await?;
        let mut tx = self.writes().begin().await?;
        sqlx::query(
            "INSERT INTO campaigns (id, provider, actor, message_text, sender, purpose, campaign_type, \
             requested_send_at, time_zone, local_time, outside_window, override_reason, simulation, \
             recipient_count, paused, created_at, remove_blacklisted, flash, validity_minutes, name, \
             approval, approval_reasons, held_request, seq) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 0, $15, $16, $17, $18, $19, \
             $20, $21, $22, $23)",
        )
        .bind(&campaign.id)
        .bind(campaign.provider.as_str())
        .bind(&campaign.actor)
        .bind(&campaign.message_text)
        .bind(campaign.sender.as_deref())
        .bind(campaign.purpose.as_str())
        .bind(campaign.campaign_type.as_str())
        .bind(campaign.requested_send_at.as_deref())
        .bind(&campaign.time_zone)
        .bind(i64::from(campaign.local_time))
        .bind(campaign.outside_window.as_str())
        .bind(campaign.outside_window.override_reason())
        .bind(i64::from(campaign.simulation))
        .bind(to_i64(campaign.recipient_count))
        .bind(stored_instant(campaign.created_at))
        .bind(i64::from(campaign.options.remove_blacklisted))
        .bind(i64::from(campaign.options.flash))
        .bind(campaign.options.validity_minutes.map(i64::from))
        .bind(campaign.name.as_deref())
        .bind(campaign.approval.as_str())
        .bind(
            (!campaign.approval_reasons.is_empty())
                .then(|| serde_json::to_string(&campaign.approval_reasons))
                .transpose()
                .map_err(|e| sqlx::Error::Encode(Box::new(e)))?,
        )
        .bind(campaign.held_request.as_deref())
        .bind(seq)
        .execute(&mut *tx)
        .await?;
        CampaignRecording::open(tx, self, &campaign.id).await
    }

    pub async fn campaign(&self, id: &str) -> Result<Option<CampaignRecord>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {CAMPAIGN_COLUMNS} FROM campaigns WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(self.pool())
        .await?;
        Ok(row.as_ref().map(campaign_from_row).transpose()?)
    }

    /// How many of the campaign's recipients are in each status (none: not listed).
    pub async fn status_counts(
        &self,
        campaign_id: &str,
    ) -> Result<Vec<(RecipientStatus, u64)>, StoreError> {
        let mut counts = self.status_counts_of(&[campaign_id.to_owned()]).await?;
        Ok(counts.remove(campaign_id).unwrap_or_default())
    }

    /// The same for several campaigns (a page of the list) in one query, by campaign id; statuses
    /// in `RecipientStatus::ALL` order.
    pub async fn status_counts_of(
        &self,
        campaign_ids: &[String],
    ) -> Result<HashMap<String, Vec<(RecipientStatus, u64)>>, StoreError> {
        if campaign_ids.is_empty() {
            return Ok(HashMap::new());
        }
        let sql = format!(
            "SELECT campaign_id, status, CAST(SUM(recipients) AS BIGINT) AS n FROM recipient_counts \
             WHERE campaign_id IN ({}) GROUP BY campaign_id, status HAVING SUM(recipients) > 0",
            numbered_parameters(campaign_ids.len())
        );
        let mut query = sqlx::query(&sql);
        for id in campaign_ids {
            query = query.bind(id.clone());
        }
        let rows = query.fetch_all(self.pool()).await?;
        let mut counts: HashMap<String, Vec<(RecipientStatus, u64)>> = HashMap::new();
        for row in &rows {
            let status: String = row.try_get("status")?;
            counts
                .entry(row.try_get("campaign_id")?)
                .or_default()
                .push((
                    stored_status(status)?,
                    u64::try_from(row.try_get::<i64, _>("n")?).unwrap_or(0),
                ));
        }
        for campaign in counts.values_mut() {
            campaign
                .sort_by_key(|(status, _)| RecipientStatus::ALL.iter().position(|s| s == status));
        }
        Ok(counts)
    }

    /// Records who did what to a campaign, and when.
    pub async fn record_action(
        &self,
        campaign_id: &str,
        actor: &str,
        action: CampaignActionKind,
        detail: Option<&str>,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        // Time-ordered ids keep actions of the same second in the order they were taken.
        sqlx::query("INSERT INTO campaign_actions (id, campaign_id, actor, action, detail, at) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(uuid::Uuid::now_v7().to_string())
            .bind(campaign_id)
            .bind(actor)
            .bind(action.as_str())
            .bind(detail)
            .bind(stored_instant(at))
            .execute(self.writes())
            .await?;
        Ok(())
    }

    pub async fn set_paused(&self, campaign_id: &str, paused: bool) -> Result<(), StoreError> {
        sqlx::query("UPDATE campaigns SET paused = $1 WHERE id = $2")
            .bind(i64::from(paused))
            .bind(campaign_id)
            .execute(self.writes())
            .await?;
        Ok(())
    }
}
