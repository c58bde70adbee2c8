//! Schedules a campaign: validate, plan (sending rules, opt-outs, cap), record every recipient, hand
//! the batches to the provider, record each answer.

use crate::domain::approval_rules::ApprovalRules;
use crate::domain::campaign_plan::CampaignPlan;
use crate::domain::order::{OrderRecipients, OrderRules, SmsOrder};
use crate::domain::sending_rules::SendingPolicies;
use app::models::{
    AppError, CampaignPreview, Refusal, ScheduleProgress, ScheduleReceipt, ScheduleRequest,
};
use app::services::{Actor, ScheduleService};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use std::sync::Arc;
use std::time::Instant;
use tokio::sync::Semaphore;
use uuid::Uuid;

use super::campaign_approval::{campaign_facts, Held};
use super::campaign_records::campaign_row;
use super::campaign_start::{CampaignStart, HandOver, Recording};
use super::credit_check::{ensure_credit, CostRates};
use super::list_pass::ListInput;
use super::recipient_files::RecipientFiles;
use super::schedule_receipt::{answered, receipt};
use super::scheduler_planning::Previewed;
use super::store_errors::read_failed;
use crate::clock::SharedClock;
use crate::exactly_once::handover::{BatchResult, HandoverLimits, Handovers};
use crate::metrics::{self, CampaignPhase};
use crate::providers::ProviderSet;
use crate::providers::SmsProvider;
use crate::sending_rules_settings::FrequencyCap;
use crate::storage::{Claims, Store};

/// Rules the deployment sets for every campaign.
#[derive(Debug, Clone)]
pub struct SchedulingRules {
    pub order: OrderRules,
    pub policies: SendingPolicies,
    pub frequency_cap: FrequencyCap,
    pub handovers: HandoverLimits,
    pub approval: ApprovalRules,
}

pub struct Scheduler {
    pub(super) providers: ProviderSet,
    pub(super) store: Store,
    pub(super) clock: SharedClock,
    pub(super) rules: SchedulingRules,
    claims: Claims,
    handovers: Handovers,
    /// Uploaded lists a request may name instead of typed recipients (`scheduler_uploads.rs`).
    pub(super) files: RecipientFiles,
    /// Lists read and planned at once (one per core): more wait their turn.
    heavy_work: Semaphore,
    /// Files read again as they are recorded, at once (one per core): more wait their turn.
    recorded_readings: Arc<Semaphore>,
}

impl Scheduler {
    pub fn new(
        providers: ProviderSet,
        store: Store,
        clock: SharedClock,
        rules: SchedulingRules,
        claims: Claims,
        files: RecipientFiles,
    ) -> Self {
        Self {
            files,
            handovers: Handovers::new(store.clone(), clock.clone(), &rules.handovers),
            heavy_work: Semaphore::new(cores()),
            recorded_readings: Arc::new(Semaphore::new(cores())),
            providers,
            store,
            clock,
            rules,
            claims,
        }
    }

    /// The hand-overs running, for a stopping process to wait for.
    pub fn handovers_in_flight(&self) -> tokio_util::task::TaskTracker {
        self.handovers.in_flight()
    }

    /// A turn at reading or planning a list (one per core; more wait).
    pub(super) async fn heavy_turn(&self) -> tokio::sync::SemaphorePermit<'_> {
        self.heavy_work
            .acquire()
            .await
            .expect("the semaphore is never closed")
    }

    /// The id the campaign is recorded under: the browser's, when it is a UUID not used yet.
    async fn new_campaign_id(&self, chosen: String) -> Result<String, AppError> {
        let id = Uuid::parse_str(chosen.trim())
            .map_err(|_| AppError::NotAllowed(Refusal::NotAUuid(chosen.clone())))?
            .to_string();
        if self
            .store
            .campaign(&id)
            .await
            .map_err(read_failed)?
            .is_some()
        {
            return Err(AppError::NotAllowed(Refusal::AlreadyScheduled(id)));
        }
        Ok(id)
    }
}

