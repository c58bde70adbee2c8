//! The plan's second pass: its recipients planned again a part at a time, as they are recorded,
//! those sent gathered into provider requests by send time. What is held at once is one part
//! and the requests still filling (one per send time), not the list's plan.

use chrono::{DateTime, Utc};
use std::collections::BTreeMap;
use std::io;
use std::ops::ControlFlow;

use super::{CampaignPlan, Fate, PlannedRecipient};
use crate::domain::order::{PersonalisedRecipient, SmsOrder};
use app::models::Notice;

/// About how many recipients a part carries: their requests (up to 500 or 1,000 recipients each)
/// are prepared with the part, at most two parts ahead of the one being written, and let go once
/// it is written.
pub const RECIPIENTS_PER_PART: usize = 2_000;

/// A recipient in a provider request, and what happens to them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub recipient: PersonalisedRecipient,
    pub planned: PlannedRecipient,
}

/// Recipients handed to the provider in one request, all at one time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedBatch {
    /// `None`: now.
    pub send_at: Option<DateTime<Utc>>,
    pub members: Vec<Member>,
}

/// A recipient the plan leaves out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    pub planned: PlannedRecipient,
    pub reason: Notice,
    /// As the list gave them (its values are kept with the campaign's list).
    pub recipient: PersonalisedRecipient,
}

/// Requests that are full (or, once the list is read, the last of each send time), and
/// recipients left out, written together.
#[derive(Debug, Default)]
pub struct PlanPart {
    pub batches: Vec<PlannedBatch>,
    pub left_out: Vec<LeftOut>,
}

/// The plan's second pass, given recipient by recipient; see `CampaignPlan::each_part`.
pub struct PartBuilder<'a> {
    plan: &'a CampaignPlan,
    order: &'a SmsOrder,
    /// The request filling for each send time.
    filling: BTreeMap<Option<DateTime<Utc>>, Vec<Member>>,
    part: PlanPart,
    /// Recipients in the part's full requests and left out (not those in requests filling: at
    /// most one request's worth for each send time).
    in_part: usize,
}

impl CampaignPlan {
    /// The order's recipients planned again, about `RECIPIENTS_PER_PART` at a time, each part
    /// given to `each` until it says to stop. A request is in the part where it fills up; the
    /// requests left filling when the list ends come last, earliest send time first. Fails only
    /// when a list read again cannot be read.
    pub fn each_part(
        &self,
        order: &SmsOrder,
        mut each: impl FnMut(PlanPart) -> ControlFlow<()>,
    ) -> io::Result<()> {
        let mut parts = self.part_builder(order);
        let mut stopped = false;
        order.recipients.for_each(|recipient| {
            if let Some(part) = parts.add(recipient.into_owned()) {
                stopped = each(part).is_break();
            }
            if stopped {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        })?;
        if !stopped {
            for part in parts.finish() {
                if each(part).is_break() {
                    break;
                }
            }
        }
        Ok(())
    }

    /// The second pass over `order`'s recipients, given one at a time.
    pub fn part_builder<'a>(&'a self, order: &'a SmsOrder) -> PartBuilder<'a> {
        PartBuilder {
            plan: self,
            order,
            filling: BTreeMap::new(),
            part: PlanPart::default(),
            in_part: 0,
        }
    }
}

impl PartBuilder<'_> {
    /// Plans `recipient`, the next of the order; the part, once it holds about
    /// `RECIPIENTS_PER_PART`.
    pub fn add(&mut self, recipient: PersonalisedRecipient) -> Option<PlanPart> {
        let planned = self.plan.recipient(self.order, &recipient);
        match &planned.fate {
            Fate::Send { at, .. } => {
                let send_at = self.plan.request_time(self.order, *at);
                let filling = self.filling.entry(send_at).or_default();
                filling.push(Member { recipient, planned });
                if filling.len() >= self.plan.batch_size {
                    let members = std::mem::take(filling);
                    self.in_part += members.len();
                    self.part.batches.push(PlannedBatch { send_at, members });
                }
            }
            Fate::Excluded { reason } => {
                self.in_part += 1;
                let reason = reason.as_ref().clone();
                self.part.left_out.push(LeftOut {
                    planned,
                    reason,
                    recipient,
                });
            }
        }
        (self.in_part >= RECIPIENTS_PER_PART).then(|| self.take_part())
    }

    /// The last parts, once every recipient is given: the part begun, and the requests left
    /// filling, earliest send time first.
    pub fn finish(mut self) -> Vec<PlanPart> {
        let mut parts = Vec::new();
        while let Some((send_at, members)) = self.filling.pop_first() {
            if members.is_empty() {
                continue;
            }
            if self.in_part >= RECIPIENTS_PER_PART {
                parts.push(self.take_part());
            }
            self.in_part += members.len();
            self.part.batches.push(PlannedBatch { send_at, members });
        }
        if self.in_part > 0 {
            parts.push(self.take_part());
        }
        parts
    }

    fn take_part(&mut self) -> PlanPart {
        self.in_part = 0;
        std::mem::take(&mut self.part)
    }
}
