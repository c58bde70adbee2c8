//! The preview of a campaign: what scheduling it would do, a page of recipients at a time.

use crate::domain::campaign_plan::{CampaignPlan, Fate};
use crate::domain::order::{PersonalisedRecipient, SmsOrder};
use app::domain::message::Encoding;
use app::models::{CampaignPreview, PreviewRecipient, SwitchedToUcs2};

use super::credit_check::{round, CostRates};
use crate::storage::stored_instant;

/// Recipients shown per preview page.
pub const PREVIEW_PAGE: usize = 100;

/// The preview of `order` planned by `plan`, showing `page`, its recipients from `offset` (kept
/// as its list was read).
pub fn preview(
    order: &SmsOrder,
    plan: &CampaignPlan,
    page: &[PersonalisedRecipient],
    price: Option<&CostRates>,
    offset: u64,
) -> CampaignPreview {
    let cost = |parts: u64| price.map(|p| round(parts as f64 * p.per_part.amount));
    let summary = &plan.summary;
    // The page's recipients are planned again: the plan keeps its totals only.
    let recipients = page
        .iter()
        .map(|recipient| {
            let planned = plan.recipient(order, recipient);
            let (send_at, deferred, excluded) = match planned.fate {
                Fate::Send { at, deferred } => (
                    (order.send_at.is_some() || deferred).then(|| stored_instant(at)),
                    deferred,
                    None,
                ),
                Fate::Excluded { reason } => (None, false, Some(*reason)),
            };
            PreviewRecipient {
                line: planned.line,
                number: String::from(&*planned.number),
                text: order.text_for(recipient).as_str().to_owned(),
                encoding: planned.size.encoding,
                parts: planned.size.parts,
                cost: if excluded.is_none() {
                    cost(u64::from(planned.size.parts))
                } else {
                    None
                },
                send_at,
                deferred,
                excluded,
                warnings: planned.warnings,
            }
        })
        .collect();
    CampaignPreview {
        recipients,
        offset,
        total: summary.total,
        to_send: summary.to_send,
        excluded: summary.total - summary.to_send,
        deferred: summary.deferred,
        parts: summary.parts,
        // Every request's fee on top of the parts.
        cost: price.map(|p| p.estimate(plan)),
        currency: price.map(|p| p.per_part.currency.clone()),
        submissions: u32::try_from(summary.requests).unwrap_or(u32::MAX),
        duplicates: order.duplicates.clone(),
        more_duplicates: order.more_duplicates,
        warnings: summary.warning_counts.clone(),
        over_cap: summary.over_cap,
        countries: order.countries.clone(),
        held_for_approval: Vec::new(),
        switched_to_ucs2: switched_to_ucs2(order, plan),
        lines_to_fix: Vec::new(),
    }
}

/// Letters named for the first message switched to UCS-2.
const LETTERS_NAMED: usize = 3;

/// The messages to send in UCS-2 because of their recipients' values, the template being GSM-7.
fn switched_to_ucs2(order: &SmsOrder, plan: &CampaignPlan) -> Option<SwitchedToUcs2> {
    if order.text.stats().encoding == Encoding::Ucs2 {
        return None;
    }
    // The plan keeps each message's size only: the first one's letters are read again.
    let first = plan.summary.first_ucs2.as_ref()?;
    Some(SwitchedToUcs2 {
        messages: plan.summary.ucs2_messages,
        first_line: first.recipient.line,
        letters: order
            .text_for(first)
            .stats()
            .non_gsm_characters
            .iter()
            .take(LETTERS_NAMED)
            .copied()
            .collect(),
    })
}
