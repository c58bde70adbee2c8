use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ProviderId {
    Octopush,
    Infobip,
}

impl ProviderId {
    /// The stable name used in storage and URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            ProviderId::Octopush => "octopush",
            ProviderId::Infobip => "infobip",
        }
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

/// What the browser may know of a provider: never its credentials.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderInfo {
    pub id: ProviderId,
    /// True when the built-in sandbox stands in for the real service.
    pub sandbox: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Balance {
    pub provider: ProviderId,
    pub amount: f64,
    /// The provider's unit, e.g. `euros`.
    pub unit: String,
}
