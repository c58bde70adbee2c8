//! Typed configuration: built-in defaults, then an optional TOML file, then `SMS_SCHEDULER__…`
//! environment variables (`__` separates levels: `SMS_SCHEDULER__OCTOPUSH__API_KEY`).

use secrecy::{ExposeSecret, SecretString};

use crate::providers::sandbox_faults::Faults;
use crate::sending_rules_settings::{self, FrequencyCapSettings, PolicySettings};
use crate::services::FrequencyCap;
use crate::site::FrameAncestors;
use app::domain::sending_rules::SendingPolicies;
use serde::Deserialize;
use std::net::SocketAddr;
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
    #[error("webhooks.secret: use at least {MIN_SECRET_LENGTH} letters, digits, '-' or '_' (it is part of a URL)")]
    WebhookSecret,
    #[error("webhooks.public_url {0:?} is not an http(s) URL")]
    PublicUrl(String),
    #[error("sending.{0}")]
    SendingRules(String),
    #[error("server.frame_ancestors: {0}")]
    FrameAncestors(String),
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
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct WebhookSettings {
    /// The secret path segment of the webhook URLs (`…/webhooks/<secret>/octopush`); generated at
    /// start-up when absent, which only the sandboxes can then know.
    pub secret: Option<SecretString>,
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
    /// Request header carrying the signed-in user's name, set by the portal; absent: a local operator.
    pub identity_header: Option<String>,
    /// Origins that may show the app in a frame (the portal), space-separated; empty: none but
    /// the app's own.
    #[serde(default)]
    pub frame_ancestors: String,
}

