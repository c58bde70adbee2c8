//! Schedules a campaign: validate, plan (sending rules, opt-outs, cap), record every recipient, hand
//! the batches to the provider, record each answer.

use app::domain::campaign_plan::{CampaignPlan, Exclusions, Fate};
use app::domain::order::{OrderRules, SmsOrder};
use app::domain::sending_rules::SendingPolicies;
use app::domain::Purpose;
use app::models::{
    AppError, Balance, CampaignPreview, ExcludedRecipient, Notice, PreviewRecipient, ProviderId,
    RecipientWarning, Refusal, ScheduleProgress, ScheduleReceipt, ScheduleRequest,
    SubmissionOutcome, SubmissionReceipt,
};
use app::services::Actor;
use chrono::{DateTime, Utc};
use futures_util::stream::{self, StreamExt};
use std::sync::Arc;
use uuid::Uuid;

use super::campaign_records::{campaign_rows, PlannedSubmission};
use super::credit_check::{ensure_credit, round, CostRates};
use super::frequency_cap::FrequencyCap;
use super::provider_set::ProviderSet;
use super::store_errors::{campaign_not_recorded, read_failed};
use super::submission_outcomes::{handed_over, SubmissionOutcomes};
use crate::clock::SharedClock;
use crate::providers::{Accepted, PreparedRequest, ProviderError, SmsProvider};
use crate::storage::{stored_instant, Claim, Claims, Store, StoreError};

/// Warnings sent back one by one; beyond, a count.
const MAX_WARNINGS: usize = 100;
const SOURCE: &str = "scheduler";

/// Rules the deployment sets for every campaign.
#[derive(Debug, Clone)]
pub struct SchedulingRules {
    pub order: OrderRules,
    pub policies: SendingPolicies,
    pub frequency_cap: FrequencyCap,
    /// Provider requests of one campaign in flight at once.
    pub concurrency: usize,
}

pub struct SchedulerService {
    providers: ProviderSet,
    store: Store,
    clock: SharedClock,
    rules: SchedulingRules,
    claims: Claims,
    outcomes: SubmissionOutcomes,
}

impl SchedulerService {
    pub fn new(
        providers: ProviderSet,
        store: Store,
        clock: SharedClock,
        rules: SchedulingRules,
        claims: Claims,
    ) -> Self {
        Self {
            outcomes: SubmissionOutcomes::new(store.clone(), clock.clone()),
            providers,
            store,
            clock,
            rules,
            claims,
        }
    }

    fn claim(&self) -> Claim {
        self.claims.taken_at(self.clock.now())
    }

    /// Validates the form and plans the campaign: what would happen, recipient by recipient.
    async fn plan(
        &self,
        request: &ScheduleRequest,
        now: DateTime<Utc>,
    ) -> Result<(SmsOrder, CampaignPlan, Arc<dyn SmsProvider>), AppError> {
        let order = SmsOrder::parse(request, &self.rules.order, now).map_err(AppError::Invalid)?;
        let provider = self.providers.get(order.provider)?.clone();
        let batch_size = provider.info().capabilities.max_recipients_per_request as usize;
        let exclusions = self.exclusions(&order, now).await.map_err(read_failed)?;
        let plan = CampaignPlan::new(&order, &self.rules.policies, &exclusions, now, batch_size);
        Ok((order, plan, provider))
    }

    /// Opt-outs always; the frequency cap for marketing.
    async fn exclusions(
        &self,
        order: &SmsOrder,
        now: DateTime<Utc>,
    ) -> Result<Exclusions, StoreError> {
        let opted_out = self
            .store
            .opt_out_reasons()
            .await?
            .into_iter()
            .map(|(phone, mark)| {
                let notice = Notice::OptedOut {
                    source: mark.source,
                    since: mark.since,
                };
                (phone, notice)
            })
            .collect();
        let over_cap = if order.purpose == Purpose::Marketing {
            let at = order.requested_instant(now);
            self.rules.frequency_cap.over_cap(&self.store, at).await?
        } else {
            Default::default()
        };
        Ok(Exclusions {
            opted_out,
            over_cap,
            cap_action: self.rules.frequency_cap.action,
        })
    }

