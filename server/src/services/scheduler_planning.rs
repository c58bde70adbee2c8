//! The scheduler's planning: the form read (an uploaded file's list in place of its box), the
//! sending rules, opt-outs and cap applied, recipient by recipient; and the preview made of it.

use app::models::{AppError, CampaignPreview, FieldError, Notice, ScheduleRequest};
use chrono::{DateTime, Utc};
use std::sync::Arc;

use super::campaign_approval::campaign_facts;
use super::campaign_preview;
use super::credit_check::CostRates;
use super::list_pass::{pass_over_list, ListInput, ListRead};
use super::scheduler::{off_the_workers, Scheduler};
use super::store_errors::{list_unread, read_failed};
use crate::domain::campaign_plan::{CampaignPlan, Exclusions};
use crate::domain::order::{PersonalisedRecipient, SmsOrder};
use crate::domain::Purpose;
use crate::providers::SmsProvider;
use crate::storage::StoreError;

/// What planning does with a list's lines in error, the rest of the form being right.
#[derive(Debug, Clone, Copy)]
enum BadLines {
    /// They are the answer: nothing is planned.
    Refuse,
    /// The other lines are planned, and the errors come with the plan (a preview's).
    SetAside,
}

/// A campaign planned: its order, plan and provider; the errors of the lines it leaves aside
/// (`BadLines::SetAside`); and the page of recipients a preview asked for.
struct Planned {
    order: SmsOrder,
    plan: CampaignPlan,
    provider: Arc<dyn SmsProvider>,
    set_aside: Vec<FieldError>,
    page: Vec<PersonalisedRecipient>,
}

/// What a preview is of: a campaign about to be scheduled (refused, like its scheduling, when
/// the rules would hold it and no approval could come in time), or a held one an approver reads.
pub(super) enum Previewed {
    NewCampaign,
    HeldCampaign,
}

impl Scheduler {
    /// Validates the form and plans the campaign, its recipients read from `list`: what would
    /// happen, recipient by recipient. Reading a list of numbers and planning it is CPU work: it
    /// runs on the blocking pool, a few lists at a time, so that a large list never holds up the
    /// async workers (nor `/health`).
    pub(super) async fn plan_list(
        &self,
        request: ScheduleRequest,
        list: ListInput,
        now: DateTime<Utc>,
    ) -> Result<(SmsOrder, CampaignPlan, Arc<dyn SmsProvider>), AppError> {
        let planned = self
            .plan_lines(request, list, now, BadLines::Refuse, None)
            .await?;
        Ok((planned.order, planned.plan, planned.provider))
    }

    /// `plan_list`; with `BadLines::SetAside`, the plan of a list's right lines when the only
    /// errors are on its other lines, with those errors; with `page`, the recipients from that
    /// offset a preview shows. The fields are read first: when they are right, the list's one
    /// pass also makes the plan's totals.
    async fn plan_lines(
        &self,
        request: ScheduleRequest,
        list: ListInput,
        now: DateTime<Utc>,
        bad_lines: BadLines,
        page: Option<u64>,
    ) -> Result<Planned, AppError> {
        let _turn = self.heavy_turn().await;
        let fields = SmsOrder::fields(&request, self.max_days_ahead(&request), now);
        // A provider not configured is said only when the form and its list are right: their
        // errors come first.
        let provider = fields
            .order()
            .map(|order| self.providers.get(order.provider).cloned());
        let plan = match (fields.order(), &provider) {
            (Some(order), Some(Ok(provider))) => {
                let batch_size = provider.info().capabilities.max_recipients_per_request;
                let exclusions = self.exclusions(order, now).await.map_err(read_failed)?;
                let policies = self.rules.policies.clone();
                let plan =
                    CampaignPlan::rules_for(order, policies, exclusions, now, batch_size as usize);
                Some(plan)
            }
            (Some(_), Some(Err(_))) | (Some(_), None) | (None, _) => None,
        };
        let rules = self.rules.order.clone();
        let read =
            off_the_workers(move || pass_over_list(&request, list, fields, &rules, plan, page))
                .await?
                .map_err(list_unread)?;
        let ListRead { order, plan, page } = read;
        let (order, set_aside) = order.map_err(AppError::Invalid)?;
        if !set_aside.is_empty() {
            match bad_lines {
                BadLines::Refuse => return Err(AppError::Invalid(set_aside)),
                BadLines::SetAside => {}
            }
        }
        let provider = provider.expect("an order is made of right fields only")?;
        let plan = plan.expect("with right fields and a provider, the plan is made");
        Ok(Planned {
            order,
            plan,
            provider,
            set_aside,
            page,
        })
    }

    /// The chosen provider's own horizon, as its capabilities declare it (an unknown provider is
    /// reported once the fields are read).
    fn max_days_ahead(&self, request: &ScheduleRequest) -> Option<u32> {
        self.providers
            .get(request.provider)
            .ok()
            .and_then(|provider| provider.info().capabilities.max_days_ahead)
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
    /// read from `list`.
    pub(super) async fn preview_of(
        &self,
        request: ScheduleRequest,
        list: ListInput,
        offset: u64,
        previewed: Previewed,
    ) -> Result<CampaignPreview, AppError> {
        let now = self.clock.now();
        let planned = self
            .plan_lines(request, list, now, BadLines::SetAside, Some(offset))
            .await?;
        let Planned {
            order,
            plan,
            provider,
            set_aside,
            page,
        } = planned;
        let price = CostRates::of(provider.as_ref(), &order);
        let mut preview = campaign_preview::preview(&order, &plan, &page, price.as_ref(), offset);
        preview.lines_to_fix = set_aside;
        let estimate = price.map(|rates| (rates.estimate(&plan), rates.per_part.currency));
        preview.held_for_approval = self
            .rules
            .approval
            .reasons(&campaign_facts(&order, &plan, estimate));
        match previewed {
            Previewed::NewCampaign if !preview.held_for_approval.is_empty() => {
                self.approvable_in_time(&order, &plan, now)?;
            }
            Previewed::NewCampaign | Previewed::HeldCampaign => {}
        }
        Ok(preview)
    }
}
