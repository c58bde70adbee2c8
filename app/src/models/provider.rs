use serde::{Deserialize, Serialize};
use std::fmt;

use super::{Problem, Refusal};
use crate::domain::CampaignType;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ProviderId {
    Octopush,
    Infobip,
}

impl ProviderId {
    pub const ALL: [ProviderId; 2] = [ProviderId::Octopush, ProviderId::Infobip];

    /// The stable name used in storage and URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            ProviderId::Octopush => "octopush",
            ProviderId::Infobip => "infobip",
        }
    }

    /// The id named by `as_str`'s name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == name)
    }
}

impl fmt::Display for ProviderId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ProviderId::Octopush => "Octopush",
            ProviderId::Infobip => "Infobip",
        })
    }
}

/// Whether a provider can do something to a scheduled campaign, and if not fully, why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Support {
    Yes,
    /// Possible under the provider's conditions, stated.
    Limited(Refusal),
    /// Not possible, and why.
    No(Refusal),
}

/// What a provider really supports, declared so the UI offers only what works.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Capabilities {
    pub cancel: Support,
    pub reschedule: Support,
    pub pause_resume: Support,
    /// Most recipients one request to the provider may carry.
    pub max_recipients_per_request: u32,
    /// How far ahead a send may be scheduled, when the provider limits it.
    pub max_days_ahead: Option<u32>,
    /// The limits a cancel is held to, when the provider has some it says beforehand.
    pub cancel_limits: Option<CancelLimits>,
}

/// When a provider still cancels a campaign it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CancelLimits {
    /// Minutes before the send time after which it no longer cancels.
    pub notice_minutes: u32,
    /// Most recipients a campaign it cancels may have.
    pub max_recipients: u32,
    /// Most cancellations a month.
    pub per_month: u32,
}

/// What the browser may know of a provider: never its credentials.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderInfo {
    pub id: ProviderId,
    /// True when the built-in sandbox stands in for the real service.
    pub sandbox: bool,
    pub capabilities: Capabilities,
    /// The opt-out mention its marketing SMS must carry (Octopush's to every number, Infobip's
    /// configured one to French numbers); `None`: none is configured.
    pub stop_mention: Option<String>,
}

/// An amount of money to four decimals, as the providers quote their prices: exact, so that
/// problems carrying one compare equal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Amount(i64);

impl Amount {
    pub fn from_units(units: f64) -> Self {
        Self((units * 10_000.0).round() as i64)
    }

    pub fn units(self) -> f64 {
        self.0 as f64 / 10_000.0
    }
}

impl std::fmt::Display for Amount {
    /// Two decimals, as every amount is said.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::decimal::fixed_point(self.units(), 2, '.'))
    }
}

/// What the credit buys of one product in one country, in SMS (Octopush's detailed balance).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductCredit {
    /// ISO 3166 code (`FR`).
    pub country: String,
    pub product: CampaignType,
    pub sms: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Balance {
    pub provider: ProviderId,
    pub amount: f64,
    /// A currency's code (`EUR`), or the provider's own unit for a credit counted otherwise.
    pub unit: String,
}

/// A balance that would not pay for its provider's last campaign again, said in the navigation
/// before anyone schedules the next one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LowBalance {
    pub balance: Balance,
    /// The provider's newest campaign (simulations aside).
    pub campaign_id: String,
    pub recipients: u64,
    /// What it would cost again at the configured part price, in the balance's currency.
    pub cost: Amount,
}

impl Balance {
    /// Whether this balance is below `cost` in `currency` (never, in another currency).
    pub fn below(&self, cost: Amount, currency: &str) -> bool {
        self.unit == currency && Amount::from_units(self.amount) < cost
    }

    /// The problem when `estimate` is more than this balance, in the same currency: the
    /// provider would take part of the campaign and refuse the rest.
    pub fn shortfall(&self, estimate: f64, currency: &str) -> Option<Problem> {
        let estimate = Amount::from_units(estimate);
        self.below(estimate, currency)
            .then(|| Problem::OverBalance {
                provider: self.provider,
                estimate,
                balance: Amount::from_units(self.amount),
                currency: self.unit.clone(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_said_with_two_decimals_and_compared_exactly() {
        assert_eq!(Amount::from_units(110.0).to_string(), "110.00");
        assert_eq!(Amount::from_units(99.555).to_string(), "99.56");
        assert_eq!(Amount::from_units(0.004).to_string(), "0.00");
        assert_eq!(Amount::from_units(-1.5).to_string(), "-1.50");
        let balance = Balance {
            provider: ProviderId::Octopush,
            amount: 99.56,
            unit: "EUR".into(),
        };
        assert_eq!(
            balance.shortfall(110.0, "EUR"),
            Some(Problem::OverBalance {
                provider: ProviderId::Octopush,
                estimate: Amount::from_units(110.0),
                balance: Amount::from_units(99.56),
                currency: "EUR".into()
            })
        );
        assert_eq!(balance.shortfall(99.56, "EUR"), None);
        // Another currency cannot be compared: the provider decides.
        assert_eq!(balance.shortfall(110.0, "USD"), None);
    }
}
