use serde::{Deserialize, Serialize};
use std::fmt;

use super::Refusal;

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
}

/// What the browser may know of a provider: never its credentials.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderInfo {
    pub id: ProviderId,
    /// True when the built-in sandbox stands in for the real service.
    pub sandbox: bool,
    pub capabilities: Capabilities,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Balance {
    pub provider: ProviderId,
    pub amount: f64,
    /// A currency's code (`EUR`), or the provider's own unit for a credit counted otherwise.
    pub unit: String,
}
