//! The configuration in force as the read-only settings page shows it: no secret ever leaves.

use app::domain::campaign_plan::CapAction;
use app::domain::sending_rules::{Enforcement, SendingPolicies};
use app::models::{PolicyInfo, ProviderInfo, ServerSettings};

use super::FrequencyCap;
use crate::configuration::Settings;
use crate::site::FrameAncestors;
use crate::storage::Backend;

pub fn server_settings(
    settings: &Settings,
    frame_ancestors: &FrameAncestors,
    providers: Vec<ProviderInfo>,
    policies: &SendingPolicies,
    cap: &FrequencyCap,
    backend: Backend,
) -> ServerSettings {
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
        policies: policies
            .policies()
            .iter()
            .map(|policy| PolicyInfo {
                name: policy.name.clone(),
                country: policy.country.clone(),
                purpose: policy.purpose.as_str().into(),
                window: policy.window_in_words(),
                enforcement: match policy.enforcement {
                    Enforcement::Required => "required",
                    Enforcement::Recommended => "recommended",
                }
                .into(),
            })
            .collect(),
        frequency_cap: cap_in_words(cap),
        identity_header: settings.server.identity_header.clone(),
        frame_ancestors: frame_ancestors.origins().to_vec(),
        sandbox: settings.sandbox_mounted(),
    }
}

fn cap_in_words(cap: &FrequencyCap) -> String {
    let over = match cap.action {
        CapAction::Warn => "sent with a warning",
        CapAction::Exclude => "left out",
    };
    let messages = if cap.max_messages == 1 {
        "1 marketing message".to_owned()
    } else {
        format!("{} marketing messages", cap.max_messages)
    };
    format!(
        "At most {messages} per number in {} days; a recipient over it is {over}.",
        cap.days
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cap_reads_as_a_sentence() {
        let cap = FrequencyCap {
            max_messages: 2,
            days: 30,
            action: CapAction::Exclude,
        };
        assert_eq!(
            cap_in_words(&cap),
            "At most 2 marketing messages per number in 30 days; a recipient over it is left out."
        );
        assert!(
            cap_in_words(&FrequencyCap::default()).starts_with("At most 1 marketing message per")
        );
    }
}
