//! The sandboxes' own settings (the `[sandbox]` table of the configuration).

use secrecy::SecretString;
use serde::Deserialize;

use super::faults::Faults;

#[derive(Debug, Clone, Deserialize)]
pub struct SandboxSettings {
    /// Mount the sandboxes even when every provider has real credentials.
    pub enabled: bool,
    pub octopush: OctopushSandboxSettings,
    pub infobip: InfobipSandboxSettings,
    /// Faults injected into both sandboxes (none by default); also adjustable at run time.
    #[serde(default)]
    pub faults: Faults,
}

#[derive(Debug, Clone, Deserialize)]
pub struct InfobipSandboxSettings {
    /// The key the sandbox accepts (`Authorization: App <key>`); generated at start-up when absent.
    pub api_key: Option<SecretString>,
    /// Starting credit in euros.
    pub initial_balance: f64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct OctopushSandboxSettings {
    /// Credentials the sandbox accepts; generated at start-up when absent.
    pub api_login: Option<String>,
    pub api_key: Option<SecretString>,
    /// Starting credit in euros.
    pub initial_balance: f64,
    /// Where the sandbox posts delivery reports (Octopush takes this URL in its web interface).
    pub delivery_report_url: Option<String>,
    /// Append a missing `STOP au XXXXX` to marketing SMS instead of refusing them (code 121/122).
    pub append_stop_mention: bool,
}
