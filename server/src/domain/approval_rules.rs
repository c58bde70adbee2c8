//! The deployment's four-eyes rules: which campaigns wait for another person's approval before
//! anything is handed to a provider, and how soon before its send time a campaign can still be
//! approved. Pure: the scheduler gives the campaign's facts, the rules say why it is held.

use app::models::{ApprovalReason, ProviderId};
use chrono::{DateTime, Duration, Utc};

use super::Purpose;

/// One rule: a campaign is held when it meets every condition the rule sets (at least one).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ApprovalRule {
    pub purpose: Option<Purpose>,
    pub provider: Option<ProviderId>,
    pub more_recipients_than: Option<u64>,
    /// In the provider's currency.
    pub cost_above: Option<f64>,
}

/// What the rules look at in a planned campaign.
#[derive(Debug, Clone, PartialEq)]
pub struct CampaignFacts {
    pub purpose: Purpose,
    pub provider: ProviderId,
    /// Recipients it would send to (those left out do not count).
    pub recipients: u64,
    /// The estimate and its currency; `None` when the provider gives no price.
    pub estimated_cost: Option<(f64, String)>,
    /// A simulation sends nothing and costs nothing: never held.
    pub simulation: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ApprovalRules {
    pub rules: Vec<ApprovalRule>,
    /// The least time between an approval and the first message's send time, beside the time
    /// the hand-over itself needs.
    pub min_notice: Duration,
}

impl Default for ApprovalRules {
    fn default() -> Self {
        Self {
            rules: Vec::new(),
            min_notice: Duration::minutes(5),
        }
    }
}

impl ApprovalRule {
    fn has_conditions(&self) -> bool {
        self.purpose.is_some()
            || self.provider.is_some()
            || self.more_recipients_than.is_some()
            || self.cost_above.is_some()
    }

    /// The conditions the campaign met, when it met all of them; `None` otherwise.
    fn reasons(&self, facts: &CampaignFacts) -> Option<Vec<ApprovalReason>> {
        if !self.has_conditions() {
            return None;
        }
        let mut reasons = Vec::new();
        if let Some(purpose) = self.purpose {
            (facts.purpose == purpose).then_some(())?;
            reasons.push(ApprovalReason::Purpose(purpose));
        }
        if let Some(provider) = self.provider {
            (facts.provider == provider).then_some(())?;
            reasons.push(ApprovalReason::Provider(provider));
        }
        if let Some(limit) = self.more_recipients_than {
            (facts.recipients > limit).then_some(())?;
            reasons.push(ApprovalReason::MoreRecipientsThan {
                limit,
                count: facts.recipients,
            });
        }
        if let Some(limit) = self.cost_above {
            match &facts.estimated_cost {
                Some((estimate, currency)) => {
                    (*estimate > limit).then_some(())?;
                    reasons.push(ApprovalReason::CostAbove {
                        limit,
                        estimate: *estimate,
                        currency: currency.clone(),
                    });
                }
                // Without a price the cost may be above the limit: held, and said so.
                None => reasons.push(ApprovalReason::CostUnknown { limit }),
            }
        }
        Some(reasons)
    }
}

impl ApprovalRules {
    /// Why the campaign is held: the conditions of every rule it met. Empty: it is not held.
    pub fn reasons(&self, facts: &CampaignFacts) -> Vec<ApprovalReason> {
        if facts.simulation {
            return Vec::new();
        }
        let mut reasons: Vec<ApprovalReason> = Vec::new();
        for reason in self
            .rules
            .iter()
            .filter_map(|rule| rule.reasons(facts))
            .flatten()
        {
            if !reasons.contains(&reason) {
                reasons.push(reason);
            }
        }
        reasons
    }

    /// When an approval at `now` would come too late for a first message due at `due`, with a
    /// hand-over that needs `handover` to finish: the minutes needed before `due`. `None`: in time.
    pub fn too_late(
        &self,
        now: DateTime<Utc>,
        due: DateTime<Utc>,
        handover: Duration,
    ) -> Option<u32> {
        let needed = self.min_notice + handover;
        (due - now < needed).then(|| {
            let seconds = needed.num_seconds().max(0);
            u32::try_from((seconds + 59) / 60).unwrap_or(u32::MAX)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(recipients: u64, cost: Option<f64>) -> CampaignFacts {
        CampaignFacts {
            purpose: Purpose::Marketing,
            provider: ProviderId::Octopush,
            recipients,
            estimated_cost: cost.map(|c| (c, "EUR".to_owned())),
            simulation: false,
        }
    }

    fn rules(rules: Vec<ApprovalRule>) -> ApprovalRules {
        ApprovalRules {
            rules,
            ..ApprovalRules::default()
        }
    }

    #[test]
    fn a_rule_holds_a_campaign_only_when_every_condition_is_met() {
        let big_marketing = rules(vec![ApprovalRule {
            purpose: Some(Purpose::Marketing),
            more_recipients_than: Some(1000),
            ..Default::default()
        }]);
        assert!(big_marketing.reasons(&facts(1000, None)).is_empty());
        assert_eq!(
            big_marketing.reasons(&facts(1001, None)),
            [
                ApprovalReason::Purpose(Purpose::Marketing),
                ApprovalReason::MoreRecipientsThan {
                    limit: 1000,
                    count: 1001
                }
            ]
        );
        let alert = CampaignFacts {
            purpose: Purpose::Alert,
            ..facts(5000, None)
        };
        assert!(big_marketing.reasons(&alert).is_empty());
    }

    #[test]
    fn any_rule_holds_and_each_reason_is_said_once() {
        let two = rules(vec![
            ApprovalRule {
                purpose: Some(Purpose::Marketing),
                ..Default::default()
            },
            ApprovalRule {
                purpose: Some(Purpose::Marketing),
                cost_above: Some(50.0),
                ..Default::default()
            },
        ]);
        assert_eq!(
            two.reasons(&facts(3, Some(60.5))),
            [
                ApprovalReason::Purpose(Purpose::Marketing),
                ApprovalReason::CostAbove {
                    limit: 50.0,
                    estimate: 60.5,
                    currency: "EUR".into()
                }
            ]
        );
    }

    #[test]
    fn a_cost_without_a_price_is_held_and_a_simulation_never_is() {
        let costly = rules(vec![ApprovalRule {
            cost_above: Some(10.0),
            ..Default::default()
        }]);
        assert!(costly.reasons(&facts(3, Some(10.0))).is_empty());
        assert_eq!(
            costly.reasons(&facts(3, None)),
            [ApprovalReason::CostUnknown { limit: 10.0 }]
        );
        let simulated = CampaignFacts {
            simulation: true,
            ..facts(3, None)
        };
        assert!(costly.reasons(&simulated).is_empty());
        assert!(rules(vec![ApprovalRule::default()])
            .reasons(&facts(3, None))
            .is_empty());
    }

    #[test]
    fn too_late_counts_the_notice_and_the_handover() {
        let rules = ApprovalRules::default();
        let now = DateTime::parse_from_rfc3339("2026-12-03T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let handover = Duration::seconds(61);
        assert_eq!(
            rules.too_late(now, now + Duration::minutes(10), handover),
            None
        );
        assert_eq!(
            rules.too_late(now, now + Duration::minutes(6), handover),
            Some(7)
        );
        assert_eq!(
            rules.too_late(now, now - Duration::hours(1), handover),
            Some(7)
        );
    }
}
