//! The plan's first pass: what the preview, the receipt, the approval rules and the credit check
//! say of the whole list, read recipient by recipient without keeping them. A caution every
//! recipient shares is counted once rather than listed on every row.

use app::models::{ExcludedRecipient, Notice, RecipientWarning};
use chrono::{DateTime, Utc};
use std::collections::HashMap;

use super::{CampaignPlan, Fate, PlannedRecipient};
use crate::domain::message::Encoding;
use crate::domain::order::{PersonalisedRecipient, SmsOrder};

/// Warnings and recipients left out listed one by one; beyond, a count (the campaign's page lists
/// them all).
pub const LISTED: usize = 100;

/// The totals of a plan.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlanSummary {
    /// Every recipient of the order.
    pub total: u64,
    pub to_send: u64,
    /// Sent, at a time the sending rules moved.
    pub deferred: u64,
    /// The parts of every message to send.
    pub parts: u64,
    /// Provider requests carrying those to send.
    pub requests: u64,
    /// Each distinct caution on the recipients to send, in the order first met, with how many
    /// recipients have it; the frequency cap's are apart (each names its own dates).
    pub warning_counts: Vec<(Notice, u64)>,
    /// Recipients sent although over the frequency cap.
    pub over_cap: u64,
    /// The first warnings of the list, on any recipient, and how many more.
    pub warnings: Vec<RecipientWarning>,
    pub more_warnings: u64,
    /// The first recipients left out, with why, and how many more.
    pub excluded: Vec<ExcludedRecipient>,
    pub more_excluded: u64,
    /// Messages to send in UCS-2 (when the template is not, because of their recipients'
    /// values), and the first of those recipients.
    pub ucs2_messages: u64,
    pub first_ucs2: Option<PersonalisedRecipient>,
}

/// The plan's first pass, given recipient by recipient.
pub struct FirstPass<'a> {
    plan: &'a CampaignPlan,
    summary: PlanSummary,
    /// Recipients to send, by the request time that gathers them.
    per_send_time: HashMap<Option<DateTime<Utc>>, u64>,
}

impl CampaignPlan {
    /// A first pass over the order's recipients, for `PlanSummary`.
    pub fn first_pass(&self) -> FirstPass<'_> {
        FirstPass {
            plan: self,
            summary: PlanSummary::default(),
            per_send_time: HashMap::new(),
        }
    }
}

impl FirstPass<'_> {
    /// Plans `recipient`, the next of `order`, and counts them.
    pub fn add(&mut self, order: &SmsOrder, recipient: &PersonalisedRecipient) {
        let planned = self.plan.recipient(order, recipient);
        if let Fate::Send { at, .. } = planned.fate {
            *self
                .per_send_time
                .entry(self.plan.request_time(order, at))
                .or_default() += 1;
        }
        let ucs2 = self.summary.count(planned);
        if ucs2 && self.summary.first_ucs2.is_none() {
            self.summary.first_ucs2 = Some(recipient.clone());
        }
    }

    pub fn finish(mut self) -> PlanSummary {
        let batch_size = self.plan.batch_size as u64;
        self.summary.requests = self
            .per_send_time
            .values()
            .map(|n| n.div_ceil(batch_size))
            .sum();
        self.summary
    }
}

impl PlanSummary {
    /// Counts `planned`; whether their message is sent in UCS-2 although the template is not.
    fn count(&mut self, planned: PlannedRecipient) -> bool {
        self.total += 1;
        for notice in &planned.warnings {
            if self.warnings.len() < LISTED {
                self.warnings.push(RecipientWarning {
                    line: planned.line,
                    number: String::from(&*planned.number),
                    notice: notice.clone(),
                });
            } else {
                self.more_warnings += 1;
            }
        }
        match planned.fate {
            Fate::Excluded { reason } => {
                if self.excluded.len() < LISTED {
                    self.excluded.push(ExcludedRecipient {
                        line: planned.line,
                        number: String::from(&*planned.number),
                        reason: *reason,
                    });
                } else {
                    self.more_excluded += 1;
                }
                false
            }
            Fate::Send { deferred, .. } => {
                self.to_send += 1;
                self.deferred += u64::from(deferred);
                self.parts += u64::from(planned.size.parts);
                let ucs2 = planned.size.encoding == Encoding::Ucs2;
                self.ucs2_messages += u64::from(ucs2);
                let mut capped = false;
                for warning in planned.warnings {
                    if matches!(warning, Notice::OverCap { .. }) {
                        capped = true;
                        continue;
                    }
                    match self
                        .warning_counts
                        .iter_mut()
                        .find(|(seen, _)| *seen == warning)
                    {
                        Some((_, n)) => *n += 1,
                        None => self.warning_counts.push((warning, 1)),
                    }
                }
                self.over_cap += u64::from(capped);
                ucs2
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::campaign_plan::MessageSize;
    use crate::domain::message::analyze;
    use crate::domain::phone::E164;

    fn recipient(line: u32, warnings: Vec<Notice>) -> PlannedRecipient {
        PlannedRecipient {
            line,
            number: E164::new(&format!("+3361234000{line}")).unwrap(),
            size: MessageSize::from(&analyze("Hi")),
            fate: Fate::Send {
                at: Utc::now(),
                deferred: false,
            },
            warnings,
        }
    }

    fn capped(at: &str) -> Notice {
        Notice::OverCap {
            sent: 1,
            days: 7,
            at: vec![at.into()],
            cap: 1,
        }
    }

    #[test]
    fn identical_cautions_are_counted_once_and_the_cap_apart() {
        let zone = Notice::ZoneUnknown {
            policy: "Business hours (advice)".into(),
            campaign_zone: "Europe/Paris".into(),
        };
        let other = Notice::Words("checked".into());
        let mut summary = PlanSummary::default();
        let recipients = [
            recipient(1, vec![zone.clone(), capped("2026-11-29T10:00:00Z")]),
            recipient(2, vec![zone.clone()]),
            recipient(
                3,
                vec![other.clone(), zone.clone(), capped("2026-11-30T10:00:00Z")],
            ),
            recipient(4, vec![]),
            PlannedRecipient {
                fate: Fate::Excluded {
                    reason: Box::new(other.clone()),
                },
                ..recipient(5, vec![zone.clone()])
            },
        ];
        for planned in recipients {
            summary.count(planned);
        }
        assert_eq!(summary.warning_counts, vec![(zone, 3), (other.clone(), 1)]);
        assert_eq!(summary.over_cap, 2);
        assert_eq!((summary.total, summary.to_send, summary.parts), (5, 4, 4));
        // The receipt's list names every warning, the left-out recipient's too.
        assert_eq!(summary.warnings.len(), 7);
        assert_eq!(summary.excluded.len(), 1);
        assert_eq!(summary.excluded[0].reason, other);
    }

    #[test]
    fn beyond_a_hundred_the_left_out_and_the_warnings_are_counted() {
        let mut summary = PlanSummary::default();
        for line in 0..(LISTED as u32 + 3) {
            let left_out = PlannedRecipient {
                fate: Fate::Excluded {
                    reason: Box::new(Notice::Words("out".into())),
                },
                ..recipient(line, vec![Notice::Words("note".into())])
            };
            summary.count(left_out);
        }
        assert_eq!((summary.excluded.len(), summary.more_excluded), (LISTED, 3));
        assert_eq!((summary.warnings.len(), summary.more_warnings), (LISTED, 3));
        assert_eq!(summary.to_send, 0);
    }
}
