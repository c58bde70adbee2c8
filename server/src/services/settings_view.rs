//! The configuration in force as the read-only settings page shows it (no secret ever leaves),
//! the time-zone table, and the sandboxes' clock.

use crate::domain::campaign_plan::CapAction;
use crate::domain::zone_table::zone_choices;
use app::models::{
    AppError, ApprovalRuleTerms, ApprovalTerms, CapTerms, PolicyInfo, ProviderInfo, Refusal,
    SandboxClockView, ServerSettings, ZoneChoice,
};
use app::services::SettingsService;
use std::sync::Arc;

use crate::clock::SandboxClock;
use crate::configuration::Configuration;
use crate::identity::Authentication;
use crate::storage::Backend;

pub struct SettingsView {
    settings: ServerSettings,
    /// Mounted with the sandboxes only.
    sandbox_clock: Option<Arc<SandboxClock>>,
}

impl SettingsView {
    pub fn new(settings: ServerSettings, sandbox_clock: Option<Arc<SandboxClock>>) -> Self {
        Self {
            settings,
            sandbox_clock,
        }
    }

    fn mounted_sandbox_clock(&self) -> Result<&SandboxClock, AppError> {
        self.sandbox_clock
            .as_deref()
            .ok_or(AppError::NotAllowed(Refusal::NoSandbox))
    }
}

impl SettingsService for SettingsView {
    fn settings(&self) -> ServerSettings {
        self.settings.clone()
    }

    fn time_zones(&self) -> Vec<ZoneChoice> {
        zone_choices()
    }

    fn sandbox_clock(&self) -> Result<SandboxClockView, AppError> {
        Ok(self.mounted_sandbox_clock()?.view())
    }

    fn advance_sandbox_clock(&self, seconds: i64) -> Result<SandboxClockView, AppError> {
        let clock = self.mounted_sandbox_clock()?;
        clock.step_forward(seconds).map_err(AppError::NotAllowed)?;
        Ok(clock.view())
    }
}

pub fn server_settings(
    configuration: &Configuration,
    providers: Vec<ProviderInfo>,
    backend: Backend,
) -> ServerSettings {
    let settings = &configuration.settings;
    let cap = &configuration.frequency_cap;
    ServerSettings {
        base_path: settings.server.base_path.clone(),
        database: match backend {
            Backend::Sqlite => "SQLite",
            Backend::Postgres => "PostgreSQL",
        }
        .into(),
        providers,
        default_region: settings.sending.default_region.clone(),
        max_recipients: u64::try_from(settings.sending.max_recipients).unwrap_or(u64::MAX),
        policies: configuration
            .policies
            .policies()
            .iter()
            .map(|policy| PolicyInfo {
                name: policy.name.clone(),
                countries: policy.countries.codes().map(<[String]>::to_vec),
                purpose: policy.purpose,
                window: policy.window_terms(),
                enforcement: policy.enforcement,
            })
            .collect(),
        frequency_cap: CapTerms {
            max_messages: cap.max_messages,
            days: cap.days,
            over_cap_left_out: cap.action == CapAction::Exclude,
        },
        approval: ApprovalTerms {
            rules: configuration
                .approval
                .rules
                .iter()
                .map(|rule| ApprovalRuleTerms {
                    purpose: rule.purpose,
                    provider: rule.provider,
                    more_recipients_than: rule.more_recipients_than,
                    cost_above: rule.cost_above,
                })
                .collect(),
            min_notice_minutes: u32::try_from(configuration.approval.min_notice.num_minutes())
                .unwrap_or(u32::MAX),
        },
        identity_header: match &configuration.authentication {
            // As configured (a header name is read in lower case).
            Authentication::TrustedHeader(_) => settings.auth.user_header.clone(),
            Authentication::None | Authentication::Oidc(_) => None,
        },
        sign_in_provider: match &configuration.authentication {
            Authentication::Oidc(config) => Some(config.issuer.clone()),
            Authentication::None | Authentication::TrustedHeader(_) => None,
        },
        frame_ancestors: configuration.frame_ancestors.origins().to_vec(),
        sandbox: configuration.sandbox_mounted(),
    }
}
