//! The app's service interface, answered by the server's services: one front, each job in its own
//! service.

use app::domain::phone::Region;
use app::models::{
    AppError, Balance, CampaignDetail, CampaignFilter, CampaignOperation, CampaignPage,
    CampaignPreview, Field, FieldError, LowBalance, OperationReport, OptOutImport, OptOutPage,
    ProductCredit, ProviderId, ProviderInfo, RecipientEvent, RecipientStatus, Refusal,
    SandboxClockView, ScheduleProgress, ScheduleReceipt, ScheduleRequest, ServerSettings,
};
use app::services::{Actor, SmsService};
use async_trait::async_trait;

use super::campaign_operations::CampaignOperations;
use super::campaign_views::CampaignViews;
use super::opt_out_list::OptOutList;
use super::scheduler::SchedulerService;
use crate::clock::{SandboxClock, SharedClock};
use std::sync::Arc;

pub struct AppService {
    pub scheduler: SchedulerService,
    pub views: CampaignViews,
    pub operations: CampaignOperations,
    pub opt_outs: OptOutList,
    pub clock: SharedClock,
    pub settings: ServerSettings,
    /// Mounted with the sandboxes only.
    pub sandbox_clock: Option<Arc<SandboxClock>>,
}

impl AppService {
    fn mounted_sandbox_clock(&self) -> Result<&SandboxClock, AppError> {
        self.sandbox_clock
            .as_deref()
            .ok_or(AppError::NotAllowed(Refusal::NoSandbox))
    }
}

#[async_trait]
impl SmsService for AppService {
    fn providers(&self) -> Vec<ProviderInfo> {
        self.scheduler.providers().infos()
    }

    fn settings(&self) -> ServerSettings {
        self.settings.clone()
    }

    fn sandbox_clock(&self) -> Result<SandboxClockView, AppError> {
        Ok(self.mounted_sandbox_clock()?.view())
    }

    fn advance_sandbox_clock(&self, seconds: i64) -> Result<SandboxClockView, AppError> {
        let clock = self.mounted_sandbox_clock()?;
        clock.step_forward(seconds).map_err(AppError::NotAllowed)?;
        Ok(clock.view())
    }

    async fn schedule(
        &self,
        actor: &Actor,
        request: ScheduleRequest,
        campaign_id: Option<String>,
    ) -> Result<ScheduleReceipt, AppError> {
        self.scheduler.schedule(actor, request, campaign_id).await
    }

    async fn schedule_progress(
        &self,
        campaign_id: &str,
    ) -> Result<Option<ScheduleProgress>, AppError> {
        self.scheduler.progress(campaign_id).await
    }

    async fn balance(&self, provider: ProviderId) -> Result<Balance, AppError> {
        self.scheduler.balance(provider).await
    }

    async fn low_balances(&self) -> Result<Vec<LowBalance>, AppError> {
        self.scheduler.low_balances().await
    }

    async fn balance_details(
        &self,
        provider: ProviderId,
        country: String,
    ) -> Result<Vec<ProductCredit>, AppError> {
        // A country the phone metadata knows, as an ISO 3166 code.
        Region::parse(&country).map_err(|problem| {
            AppError::Invalid(vec![FieldError::new(Field::Provider, problem)])
        })?;
        let country = country.trim().to_ascii_uppercase();
        let provider = self.scheduler.providers().get(provider)?;
        Ok(provider.balance_details(&country).await?)
    }

    async fn preview(
        &self,
        request: ScheduleRequest,
        offset: u64,
    ) -> Result<CampaignPreview, AppError> {
        self.scheduler.preview(request, offset).await
    }

    async fn campaigns(
        &self,
        before: Option<String>,
        filter: CampaignFilter,
    ) -> Result<CampaignPage, AppError> {
        self.views.campaigns(before, filter).await
    }

    async fn campaign(
        &self,
        id: &str,
        status: Option<RecipientStatus>,
        offset: u64,
    ) -> Result<CampaignDetail, AppError> {
        self.views
            .campaign(id, status, offset, self.clock.now())
            .await
    }

    async fn refused_again(&self, campaign_id: &str) -> Result<ScheduleRequest, AppError> {
        self.views
            .refused_again(campaign_id, self.clock.now())
            .await
    }

    async fn recipients_csv(
        &self,
        id: &str,
        status: Option<RecipientStatus>,
    ) -> Result<String, AppError> {
        self.views.recipients_csv(id, status).await
    }

    async fn recipient_history(&self, recipient_id: &str) -> Result<Vec<RecipientEvent>, AppError> {
        self.views.recipient_history(recipient_id).await
    }

    async fn operate(
        &self,
        actor: &Actor,
        campaign_id: &str,
        operation: CampaignOperation,
    ) -> Result<OperationReport, AppError> {
        self.operations.operate(actor, campaign_id, operation).await
    }

    async fn opt_outs(&self, offset: u64, search: String) -> Result<OptOutPage, AppError> {
        self.opt_outs.page(offset, &search).await
    }

    async fn add_opt_outs(
        &self,
        actor: &Actor,
        numbers: String,
        source: String,
    ) -> Result<OptOutImport, AppError> {
        self.opt_outs.add(actor, &numbers, &source).await
    }

    async fn remove_opt_out(&self, actor: &Actor, phone: String) -> Result<(), AppError> {
        self.opt_outs.remove(actor, &phone).await
    }
}
