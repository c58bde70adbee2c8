//! `[metrics]`: who may read `/metrics`.

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

/// The shortest token accepted: long enough not to be guessed.
pub const MIN_TOKEN_LENGTH: usize = 24;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetricsSettings {
    /// Whether metrics are recorded and served at `/metrics` (true by default).
    #[serde(default = "enabled")]
    pub enabled: bool,
    /// When set, `/metrics` answers only requests with `Authorization: Bearer <token>`.
    #[serde(default)]
    pub token: Option<SecretString>,
}

impl Default for MetricsSettings {
    fn default() -> Self {
        Self {
            enabled: enabled(),
            token: None,
        }
    }
}

fn enabled() -> bool {
    true
}

impl MetricsSettings {
    pub fn validate(&self) -> Result<(), String> {
        match &self.token {
            Some(token) if token.expose_secret().trim().len() < MIN_TOKEN_LENGTH => Err(format!(
                "metrics.token: use at least {MIN_TOKEN_LENGTH} characters, or leave it out"
            )),
            Some(_) | None => Ok(()),
        }
    }
}
