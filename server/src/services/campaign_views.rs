//! Campaigns for the status views: listed with counts, in detail with a page of recipients, who did
//! what, and what can still be done to them.

use crate::domain::phone::{PhoneNumber, Region};
use crate::domain::send_span::{sends_apart, RequestTime};
use app::models::{
    AppError, CampaignAction, CampaignDetail, CampaignDraft, CampaignFilter, CampaignPage,
    CampaignSummary, Notice, ProviderOptions, RecipientEvent, RecipientStatus, RecipientView,
    Refusal, StatusCount,
};
use app::services::CampaignService;
use async_trait::async_trait;

use super::campaign_approval::ApprovalTiming;
use super::operation_availability::availability;
use super::store_errors::read_failed;
use crate::clock::SharedClock;
use crate::providers::ProviderSet;
use crate::storage::{CampaignListQuery, CampaignRecord, RecipientRecord, Store, StoreError};

/// Campaigns per page of the list.
pub const CAMPAIGNS_PAGE: u32 = 20;
/// Recipients per page of a campaign's detail.
pub const RECIPIENTS_PAGE: u32 = 100;

pub struct CampaignViews {
    pub(super) store: Store,
    providers: ProviderSet,
    clock: SharedClock,
    /// Whose national format a searched number is read in.
    default_region: Region,
    approval: ApprovalTiming,
}

impl CampaignViews {
    pub fn new(
        store: Store,
        providers: ProviderSet,
        clock: SharedClock,
        default_region: Region,
        approval: ApprovalTiming,
    ) -> Self {
        Self {
            store,
            providers,
            clock,
            default_region,
            approval,
        }
    }

    /// The campaign recorded as `id`, or why not.
    pub(super) async fn record(&self, id: &str) -> Result<CampaignRecord, AppError> {
        self.store
            .campaign(id)
            .await
            .map_err(read_failed)?
            .ok_or_else(|| no_campaign(id))
    }
}

#[async_trait]
impl CampaignService for CampaignViews {
    async fn campaigns(
        &self,
        before: Option<String>,
        filter: CampaignFilter,
    ) -> Result<CampaignPage, AppError> {
        let search = filter.search.trim();
        let query = CampaignListQuery {
            before,
            state: filter.state,
            provider: filter.provider,
            text: (!search.is_empty()).then(|| search.to_owned()),
            phone: PhoneNumber::parse(search, self.default_region)
                .ok()
                .map(|n| n.e164().to_owned()),
        };
        let records = self
            .store
            .campaigns(CAMPAIGNS_PAGE + 1, &query)
            .await
            .map_err(read_failed)?;
        let more = records.len() > CAMPAIGNS_PAGE as usize;
        let records: Vec<CampaignRecord> =
            records.into_iter().take(CAMPAIGNS_PAGE as usize).collect();
        let ids: Vec<String> = records.iter().map(|r| r.id.clone()).collect();
        let mut counts = self
            .store
            .status_counts_of(&ids)
            .await
            .map_err(read_failed)?;
        let mut request_times = self
            .store
            .request_times_of(&ids)
            .await
            .map_err(read_failed)?;
        let campaigns = records
            .into_iter()
            .map(|record| {
                let campaign_counts = counts.remove(&record.id).unwrap_or_default();
                let times = request_times.remove(&record.id).unwrap_or_default();
                summary(record, campaign_counts, &times)
            })
            .collect::<Result<Vec<_>, _>>()
            .map_err(read_failed)?;
        let next_before = more
            .then(|| {
                campaigns
                    .last()
                    .map(|c: &CampaignSummary| c.created_at.clone())
            })
            .flatten();
        Ok(CampaignPage {
            campaigns,
            next_before,
        })
    }

