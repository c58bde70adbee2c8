//! Scheduling campaigns, reading them, and operating them at their provider.

use async_trait::async_trait;

use super::Actor;
use crate::models::{
    AppError, Approval, ApprovalDecision, CampaignDetail, CampaignDraft, CampaignFilter,
    CampaignOperation, CampaignPage, CampaignPreview, OperationReport, RecipientEvent,
    RecipientStatus, ScheduleProgress, ScheduleReceipt, ScheduleRequest,
};

#[async_trait]
pub trait ScheduleService: Send + Sync + 'static {
    /// Validates the form, records the campaign under `campaign_id` (a campaign already recorded
    /// under it is not scheduled again) and hands it to the provider.
    async fn schedule(
        &self,
        actor: &Actor,
        request: ScheduleRequest,
        campaign_id: String,
    ) -> Result<ScheduleReceipt, AppError>;

    /// How far the hand-over of a campaign has gone; `None` while it is not recorded yet.
    async fn schedule_progress(
        &self,
        campaign_id: &str,
    ) -> Result<Option<ScheduleProgress>, AppError>;

    /// What scheduling `request` would do, recipient by recipient (a page from `offset`); nothing
    /// is recorded or sent.
    async fn preview(
        &self,
        actor: &Actor,
        request: ScheduleRequest,
        offset: u64,
    ) -> Result<CampaignPreview, AppError>;
}

#[async_trait]
pub trait CampaignService: Send + Sync + 'static {
    /// The campaigns `filter` names, newest first, `before` a previous page's `next_before`.
    async fn campaigns(
        &self,
        before: Option<String>,
        filter: CampaignFilter,
    ) -> Result<CampaignPage, AppError>;

    /// One campaign with a page of its recipients (those in `status` if given) from `offset`.
    async fn campaign(
        &self,
        id: &str,
        status: Option<RecipientStatus>,
        offset: u64,
    ) -> Result<CampaignDetail, AppError>;

    /// The form that scheduled the campaign, with only the recipients the provider refused, for
    /// the composer to check and schedule again; refused when it refused none.
    async fn refused_again(&self, campaign_id: &str) -> Result<CampaignDraft, AppError>;

    /// The form that scheduled the campaign, with its whole list, for the composer to check and
    /// schedule as a new campaign.
    async fn campaign_again(&self, campaign_id: &str) -> Result<CampaignDraft, AppError>;

    /// The campaign's recipients (those in `status` if given) with their results, as CSV.
    async fn recipients_csv(
        &self,
        id: &str,
        status: Option<RecipientStatus>,
    ) -> Result<String, AppError>;

    /// Everything that happened to one recipient, oldest first.
    async fn recipient_history(&self, recipient_id: &str) -> Result<Vec<RecipientEvent>, AppError>;
}

#[async_trait]
pub trait OperationService: Send + Sync + 'static {
    /// Cancels, moves, pauses or resumes a scheduled campaign at its provider.
    async fn operate(
        &self,
        actor: &Actor,
        campaign_id: &str,
        operation: CampaignOperation,
    ) -> Result<OperationReport, AppError>;
}

#[async_trait]
pub trait ApprovalService: Send + Sync + 'static {
    /// Approves (plans the campaign again as it is now and hands it over), rejects or withdraws a
    /// campaign the approval rules hold; the approval it has afterwards.
    async fn decide(
        &self,
        actor: &Actor,
        campaign_id: &str,
        decision: ApprovalDecision,
    ) -> Result<Approval, AppError>;

    /// What approving the held campaign would hand over, a page of recipients from `offset`.
    async fn held_preview(
        &self,
        campaign_id: &str,
        offset: u64,
    ) -> Result<CampaignPreview, AppError>;

    /// How many campaigns await approval that `actor` could approve (others', when their role
    /// gives the right; none otherwise).
    async fn awaiting_count(&self, actor: &Actor) -> Result<u64, AppError>;
}