    /// Hands one batch over and records the answer, for the submission and for each recipient.
    async fn submit(&self, provider: &dyn SmsProvider, batch: &Batch) -> BatchResult {
        let submission_id = batch.request.key.as_str();
        let contacts = batch.request.contacts;
        let send_at = batch.send_at.clone();
        let unknown = |why: Notice| BatchResult {
            receipt: SubmissionReceipt {
                submission_id: submission_id.to_owned(),
                reference: None,
                contacts,
                send_at: send_at.clone(),
                outcome: SubmissionOutcome::Unknown(Box::new(why)),
            },
            accepted: None,
            error: None,
        };
        // The claim taken when the campaign was written may have lapsed while earlier batches were
        // sent; if another instance's reconciliation took the batch since, it is theirs to send.
        match self.store.renew_claim(submission_id, &self.claim()).await {
            Ok(true) => {}
            Ok(false) => {
                return unknown(Notice::TakenOverByReconciliation);
            }
            Err(error) => {
                tracing::error!(submission = %submission_id, %error, "claim not renewed: left to reconciliation");
                return unknown(Notice::LeftToReconciliation);
            }
        }
        let numbers = &batch.numbers;
        match provider.send(&batch.request, false).await {
            Ok(accepted) => {
                // The provider has the batch whatever happens here: a failed write is logged (the
                // rows stay pending, to be reconciled), never reported as "not sent".
                if let Err(error) = self
                    .outcomes
                    .accepted(
                        submission_id,
                        numbers,
                        handed_over(send_at.is_some(), batch.simulation),
                        &accepted,
                        SOURCE,
                    )
                    .await
                {
                    tracing::error!(submission = %submission_id, reference = ?accepted.reference, %error, "accepted batch not recorded");
                }
                tracing::info!(submission = %submission_id, provider = %provider.info().id, reference = ?accepted.reference, contacts = accepted.contacts, "batch accepted");
                BatchResult {
                    receipt: SubmissionReceipt {
                        submission_id: submission_id.to_owned(),
                        reference: accepted.reference.clone(),
                        contacts: accepted.contacts,
                        send_at,
                        outcome: SubmissionOutcome::Accepted,
                    },
                    accepted: Some(accepted),
                    error: None,
                }
            }
            Err(error) => {
                tracing::warn!(submission = %submission_id, provider = %provider.info().id, %error, "batch not accepted");
                if let Err(store_error) = self.outcomes.failed(submission_id, &error, SOURCE).await
                {
                    tracing::error!(submission = %submission_id, error = %store_error, "provider failure not recorded");
                }
                let outcome = if error.outcome_unknown() {
                    SubmissionOutcome::Unknown(Box::new(Notice::NoAnswerLookedUp {
                        provider: error.provider,
                        message: error.message.clone(),
                    }))
                } else {
                    SubmissionOutcome::Refused(error.message.clone())
                };
                BatchResult {
                    receipt: SubmissionReceipt {
                        submission_id: submission_id.to_owned(),
                        reference: None,
                        contacts,
                        send_at,
                        outcome,
                    },
                    accepted: None,
                    error: Some(error),
                }
            }
        }
    }
}

/// One batch, prepared before anything is recorded.
struct Batch {
    request: PreparedRequest,
    /// E.164 numbers in the request's order.
    numbers: Vec<String>,
    /// RFC 3339 in the campaign's zone; `None`: at once.
    send_at: Option<String>,
    simulation: bool,
}

/// What a batch's answer adds to the campaign's receipt.
struct BatchResult {
    receipt: SubmissionReceipt,
    accepted: Option<Accepted>,
    error: Option<ProviderError>,
}

impl SchedulerService {
    pub fn providers(&self) -> &ProviderSet {
        &self.providers
    }

