//! The one pass over a campaign's list that planning makes before recording: each recipient
//! checked into the order and, when the form's fields are right, planned for the plan's totals,
//! and the page a preview shows kept. A typed list is read first; a file is read from the store as
//! the pass goes, never held whole.

use app::models::ScheduleRequest;
use std::io;
use std::ops::ControlFlow;
use std::sync::Arc;

use super::campaign_preview::PREVIEW_PAGE;
use crate::domain::campaign_plan::CampaignPlan;
use crate::domain::order::{ListSource, OrderFields, OrderRules, PersonalisedRecipient, ReadOrder};
use crate::domain::recipients::parse_recipients;

/// Where planning reads the recipients from.
pub(super) enum ListInput {
    /// The form's own (typed, or a held campaign's).
    Typed,
    /// An uploaded file, read again from the store at each pass: never held whole.
    Reread(Arc<dyn ListSource>),
}

/// What the pass gives: the order read, the plan with its totals (when the fields were right),
/// and the page asked for.
pub(super) struct ListRead {
    pub order: ReadOrder,
    pub plan: Option<CampaignPlan>,
    pub page: Vec<PersonalisedRecipient>,
}

/// The recipients from `offset`, a preview's page, kept as the list goes by.
struct Page {
    offset: Option<u64>,
    seen: u64,
    kept: Vec<PersonalisedRecipient>,
}

impl Page {
    fn add(&mut self, recipient: &PersonalisedRecipient) {
        if let Some(offset) = self.offset {
            if self.seen >= offset && self.kept.len() < PREVIEW_PAGE {
                self.kept.push(recipient.clone());
            }
        }
        self.seen += 1;
    }
}

/// Reads `list` into the order of `request` (its fields read already), checking each recipient;
/// with `plan` (the fields were right) its totals are made in the same pass, and the page from
/// `page` (a preview's offset) is kept. Fails only when a file cannot be read.
pub(super) fn pass_over_list(
    request: &ScheduleRequest,
    list: ListInput,
    fields: OrderFields,
    rules: &OrderRules,
    mut plan: Option<CampaignPlan>,
    page: Option<u64>,
) -> io::Result<ListRead> {
    let mut page = Page {
        offset: page,
        seen: 0,
        kept: Vec::new(),
    };
    let order = match list {
        ListInput::Typed => {
            let list = parse_recipients(&request.recipients, rules.default_region);
            let order = fields.with_list(request, list, rules);
            if let (Ok((order, _)), Some(plan)) = (&order, plan.as_mut()) {
                let mut first = plan.first_pass();
                order.recipients.for_each(|recipient| {
                    first.add(order, &recipient);
                    page.add(&recipient);
                    ControlFlow::Continue(())
                })?;
                plan.summary = first.finish();
            }
            order
        }
        ListInput::Reread(source) => {
            let mut first = plan.as_ref().map(CampaignPlan::first_pass);
            let order = fields.with_reread_list(request, source, rules, |order, recipient| {
                if let Some(first) = first.as_mut() {
                    first.add(order, recipient);
                }
                page.add(recipient);
            })?;
            let summary = first.map(|first| first.finish());
            if let (Some(plan), Some(summary)) = (plan.as_mut(), summary) {
                plan.summary = summary;
            }
            order
        }
    };
    Ok(ListRead {
        order,
        plan,
        page: page.kept,
    })
}
