//! Typed configuration: built-in defaults, then an optional TOML file, then `SMS_SCHEDULER__…`
//! environment variables (`__` separates levels: `SMS_SCHEDULER__OCTOPUSH__API_KEY`).

use secrecy::{ExposeSecret, SecretString};

use crate::domain::phone::Region;
use crate::domain::sending_rules::SendingPolicies;
use crate::sandbox::settings::SandboxSettings;
use crate::sending_rules_settings::{self, FrequencyCap, FrequencyCapSettings, PolicySettings};
use crate::site::FrameAncestors;
use serde::Deserialize;

mod approval;
mod auth;
mod auth_oidc;
mod metrics;
use crate::domain::approval_rules::ApprovalRules;
use crate::identity::Authentication;
pub use approval::{ApprovalError, ApprovalRuleSettings, ApprovalSettings};
pub use auth::{AuthError, AuthSettings, RoleSettings};
pub use auth_oidc::OidcSettings;
pub use metrics::MetricsSettings;
use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::path::PathBuf;

/// Environment variable naming the configuration file; without it `sms-scheduler.toml` is read if present.
pub const CONFIG_FILE_VAR: &str = "SMS_SCHEDULER_CONFIG";
const DEFAULT_CONFIG_FILE: &str = "sms-scheduler.toml";
const ENV_PREFIX: &str = "SMS_SCHEDULER";

pub const OCTOPUSH_API_URL: &str = "https://api.octopush.com/v1/public";

