//! What a schedule call answers: the list and its plan (read before they are released for the
//! hand-over), then what the provider answered each batch.

use crate::domain::campaign_plan::CampaignPlan;
use crate::domain::order::SmsOrder;
use crate::exactly_once::handover::BatchResult;
use crate::providers::Accepted;
use app::models::ScheduleReceipt;

/// What the receipt says of the list and its plan; nothing handed over yet.
pub(super) fn receipt(
    campaign_id: String,
    order: &SmsOrder,
    plan: &CampaignPlan,
    estimate: Option<(f64, String)>,
) -> ScheduleReceipt {
    let summary = &plan.summary;
    ScheduleReceipt {
        campaign_id,
        provider: order.provider,
        contacts: 0,
        sms_needed: Some(0),
        total_cost: None,
        currency: None,
        residual_credit: None,
        send_at: order.send_at.as_ref().map(|t| t.instant.to_rfc3339()),
        time_zone: order.time_zone.name().to_owned(),
        estimated_cost: estimate,
        simulation: order.simulation(),
        duplicates: order.duplicates.clone(),
        more_duplicates: order.more_duplicates,
        rejected: Vec::new(),
        excluded: summary.excluded.clone(),
        more_excluded: summary.more_excluded,
        deferred: u32::try_from(summary.deferred).unwrap_or(u32::MAX),
        warnings: summary.warnings.clone(),
        more_warnings: u32::try_from(summary.more_warnings).unwrap_or(u32::MAX),
        submissions: Vec::new(),
        held_for_approval: Vec::new(),
        warning_counts: summary.warning_counts.clone(),
        over_cap: summary.over_cap,
        to_send: summary.to_send,
        planned_parts: summary.parts,
    }
}

/// The receipt with what the provider answered each batch.
pub(super) fn answered(mut receipt: ScheduleReceipt, results: Vec<BatchResult>) -> ScheduleReceipt {
    let accepted: Vec<&Accepted> = results.iter().filter_map(|r| r.accepted.as_ref()).collect();
    receipt.contacts = accepted.iter().map(|a| a.contacts).sum();
    receipt.sms_needed = accepted.iter().map(|a| a.sms_needed).sum();
    // Known only when every accepted batch says (and nothing accepted costs nothing known).
    receipt.total_cost = if accepted.is_empty() {
        None
    } else {
        accepted.iter().map(|a| a.total_cost).sum()
    };
    receipt.currency = accepted.iter().find_map(|a| a.currency.clone());
    receipt.residual_credit = accepted
        .iter()
        .filter_map(|a| a.residual_credit)
        .reduce(f64::min);
    receipt.rejected = accepted.iter().flat_map(|a| a.rejected.clone()).collect();
    receipt.submissions = results.into_iter().map(|r| r.receipt).collect();
    receipt
}