    async fn campaign(
        &self,
        id: &str,
        status: Option<RecipientStatus>,
        offset: u64,
    ) -> Result<CampaignDetail, AppError> {
        let now = self.clock.now();
        let record = self.record(id).await?;
        let override_reason = record.override_reason.clone();
        let options = stored_options(&record);
        let waiting = self.store.waiting_requests(id).await.map_err(read_failed)?;
        let counts = self.store.status_counts(id).await.map_err(read_failed)?;
        // Refused recipients are failed ones: none failed, none to count.
        let failed = counts
            .iter()
            .any(|(status, count)| *status == RecipientStatus::Failed && *count > 0);
        let refused = if failed {
            self.store.refused_count(id).await.map_err(read_failed)?
        } else {
            0
        };
        let request_times = self
            .store
            .request_times_of(&[id.to_owned()])
            .await
            .map_err(read_failed)?
            .remove(id)
            .unwrap_or_default();
        let summary = summary(record.clone(), counts, &request_times).map_err(read_failed)?;
        let capabilities = self
            .providers
            .get(summary.provider)
            .map(|p| p.info().capabilities)
            .ok();
        let operations = availability(&record, &waiting, capabilities.as_ref(), now);
        let decisions = self.approval.decisions(&record, now);
        let approval_reasons = record.approval_reasons.clone();
        let actions = self
            .store
            .campaign_actions(id)
            .await
            .map_err(read_failed)?
            .into_iter()
            .map(|a| CampaignAction {
                actor: a.actor,
                action: a.action,
                detail: a.detail.as_deref().map(Notice::from_recorded),
                at: a.at,
            })
            .collect();
        let recipients = self
            .store
            .campaign_recipients(id, status, offset, RECIPIENTS_PAGE)
            .await
            .map_err(read_failed)?
            .into_iter()
            .map(recipient_view)
            .collect();
        Ok(CampaignDetail {
            summary,
            override_reason,
            options,
            operations,
            actions,
            approval_reasons,
            decisions,
            refused,
            recipients,
            recipients_offset: offset,
        })
    }

    async fn refused_again(&self, campaign_id: &str) -> Result<CampaignDraft, AppError> {
        self.refused_draft(campaign_id, self.clock.now()).await
    }

    async fn campaign_again(&self, campaign_id: &str) -> Result<CampaignDraft, AppError> {
        self.campaign_draft(campaign_id, self.clock.now()).await
    }

    async fn recipients_csv(
        &self,
        id: &str,
        status: Option<RecipientStatus>,
    ) -> Result<String, AppError> {
        self.export_csv(id, status).await
    }

    async fn recipient_history(&self, recipient_id: &str) -> Result<Vec<RecipientEvent>, AppError> {
        let events = self
            .store
            .recipient_history(recipient_id)
            .await
            .map_err(read_failed)?;
        if events.is_empty() {
            return Err(AppError::NotFound(Refusal::NoSuchRecipient(
                recipient_id.to_string(),
            )));
        }
        Ok(events
            .into_iter()
            .map(|(status, detail, source, occurred_at)| RecipientEvent {
                status,
                detail: detail.as_deref().map(Notice::from_recorded),
                source,
                occurred_at,
            })
            .collect())
    }
}

fn summary(
    record: CampaignRecord,
    counts: Vec<(RecipientStatus, u64)>,
    request_times: &[RequestTime],
) -> Result<CampaignSummary, StoreError> {
    Ok(CampaignSummary {
        sends: sends_apart(
            record.requested_send_at.as_deref(),
            request_times,
            &record.time_zone,
        ),
        provider: record.provider,
        id: record.id,
        name: record.name,
        sender: record.sender,
        actor: record.actor,
        text: record.message_text,
        purpose: record.purpose,
        requested_send_at: record.requested_send_at,
        time_zone: record.time_zone,
        simulation: record.simulation,
        paused: record.paused,
        approval: record.approval,
        recipient_count: record.recipient_count,
        counts: counts
            .into_iter()
            .map(|(status, count)| StatusCount { status, count })
            .collect(),
        created_at: record.created_at,
    })
}

/// The provider options a campaign was scheduled with, as the form holds them.
pub fn stored_options(record: &CampaignRecord) -> ProviderOptions {
    ProviderOptions {
        simulation: record.simulation,
        // Not kept with the campaign: the provider's replies come in with the reports.
        with_replies: false,
        remove_blacklisted: record.options.remove_blacklisted,
        flash: record.options.flash,
        validity_minutes: record
            .options
            .validity_minutes
            .map(|m| m.to_string())
            .unwrap_or_default(),
    }
}

pub fn no_campaign(id: &str) -> AppError {
    AppError::NotFound(Refusal::NoSuchCampaign(id.to_owned()))
}

fn recipient_view(record: RecipientRecord) -> RecipientView {
    RecipientView {
        id: record.id,
        line: record.line,
        phone: record.phone,
        parts: record.parts,
        encoding: record.encoding,
        send_at: record.send_at,
        status: record.status,
        // The ledger and the providers write reasons as words; the plan records notices as data.
        reason: record.reason.as_deref().map(Notice::from_recorded),
        warnings: record
            .warnings
            .iter()
            .map(|w| Notice::from_recorded(w))
            .collect(),
    }
}
