//! From an order to what happens to each recipient: when they are sent (after the sending rules),
//! or why they are left out, and the provider submissions that carry them (server side only).
//!
//! A plan is never held recipient by recipient: its totals are made in a first pass over the
//! list (`CampaignPlan::first_pass`, `PlanSummary`), made as a file is read and checked when the
//! list is one, and its recipients are planned again, a part at a time, as they are recorded
//! (`CampaignPlan::each_part`). Each recipient's fate depends only on the order, the rules and the
//! exclusions, so both passes decide the same.

use chrono::{DateTime, LocalResult, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use std::collections::HashMap;

use super::message::{Encoding, MessageStats};
use super::order::{PersonalisedRecipient, SmsOrder, TextPattern};
use super::phone::E164;
use super::send_time::SendTime;
use super::sending_rules::{zone_of_region, Placement, RecipientZone, SendingPolicies};
use app::models::{ClockChange, Notice};

mod parts;
mod summary;

pub use parts::{LeftOut, Member, PartBuilder, PlanPart, PlannedBatch};
pub use summary::{FirstPass, PlanSummary};

/// What to do with a recipient who already had as many marketing SMS as the cap allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CapAction {
    /// Send, with a warning.
    #[default]
    Warn,
    /// Leave the recipient out, saying why.
    Exclude,
}

/// Facts from outside the order that decide who is sent.
#[derive(Debug, Clone, Default)]
pub struct Exclusions {
    /// Opted-out numbers (E.164), each with how and when it opted out.
    pub opted_out: HashMap<String, Notice>,
    /// Numbers over the marketing frequency cap, each with why.
    pub over_cap: HashMap<String, Notice>,
    pub cap_action: CapAction,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fate {
    Send {
        at: DateTime<Utc>,
        /// The sending rules moved the time.
        deferred: bool,
    },
    Excluded {
        reason: Box<Notice>,
    },
}

/// What one recipient's own message takes: all the plan keeps of its text, so that a planned
/// recipient holds a few bytes rather than the text's whole analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MessageSize {
    pub parts: u32,
    pub encoding: Encoding,
}

impl From<&MessageStats> for MessageSize {
    fn from(stats: &MessageStats) -> Self {
        Self {
            parts: u32::try_from(stats.parts).unwrap_or(u32::MAX),
            encoding: stats.encoding,
        }
    }
}

/// One recipient of the order and what happens to them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedRecipient {
    pub line: u32,
    pub number: E164,
    pub size: MessageSize,
    pub fate: Fate,
    pub warnings: Vec<Notice>,
}

/// How the order's recipients are planned, and the totals of a first pass over them.
#[derive(Debug, Clone)]
pub struct CampaignPlan {
    policies: SendingPolicies,
    exclusions: Exclusions,
    /// The instant the campaign asks for (`SmsOrder::requested_instant`).
    requested: DateTime<Utc>,
    /// Where the campaign's zone's clocks change at its send time, what they do (said for every
    /// recipient sent on the campaign's clock).
    clock_change: Option<Notice>,
    /// At most this many recipients per provider request.
    batch_size: usize,
    /// The order's text, read once: each recipient's is measured, not written out.
    text: TextPattern,
    pub summary: PlanSummary,
}

impl CampaignPlan {
    /// Plans every recipient once for the totals; those sent are grouped by send time, at most
    /// `batch_size` per provider request. Fails only when a list read again cannot be read. (The
    /// server makes its totals in the pass that reads the list: `rules_for`, `first_pass`.)
    #[cfg(test)]
    pub fn new(
        order: &SmsOrder,
        policies: SendingPolicies,
        exclusions: Exclusions,
        now: DateTime<Utc>,
        batch_size: usize,
    ) -> std::io::Result<Self> {
        let mut plan = Self::rules_for(order, policies, exclusions, now, batch_size);
        let mut first = plan.first_pass();
        order.recipients.for_each(|recipient| {
            first.add(order, &recipient);
            std::ops::ControlFlow::Continue(())
        })?;
        plan.summary = first.finish();
        Ok(plan)
    }

    /// The plan of `order` without its totals yet: they come from a first pass over its
    /// recipients (`first_pass`), made where the list is read.
    pub fn rules_for(
        order: &SmsOrder,
        policies: SendingPolicies,
        exclusions: Exclusions,
        now: DateTime<Utc>,
        batch_size: usize,
    ) -> Self {
        Self {
            policies,
            exclusions,
            requested: order.requested_instant(now),
            clock_change: order
                .send_at
                .as_ref()
                .and_then(|time| clock_change(time.local, order.time_zone)),
            batch_size: batch_size.max(1),
            text: TextPattern::new(order.text.as_str()),
            summary: PlanSummary::default(),
        }
    }

