//! The scheduler's planning: the form read (an uploaded file's list in place of its box), the
//! sending rules, opt-outs and cap applied, recipient by recipient; and the preview made of it.

use app::models::{AppError, CampaignPreview, FieldError, Notice, ScheduleRequest};
use chrono::{DateTime, Utc};
use std::sync::Arc;

use super::campaign_approval::campaign_facts;
use super::campaign_preview;
use super::credit_check::CostRates;
use super::scheduler::{off_the_workers, Scheduler};
use super::store_errors::{list_unread, read_failed};
use crate::domain::campaign_plan::{CampaignPlan, Exclusions, FirstPass};
use crate::domain::order::{ListSource, SmsOrder};
use crate::domain::recipients::{parse_recipients, RecipientList};
use crate::domain::Purpose;
use crate::providers::SmsProvider;
use crate::storage::StoreError;

/// Where planning reads the recipients from.
pub(super) enum ListInput {
    /// The form's own (typed, or a held campaign's).
    Typed,
    /// An uploaded file read again at each pass (a schedule's): never held whole.
    Reread(Arc<dyn ListSource>),
}

/// What planning does with a list's lines in error, the rest of the form being right.
#[derive(Debug, Clone, Copy)]
enum BadLines {
    /// They are the answer: nothing is planned.
    Refuse,
    /// The other lines are planned, and the errors come with the plan (a preview's).
    SetAside,
}

/// A plan, and the errors of the lines it leaves aside (`BadLines::SetAside`).
type PlannedLines = (
    SmsOrder,
    CampaignPlan,
    Arc<dyn SmsProvider>,
    Vec<FieldError>,
);

impl Scheduler {
    /// Validates the form and plans the campaign: what would happen, recipient by recipient.
    /// Reading a list of numbers and planning it is CPU work: it runs on the blocking pool, a few
    /// lists at a time, so that a large list never holds up the async workers (nor `/health`).
    pub(super) async fn plan(
        &self,
        request: ScheduleRequest,
        now: DateTime<Utc>,
    ) -> Result<(SmsOrder, CampaignPlan, Arc<dyn SmsProvider>), AppError> {
        self.plan_list(request, ListInput::Typed, now).await
    }

    /// `plan`, with the recipients of an uploaded file in place of `request`'s.
    pub(super) async fn plan_list(
        &self,
        request: ScheduleRequest,
        list: ListInput,
        now: DateTime<Utc>,
    ) -> Result<(SmsOrder, CampaignPlan, Arc<dyn SmsProvider>), AppError> {
        match list {
            ListInput::Reread(source) => self.plan_reread(request, source, now).await,
            ListInput::Typed => {
                let (order, plan, provider, _) = self
                    .plan_lines(request, None, now, BadLines::Refuse)
                    .await?;
                Ok((order, plan, provider))
            }
        }
    }

    /// `plan` of a list read again at each pass: this first one checks it and makes the plan's
    /// totals as it goes; the recording reads it once more.
    async fn plan_reread(
        &self,
        request: ScheduleRequest,
        source: Arc<dyn ListSource>,
        now: DateTime<Utc>,
    ) -> Result<(SmsOrder, CampaignPlan, Arc<dyn SmsProvider>), AppError> {
        let _turn = self.heavy_turn().await;
        let fields = SmsOrder::fields(&request, self.max_days_ahead(&request), now);
        // With the fields right, each recipient is planned as the list is checked.
        let rules = match fields.order() {
            Some(order) => {
                let provider = self.providers.get(order.provider)?.clone();
                let batch_size = provider.info().capabilities.max_recipients_per_request;
                let exclusions = self.exclusions(order, now).await.map_err(read_failed)?;
                let policies = self.rules.policies.clone();
                let plan =
                    CampaignPlan::rules_for(order, policies, exclusions, now, batch_size as usize);
                Some((plan, provider))
            }
            None => None,
        };
        let order_rules = self.rules.order.clone();
        let (order, rules) = off_the_workers(move || {
            let mut first = rules.as_ref().map(|(plan, _)| plan.first_pass());
            let order = fields.with_reread_list(&request, source, &order_rules, |order, r| {
                if let Some(first) = first.as_mut() {
                    first.add(order, r);
                }
            });
            let summary = first.map(FirstPass::finish);
            (
                order,
                rules.map(|(plan, provider)| (plan, provider, summary)),
            )
        })
        .await?;
        let order = order.map_err(list_unread)?.map_err(AppError::Invalid)?;
        let Some((mut plan, provider, Some(summary))) = rules else {
            unreachable!("an order is made only of right fields, for which the plan was made")
        };
        plan.summary = summary;
        Ok((order, plan, provider))
    }

