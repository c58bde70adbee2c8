//! What kind of campaign the user asks for.

use serde::{Deserialize, Serialize};

/// Octopush's two routes: premium (sender shown, delivery reports) or low cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum CampaignType {
    #[default]
    Premium,
    LowCost,
}

/// Why the message is sent: sending rules and opt-out mentions depend on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Purpose {
    /// Transactional: may go at any hour.
    #[default]
    Alert,
    /// Marketing: needs an opt-out mention and respects quiet hours.
    Marketing,
}

impl Purpose {
    /// The stable name used in storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::Alert => "alert",
            Purpose::Marketing => "marketing",
        }
    }
}

/// What to do with a recipient the sending rules say may not receive the message at the requested time.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum OutsideWindow {
    /// Send at the next allowed time.
    #[default]
    Defer,
    /// Leave the recipient out, saying why.
    Skip,
    /// Send at the requested time anyway; the reason is recorded with the campaign.
    Override { reason: String },
}

/// The opt-out mention Octopush requires, verbatim, in a marketing SMS (it fills in `XXXXX`).
pub const OCTOPUSH_STOP_MENTION: &str = "STOP au XXXXX";

/// Whether a text carries the opt-out mention Octopush requires on marketing SMS.
pub fn has_octopush_stop_mention(text: &str) -> bool {
    text.contains(OCTOPUSH_STOP_MENTION)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_mention_is_case_sensitive_and_verbatim() {
        assert!(has_octopush_stop_mention("Promo -20% STOP au XXXXX"));
        assert!(!has_octopush_stop_mention("Promo -20% stop au XXXXX"));
        assert!(!has_octopush_stop_mention("Promo -20% STOP au 30101"));
    }
}
