//! What the server runs with, as the read-only settings page shows it: never a secret.

use chrono::Weekday;
use serde::{Deserialize, Serialize};

use super::{ProviderId, ProviderInfo};
use crate::domain::Purpose;

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
    pub frequency_cap: CapTerms,
    /// The four-eyes rules: which campaigns wait for another person's approval.
    pub approval: ApprovalTerms,
    /// The request header naming the signed-in user; `None`: every action is a local operator's.
    pub identity_header: Option<String>,
    /// With built-in sign-in, the identity provider (its issuer).
    pub sign_in_provider: Option<String>,
    /// Origins that may show the app in a frame.
    pub frame_ancestors: Vec<String>,
    /// The sandboxes are mounted: their clock can be moved.
    pub sandbox: bool,
}

/// The approval rules in force, as the settings page says them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApprovalTerms {
    /// A campaign meeting every condition of any one rule waits for approval; none: no campaign.
    pub rules: Vec<ApprovalRuleTerms>,
    /// The least minutes between an approval and the send time, beside the hand-over's own.
    pub min_notice_minutes: u32,
}

/// One rule's conditions, those it sets.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ApprovalRuleTerms {
    pub purpose: Option<Purpose>,
    pub provider: Option<ProviderId>,
    pub more_recipients_than: Option<u64>,
    /// In the provider's currency.
    pub cost_above: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyInfo {
    pub name: String,
    /// ISO 3166 codes (`FR`, or the French overseas territories); `None`: every country no other
    /// policy names.
    pub countries: Option<Vec<String>>,
    pub purpose: Purpose,
    pub window: WindowTerms,
    pub enforcement: Enforcement,
}

/// A time zone the composer offers, with the countries (ISO 3166 codes) that use it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ZoneChoice {
    /// IANA name (`Europe/Paris`).
    pub name: String,
    pub countries: Vec<String>,
}

/// Whether a sending window binds or only advises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Enforcement {
    /// Outside it, the campaign's choice applies (defer, skip, or override with a reason).
    Required,
    /// Outside it, the recipient is sent at the requested time with a warning.
    Recommended,
}

/// A sending window as data, for each language to say (`Monday–Saturday 08:00–20:00…`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct WindowTerms {
    /// The days it opens, Monday first.
    pub days: Vec<Weekday>,
    /// `HH:MM`, the opening and the closing time.
    pub start: String,
    pub end: String,
    /// Closed on French public holidays.
    pub french_holidays: bool,
    /// Closed too, in a French overseas territory, on its own public holiday (the abolition of
    /// slavery). Absent from notices recorded before it existed.
    #[serde(default)]
    pub territory_holidays: bool,
    /// The zone whose clock it is read on; `None`: each recipient's own.
    pub zone: Option<String>,
}

/// The marketing frequency cap: at most `max_messages` per number within `days`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CapTerms {
    pub max_messages: u32,
    pub days: u32,
    /// A recipient over the cap is left out (otherwise sent with a warning).
    pub over_cap_left_out: bool,
}

/// The sandboxes' present, which can run ahead of real time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SandboxClockView {
    /// RFC 3339.
    pub now: String,
    pub offset_seconds: i64,
}