#[derive(Debug, thiserror::Error)]
pub enum ConfigurationError {
    #[error("could not read the configuration: {0}")]
    Load(#[from] config::ConfigError),
    #[error("server.base_path {0:?} is not a path such as /tools/sms")]
    BasePath(String),
    #[error(
        "octopush: set both api_login and api_key for the real service, or neither for the sandbox"
    )]
    OctopushHalfConfigured,
    #[error(
        "infobip: set both base_url and api_key for the real service, or neither for the sandbox"
    )]
    InfobipHalfConfigured,
    #[error("sandbox.faults: {0}")]
    Faults(String),
    #[error("webhooks.{0}: use at least {MIN_SECRET_LENGTH} letters, digits, '-' or '_' (it is part of a URL)")]
    WebhookSecret(&'static str),
    #[error("webhooks.previous_secret is the secret being replaced: set webhooks.secret as well")]
    PreviousSecretAlone,
    #[error("webhooks.public_url {0:?} is not an http(s) URL")]
    PublicUrl(String),
    #[error("sending.{0}")]
    SendingRules(String),
    #[error("server.frame_ancestors: {0}")]
    FrameAncestors(String),
    #[error("sending.default_region: {0}")]
    Region(String),
    #[error("{0}")]
    Auth(#[from] AuthError),
    #[error("{0}")]
    Approval(#[from] ApprovalError),
    #[error("{0}")]
    Metrics(String),
}

/// The shortest webhook secret accepted: long enough not to be guessed.
pub const MIN_SECRET_LENGTH: usize = 24;

#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    pub server: ServerSettings,
    pub database: DatabaseSettings,
    pub sending: SendingSettings,
    pub octopush: OctopushSettings,
    pub infobip: InfobipSettings,
    pub sandbox: SandboxSettings,
    #[serde(default)]
    pub webhooks: WebhookSettings,
    #[serde(default)]
    pub auth: AuthSettings,
    pub limits: LimitSettings,
    #[serde(default)]
    pub logging: LoggingSettings,
    #[serde(default)]
    pub approval: ApprovalSettings,
    #[serde(default)]
    pub metrics: MetricsSettings,
}

#[derive(Debug, Clone, Copy, Default, Deserialize)]
pub struct LoggingSettings {
    #[serde(default)]
    pub format: LogFormat,
}

/// How log lines are written: for people, or one JSON object a line for log collectors.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

/// How often each person may ask for what costs work or money (counted per instance).
#[derive(Debug, Clone, Deserialize)]
pub struct LimitSettings {
    /// Previews a minute (the composer asks for one each time the typing pauses).
    pub previews_per_minute: NonZeroU32,
    /// Campaigns scheduled a minute.
    pub schedules_per_minute: NonZeroU32,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct WebhookSettings {
    /// The secret path segment of the webhook URLs (`…/webhooks/<secret>/octopush`); generated at
    /// start-up when absent, which only the sandboxes can then know.
    pub secret: Option<SecretString>,
    /// The secret being replaced, still accepted while the providers are told the new one, so
    /// that no report is refused during a rotation.
    pub previous_secret: Option<SecretString>,
    /// The app's URL as the providers reach it (base path included), e.g.
    /// `https://portal.example.com/tools/sms`; needed for Infobip to push its reports.
    pub public_url: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ServerSettings {
    /// Where to listen, e.g. `127.0.0.1:3000` (port 0 picks a free one).
    pub listen: SocketAddr,
    /// Sub-path the app is served under behind a portal, e.g. `/tools/sms`; empty for the root.
    pub base_path: String,
    /// The built site (HTML assets, wasm, JS, CSS), as written by `cargo leptos build`.
    pub site_root: PathBuf,
    /// Replaced by `[auth]`; refused at start with how to say the same there.
    #[serde(default)]
    pub identity_header: Option<String>,
    /// Origins that may show the app in a frame (the portal), space-separated; empty: none but
    /// the app's own.
    #[serde(default)]
    pub frame_ancestors: String,
    /// On SIGTERM or SIGINT, how long requests and hand-overs in flight may take to finish.
    pub shutdown_grace_seconds: u64,
}

impl ServerSettings {
    fn frame_ancestors(&self) -> Result<FrameAncestors, ConfigurationError> {
        FrameAncestors::parse(&self.frame_ancestors).map_err(ConfigurationError::FrameAncestors)
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct DatabaseSettings {
    /// `sqlite://data/sms-scheduler.db` (the embedded default) or `postgres://…`.
    pub url: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SendingSettings {
    /// Region whose national format numbers without `+` are read in (`FR`: `06…` is `+336…`).
    pub default_region: String,
    /// Most recipients one campaign may name.
    pub max_recipients: usize,
    /// Largest recipient file taken by upload, in megabytes.
    pub max_file_megabytes: u64,
    /// Seconds an upload may go without a byte before it is cut (nothing kept).
    pub upload_idle_seconds: u64,
    /// Uploads one person may have under way at once on an instance (everyone is one person
    /// without sign-in).
    pub uploads_at_once: u32,
    /// Provider requests of one campaign in flight at once.
    pub submit_concurrency: usize,
    /// Campaign hand-overs running at once (each a task of the server's); more wait their turn.
    pub max_handovers: usize,
    /// Seconds one batch may wait out a provider's rate limit (429) within its hand-over; beyond,
    /// reconciliation sends it again while its send time allows.
    pub rate_limit_patience_seconds: u64,
    /// Seconds between reconciliation passes over submissions whose outcome is not known (one also
    /// runs at start-up).
    pub reconcile_seconds: u64,
    /// Seconds a claim on a submission lasts unless renewed; the task sending or reconciling it
    /// renews it every third of this while it runs, so another instance takes over only when the
    /// task stopped.
    pub claim_seconds: u64,
    /// Sending policies; when given they replace the built-in ones (French, overseas French and US marketing hours).
    #[serde(default)]
    pub policies: Option<Vec<PolicySettings>>,
    #[serde(default)]
    pub frequency_cap: FrequencyCapSettings,
}

impl SendingSettings {
    fn sending_policies(&self) -> Result<SendingPolicies, ConfigurationError> {
        sending_rules_settings::policies(self.policies.as_deref())
            .map_err(ConfigurationError::SendingRules)
    }

    fn cap(&self) -> Result<FrequencyCap, ConfigurationError> {
        self.frequency_cap
            .cap()
            .map_err(|why| ConfigurationError::SendingRules(format!("frequency_cap: {why}")))
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct OctopushSettings {
    /// The account's e-mail; with `api_key`, selects the real service.
    pub api_login: Option<String>,
    pub api_key: Option<SecretString>,
    pub base_url: String,
    pub timeout_seconds: u64,
    /// How long a balance read is shown again before the provider is asked anew; 0: always ask.
    pub balance_cache_seconds: u64,
    /// Euros per SMS part for premium and low-cost SMS, for the preview's cost estimate; absent:
    /// the sandbox's prices in the embedded default, no estimate with the real service.
    #[serde(default)]
    pub premium_price: Option<f64>,
    #[serde(default)]
    pub low_cost_price: Option<f64>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct InfobipSettings {
    /// The account's own API base URL (`https://xxxxx.api.infobip.com`); with `api_key`, selects the real service.
    pub base_url: Option<String>,
    pub api_key: Option<SecretString>,
    pub timeout_seconds: u64,
    /// How long a balance read is shown again before the provider is asked anew; 0: always ask.
    pub balance_cache_seconds: u64,
    /// Seconds between fetches of delivery reports (for sites Infobip cannot reach); 0: never.
    pub report_poll_seconds: u64,
    /// Price of one SMS part in `currency`, for the preview's cost estimate; absent: the
    /// sandbox's price in the embedded default, no estimate with the real service.
    #[serde(default)]
    pub part_price: Option<f64>,
    /// The account's currency.
    pub currency: String,
    /// The opt-out mention French marketing SMS through Infobip must carry, the account's own
    /// STOP number (`STOP au 36111`); absent: the sandbox's in the embedded default, and such
    /// campaigns refused with the real service until it is set.
    #[serde(default)]
    pub stop_mention: Option<String>,
}

/// How Infobip is reached.
#[derive(Debug, Clone)]
pub enum InfobipMode {
    Real {
        base_url: String,
        api_key: SecretString,
    },
    Sandbox,
}

/// How Octopush is reached.
#[derive(Debug, Clone)]
pub enum OctopushMode {
    Real {
        base_url: String,
        api_login: String,
        api_key: SecretString,
    },
    Sandbox,
}

impl Settings {
    /// Reads defaults, the configuration file and the environment (checked by `parse`).
    pub fn load() -> Result<Self, ConfigurationError> {
        let file = std::env::var(CONFIG_FILE_VAR).ok();
        let file_source = match &file {
            Some(path) => config::File::with_name(path).required(true),
            None => config::File::with_name(DEFAULT_CONFIG_FILE).required(false),
        };
        let settings: Settings = Self::defaults()?
            .add_source(file_source)
            .add_source(
                config::Environment::with_prefix(ENV_PREFIX)
                    .prefix_separator("__")
                    .separator("__"),
            )
            .build()?
            .try_deserialize()?;
        Ok(settings)
    }

    /// The built-in defaults alone (the embedded default), ignoring files and the environment.
    pub fn embedded_default() -> Result<Self, ConfigurationError> {
        Ok(Self::defaults()?.build()?.try_deserialize::<Settings>()?)
    }

    fn defaults(
    ) -> Result<config::ConfigBuilder<config::builder::DefaultState>, config::ConfigError> {
        config::Config::builder()
            .set_default("server.listen", "127.0.0.1:3000")?
            .set_default("server.base_path", "")?
            .set_default("server.site_root", "target/site")?
            .set_default("server.shutdown_grace_seconds", 30)?
            .set_default("database.url", "sqlite://data/sms-scheduler.db")?
            .set_default("sending.default_region", "FR")?
            .set_default("sending.max_recipients", 100_000)?
            .set_default("sending.max_file_megabytes", 64)?
            .set_default("sending.upload_idle_seconds", 60)?
            .set_default("sending.uploads_at_once", 2)?
            .set_default("sending.submit_concurrency", 4)?
            .set_default("sending.max_handovers", 4)?
            .set_default("sending.rate_limit_patience_seconds", 300)?
            .set_default("sending.reconcile_seconds", 60)?
            .set_default("sending.claim_seconds", 120)?
            .set_default("octopush.base_url", OCTOPUSH_API_URL)?
            .set_default("octopush.timeout_seconds", 15)?
            .set_default("infobip.timeout_seconds", 15)?
            .set_default("octopush.balance_cache_seconds", 60)?
            .set_default("infobip.balance_cache_seconds", 60)?
            .set_default("infobip.report_poll_seconds", 60)?
            .set_default("infobip.currency", "EUR")?
            .set_default("limits.previews_per_minute", 120)?
            .set_default("limits.schedules_per_minute", 10)?
            .set_default("sandbox.enabled", false)?
            .set_default("sandbox.octopush.initial_balance", 100.0)?
            .set_default("sandbox.octopush.append_stop_mention", false)?
            .set_default("sandbox.infobip.initial_balance", 100.0)
    }

    fn authentication(&self) -> Result<Authentication, AuthError> {
        if let Some(header) = &self.server.identity_header {
            return Err(AuthError::Replaced(header.clone()));
        }
        let authentication = self
            .auth
            .parse(self.server.listen, &self.server.base_path)?;
        if matches!(authentication, Authentication::None) && !self.server.listen.ip().is_loopback()
        {
            tracing::warn!(listen = %self.server.listen, "auth.allow_anonymous_network: anyone who reaches this address acts as the local operator with every right");
        }
        Ok(authentication)
    }

    /// Checks every value and reads each into its type, once: what start-up builds from.
    pub fn parse(mut self) -> Result<Configuration, ConfigurationError> {
        self.server.base_path = normalise_base_path(&self.server.base_path)?;
        self.sandbox
            .faults
            .validate()
            .map_err(ConfigurationError::Faults)?;
        self.webhooks.validate()?;
        self.metrics
            .validate()
            .map_err(ConfigurationError::Metrics)?;
        let authentication = self.authentication()?;
        Ok(Configuration {
            frame_ancestors: self.server.frame_ancestors()?,
            approval: self.approval.parse(&authentication)?,
            authentication,
            default_region: Region::parse(&self.sending.default_region)
                .map_err(|e| ConfigurationError::Region(e.to_string()))?,
            policies: self.sending.sending_policies()?,
            frequency_cap: self.sending.cap()?,
            octopush: self.octopush.mode()?,
            infobip: self.infobip.mode()?,
            settings: self,
        })
    }
}

/// The settings parsed: the values that have a type of their own read into it, beside the
/// settings they came from (plain numbers, paths and addresses, read as they are).
#[derive(Debug, Clone)]
pub struct Configuration {
    pub settings: Settings,
    pub frame_ancestors: FrameAncestors,
    pub authentication: Authentication,
    pub approval: ApprovalRules,
    pub default_region: Region,
    pub policies: SendingPolicies,
    pub frequency_cap: FrequencyCap,
    pub octopush: OctopushMode,
    pub infobip: InfobipMode,
}

impl Configuration {
    /// Whether the sandbox emulators are mounted: asked for, or standing in for a provider.
    pub fn sandbox_mounted(&self) -> bool {
        self.settings.sandbox.enabled
            || matches!(self.octopush, OctopushMode::Sandbox)
            || matches!(self.infobip, InfobipMode::Sandbox)
    }
}

impl WebhookSettings {
    fn validate(&mut self) -> Result<(), ConfigurationError> {
        for (key, secret) in [
            ("secret", &self.secret),
            ("previous_secret", &self.previous_secret),
        ] {
            if let Some(secret) = secret {
                let secret = secret.expose_secret();
                let url_safe = secret
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
                if secret.len() < MIN_SECRET_LENGTH || !url_safe {
                    return Err(ConfigurationError::WebhookSecret(key));
                }
            }
        }
        if self.secret.is_none() && self.previous_secret.is_some() {
            return Err(ConfigurationError::PreviousSecretAlone);
        }
        if let Some(url) = &self.public_url {
            let trimmed = url.trim().trim_end_matches('/');
            if !(trimmed.starts_with("http://") || trimmed.starts_with("https://"))
                || trimmed.contains(char::is_whitespace)
            {
                return Err(ConfigurationError::PublicUrl(url.clone()));
            }
            self.public_url = Some(trimmed.to_owned());
        }
        Ok(())
    }
}

impl InfobipSettings {
    fn mode(&self) -> Result<InfobipMode, ConfigurationError> {
        match (&self.base_url, &self.api_key) {
            (Some(base_url), Some(api_key)) => Ok(InfobipMode::Real {
                base_url: base_url.trim_end_matches('/').to_owned(),
                api_key: api_key.clone(),
            }),
            (None, None) => Ok(InfobipMode::Sandbox),
            _ => Err(ConfigurationError::InfobipHalfConfigured),
        }
    }
}

impl OctopushSettings {
    fn mode(&self) -> Result<OctopushMode, ConfigurationError> {
        match (&self.api_login, &self.api_key) {
            (Some(login), Some(key)) => Ok(OctopushMode::Real {
                base_url: self.base_url.trim_end_matches('/').to_owned(),
                api_login: login.clone(),
                api_key: key.clone(),
            }),
            (None, None) => Ok(OctopushMode::Sandbox),
            _ => Err(ConfigurationError::OctopushHalfConfigured),
        }
    }
}

/// `tools/sms/` → `/tools/sms`; `/` and the empty string → the site root (empty).
pub fn normalise_base_path(raw: &str) -> Result<String, ConfigurationError> {
    let trimmed = raw.trim().trim_matches('/');
    if trimmed.is_empty() {
        return Ok(String::new());
    }
    let valid = trimmed.split('/').all(|segment| {
        !segment.is_empty()
            && segment != "."
            && segment != ".."
            && segment
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-._~".contains(c))
    });
    if valid {
        Ok(format!("/{trimmed}"))
    } else {
        Err(ConfigurationError::BasePath(raw.to_owned()))
    }
}

#[cfg(test)]
mod tests;
