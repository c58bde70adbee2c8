//! What the server runs with, as the read-only settings page shows it: never a secret.

use serde::{Deserialize, Serialize};

use super::ProviderInfo;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServerSettings {
    /// The sub-path the app is served under; empty at the site root.
    pub base_path: String,
    /// `SQLite` or `PostgreSQL`.
    pub database: String,
    /// Each provider, and whether its sandbox stands in for it.
    pub providers: Vec<ProviderInfo>,
    /// Whose national format numbers without `+` are read in (`FR`).
    pub default_region: String,
    pub max_recipients: u64,
    /// The sending-rules policies in force, first match wins.
    pub policies: Vec<PolicyInfo>,
    /// The marketing frequency cap, in words.
    pub frequency_cap: String,
    /// The request header naming the signed-in user; `None`: every action is a local operator's.
    pub identity_header: Option<String>,
    /// Origins that may show the app in a frame.
    pub frame_ancestors: Vec<String>,
    /// The sandboxes are mounted: their clock can be moved.
    pub sandbox: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyInfo {
    pub name: String,
    /// ISO 3166 code; `None`: every country no other policy names.
    pub country: Option<String>,
    /// `marketing` or `alert`.
    pub purpose: String,
    /// Days, hours and zone, in words.
    pub window: String,
    /// `required` or `recommended`.
    pub enforcement: String,
}

/// The sandboxes' present, which can run ahead of real time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SandboxClockView {
    /// RFC 3339.
    pub now: String,
    pub offset_seconds: i64,
}