    /// The chosen provider's own horizon, as its capabilities declare it (an unknown provider is
    /// reported once the form is read).
    fn max_days_ahead(&self, request: &ScheduleRequest) -> Option<u32> {
        self.providers
            .get(request.provider)
            .ok()
            .and_then(|provider| provider.info().capabilities.max_days_ahead)
    }

    /// `plan_list`; with `BadLines::SetAside`, the plan of a list's right lines when the only
    /// errors are on its other lines, with those errors.
    async fn plan_lines(
        &self,
        request: ScheduleRequest,
        list: Option<Arc<RecipientList>>,
        now: DateTime<Utc>,
        bad_lines: BadLines,
    ) -> Result<PlannedLines, AppError> {
        let _turn = self.heavy_turn().await;
        let rules = self.rules.order.clone();
        let max_days_ahead = self.max_days_ahead(&request);
        let (order, set_aside) = off_the_workers(move || {
            let list = match list {
                // The file's list is copied only while it is kept for its next preview.
                Some(list) => {
                    Arc::try_unwrap(list).unwrap_or_else(|kept| RecipientList::clone(&kept))
                }
                None => parse_recipients(&request.recipients, rules.default_region),
            };
            SmsOrder::parse_setting_aside(&request, list, &rules, max_days_ahead, now)
        })
        .await?
        .map_err(AppError::Invalid)?;
        if !set_aside.is_empty() {
            match bad_lines {
                BadLines::Refuse => return Err(AppError::Invalid(set_aside)),
                BadLines::SetAside => {}
            }
        }
        let provider = self.providers.get(order.provider)?.clone();
        let batch_size = provider.info().capabilities.max_recipients_per_request as usize;
        let exclusions = self.exclusions(&order, now).await.map_err(read_failed)?;
        let policies = self.rules.policies.clone();
        let (order, plan) = off_the_workers(move || {
            let plan = CampaignPlan::new(&order, policies, exclusions, now, batch_size);
            (order, plan)
        })
        .await?;
        let plan = plan.map_err(list_unread)?;
        Ok((order, plan, provider, set_aside))
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

    /// `preview` of a request whose recipients are typed (a held campaign's form always is), or
    /// are `list`.
    pub(super) async fn preview_of(
        &self,
        request: ScheduleRequest,
        list: Option<Arc<RecipientList>>,
        offset: u64,
    ) -> Result<CampaignPreview, AppError> {
        let now = self.clock.now();
        let (order, plan, provider, set_aside) = self
            .plan_lines(request, list, now, BadLines::SetAside)
            .await?;
        let price = CostRates::of(provider.as_ref(), &order);
        let preview = campaign_preview::preview(&order, &plan, price.as_ref(), offset);
        let mut preview = preview.map_err(list_unread)?;
        preview.lines_to_fix = set_aside;
        let estimate = price.map(|rates| (rates.estimate(&plan), rates.per_part.currency));
        preview.held_for_approval = self
            .rules
            .approval
            .reasons(&campaign_facts(&order, &plan, estimate));
        Ok(preview)
    }
}
