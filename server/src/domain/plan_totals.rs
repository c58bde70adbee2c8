//! What the preview's totals say of the whole list: a caution every recipient shares is said
//! once, with its count, rather than on every row; and the recipients' countries, whose time
//! zones the composer offers first.

use super::campaign_plan::{CampaignPlan, Fate, PlannedRecipient};
use super::order::SmsOrder;
use app::models::Notice;

impl SmsOrder {
    /// The recipients' countries (ISO 3166 codes), each once, in list order.
    pub fn countries(&self) -> Vec<String> {
        let mut countries: Vec<String> = Vec::new();
        let regions = self
            .recipients
            .iter()
            .filter_map(|r| r.recipient.number.region());
        for region in regions {
            if !countries.iter().any(|c| c == region) {
                countries.push(region.to_owned());
            }
        }
        countries
    }
}

impl CampaignPlan {
    fn to_send(&self) -> impl Iterator<Item = &PlannedRecipient> {
        self.recipients
            .iter()
            .filter(|r| matches!(r.fate, Fate::Send { .. }))
    }

    /// Each distinct caution on the recipients to send, in the order first met, with how many
    /// recipients have it. The frequency cap's are apart (each names its own dates): see
    /// `over_cap`.
    pub fn warning_counts(&self) -> Vec<(Notice, u64)> {
        let mut counts: Vec<(Notice, u64)> = Vec::new();
        let warnings = self.to_send().flat_map(|r| &r.warnings);
        for warning in warnings.filter(|w| !matches!(w, Notice::OverCap { .. })) {
            match counts.iter_mut().find(|(seen, _)| seen == warning) {
                Some((_, n)) => *n += 1,
                None => counts.push((warning.clone(), 1)),
            }
        }
        counts
    }

    /// Recipients sent although over the frequency cap.
    pub fn over_cap(&self) -> u64 {
        let over = |r: &&PlannedRecipient| {
            r.warnings
                .iter()
                .any(|w| matches!(w, Notice::OverCap { .. }))
        };
        self.to_send().filter(over).count() as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::campaign_plan::MessageSize;
    use crate::domain::message::analyze;
    use chrono::Utc;

    fn recipient(line: u32, warnings: Vec<Notice>) -> PlannedRecipient {
        PlannedRecipient {
            line,
            number: format!("+3361234000{line}").into(),
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
        let plan = CampaignPlan {
            recipients: vec![
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
            ],
            batches: vec![],
        };
        assert_eq!(plan.warning_counts(), vec![(zone, 3), (other, 1)]);
        assert_eq!(plan.over_cap(), 2);
    }
}
