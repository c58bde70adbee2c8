//! The interface the server functions' server side calls. The `server` crate implements it and
//! provides it as context for each server-function request; the app never sees the implementation.

use async_trait::async_trait;
use leptos::prelude::use_context;
use std::sync::Arc;

use crate::models::{
    AppError, Balance, CampaignDetail, CampaignFilter, CampaignOperation, CampaignPage,
    CampaignPreview, LowBalance, OperationReport, OptOutImport, OptOutPage, ProductCredit,
    ProviderId, ProviderInfo, RecipientEvent, RecipientStatus, SandboxClockView, ScheduleProgress,
    ScheduleReceipt, ScheduleRequest, ServerSettings,
};

/// Who performs an action, taken from the request (the portal's sign-in header, or a local operator).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor(pub String);

#[async_trait]
pub trait SmsService: Send + Sync + 'static {
    /// The configured providers, and whether each is a sandbox.
    fn providers(&self) -> Vec<ProviderInfo>;

    /// The configuration in force, without secrets.
    fn settings(&self) -> ServerSettings;

    /// The sandboxes' clock; refused when no sandbox is mounted.
    fn sandbox_clock(&self) -> Result<SandboxClockView, AppError>;

    /// Moves the sandboxes' clock `seconds` forward (at most a year).
    fn advance_sandbox_clock(&self, seconds: i64) -> Result<SandboxClockView, AppError>;

    /// Validates the form, records the campaign (under `campaign_id` when given: a campaign already
    /// recorded under it is refused) and hands it to the provider.
    async fn schedule(
        &self,
        actor: &Actor,
        request: ScheduleRequest,
        campaign_id: Option<String>,
    ) -> Result<ScheduleReceipt, AppError>;

    /// How far the hand-over of a campaign has gone; `None` while it is not recorded yet.
    async fn schedule_progress(
        &self,
        campaign_id: &str,
    ) -> Result<Option<ScheduleProgress>, AppError>;

    async fn balance(&self, provider: ProviderId) -> Result<Balance, AppError>;

    /// The providers whose balance would not pay for their last campaign again.
    async fn low_balances(&self) -> Result<Vec<LowBalance>, AppError>;

    /// What the credit buys of each product in `country` (ISO 3166), when the provider says it
    /// (Octopush); empty otherwise.
    async fn balance_details(
        &self,
        provider: ProviderId,
        country: String,
    ) -> Result<Vec<ProductCredit>, AppError>;

    /// What scheduling `request` would do, recipient by recipient (a page from `offset`); nothing
    /// is recorded or sent.
    async fn preview(
        &self,
        request: ScheduleRequest,
        offset: u64,
    ) -> Result<CampaignPreview, AppError>;

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
    async fn refused_again(&self, campaign_id: &str) -> Result<ScheduleRequest, AppError>;

    /// The campaign's recipients (those in `status` if given) with their results, as CSV.
    async fn recipients_csv(
        &self,
        id: &str,
        status: Option<RecipientStatus>,
    ) -> Result<String, AppError>;

    /// Everything that happened to one recipient, oldest first.
    async fn recipient_history(&self, recipient_id: &str) -> Result<Vec<RecipientEvent>, AppError>;

    /// Cancels, moves, pauses or resumes a scheduled campaign at its provider.
    async fn operate(
        &self,
        actor: &Actor,
        campaign_id: &str,
        operation: CampaignOperation,
    ) -> Result<OperationReport, AppError>;

    /// A page of the list from `offset`, newest first; with `search`, the numbers containing its
    /// digits (a whole number in national format is read as the international one).
    async fn opt_outs(&self, offset: u64, search: String) -> Result<OptOutPage, AppError>;

    /// Adds the numbers in `numbers` (one per line, or a CSV with a phone column); `source` is
    /// `operator` for numbers typed in, `import` for a file.
    async fn add_opt_outs(
        &self,
        actor: &Actor,
        numbers: String,
        source: String,
    ) -> Result<OptOutImport, AppError>;

    /// Takes a number off the list; says so when it was not on it.
    async fn remove_opt_out(&self, actor: &Actor, phone: String) -> Result<(), AppError>;
}

pub type SharedSmsService = Arc<dyn SmsService>;

/// The service and the acting user the server provided for this request.
pub fn from_context() -> Result<(SharedSmsService, Actor), AppError> {
    let service = use_context::<SharedSmsService>().ok_or_else(|| {
        AppError::Internal("the SMS service is not provided to server functions".into())
    })?;
    let actor = use_context::<Actor>().ok_or_else(|| {
        AppError::Internal("the acting user is not provided to server functions".into())
    })?;
    Ok((service, actor))
}
