//! The options only one provider offers, checked: each belongs to its provider, and Infobip's
//! validity period is a whole number of minutes it accepts as given.

use app::models::{Problem, ProviderId, ProviderOptions};

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

/// Octopush's own options.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OctopushOptions {
    /// Validate and price, send nothing.
    pub simulation: bool,
    pub with_replies: bool,
    /// Leave out the numbers on the account's blacklist.
    pub remove_blacklisted: bool,
}

/// Infobip's own options.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct InfobipOptions {
    /// A flash SMS.
    pub flash: bool,
    /// `None` for Infobip's default.
    pub validity: Option<ValidityPeriod>,
}

/// The options an order hands to its provider: only that provider's. An Infobip order cannot
/// carry a simulation flag, which Infobip would not read: its messages would really go out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderOptions {
    Octopush(OctopushOptions),
    Infobip(InfobipOptions),
}

impl OrderOptions {
    /// No option chosen.
    pub fn none(provider: ProviderId) -> Self {
        match provider {
            ProviderId::Octopush => Self::Octopush(OctopushOptions::default()),
            ProviderId::Infobip => Self::Infobip(InfobipOptions::default()),
        }
    }

    /// Every problem at once: an option of another provider, a validity that is not one.
    pub fn parse(provider: ProviderId, options: &ProviderOptions) -> Result<Self, Vec<Problem>> {
        let mut problems: Vec<Problem> = options
            .chosen()
            .filter(|option| option.provider() != provider)
            .map(|option| Problem::OptionNotOffered { provider, option })
            .collect();
        let parsed = match provider {
            ProviderId::Octopush => Self::Octopush(OctopushOptions {
                simulation: options.simulation,
                with_replies: options.with_replies,
                remove_blacklisted: options.remove_blacklisted,
            }),
            ProviderId::Infobip => Self::Infobip(InfobipOptions {
                flash: options.flash,
                validity: ValidityPeriod::parse(&options.validity_minutes)
                    .map_err(|problem| problems.push(problem))
                    .ok()
                    .flatten(),
            }),
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(parsed)
    }

    /// Nothing is sent: only Octopush simulates.
    pub fn simulation(&self) -> bool {
        matches!(self, Self::Octopush(options) if options.simulation)
    }

    /// Octopush's options; `None` on an Infobip order.
    pub fn octopush(&self) -> Option<OctopushOptions> {
        match self {
            Self::Octopush(options) => Some(*options),
            Self::Infobip(_) => None,
        }
    }

    /// Infobip's options; `None` on an Octopush order.
    pub fn infobip(&self) -> Option<InfobipOptions> {
        match self {
            Self::Octopush(_) => None,
            Self::Infobip(options) => Some(*options),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::models::ProviderOption;

    fn infobip(validity_minutes: &str) -> Result<InfobipOptions, Vec<Problem>> {
        OrderOptions::parse(
            ProviderId::Infobip,
            &ProviderOptions {
                validity_minutes: validity_minutes.into(),
                ..ProviderOptions::default()
            },
        )
        .map(|options| options.infobip().expect("Infobip's options"))
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
            simulation: true,
            with_replies: true,
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
            [
                ProviderOption::Simulation,
                ProviderOption::WithReplies,
                ProviderOption::RemoveBlacklisted
            ]
            .map(|option| Problem::OptionNotOffered {
                provider: ProviderId::Infobip,
                option
            })
        );
        let octopush = OrderOptions::parse(
            ProviderId::Octopush,
            &ProviderOptions {
                remove_blacklisted: true,
                ..ProviderOptions::default()
            },
        )
        .unwrap();
        assert_eq!(
            octopush.octopush(),
            Some(OctopushOptions {
                remove_blacklisted: true,
                ..OctopushOptions::default()
            })
        );
        assert_eq!(octopush.infobip(), None);
    }

    #[test]
    fn only_octopush_simulates() {
        let simulate = ProviderOptions {
            simulation: true,
            ..ProviderOptions::default()
        };
        assert!(OrderOptions::parse(ProviderId::Octopush, &simulate)
            .unwrap()
            .simulation());
        assert_eq!(
            OrderOptions::parse(ProviderId::Infobip, &simulate).unwrap_err(),
            vec![Problem::OptionNotOffered {
                provider: ProviderId::Infobip,
                option: ProviderOption::Simulation
            }]
        );
        assert!(!OrderOptions::none(ProviderId::Infobip).simulation());
    }
}