    /// What happens to `personalised`, a recipient of `order`.
    pub fn recipient(
        &self,
        order: &SmsOrder,
        personalised: &PersonalisedRecipient,
    ) -> PlannedRecipient {
        let recipient = &personalised.recipient;
        let number = recipient.number.e164_copy();
        let stats = self
            .text
            .stats_for(recipient)
            .expect("each recipient's text was checked as the order was read");
        let size = MessageSize::from(&stats);
        let mut warnings = Vec::new();
        let excluded = |reason: Notice| Fate::Excluded {
            reason: Box::new(reason),
        };
        let exclusions = &self.exclusions;
        let fate = if let Some(opted_out) = exclusions.opted_out.get(&*number) {
            excluded(opted_out.clone())
        } else {
            let capped = exclusions.over_cap.get(&*number);
            match (capped, exclusions.cap_action) {
                (Some(why), CapAction::Exclude) => excluded(why.clone()),
                (capped, _) => {
                    warnings.extend(capped.cloned());
                    warnings.extend(
                        recipient
                            .number
                            .not_mobile()
                            .map(|kind| Notice::NotMobile { kind }),
                    );
                    warnings.extend(self.text.value_on_several_lines(recipient).map(|column| {
                        Notice::ValueOnSeveralLines {
                            column: column.to_owned(),
                        }
                    }));
                    let zone = match recipient.zone {
                        Some(tz) => RecipientZone::Known(tz),
                        None => recipient
                            .number
                            .region()
                            .map_or(RecipientZone::Unknown, zone_of_region),
                    };
                    let (at, clock_change) = requested_for(
                        order,
                        &zone,
                        self.requested,
                        self.clock_change.as_ref(),
                        &mut warnings,
                    );
                    let check = self.policies.check(
                        order.purpose,
                        recipient.number.region(),
                        &zone,
                        order.time_zone,
                        at,
                    );
                    match check.place(at, &order.outside_window) {
                        Placement::Send {
                            at,
                            deferred,
                            warnings: notes,
                        } => {
                            // Said only when sent at that time: not when moved by the rules.
                            if !deferred {
                                warnings.extend(clock_change);
                            }
                            warnings.extend(notes);
                            Fate::Send { at, deferred }
                        }
                        Placement::Excluded { reason } => Fate::Excluded { reason },
                    }
                }
            }
        };
        PlannedRecipient {
            line: recipient.line,
            number,
            size,
            fate,
            warnings,
        }
    }

    /// The provider request a recipient sent at `at` goes in, by its send time: `None` (now) for
    /// a campaign sent now, unless the rules moved them.
    fn request_time(&self, order: &SmsOrder, at: DateTime<Utc>) -> Option<DateTime<Utc>> {
        (order.send_at.is_some() || at != self.requested).then_some(at)
    }

    /// The order carrying one batch, ready for the provider.
    pub fn batch_order(order: &SmsOrder, batch: &PlannedBatch) -> SmsOrder {
        let recipients = batch
            .members
            .iter()
            .map(|member| member.recipient.clone())
            .collect();
        let send_at = batch.send_at.map(|at| match &order.send_at {
            // Keep the user's own wall-clock intent when the time was not moved.
            Some(time) if time.instant.with_timezone(&Utc) == at => time.clone(),
            _ => SendTime::at(at, order.time_zone),
        });
        order.batch(recipients, send_at)
    }
}

/// The instant this recipient is asked for: the campaign's, or in "each recipient's local time"
/// mode the campaign's wall-clock time read in the recipient's zone; with what that zone's clocks
/// do at that time when they change (`Notice::ClockChange`), said if it is sent then.
fn requested_for(
    order: &SmsOrder,
    zone: &RecipientZone,
    campaign_instant: DateTime<Utc>,
    campaign_clock_change: Option<&Notice>,
    warnings: &mut Vec<Notice>,
) -> (DateTime<Utc>, Option<Notice>) {
    let Some(time) = order.send_at.as_ref() else {
        return (campaign_instant, None);
    };
    if !order.local_time {
        // Read once for the campaign (`rules_for`): the same for every recipient.
        return (campaign_instant, campaign_clock_change.cloned());
    }
    let tz = match zone {
        RecipientZone::Known(tz) => *tz,
        RecipientZone::OneOf(_) | RecipientZone::Unknown => {
            warnings.push(Notice::LocalTimeInCampaignZone {
                local: time.local.format("%H:%M").to_string(),
                campaign_zone: order.time_zone.name().to_owned(),
            });
            order.time_zone
        }
    };
    let at = SendTime::at_local(time.local, tz).with_timezone(&Utc);
    (at, clock_change(time.local, tz))
}

/// What `zone`'s clocks do to the wall-clock time `local`, when they change at it; the instant
/// sent at is `SendTime::at_local`'s (the first of two, the first minute after a skipped hour).
fn clock_change(local: NaiveDateTime, zone: Tz) -> Option<Notice> {
    let change = match zone.from_local_datetime(&local) {
        LocalResult::Single(_) => return None,
        LocalResult::Ambiguous(first, second) => ClockChange::HappensTwice {
            offset: first.format("%:z").to_string(),
            later_offset: second.format("%:z").to_string(),
        },
        LocalResult::None => ClockChange::DoesNotHappen {
            sent: SendTime::at_local(local, zone).format("%H:%M").to_string(),
        },
    };
    Some(Notice::ClockChange {
        local: local.format("%Y-%m-%d %H:%M").to_string(),
        zone: zone.name().to_owned(),
        change,
    })
}

#[cfg(test)]
mod tests;