impl ServerSettings {
    pub fn frame_ancestors(&self) -> Result<FrameAncestors, ConfigurationError> {
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
    pub fn sending_policies(&self) -> Result<SendingPolicies, ConfigurationError> {
        sending_rules_settings::policies(self.policies.as_deref())
            .map_err(ConfigurationError::SendingRules)
    }

    pub fn cap(&self) -> Result<FrequencyCap, ConfigurationError> {
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
    /// Reads defaults, the configuration file and the environment.
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
        settings.validate()
    }

    /// The built-in defaults alone (the embedded default), ignoring files and the environment.
    pub fn embedded_default() -> Result<Self, ConfigurationError> {
        Self::defaults()?
            .build()?
            .try_deserialize::<Settings>()?
            .validate()
    }

    fn defaults(
    ) -> Result<config::ConfigBuilder<config::builder::DefaultState>, config::ConfigError> {
        config::Config::builder()
            .set_default("server.listen", "127.0.0.1:3000")?
            .set_default("server.base_path", "")?
            .set_default("server.site_root", "target/site")?
            .set_default("database.url", "sqlite://data/sms-scheduler.db")?
            .set_default("sending.default_region", "FR")?
            .set_default("sending.max_recipients", 100_000)?
            .set_default("sending.submit_concurrency", 4)?
            .set_default("sending.max_handovers", 4)?
            .set_default("sending.rate_limit_patience_seconds", 300)?
            .set_default("sending.reconcile_seconds", 60)?
            .set_default("sending.claim_seconds", 120)?
            .set_default("octopush.base_url", OCTOPUSH_API_URL)?
            .set_default("octopush.timeout_seconds", 15)?
            .set_default("infobip.timeout_seconds", 15)?
            .set_default("infobip.report_poll_seconds", 60)?
            .set_default("infobip.currency", "EUR")?
            .set_default("sandbox.enabled", false)?
            .set_default("sandbox.octopush.initial_balance", 100.0)?
            .set_default("sandbox.octopush.append_stop_mention", false)?
            .set_default("sandbox.infobip.initial_balance", 100.0)
    }

    fn validate(mut self) -> Result<Self, ConfigurationError> {
        self.server.base_path = normalise_base_path(&self.server.base_path)?;
        self.server.frame_ancestors()?;
        self.octopush.mode()?;
        self.infobip.mode()?;
        self.sandbox
            .faults
            .validate()
            .map_err(ConfigurationError::Faults)?;
        self.webhooks.validate()?;
        self.sending.sending_policies()?;
        self.sending.cap()?;
        Ok(self)
    }

    /// Whether the sandbox emulators are mounted: asked for, or standing in for a provider.
    pub fn sandbox_mounted(&self) -> bool {
        self.sandbox.enabled
            || matches!(self.octopush.mode(), Ok(OctopushMode::Sandbox))
            || matches!(self.infobip.mode(), Ok(InfobipMode::Sandbox))
    }
}

impl WebhookSettings {
    fn validate(&mut self) -> Result<(), ConfigurationError> {
        if let Some(secret) = &self.secret {
            let secret = secret.expose_secret();
            let url_safe = secret
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if secret.len() < MIN_SECRET_LENGTH || !url_safe {
                return Err(ConfigurationError::WebhookSecret);
            }
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
    pub fn mode(&self) -> Result<InfobipMode, ConfigurationError> {
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
    pub fn mode(&self) -> Result<OctopushMode, ConfigurationError> {
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
mod tests {
    use super::*;

    #[test]
    fn base_paths_are_normalised() {
        assert_eq!(normalise_base_path("").unwrap(), "");
        assert_eq!(normalise_base_path("/").unwrap(), "");
        assert_eq!(normalise_base_path("/tools/sms/").unwrap(), "/tools/sms");
        assert_eq!(normalise_base_path("tools/sms").unwrap(), "/tools/sms");
        assert!(normalise_base_path("/tools/../etc").is_err());
        assert!(normalise_base_path("/tools sms").is_err());
        assert!(normalise_base_path("/a//b").is_err());
    }

    fn octopush(login: Option<&str>, key: Option<&str>) -> OctopushSettings {
        OctopushSettings {
            api_login: login.map(str::to_owned),
            api_key: key.map(|k| SecretString::from(k.to_owned())),
            base_url: format!("{OCTOPUSH_API_URL}/"),
            timeout_seconds: 15,
            premium_price: None,
            low_cost_price: None,
        }
    }

    #[test]
    fn octopush_is_real_with_both_credentials_and_a_sandbox_with_neither() {
        assert!(matches!(
            octopush(None, None).mode(),
            Ok(OctopushMode::Sandbox)
        ));
        match octopush(Some("me@example.com"), Some("k")).mode().unwrap() {
            OctopushMode::Real {
                base_url,
                api_login,
                api_key,
            } => {
                assert_eq!(base_url, OCTOPUSH_API_URL);
                assert_eq!(api_login, "me@example.com");
                assert_eq!(api_key.expose_secret(), "k");
            }
            OctopushMode::Sandbox => panic!("expected the real service"),
        }
        assert!(matches!(
            octopush(Some("me@example.com"), None).mode(),
            Err(ConfigurationError::OctopushHalfConfigured)
        ));
    }

    #[test]
    fn infobip_needs_both_base_url_and_key() {
        let infobip = |url: Option<&str>, key: Option<&str>| InfobipSettings {
            base_url: url.map(str::to_owned),
            api_key: key.map(|k| SecretString::from(k.to_owned())),
            timeout_seconds: 15,
            report_poll_seconds: 60,
            part_price: None,
            currency: "EUR".into(),
            stop_mention: None,
        };
        assert!(matches!(
            infobip(None, None).mode(),
            Ok(InfobipMode::Sandbox)
        ));
        assert!(
            matches!(infobip(Some("https://x.api.infobip.com/"), Some("k")).mode(),
            Ok(InfobipMode::Real { base_url, .. }) if base_url == "https://x.api.infobip.com")
        );
        assert!(matches!(
            infobip(None, Some("k")).mode(),
            Err(ConfigurationError::InfobipHalfConfigured)
        ));
    }

    #[test]
    fn the_embedded_default_uses_both_sandboxes() {
        let settings = Settings::embedded_default().unwrap();
        assert!(settings.sandbox_mounted());
        assert!(matches!(settings.infobip.mode(), Ok(InfobipMode::Sandbox)));
        assert_eq!(settings.database.url, "sqlite://data/sms-scheduler.db");
    }

    #[test]
    fn webhook_secrets_must_be_long_and_url_safe() {
        let webhooks = |secret: &str, url: Option<&str>| WebhookSettings {
            secret: Some(SecretString::from(secret.to_owned())),
            public_url: url.map(str::to_owned),
        };
        let mut good = webhooks(
            "abcdefghijklmnopqrstuvwx-_1",
            Some("https://portal.example.com/tools/sms/"),
        );
        good.validate().unwrap();
        assert_eq!(
            good.public_url.as_deref(),
            Some("https://portal.example.com/tools/sms")
        );
        assert!(matches!(
            webhooks("short", None).validate(),
            Err(ConfigurationError::WebhookSecret)
        ));
        assert!(matches!(
            webhooks("abcdefghijklmnopqrstuvwx/../x", None).validate(),
            Err(ConfigurationError::WebhookSecret)
        ));
        assert!(matches!(
            webhooks("abcdefghijklmnopqrstuvwxyz", Some("portal.example.com")).validate(),
            Err(ConfigurationError::PublicUrl(_))
        ));
    }

    #[test]
    fn the_example_file_is_valid_and_spells_out_the_built_in_rules() {
        let example = include_str!("../../sms-scheduler.example.toml");
        let settings: Settings = Settings::defaults()
            .unwrap()
            .add_source(config::File::from_str(example, config::FileFormat::Toml))
            .build()
            .unwrap()
            .try_deserialize::<Settings>()
            .unwrap()
            .validate()
            .unwrap();
        assert_eq!(
            settings.sending.sending_policies().unwrap(),
            SendingPolicies::defaults()
        );
        assert_eq!(settings.sending.cap().unwrap(), FrequencyCap::default());
        assert_eq!(settings.infobip.report_poll_seconds, 60);
    }

    #[test]
    fn the_api_key_never_shows_in_debug_output() {
        let settings = octopush(Some("me@example.com"), Some("very-secret-key"));
        assert!(!format!("{settings:?}").contains("very-secret-key"));
    }
}
