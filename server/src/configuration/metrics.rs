//! `[metrics]`: who may read `/metrics`.

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

/// The shortest token accepted: long enough not to be guessed.
pub const MIN_TOKEN_LENGTH: usize = 24;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetricsSettings {
    /// When set, `/metrics` answers only requests with `Authorization: Bearer <token>`.
    #[serde(default)]
    pub token: Option<SecretString>,
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
