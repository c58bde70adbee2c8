//! Four-eyes approval: a campaign the rules hold is recorded with its form and nothing handed
//! over; approving it plans the form again as things are then (opt-outs, sending windows, the
//! frequency cap, the balance) and hands it over through the same ledger as any campaign;
//! rejecting or withdrawing it closes it with nothing sent.

use app::models::{
    AppError, Approval, ApprovalDecision, CampaignActionKind, CampaignPreview,
    DecisionAvailability, DecisionKind, Field, FieldError, Notice, Problem, ProviderId, Refusal,
    ScheduleRequest, MAX_REJECTION_REASON,
};
use app::services::{Actor, ApprovalService};
use async_trait::async_trait;
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;

use super::campaign_records::campaign_row;
use super::campaign_start::{note_action, override_detail, HandOver, Recording};
use super::campaign_views::no_campaign;
use super::list_pass::ListInput;
use super::scheduler::Scheduler;
use super::scheduler_planning::Previewed;
use super::store_errors::{campaign_not_recorded, not_recorded, read_failed};
use crate::domain::approval_rules::{ApprovalRules, CampaignFacts};
use crate::domain::campaign_plan::CampaignPlan;
use crate::domain::order::SmsOrder;
use crate::providers::ProviderSet;
use crate::storage::CampaignRecord;

/// A campaign the rules hold, as it is recorded.
pub struct Held<'a> {
    pub campaign_id: &'a str,
    /// The form as the sender sent it.
    pub form: &'a ScheduleRequest,
    pub reasons: &'a [app::models::ApprovalReason],
}

/// What decides whether an approval comes in time for the hand-over to finish.
#[derive(Clone)]
pub struct ApprovalTiming {
    pub rules: ApprovalRules,
    pub providers: ProviderSet,
    /// Provider requests of one campaign in flight at once.
    pub concurrency: usize,
}

impl ApprovalTiming {
    /// Why approving `campaign` at `now` would come too late to hand it over; `None`: in time
    /// (a campaign sent at once is always in time).
    pub fn too_late(&self, campaign: &CampaignRecord, now: DateTime<Utc>) -> Option<Refusal> {
        let due = campaign
            .requested_send_at
            .as_deref()
            .and_then(|at| DateTime::parse_from_rfc3339(at).ok())?
            .with_timezone(&Utc);
        let minutes_needed =
            self.minutes_needed(campaign.provider, campaign.recipient_count, due, now)?;
        let zone: Tz = campaign.time_zone.parse().unwrap_or(Tz::UTC);
        Some(Refusal::TooLateToApprove {
            due: format!(
                "{} {zone}",
                due.with_timezone(&zone).format("%Y-%m-%d %H:%M")
            ),
            minutes_needed,
        })
    }

    /// Why a campaign the rules hold could not be approved in time if it were held now: the
    /// least minutes from now its send time needs. `None`: in time, or sent as soon as approved.
    pub fn too_soon_to_hold(
        &self,
        order: &SmsOrder,
        plan: &CampaignPlan,
        now: DateTime<Utc>,
    ) -> Option<u32> {
        let due = order.send_at.as_ref()?.instant.with_timezone(&Utc);
        self.minutes_needed(order.provider, plan.summary.total, due, now)
    }

