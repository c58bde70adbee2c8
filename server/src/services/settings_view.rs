//! The configuration in force as the read-only settings page shows it: no secret ever leaves.

use app::domain::campaign_plan::CapAction;
use app::models::{CapTerms, PolicyInfo, ProviderInfo, ServerSettings};

use crate::configuration::Configuration;
use crate::storage::Backend;

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
                purpose: policy.purpose.as_str().into(),
                window: policy.window_terms(),
                enforcement: policy.enforcement,
            })
            .collect(),
        frequency_cap: CapTerms {
            max_messages: cap.max_messages,
            days: cap.days,
            over_cap_left_out: cap.action == CapAction::Exclude,
        },
        identity_header: settings.server.identity_header.clone(),
        frame_ancestors: configuration.frame_ancestors.origins().to_vec(),
        sandbox: configuration.sandbox_mounted(),
    }
}