    /// Validates, plans, records every recipient, hands the batches over and records each answer.
    /// `campaign_id` (a UUID the browser chose) names the campaign; one already recorded under it
    /// is not scheduled again.
    pub async fn schedule(
        &self,
        actor: &Actor,
        request: ScheduleRequest,
        campaign_id: Option<String>,
    ) -> Result<ScheduleReceipt, AppError> {
        let campaign_id = self.new_campaign_id(campaign_id).await?;
        let now = self.clock.now();
        let (order, plan, provider) = self.plan(&request, now).await?;
        ensure_credit(provider.as_ref(), &order, &plan).await?;

        // Everything is recorded before the first call, each batch's request as it will be sent,
        // under the key the provider will see (Octopush request_id, Infobip bulkId), and claimed
        // by this instance: a lost answer or a crash can be reconciled, by one instance only.
        let submissions: Vec<PlannedSubmission> = plan
            .batches
            .iter()
            .map(|batch| {
                // Time-ordered, so that the recipients' keys (`<submission>-<index>`) arrive in
                // key order and the ledger's index is appended to rather than split.
                let id = Uuid::now_v7().to_string();
                PlannedSubmission {
                    request: provider.prepare(&plan.batch_order(&order, batch), &id),
                    id,
                    batch,
                }
            })
            .collect();
        let claim = self.claim();
        let rows = campaign_rows(
            &campaign_id,
            &actor.0,
            &order,
            &plan,
            &submissions,
            &claim,
            now,
        );
        self.store
            .record_campaign(&rows.campaign, &rows.submissions, &rows.recipients)
            .await
            .map_err(campaign_not_recorded)?;
        let detail = rows.campaign.override_reason.as_deref().map(|reason| {
            Notice::RulesOverridden {
                reason: reason.to_owned(),
            }
            .to_recorded()
        });
        if let Err(error) = self
            .store
            .record_action(&campaign_id, &actor.0, "schedule", detail.as_deref(), now)
            .await
        {
            tracing::error!(campaign = %campaign_id, %error, "action not recorded");
        }

        let batches: Vec<Batch> = rows
            .submissions
            .into_iter()
            .zip(submissions)
            .map(|(row, planned)| Batch {
                request: planned.request,
                numbers: row.recipients,
                send_at: row.send_at,
                simulation: row.simulation,
            })
            .collect();
        let results: Vec<BatchResult> = stream::iter(batches)
            .map(|batch| {
                let provider = provider.clone();
                async move { self.submit(provider.as_ref(), &batch).await }
            })
            .buffered(self.rules.concurrency.max(1))
            .collect()
            .await;

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
        let estimate = CostRates::of(provider.as_ref(), &order)
            .map(|rates| (rates.estimate(&plan), rates.per_part.currency));
        Ok(receipt(campaign_id, &order, &plan, results, estimate))
    }