#[async_trait]
impl ScheduleService for Scheduler {
    /// Validates, plans, records every recipient, hands the batches over and records each answer.
    /// `campaign_id` (a UUID the browser chose) names the campaign; one already recorded under it
    /// is not scheduled again.
    async fn schedule(
        &self,
        actor: &Actor,
        request: ScheduleRequest,
        campaign_id: String,
    ) -> Result<ScheduleReceipt, AppError> {
        let campaign_id = self.new_campaign_id(campaign_id).await?;
        let (request, list) = self.with_file_read(actor, request).await?;
        let now = self.clock.now();
        // The form is kept, when rules may hold the campaign, to be planned again on approval.
        let form = (!self.rules.approval.rules.is_empty()).then(|| request.clone());
        let (order, plan, provider) = self.planned_with_credit(request, list, now).await?;
        let estimate = CostRates::of(provider.as_ref(), &order)
            .map(|rates| (rates.estimate(&plan), rates.per_part.currency));
        if let Some(form) = form {
            let reasons =
                self.rules
                    .approval
                    .reasons(&campaign_facts(&order, &plan, estimate.clone()));
            if !reasons.is_empty() {
                let held = Held {
                    campaign_id: &campaign_id,
                    form: &form,
                    reasons: &reasons,
                };
                self.hold(actor, held, &order, &plan, now).await?;
                let mut receipt = receipt(campaign_id, &order, &plan, estimate);
                receipt.held_for_approval = reasons;
                return Ok(receipt);
            }
        }
        // What the receipt says of the list, read now: the list and its plan go before the
        // hand-over starts.
        let planned = receipt(campaign_id.clone(), &order, &plan, estimate);
        let results = self
            .hand_over(
                HandOver {
                    campaign_id: &campaign_id,
                    sender: &actor.name,
                    actor: &actor.name,
                    recording: Recording::NewCampaign,
                },
                order,
                plan,
                provider.clone(),
                now,
            )
            .await?;

        // When every batch was refused, say why as an error, as for a single request. A batch
        // without an answer is not a refusal: reconciliation settles it, so the receipt says so.
        let refused = |r: &BatchResult| r.error.as_ref().is_some_and(|e| !e.outcome_unknown());
        if !results.is_empty() && results.iter().all(refused) {
            let error = results
                .into_iter()
                .find_map(|r| r.error)
                .expect("every batch was refused");
            return Err(error.into());
        }
        Ok(answered(planned, results))
    }

    /// How far the campaign's hand-over has gone; `None` while it is not recorded.
    async fn schedule_progress(
        &self,
        campaign_id: &str,
    ) -> Result<Option<ScheduleProgress>, AppError> {
        self.store
            .submission_progress(campaign_id)
            .await
            .map_err(read_failed)
    }

    /// What `schedule` would do with `request`, a page of recipients from `offset`. An uploaded
    /// file is read again from the store for each preview, never held whole.
    async fn preview(
        &self,
        actor: &Actor,
        mut request: ScheduleRequest,
        offset: u64,
    ) -> Result<CampaignPreview, AppError> {
        let list = self.uploaded_list(actor, &mut request).await?;
        self.preview_of(request, list, offset, Previewed::NewCampaign)
            .await
    }
}

impl Scheduler {
    /// `plan_list`, and the provider's credit checked for the plan: the campaign's planning,
    /// timed for the metrics.
    pub(super) async fn planned_with_credit(
        &self,
        request: ScheduleRequest,
        list: ListInput,
        now: DateTime<Utc>,
    ) -> Result<(SmsOrder, CampaignPlan, Arc<dyn SmsProvider>), AppError> {
        let started = Instant::now();
        let (order, plan, provider) = self.plan_list(request, list, now).await?;
        ensure_credit(provider.as_ref(), &order, &plan).await?;
        metrics::campaign_phase(order.provider, CampaignPhase::Planning, started.elapsed());
        Ok((order, plan, provider))
    }

    /// Records the planned campaign (or, approved, its submissions and recipients) and hands it
    /// over; each batch's answer. The order and its plan go to the task that records them a part
    /// at a time, and are released once recorded, before the hand-over. A file read again as it
    /// is recorded takes a turn (one per core): its reading needs a core, and on PostgreSQL a
    /// connection beside the recording's own, so recordings never hold every connection their
    /// readers need. Planning keeps its own turns: a typed list waits for no recording.
    pub(super) async fn hand_over(
        &self,
        hand_over: HandOver<'_>,
        order: SmsOrder,
        plan: CampaignPlan,
        provider: Arc<dyn SmsProvider>,
        now: DateTime<Utc>,
    ) -> Result<Vec<BatchResult>, AppError> {
        let provider_id = order.provider;
        let reading_turn = match &order.recipients {
            OrderRecipients::Reread { .. } => Some(
                self.recorded_readings
                    .clone()
                    .acquire_owned()
                    .await
                    .expect("the semaphore is never closed"),
            ),
            OrderRecipients::Listed(_) => None,
        };
        let handed_over = CampaignStart {
            store: self.store.clone(),
            clock: self.clock.clone(),
            claims: self.claims.clone(),
            handovers: self.handovers.clone(),
            provider: provider.clone(),
            campaign: campaign_row(hand_over.campaign_id, hand_over.sender, &order, &plan, now),
            sender: hand_over.sender.to_owned(),
            order,
            plan,
            reading_turn,
            actor: hand_over.actor.to_owned(),
            recording: hand_over.recording,
            now,
        }
        .run()
        .await;
        // The provider's credit has moved: the next balance shown is read from it.
        self.providers.balance_changed(provider_id);
        handed_over
    }
}

/// The machine's cores, as the process may use them.
fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
}

/// Runs CPU work on tokio's blocking pool.
pub(super) async fn off_the_workers<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AppError> {
    tokio::task::spawn_blocking(work).await.map_err(|error| {
        tracing::error!(%error, "planning a campaign failed");
        AppError::Internal("the campaign could not be planned; nothing was sent".into())
    })
}
