//! The options only one provider offers, checked: each belongs to its provider, and Infobip's
//! validity period is a whole number of minutes it accepts as given.

use crate::models::{Problem, ProviderId, ProviderOption, ProviderOptions};

/// How long Infobip keeps trying to deliver a message, in minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValidityPeriod(u32);

impl ValidityPeriod {
    /// Infobip's longest (48 hours); it shortens a longer one without saying so, so the app
    /// refuses it instead.
    pub const MAX_MINUTES: u32 = 48 * 60;

    /// `None` for an empty text: Infobip's default.
    pub fn parse(text: &str) -> Result<Option<Self>, Problem> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        if !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Problem::ValidityNotMinutes(text.to_owned()));
        }
        // All digits: only a number too large for u64 fails to parse.
        let minutes = text.parse::<u64>().unwrap_or(u64::MAX);
        match u32::try_from(minutes) {
            Ok(minutes) if (1..=Self::MAX_MINUTES).contains(&minutes) => Ok(Some(Self(minutes))),
            _ => Err(Problem::ValidityOutOfRange {
                minutes,
                max: Self::MAX_MINUTES,
            }),
        }
    }

    pub fn minutes(self) -> u32 {
        self.0
    }
}

/// The options an order hands to its provider.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrderOptions {
    /// Octopush: leave out the numbers on the account's blacklist.
    pub remove_blacklisted: bool,
    /// Infobip: a flash SMS.
    pub flash: bool,
    /// Infobip: `None` for its default.
    pub validity: Option<ValidityPeriod>,
}

impl OrderOptions {
    /// Every problem at once: an option of another provider, a validity that is not one.
    pub fn parse(provider: ProviderId, options: &ProviderOptions) -> Result<Self, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut not_offered = |option| {
            problems.push(Problem::OptionNotOffered { provider, option });
        };
        let octopush = provider == ProviderId::Octopush;
        let infobip = provider == ProviderId::Infobip;
        if options.remove_blacklisted && !octopush {
            not_offered(ProviderOption::RemoveBlacklisted);
        }
        if options.flash && !infobip {
            not_offered(ProviderOption::Flash);
        }
        let validity = if options.validity_minutes.trim().is_empty() || infobip {
            ValidityPeriod::parse(&options.validity_minutes)
                .map_err(|problem| problems.push(problem))
                .ok()
                .flatten()
        } else {
            not_offered(ProviderOption::Validity);
            None
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Self {
            remove_blacklisted: options.remove_blacklisted,
            flash: options.flash,
            validity,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn infobip(validity_minutes: &str) -> Result<OrderOptions, Vec<Problem>> {
        OrderOptions::parse(
            ProviderId::Infobip,
            &ProviderOptions {
                validity_minutes: validity_minutes.into(),
                ..ProviderOptions::default()
            },
        )
    }

    #[test]
    fn a_validity_is_whole_minutes_from_one_to_48_hours() {
        assert_eq!(infobip("").unwrap().validity, None);
        assert_eq!(
            infobip(" 90 ")
                .unwrap()
                .validity
                .map(ValidityPeriod::minutes),
            Some(90)
        );
        assert_eq!(
            infobip("2880")
                .unwrap()
                .validity
                .map(ValidityPeriod::minutes),
            Some(2880)
        );
        assert_eq!(
            infobip("2881").unwrap_err(),
            vec![Problem::ValidityOutOfRange {
                minutes: 2881,
                max: 2880
            }]
        );
        assert_eq!(
            infobip("0").unwrap_err(),
            vec![Problem::ValidityOutOfRange {
                minutes: 0,
                max: 2880
            }]
        );
        assert_eq!(
            infobip("99999999999999999999999").unwrap_err(),
            vec![Problem::ValidityOutOfRange {
                minutes: u64::MAX,
                max: 2880
            }]
        );
        for typed in ["2h", "1.5", "-5", "quarante"] {
            assert_eq!(
                infobip(typed).unwrap_err(),
                vec![Problem::ValidityNotMinutes(typed.into())],
                "{typed}"
            );
        }
    }

    #[test]
    fn each_option_belongs_to_its_provider() {
        let everything = ProviderOptions {
            remove_blacklisted: true,
            flash: true,
            validity_minutes: "60".into(),
        };
        assert_eq!(
            OrderOptions::parse(ProviderId::Octopush, &everything).unwrap_err(),
            vec![
                Problem::OptionNotOffered {
                    provider: ProviderId::Octopush,
                    option: ProviderOption::Flash
                },
                Problem::OptionNotOffered {
                    provider: ProviderId::Octopush,
                    option: ProviderOption::Validity
                },
            ]
        );
        assert_eq!(
            OrderOptions::parse(ProviderId::Infobip, &everything).unwrap_err(),
            vec![Problem::OptionNotOffered {
                provider: ProviderId::Infobip,
                option: ProviderOption::RemoveBlacklisted
            }]
        );
        let octopush = OrderOptions::parse(
            ProviderId::Octopush,
            &ProviderOptions {
                remove_blacklisted: true,
                ..ProviderOptions::default()
            },
        )
        .unwrap();
        assert!(octopush.remove_blacklisted && !octopush.flash && octopush.validity.is_none());
    }
}
