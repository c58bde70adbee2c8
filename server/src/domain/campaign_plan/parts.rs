//! The plan's second pass: its recipients planned again a part at a time, as they are recorded,
//! those sent gathered into provider requests by send time. What is held at once is one part
//! and the requests still filling (one per send time), not the list's plan.

use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

use super::{CampaignPlan, Fate, PlannedRecipient};
use crate::domain::order::SmsOrder;
use app::models::Notice;

/// About how many recipients a part carries: their requests (up to 500 or 1,000 recipients each)
/// are prepared just before the part is written, and let go once it is.
pub const RECIPIENTS_PER_PART: usize = 2_000;

/// A recipient in a provider request: their place in the order, and what happens to them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub index: usize,
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
}

/// Requests that are full (or, once the list is read, the last of each send time), and
/// recipients left out, written together.
#[derive(Debug, Default)]
pub struct PlanPart {
    pub batches: Vec<PlannedBatch>,
    pub left_out: Vec<LeftOut>,
}

/// The parts of a plan, in the list's order; see `CampaignPlan::parts`.
pub struct PlanParts<'a> {
    plan: &'a CampaignPlan,
    order: &'a SmsOrder,
    /// The next recipient to plan.
    next: usize,
    /// The request filling for each send time.
    filling: BTreeMap<Option<DateTime<Utc>>, Vec<Member>>,
}

impl CampaignPlan {
    /// The order's recipients planned again, about `RECIPIENTS_PER_PART` at a time. A request is
    /// in the part where it fills up; the requests left filling when the list ends come last,
    /// earliest send time first.
    pub fn parts<'a>(&'a self, order: &'a SmsOrder) -> PlanParts<'a> {
        debug_assert_eq!(
            order.recipients.len() as u64,
            self.summary.total,
            "the plan is of this order"
        );
        PlanParts {
            plan: self,
            order,
            next: 0,
            filling: BTreeMap::new(),
        }
    }
}

impl Iterator for PlanParts<'_> {
    type Item = PlanPart;

    fn next(&mut self) -> Option<PlanPart> {
        let mut part = PlanPart::default();
        // Recipients in the part's full requests and left out (not those in requests filling:
        // at most one request's worth for each send time).
        let mut in_part = 0;
        let total = self.order.recipients.len();
        while in_part < RECIPIENTS_PER_PART && self.next < total {
            let index = self.next;
            self.next += 1;
            let planned = self.plan.recipient(self.order, index);
            match &planned.fate {
                Fate::Send { at, .. } => {
                    let at = *at;
                    let send_at = self.plan.request_time(self.order, at);
                    let filling = self.filling.entry(send_at).or_default();
                    filling.push(Member { index, planned });
                    if filling.len() >= self.plan.batch_size {
                        let members = std::mem::take(filling);
                        in_part += members.len();
                        part.batches.push(PlannedBatch { send_at, members });
                    }
                }
                Fate::Excluded { reason } => {
                    in_part += 1;
                    let reason = reason.as_ref().clone();
                    part.left_out.push(LeftOut { planned, reason });
                }
            }
        }
        if self.next == total {
            while in_part < RECIPIENTS_PER_PART {
                let Some((send_at, members)) = self.filling.pop_first() else {
                    break;
                };
                if !members.is_empty() {
                    in_part += members.len();
                    part.batches.push(PlannedBatch { send_at, members });
                }
            }
        }
        (in_part > 0).then_some(part)
    }
}
