//! `[approval]`: the four-eyes rules. Read once into `ApprovalRules`; every mistake names its key.

use app::models::ProviderId;
use chrono::Duration;
use serde::Deserialize;

use crate::domain::approval_rules::{ApprovalRule, ApprovalRules};
use crate::domain::Purpose;
use crate::identity::Authentication;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApprovalSettings {
    /// A campaign meeting every condition of any rule waits for another person's approval.
    #[serde(default)]
    pub rules: Vec<ApprovalRuleSettings>,
    /// The least time between an approval and the first send time, beside the hand-over's own.
    #[serde(default = "default_min_notice_minutes")]
    pub min_notice_minutes: u32,
}

impl Default for ApprovalSettings {
    fn default() -> Self {
        Self {
            rules: Vec::new(),
            min_notice_minutes: default_min_notice_minutes(),
        }
    }
}

fn default_min_notice_minutes() -> u32 {
    5
}

/// `[[approval.rules]]`: set at least one condition.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApprovalRuleSettings {
    /// `alert` or `marketing`.
    pub purpose: Option<String>,
    /// `octopush` or `infobip`.
    pub provider: Option<String>,
    pub more_recipients_than: Option<u64>,
    /// The estimated cost, in the provider's currency.
    pub cost_above: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ApprovalError {
    #[error("approval.rules[{index}].purpose {value:?}: expected \"alert\" or \"marketing\"")]
    Purpose { index: usize, value: String },
    #[error("approval.rules[{index}].provider {value:?}: expected \"octopush\" or \"infobip\"")]
    Provider { index: usize, value: String },
    #[error("approval.rules[{index}].cost_above {value}: expected an amount of 0 or more")]
    Cost { index: usize, value: f64 },
    #[error(
        "approval.rules[{0}] sets no condition: give purpose, provider, more_recipients_than or \
         cost_above (a rule holding every campaign is purpose and provider left out, \
         more_recipients_than = 0)"
    )]
    Empty(usize),
    #[error(
        "approval.rules need people told apart: with auth.mode = \"none\" everyone is the local \
         operator, and nobody could approve another's campaign. Set auth.mode = \"trusted_header\""
    )]
    NobodyElse,
}

impl ApprovalSettings {
    /// The rules, for a server identifying people with `authentication`.
    pub fn parse(&self, authentication: &Authentication) -> Result<ApprovalRules, ApprovalError> {
        let rules = self
            .rules
            .iter()
            .enumerate()
            .map(|(index, rule)| rule.parse(index))
            .collect::<Result<Vec<_>, _>>()?;
        if !rules.is_empty() && matches!(authentication, Authentication::None) {
            return Err(ApprovalError::NobodyElse);
        }
        Ok(ApprovalRules {
            rules,
            min_notice: Duration::minutes(i64::from(self.min_notice_minutes)),
        })
    }
}

impl ApprovalRuleSettings {
    fn parse(&self, index: usize) -> Result<ApprovalRule, ApprovalError> {
        let purpose = self
            .purpose
            .as_deref()
            .map(|value| {
                Purpose::from_stored(value.trim()).ok_or_else(|| ApprovalError::Purpose {
                    index,
                    value: value.to_owned(),
                })
            })
            .transpose()?;
        let provider = self
            .provider
            .as_deref()
            .map(|value| {
                ProviderId::parse(value.trim()).ok_or_else(|| ApprovalError::Provider {
                    index,
                    value: value.to_owned(),
                })
            })
            .transpose()?;
        if let Some(value) = self
            .cost_above
            .filter(|cost| !(cost.is_finite() && *cost >= 0.0))
        {
            return Err(ApprovalError::Cost { index, value });
        }
        let rule = ApprovalRule {
            purpose,
            provider,
            more_recipients_than: self.more_recipients_than,
            cost_above: self.cost_above,
        };
        if rule == ApprovalRule::default() {
            return Err(ApprovalError::Empty(index));
        }
        Ok(rule)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    struct File {
        approval: ApprovalSettings,
    }

    /// `[approval]` as a configuration file says it.
    fn read(toml: &str) -> Result<ApprovalSettings, config::ConfigError> {
        config::Config::builder()
            .add_source(config::File::from_str(toml, config::FileFormat::Toml))
            .build()?
            .try_deserialize::<File>()
            .map(|file| file.approval)
    }

    fn behind_a_portal() -> Authentication {
        let settings = crate::configuration::AuthSettings {
            mode: Some("trusted_header".into()),
            user_header: Some("X-Forwarded-User".into()),
            trusted_proxies: "127.0.0.1".into(),
            ..Default::default()
        };
        settings
            .parse("127.0.0.1:3000".parse().unwrap(), "")
            .unwrap()
    }

    #[test]
    fn rules_are_read_with_their_conditions() {
        let settings = read(
            "[approval]\nmin_notice_minutes = 15\n\
             [[approval.rules]]\npurpose = \"marketing\"\n\
             [[approval.rules]]\nprovider = \"infobip\"\nmore_recipients_than = 1000\ncost_above = 50.5\n",
        )
        .unwrap();
        let rules = settings.parse(&behind_a_portal()).unwrap();
        assert_eq!(rules.min_notice, Duration::minutes(15));
        assert_eq!(
            rules.rules,
            [
                ApprovalRule {
                    purpose: Some(Purpose::Marketing),
                    ..Default::default()
                },
                ApprovalRule {
                    provider: Some(ProviderId::Infobip),
                    more_recipients_than: Some(1000),
                    cost_above: Some(50.5),
                    ..Default::default()
                }
            ]
        );
    }

    #[test]
    fn each_mistake_names_its_key() {
        let parse = |toml: &str| read(toml).unwrap().parse(&behind_a_portal()).unwrap_err();
        assert_eq!(
            parse("[[approval.rules]]\npurpose = \"promo\"\n").to_string(),
            "approval.rules[0].purpose \"promo\": expected \"alert\" or \"marketing\""
        );
        assert_eq!(
            parse(
                "[[approval.rules]]\npurpose = \"alert\"\n[[approval.rules]]\nprovider = \"sms\"\n"
            ),
            ApprovalError::Provider {
                index: 1,
                value: "sms".into()
            }
        );
        assert_eq!(
            parse("[[approval.rules]]\ncost_above = -1.0\n"),
            ApprovalError::Cost {
                index: 0,
                value: -1.0
            }
        );
        assert_eq!(parse("[[approval.rules]]\n"), ApprovalError::Empty(0));
        let misspelt = read("[[approval.rules]]\nrecipients_over = 10\n").unwrap_err();
        assert!(
            misspelt.to_string().contains("recipients_over"),
            "{misspelt}"
        );
    }

    #[test]
    fn rules_need_people_told_apart() {
        let settings = read("[[approval.rules]]\npurpose = \"marketing\"\n").unwrap();
        assert_eq!(
            settings.parse(&Authentication::None),
            Err(ApprovalError::NobodyElse)
        );
        assert!(ApprovalSettings::default()
            .parse(&Authentication::None)
            .unwrap()
            .rules
            .is_empty());
    }
}