    /// The minutes an approval at `now` needs before `due` and does not have: the notice, and
    /// about a second per provider request, as many at once as the hand-over makes.
    fn minutes_needed(
        &self,
        provider: ProviderId,
        recipients: u64,
        due: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Option<u32> {
        let per_request = self.providers.get(provider).map_or(1, |p| {
            p.info().capabilities.max_recipients_per_request.max(1)
        });
        let requests = recipients.div_ceil(u64::from(per_request));
        let at_once = self.concurrency.max(1) as u64;
        let seconds = i64::try_from(requests.div_ceil(at_once)).unwrap_or(i64::MAX);
        self.rules.too_late(now, due, Duration::seconds(seconds))
    }

    /// The decisions a held campaign offers now, before who is looking is known.
    pub fn decisions(
        &self,
        campaign: &CampaignRecord,
        now: DateTime<Utc>,
    ) -> Vec<DecisionAvailability> {
        if campaign.approval != Approval::Awaiting {
            return Vec::new();
        }
        DecisionKind::ALL
            .into_iter()
            .map(|decision| DecisionAvailability {
                decision,
                refused_because: match decision {
                    DecisionKind::Approve => self.too_late(campaign, now),
                    DecisionKind::Reject | DecisionKind::Withdraw => None,
                },
            })
            .collect()
    }
}

/// What the approval rules look at in a planned campaign.
pub fn campaign_facts(
    order: &SmsOrder,
    plan: &CampaignPlan,
    estimated_cost: Option<(f64, String)>,
) -> CampaignFacts {
    CampaignFacts {
        purpose: order.purpose,
        provider: order.provider,
        recipients: plan.summary.to_send,
        estimated_cost,
        simulation: order.simulation(),
    }
}

impl Scheduler {
    /// Records the campaign as awaiting approval, with its form: nothing goes to a provider.
    pub(super) async fn hold(
        &self,
        actor: &Actor,
        held: Held<'_>,
        order: &SmsOrder,
        plan: &CampaignPlan,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        self.approvable_in_time(order, plan, now)?;
        let mut campaign = campaign_row(held.campaign_id, &actor.name, order, plan, now);
        campaign.approval = Approval::Awaiting;
        campaign.approval_reasons = held.reasons.to_vec();
        campaign.held_request =
            Some(serde_json::to_string(held.form).map_err(|error| {
                AppError::Internal(format!("the form could not be kept: {error}"))
            })?);
        self.store
            .record_campaign(&campaign, &[], &[])
            .await
            .map_err(campaign_not_recorded)?;
        let detail = override_detail(&campaign);
        note_action(
            &self.store,
            held.campaign_id,
            &actor.name,
            CampaignActionKind::Schedule,
            detail,
            now,
        )
        .await;
        Ok(())
    }

    /// Refuses to hold a campaign no approval could hand over in time, rather than leave it
    /// awaiting a decision that can only come too late.
    pub(super) fn approvable_in_time(
        &self,
        order: &SmsOrder,
        plan: &CampaignPlan,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        match self.approval_timing().too_soon_to_hold(order, plan, now) {
            None => Ok(()),
            Some(minutes_needed) => Err(AppError::Invalid(vec![FieldError::new(
                Field::SendAt,
                Problem::TooSoonForApproval { minutes_needed },
            )])),
        }
    }

    pub fn approval_timing(&self) -> ApprovalTiming {
        ApprovalTiming {
            rules: self.rules.approval.clone(),
            providers: self.providers.clone(),
            concurrency: self.rules.handovers.concurrency,
        }
    }

    async fn held_campaign(&self, campaign_id: &str) -> Result<CampaignRecord, AppError> {
        self.store
            .campaign(campaign_id)
            .await
            .map_err(read_failed)?
            .ok_or_else(|| no_campaign(campaign_id))
    }

    /// The form the held campaign was scheduled with.
    async fn held_form(&self, campaign_id: &str) -> Result<ScheduleRequest, AppError> {
        let form = self
            .store
            .held_request(campaign_id)
            .await
            .map_err(read_failed)?
            .ok_or(AppError::NotAllowed(Refusal::NotAwaitingApproval(
                Approval::NotNeeded,
            )))?;
        read_held_form(campaign_id, &form)
    }