    /// The id the campaign is recorded under: the browser's, when it is a UUID not used yet.
    async fn new_campaign_id(&self, chosen: Option<String>) -> Result<String, AppError> {
        let Some(chosen) = chosen else {
            return Ok(Uuid::new_v4().to_string());
        };
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

    /// How far the campaign's hand-over has gone; `None` while it is not recorded.
    pub async fn progress(&self, campaign_id: &str) -> Result<Option<ScheduleProgress>, AppError> {
        self.store
            .submission_progress(campaign_id)
            .await
            .map_err(read_failed)
    }

    pub async fn balance(&self, provider: ProviderId) -> Result<Balance, AppError> {
        Ok(self.providers.get(provider)?.balance().await?)
    }

    /// What `schedule` would do with `request`, a page of recipients from `offset`.
    pub async fn preview(
        &self,
        request: ScheduleRequest,
        offset: u64,
    ) -> Result<CampaignPreview, AppError> {
        let now = self.clock.now();
        let (order, plan, provider) = self.plan(&request, now).await?;
        let price = CostRates::of(provider.as_ref(), &order);
        Ok(preview(&order, &plan, price.as_ref(), offset))
    }
}

/// Recipients shown per preview page.
pub const PREVIEW_PAGE: usize = 100;

fn preview(
    order: &SmsOrder,
    plan: &CampaignPlan,
    price: Option<&CostRates>,
    offset: u64,
) -> CampaignPreview {
    let cost = |parts: u64| price.map(|p| round(parts as f64 * p.per_part.amount));
    let count =
        |keep: fn(&Fate) -> bool| plan.recipients.iter().filter(|r| keep(&r.fate)).count() as u64;
    let start = usize::try_from(offset).unwrap_or(usize::MAX);
    let recipients = plan
        .recipients
        .iter()
        .zip(&order.recipients)
        .skip(start)
        .take(PREVIEW_PAGE)
        .map(|(planned, personalised)| {
            let (send_at, deferred, excluded) = match &planned.fate {
                Fate::Send { at, deferred, .. } => (
                    (order.send_at.is_some() || *deferred).then(|| stored_instant(*at)),
                    *deferred,
                    None,
                ),
                Fate::Excluded { reason } => (None, false, Some(reason.as_ref().clone())),
            };
            PreviewRecipient {
                line: planned.line,
                number: planned.number.clone(),
                text: order.text_for(personalised).as_str().to_owned(),
                encoding: planned.stats.encoding.to_string(),
                parts: u32::try_from(planned.stats.parts).unwrap_or(u32::MAX),
                cost: if excluded.is_none() {
                    cost(planned.stats.parts as u64)
                } else {
                    None
                },
                send_at,
                deferred,
                excluded,
                warnings: planned.warnings.clone(),
            }
        })
        .collect();
    let parts = plan
        .recipients
        .iter()
        .filter(|r| matches!(r.fate, Fate::Send { .. }))
        .map(|r| r.stats.parts as u64)
        .sum();
    CampaignPreview {
        recipients,
        offset,
        total: plan.recipients.len() as u64,
        to_send: count(|f| matches!(f, Fate::Send { .. })),
        excluded: count(|f| matches!(f, Fate::Excluded { .. })),
        deferred: count(|f| matches!(f, Fate::Send { deferred: true, .. })),
        parts,
        // Every request's fee on top of the parts.
        cost: price.map(|p| p.estimate(plan)),
        currency: price.map(|p| p.per_part.currency.clone()),
        submissions: u32::try_from(plan.batches.len()).unwrap_or(u32::MAX),
        duplicates: order.duplicates.clone(),
        warnings: plan.warning_counts(),
        over_cap: plan.over_cap(),
        countries: order.countries(),
    }
}

fn receipt(
    campaign_id: String,
    order: &SmsOrder,
    plan: &CampaignPlan,
    results: Vec<BatchResult>,
    estimate: Option<(f64, String)>,
) -> ScheduleReceipt {
    let accepted: Vec<&Accepted> = results.iter().filter_map(|r| r.accepted.as_ref()).collect();
    let mut warnings = plan.recipients.iter().flat_map(|r| {
        r.warnings.iter().map(|notice| RecipientWarning {
            line: r.line,
            number: r.number.clone(),
            notice: notice.clone(),
        })
    });
    let shown: Vec<RecipientWarning> = warnings.by_ref().take(MAX_WARNINGS).collect();
    let more_warnings = u32::try_from(warnings.count()).unwrap_or(u32::MAX);
    ScheduleReceipt {
        campaign_id,
        provider: order.provider,
        contacts: accepted.iter().map(|a| a.contacts).sum(),
        sms_needed: accepted.iter().map(|a| a.sms_needed).sum(),
        // Known only when every accepted batch says (and nothing accepted costs nothing known).
        total_cost: if accepted.is_empty() {
            None
        } else {
            accepted.iter().map(|a| a.total_cost).sum()
        },
        currency: accepted.iter().find_map(|a| a.currency.clone()),
        residual_credit: accepted
            .iter()
            .filter_map(|a| a.residual_credit)
            .reduce(f64::min),
        send_at: order.send_at.as_ref().map(|t| t.instant.to_rfc3339()),
        time_zone: order.time_zone.name().to_owned(),
        estimated_cost: estimate,
        simulation: order.simulation(),
        duplicates: order.duplicates.clone(),
        rejected: accepted.iter().flat_map(|a| a.rejected.clone()).collect(),
        excluded: plan
            .excluded()
            .map(|(r, reason)| ExcludedRecipient {
                line: r.line,
                number: r.number.clone(),
                reason: reason.to_owned(),
            })
            .collect(),
        deferred: u32::try_from(
            plan.recipients
                .iter()
                .filter(|r| matches!(r.fate, Fate::Send { deferred: true, .. }))
                .count(),
        )
        .unwrap_or(u32::MAX),
        warnings: shown,
        more_warnings,
        submissions: results.into_iter().map(|r| r.receipt).collect(),
    }
}
