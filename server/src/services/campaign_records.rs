//! The rows a campaign is recorded as, built from the order and its plan before any provider call.

use crate::domain::campaign_plan::{CampaignPlan, Fate, PlannedBatch};
use crate::domain::order::SmsOrder;
use crate::domain::provider_options::OrderOptions;
use crate::domain::Purpose;
use app::models::{Approval, Notice, RecipientStatus};
use chrono::{DateTime, Utc};
use std::sync::Arc;

use crate::providers::PreparedRequest;
use crate::storage::{
    CampaignOptions, Claim, NewCampaign, NewRecipient, NewSubmission, RecipientPlace,
};

pub struct CampaignRows {
    pub campaign: NewCampaign,
    pub submissions: Vec<NewSubmission>,
    pub recipients: Vec<NewRecipient>,
}

/// A submission of the campaign: its id (also the key the provider sees), its batch and the
/// request that hands it over.
pub struct PlannedSubmission<'a> {
    pub id: String,
    pub batch: &'a PlannedBatch,
    pub request: PreparedRequest,
}

pub fn campaign_rows(
    campaign_id: &str,
    actor: &str,
    order: &SmsOrder,
    plan: &CampaignPlan,
    submissions: &[PlannedSubmission<'_>],
    claim: &Claim,
    now: DateTime<Utc>,
) -> CampaignRows {
    let marketing = order.purpose == Purpose::Marketing;
    let mut recipients = Vec::with_capacity(plan.recipients.len());
    let mut submission_rows = Vec::with_capacity(submissions.len());
    for submission in submissions {
        let mut numbers = Vec::with_capacity(submission.batch.members.len());
        let submission_id: Arc<str> = Arc::from(submission.id.as_str());
        for (index, &member) in (0_u32..).zip(&submission.batch.members) {
            let planned = &plan.recipients[member];
            numbers.push(planned.number.clone());
            recipients.push(NewRecipient {
                place: RecipientPlace::InRequest {
                    submission_id: submission_id.clone(),
                    index,
                },
                line: planned.line,
                phone: planned.number.clone(),
                parts: u32::try_from(planned.stats.parts).unwrap_or(u32::MAX),
                encoding: planned.stats.encoding,
                send_at: Some(match planned.fate {
                    Fate::Send { at, .. } => at,
                    Fate::Excluded { .. } => now,
                }),
                marketing,
                status: RecipientStatus::Pending,
                reason: None,
                warnings: recorded(&planned.warnings),
            });
        }
        submission_rows.push(NewSubmission {
            id: submission.id.clone(),
            campaign_id: Some(campaign_id.to_owned()),
            provider: order.provider,
            idempotency_key: submission.id.clone(),
            actor: actor.to_owned(),
            message_text: order.text.as_str().to_owned(),
            recipients: numbers,
            send_at: submission
                .batch
                .send_at
                .map(|at| at.with_timezone(&order.time_zone).to_rfc3339()),
            time_zone: Some(order.time_zone.name().to_owned()),
            simulation: order.simulation(),
            created_at: now,
            request_body: Some(submission.request.body.clone()),
            claim: Some(claim.clone()),
        });
    }
    for (planned, reason) in plan.excluded() {
        recipients.push(NewRecipient {
            place: RecipientPlace::LeftOut,
            line: planned.line,
            phone: planned.number.clone(),
            parts: u32::try_from(planned.stats.parts).unwrap_or(u32::MAX),
            encoding: planned.stats.encoding,
            send_at: None,
            marketing,
            status: RecipientStatus::Excluded,
            reason: Some(reason.to_recorded()),
            warnings: recorded(&planned.warnings),
        });
    }
    CampaignRows {
        campaign: campaign_row(campaign_id, actor, order, plan, now),
        submissions: submission_rows,
        recipients,
    }
}

/// The campaign's own row: handed over at once (no approval needed).
pub fn campaign_row(
    campaign_id: &str,
    actor: &str,
    order: &SmsOrder,
    plan: &CampaignPlan,
    now: DateTime<Utc>,
) -> NewCampaign {
    NewCampaign {
        id: campaign_id.to_owned(),
        name: order.name.clone(),
        provider: order.provider,
        actor: actor.to_owned(),
        message_text: order.text.as_str().to_owned(),
        sender: order.sender.as_ref().map(|s| s.as_str().to_owned()),
        purpose: order.purpose,
        campaign_type: order.campaign_type,
        requested_send_at: order.send_at.as_ref().map(|t| t.instant.to_rfc3339()),
        time_zone: order.time_zone.name().to_owned(),
        local_time: order.local_time,
        outside_window: order.outside_window.clone(),
        simulation: order.simulation(),
        recipient_count: plan.recipients.len(),
        created_at: now,
        options: campaign_options(&order.options),
        approval: Approval::NotNeeded,
        approval_reasons: Vec::new(),
        held_request: None,
    }
}

/// The options the campaign keeps, whichever provider's they are.
fn campaign_options(options: &OrderOptions) -> CampaignOptions {
    match options {
        OrderOptions::Octopush(octopush) => CampaignOptions {
            remove_blacklisted: octopush.remove_blacklisted,
            flash: false,
            validity_minutes: None,
        },
        OrderOptions::Infobip(infobip) => CampaignOptions {
            remove_blacklisted: false,
            flash: infobip.flash,
            validity_minutes: infobip.validity.map(|v| v.minutes()),
        },
    }
}

/// Notices as storage keeps them: each one's data, read back by `Notice::from_recorded`.
fn recorded(notices: &[Notice]) -> Vec<String> {
    notices.iter().map(Notice::to_recorded).collect()
}