    async fn approve(
        &self,
        actor: &Actor,
        campaign: &CampaignRecord,
        now: DateTime<Utc>,
    ) -> Result<Approval, AppError> {
        if let Some(why) = self.approval_timing().too_late(campaign, now) {
            return Err(AppError::NotAllowed(why));
        }
        let form = self.held_form(&campaign.id).await?;
        let (order, plan, provider) = self
            .planned_with_credit(form, ListInput::Typed, now)
            .await?;
        let hand_over = HandOver {
            campaign_id: &campaign.id,
            sender: &campaign.actor,
            actor: &actor.name,
            recording: Recording::Approved,
        };
        // The batches' answers show on the campaign's page, as for any campaign.
        self.hand_over(hand_over, order, plan, provider, now)
            .await?;
        Ok(Approval::Approved)
    }

    /// Rejects or withdraws the held campaign: nothing was handed over, nothing will be.
    async fn close(
        &self,
        actor: &Actor,
        campaign: &CampaignRecord,
        decision: DecisionKind,
        detail: Option<String>,
        now: DateTime<Utc>,
    ) -> Result<Approval, AppError> {
        let outcome = decision.outcome();
        let closed = self
            .store
            .close_held(&campaign.id, outcome)
            .await
            .map_err(not_recorded)?;
        if !closed {
            let approval = self.held_campaign(&campaign.id).await?.approval;
            return Err(AppError::NotAllowed(Refusal::NotAwaitingApproval(approval)));
        }
        note_action(
            &self.store,
            &campaign.id,
            &actor.name,
            CampaignActionKind::Decision(decision),
            detail,
            now,
        )
        .await;
        Ok(outcome)
    }
}

/// The reason a rejection keeps, or why it is refused.
fn rejection_reason(reason: &str) -> Result<String, AppError> {
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > MAX_REJECTION_REASON {
        return Err(AppError::NotAllowed(Refusal::RejectionReasonNeeded {
            max: MAX_REJECTION_REASON,
        }));
    }
    Ok(Notice::Words(reason.to_owned()).to_recorded())
}

#[async_trait]
impl ApprovalService for Scheduler {
    async fn decide(
        &self,
        actor: &Actor,
        campaign_id: &str,
        decision: ApprovalDecision,
    ) -> Result<Approval, AppError> {
        let campaign = self.held_campaign(campaign_id).await?;
        let kind = decision.kind();
        actor.require_decide(kind, &campaign.actor)?;
        if campaign.approval != Approval::Awaiting {
            return Err(AppError::NotAllowed(Refusal::NotAwaitingApproval(
                campaign.approval,
            )));
        }
        let now = self.clock.now();
        match decision {
            ApprovalDecision::Approve => self.approve(actor, &campaign, now).await,
            ApprovalDecision::Reject { reason } => {
                let reason = rejection_reason(&reason)?;
                self.close(actor, &campaign, kind, Some(reason), now).await
            }
            ApprovalDecision::Withdraw => self.close(actor, &campaign, kind, None, now).await,
        }
    }

    async fn held_preview(
        &self,
        campaign_id: &str,
        offset: u64,
    ) -> Result<CampaignPreview, AppError> {
        let campaign = self.held_campaign(campaign_id).await?;
        if campaign.approval != Approval::Awaiting {
            return Err(AppError::NotAllowed(Refusal::NotAwaitingApproval(
                campaign.approval,
            )));
        }
        let form = self.held_form(campaign_id).await?;
        self.preview_of(form, ListInput::Typed, offset, Previewed::HeldCampaign)
            .await
    }

    async fn awaiting_count(&self, actor: &Actor) -> Result<u64, AppError> {
        if !actor.role.may(app::models::Right::Approve) {
            return Ok(0);
        }
        self.store
            .awaiting_approval(&actor.name)
            .await
            .map_err(read_failed)
    }
}

/// The form campaign `campaign_id` was held with, as stored (`NewCampaign::held_request`).
pub(super) fn read_held_form(campaign_id: &str, stored: &str) -> Result<ScheduleRequest, AppError> {
    serde_json::from_str(stored).map_err(|error| {
        tracing::error!(campaign = %campaign_id, %error, "a held campaign's form does not read");
        AppError::Internal("the campaign's form could not be read back".into())
    })
}
