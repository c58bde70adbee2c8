//! The rows a campaign is recorded as, built from the order and its plan before any provider call.

use crate::domain::campaign_plan::{CampaignPlan, Fate, LeftOut, PlannedBatch, PlannedRecipient};
use crate::domain::list_copy::{kept_part, KeptRecipient};
use crate::domain::order::PersonalisedRecipient;
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

/// One part of a campaign's rows, written together: some of its submissions with their
/// recipients, and some of the recipients left out; and those recipients as the campaign's list
/// keeps them (`domain::list_copy`).
pub struct RowsPart {
    pub submissions: Vec<NewSubmission>,
    pub recipients: Vec<NewRecipient>,
    pub list: String,
}

/// A submission of the campaign: its id (also the key the provider sees), its batch and the
/// request that hands it over.
pub struct PlannedSubmission<'a> {
    pub id: String,
    pub batch: &'a PlannedBatch,
    pub request: PreparedRequest,
}

/// What every part of a campaign's rows is made from.
pub struct CampaignParts<'a> {
    pub campaign_id: &'a str,
    /// Who scheduled it: the submissions are theirs.
    pub sender: &'a str,
    pub order: &'a SmsOrder,
    /// The hand-over's claim on every submission.
    pub claim: &'a Claim,
    pub now: DateTime<Utc>,
}

impl CampaignParts<'_> {
    /// The rows of `submissions` and of the recipients they carry, and of those `left_out`.
    pub fn rows(&self, submissions: &[PlannedSubmission<'_>], left_out: &[LeftOut]) -> RowsPart {
        let order = self.order;
        let sent: usize = submissions.iter().map(|s| s.batch.members.len()).sum();
        let mut recipients = Vec::with_capacity(sent + left_out.len());
        let mut submission_rows = Vec::with_capacity(submissions.len());
        for submission in submissions {
            let mut numbers = Vec::with_capacity(submission.batch.members.len());
            let submission_id: Arc<str> = Arc::from(submission.id.as_str());
            for (index, member) in (0_u32..).zip(&submission.batch.members) {
                let planned = &member.planned;
                numbers.push(String::from(&*planned.number));
                let place = RecipientPlace::InRequest {
                    submission_id: submission_id.clone(),
                    index,
                };
                recipients.push(self.recipient_row(planned, place));
            }
            submission_rows.push(NewSubmission {
                id: submission.id.clone(),
                campaign_id: Some(self.campaign_id.to_owned()),
                provider: order.provider,
                idempotency_key: submission.id.clone(),
                actor: self.sender.to_owned(),
                message_text: order.text.as_str().to_owned(),
                recipients: numbers,
                send_at: submission
                    .batch
                    .send_at
                    .map(|at| at.with_timezone(&order.time_zone).to_rfc3339()),
                time_zone: Some(order.time_zone.name().to_owned()),
                simulation: order.simulation(),
                created_at: self.now,
                request_body: Some(submission.request.body.clone()),
                claim: Some(self.claim.clone()),
            });
        }
        recipients.extend(left_out.iter().map(|left_out| NewRecipient {
            status: RecipientStatus::Excluded,
            reason: Some(left_out.reason.to_recorded()),
            send_at: None,
            ..self.recipient_row(&left_out.planned, RecipientPlace::LeftOut)
        }));
        let in_requests = submissions
            .iter()
            .flat_map(|s| &s.batch.members)
            .map(|member| (&member.planned, &member.recipient));
        let left_out = left_out.iter().map(|l| (&l.planned, &l.recipient));
        RowsPart {
            submissions: submission_rows,
            recipients,
            list: kept_part(in_requests.chain(left_out).map(kept)),
        }
    }

    /// A recipient's row, pending in its place.
    fn recipient_row(&self, planned: &PlannedRecipient, place: RecipientPlace) -> NewRecipient {
        NewRecipient {
            place,
            line: planned.line,
            phone: String::from(&*planned.number),
            parts: planned.size.parts,
            encoding: planned.size.encoding,
            send_at: Some(match planned.fate {
                Fate::Send { at, .. } => at,
                Fate::Excluded { .. } => self.now,
            }),
            marketing: self.order.purpose == Purpose::Marketing,
            status: RecipientStatus::Pending,
            reason: None,
            warnings: recorded(&planned.warnings),
        }
    }
}

/// A recipient as the campaign's list keeps it.
fn kept<'a>(
    (planned, personalised): (&'a PlannedRecipient, &'a PersonalisedRecipient),
) -> KeptRecipient<'a> {
    KeptRecipient {
        line: planned.line,
        number: &planned.number,
        fields: &personalised.recipient.fields,
        zone: personalised.recipient.zone,
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
        recipient_count: usize::try_from(plan.summary.total).unwrap_or(usize::MAX),
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
