//! From an order to what happens to each recipient: when they are sent (after the sending rules),
//! or why they are left out, and the provider submissions that carry them (server side only).

use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use super::message::{Encoding, MessageStats};
use super::order::SmsOrder;
use super::send_time::SendTime;
use super::sending_rules::{zone_of_region, Placement, RecipientZone, SendingPolicies};
use app::models::Notice;

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

/// What one recipient's own message takes: all the plan keeps of its text, so that a long list's
/// plan holds a few bytes per recipient rather than the text's whole analysis.
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

/// One recipient of the order (same index) and what happens to them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedRecipient {
    pub line: u32,
    /// E.164, shared with the order's recipient.
    pub number: Arc<str>,
    pub size: MessageSize,
    pub fate: Fate,
    pub warnings: Vec<Notice>,
}

/// Recipients handed to the provider in one request, all at one time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedBatch {
    /// `None`: now.
    pub send_at: Option<DateTime<Utc>>,
    /// Indices into the order's recipients.
    pub members: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignPlan {
    pub recipients: Vec<PlannedRecipient>,
    pub batches: Vec<PlannedBatch>,
}

impl CampaignPlan {
    /// Decides each recipient's fate and groups those sent by send time, at most `batch_size` per batch.
    pub fn new(
        order: &SmsOrder,
        policies: &SendingPolicies,
        exclusions: &Exclusions,
        now: DateTime<Utc>,
        batch_size: usize,
    ) -> Self {
        let requested = order.requested_instant(now);
        let mut recipients = Vec::with_capacity(order.recipients.len());
        for personalised in &order.recipients {
            let recipient = &personalised.recipient;
            let number = recipient.number.shared_e164();
            let size = MessageSize::from(&order.text_for(personalised).stats());
            let mut warnings = Vec::new();
            let excluded = |reason: Notice| Fate::Excluded {
                reason: Box::new(reason),
            };
            let fate = if let Some(opted_out) = exclusions.opted_out.get(&*number) {
                excluded(opted_out.clone())
            } else {
                let capped = exclusions.over_cap.get(&*number);
                match (capped, exclusions.cap_action) {
                    (Some(why), CapAction::Exclude) => excluded(why.clone()),
                    (capped, _) => {
                        warnings.extend(capped.cloned());
                        let zone = match recipient.zone {
                            Some(tz) => RecipientZone::Known(tz),
                            None => recipient
                                .number
                                .region()
                                .map_or(RecipientZone::Unknown, zone_of_region),
                        };
                        let at = requested_for(order, &zone, requested, &mut warnings);
                        let check = policies.check(
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
                                warnings.extend(notes);
                                Fate::Send { at, deferred }
                            }
                            Placement::Excluded { reason } => Fate::Excluded { reason },
                        }
                    }
                }
            };
            recipients.push(PlannedRecipient {
                line: recipient.line,
                number,
                size,
                fate,
                warnings,
            });
        }
        let batches = batches(order, &recipients, requested, batch_size);
        Self {
            recipients,
            batches,
        }
    }

    pub fn excluded(&self) -> impl Iterator<Item = (&PlannedRecipient, &Notice)> {
        self.recipients.iter().filter_map(|r| match &r.fate {
            Fate::Excluded { reason } => Some((r, reason.as_ref())),
            Fate::Send { .. } => None,
        })
    }

    /// The order carrying one batch, ready for the provider.
    pub fn batch_order(&self, order: &SmsOrder, batch: &PlannedBatch) -> SmsOrder {
        let recipients = batch
            .members
            .iter()
            .map(|&i| order.recipients[i].clone())
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
/// mode the campaign's wall-clock time read in the recipient's zone.
fn requested_for(
    order: &SmsOrder,
    zone: &RecipientZone,
    campaign_instant: DateTime<Utc>,
    warnings: &mut Vec<Notice>,
) -> DateTime<Utc> {
    let Some(time) = order.send_at.as_ref().filter(|_| order.local_time) else {
        return campaign_instant;
    };
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
    SendTime::at_local(time.local, tz).with_timezone(&Utc)
}

fn batches(
    order: &SmsOrder,
    recipients: &[PlannedRecipient],
    requested: DateTime<Utc>,
    batch_size: usize,
) -> Vec<PlannedBatch> {
    let mut by_time: BTreeMap<Option<DateTime<Utc>>, Vec<usize>> = BTreeMap::new();
    for (index, recipient) in recipients.iter().enumerate() {
        if let Fate::Send { at, .. } = recipient.fate {
            // A campaign sent now stays "now" for those the rules did not move.
            let key = (order.send_at.is_some() || at != requested).then_some(at);
            by_time.entry(key).or_default().push(index);
        }
    }
    by_time
        .into_iter()
        .flat_map(|(send_at, members)| {
            members
                .chunks(batch_size.max(1))
                .map(|chunk| PlannedBatch {
                    send_at,
                    members: chunk.to_vec(),
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

#[cfg(test)]
mod tests;
