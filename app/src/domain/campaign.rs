//! What kind of campaign the user asks for.

use serde::{Deserialize, Serialize};

/// The longest campaign name, in characters.
pub const CAMPAIGN_NAME_MAX: usize = 80;

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

impl CampaignType {
    /// The stable name used in storage.
    pub fn as_str(self) -> &'static str {
        match self {
            CampaignType::Premium => "premium",
            CampaignType::LowCost => "low_cost",
        }
    }

    /// The type stored as `name` (`as_str`).
    pub fn from_stored(name: &str) -> Option<Self> {
        [CampaignType::Premium, CampaignType::LowCost]
            .into_iter()
            .find(|kind| kind.as_str() == name)
    }
}

impl Purpose {
    /// The stable name used in storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::Alert => "alert",
            Purpose::Marketing => "marketing",
        }
    }

    /// The purpose stored as `name` (`as_str`).
    pub fn from_stored(name: &str) -> Option<Self> {
        [Purpose::Alert, Purpose::Marketing]
            .into_iter()
            .find(|purpose| purpose.as_str() == name)
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

/// The outside-window choice without an override's reason: what the composer's buttons choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutsideWindowKind {
    Defer,
    Skip,
    Override,
}

impl OutsideWindowKind {
    pub const ALL: [OutsideWindowKind; 3] = [
        OutsideWindowKind::Defer,
        OutsideWindowKind::Skip,
        OutsideWindowKind::Override,
    ];

    /// The stable name of the choice, in storage and in the page's elements.
    pub fn as_str(self) -> &'static str {
        match self {
            OutsideWindowKind::Defer => "defer",
            OutsideWindowKind::Skip => "skip",
            OutsideWindowKind::Override => "override",
        }
    }

    /// The choice, with `reason` for an override.
    pub fn with_reason(self, reason: String) -> OutsideWindow {
        match self {
            OutsideWindowKind::Defer => OutsideWindow::Defer,
            OutsideWindowKind::Skip => OutsideWindow::Skip,
            OutsideWindowKind::Override => OutsideWindow::Override { reason },
        }
    }
}

impl OutsideWindow {
    pub fn kind(&self) -> OutsideWindowKind {
        match self {
            OutsideWindow::Defer => OutsideWindowKind::Defer,
            OutsideWindow::Skip => OutsideWindowKind::Skip,
            OutsideWindow::Override { .. } => OutsideWindowKind::Override,
        }
    }

    /// The stable name of the choice used in storage (an override's reason is stored apart).
    pub fn as_str(&self) -> &'static str {
        self.kind().as_str()
    }

    /// The override's reason, stored apart from the choice's name.
    pub fn override_reason(&self) -> Option<&str> {
        match self {
            OutsideWindow::Defer | OutsideWindow::Skip => None,
            OutsideWindow::Override { reason } => Some(reason),
        }
    }

    /// The choice stored as `name` (`as_str`), with the override's stored reason.
    pub fn from_stored(name: &str, reason: Option<&str>) -> Option<Self> {
        let kind = OutsideWindowKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == name)?;
        match (kind, reason) {
            (OutsideWindowKind::Override, None) => None,
            (kind, reason) => Some(kind.with_reason(reason.unwrap_or_default().to_owned())),
        }
    }
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
    fn stored_names_read_back_as_what_was_stored() {
        for kind in [CampaignType::Premium, CampaignType::LowCost] {
            assert_eq!(CampaignType::from_stored(kind.as_str()), Some(kind));
        }
        for purpose in [Purpose::Alert, Purpose::Marketing] {
            assert_eq!(Purpose::from_stored(purpose.as_str()), Some(purpose));
        }
        let choices = [
            OutsideWindow::Defer,
            OutsideWindow::Skip,
            OutsideWindow::Override {
                reason: "court summons".into(),
            },
        ];
        for choice in choices {
            let reason = match &choice {
                OutsideWindow::Override { reason } => Some(reason.as_str()),
                OutsideWindow::Defer | OutsideWindow::Skip => None,
            };
            assert_eq!(
                OutsideWindow::from_stored(choice.as_str(), reason),
                Some(choice)
            );
        }
        assert_eq!(CampaignType::from_stored("Premium"), None);
        assert_eq!(OutsideWindow::from_stored("override", None), None);
        for kind in OutsideWindowKind::ALL {
            assert_eq!(kind.with_reason("court summons".into()).kind(), kind);
        }
    }

    #[test]
    fn stop_mention_is_case_sensitive_and_verbatim() {
        assert!(has_octopush_stop_mention("Promo -20% STOP au XXXXX"));
        assert!(!has_octopush_stop_mention("Promo -20% stop au XXXXX"));
        assert!(!has_octopush_stop_mention("Promo -20% STOP au 30101"));
    }
}
