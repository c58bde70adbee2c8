//! The sending rules as an administrator writes them in the configuration file: the policies
//! (which replace the built-in ones when given) and the marketing frequency cap.

use crate::domain::campaign_plan::CapAction;
use crate::domain::holidays::HolidayCalendar;
use crate::domain::send_time::parse_zone;
use crate::domain::sending_rules::{
    Countries, Days, Enforcement, SendingPolicies, SendingPolicy, SendingWindow, WindowZone,
};
use crate::domain::Purpose;
use chrono::{NaiveTime, Weekday};
use serde::Deserialize;

/// The marketing frequency cap: how many marketing SMS one number may get within a number of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrequencyCap {
    pub max_messages: u32,
    pub days: u32,
    pub action: CapAction,
}

impl Default for FrequencyCap {
    /// One marketing SMS per recipient per 7 days, over which the user is warned.
    fn default() -> Self {
        Self {
            max_messages: 1,
            days: 7,
            action: CapAction::Warn,
        }
    }
}

/// One `[[sending.policies]]` table.
#[derive(Debug, Clone, Deserialize)]
pub struct PolicySettings {
    pub name: String,
    /// ISO 3166 code (`FR`); with `countries` absent too: every country no other policy names.
    pub country: Option<String>,
    /// Several ISO 3166 codes (the French overseas territories), instead of `country`.
    #[serde(default)]
    pub countries: Option<Vec<String>>,
    /// `marketing` or `alert`.
    pub purpose: String,
    /// `mon`…`sun`.
    pub days: Vec<String>,
    /// `HH:MM`, inclusive.
    pub start: String,
    /// `HH:MM`, exclusive.
    pub end: String,
    /// `none` (default) or `france` (where the number is from: for an overseas territory's number,
    /// the national holidays and the territory's own).
    #[serde(default)]
    pub holidays: Option<String>,
    /// An IANA zone, or `recipient` for each recipient's local time.
    pub zone: String,
    /// `required` (default: the campaign's defer/skip/override choice applies) or `recommended`
    /// (a warning only).
    #[serde(default)]
    pub enforcement: Option<String>,
}

/// `[sending.frequency_cap]`.
#[derive(Debug, Clone, Deserialize)]
pub struct FrequencyCapSettings {
    pub max_messages: u32,
    pub days: u32,
    /// `warn` or `exclude`.
    pub action: String,
}

impl Default for FrequencyCapSettings {
    fn default() -> Self {
        let cap = FrequencyCap::default();
        Self {
            max_messages: cap.max_messages,
            days: cap.days,
            action: "warn".into(),
        }
    }
}

impl FrequencyCapSettings {
    pub fn cap(&self) -> Result<FrequencyCap, String> {
        let action = match self.action.trim().to_ascii_lowercase().as_str() {
            "warn" => CapAction::Warn,
            "exclude" => CapAction::Exclude,
            other => return Err(format!("action {other:?} is not warn or exclude")),
        };
        if self.max_messages == 0 || self.days == 0 {
            return Err("max_messages and days must be at least 1".into());
        }
        Ok(FrequencyCap {
            max_messages: self.max_messages,
            days: self.days,
            action,
        })
    }
}

/// The configured policies, or the built-in ones when none are configured. Errors name the
/// policy (by its position and name) and the field.
pub fn policies(configured: Option<&[PolicySettings]>) -> Result<SendingPolicies, String> {
    let Some(configured) = configured else {
        return Ok(SendingPolicies::defaults());
    };
    configured
        .iter()
        .enumerate()
        .map(|(index, settings)| {
            policy(settings)
                .map_err(|why| format!("policy {} ({:?}): {why}", index + 1, settings.name))
        })
        .collect::<Result<Vec<_>, _>>()
        .map(SendingPolicies::new)
}

fn policy(settings: &PolicySettings) -> Result<SendingPolicy, String> {
    let purpose = match settings.purpose.trim().to_ascii_lowercase().as_str() {
        "marketing" => Purpose::Marketing,
        "alert" => Purpose::Alert,
        other => return Err(format!("purpose {other:?} is not marketing or alert")),
    };
    let days = settings
        .days
        .iter()
        .map(|day| {
            day.trim()
                .parse::<Weekday>()
                .map_err(|_| format!("day {day:?} is not one of mon, tue, wed, thu, fri, sat, sun"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let time = |field: &str, value: &str| {
        NaiveTime::parse_from_str(value.trim(), "%H:%M")
            .map_err(|_| format!("{field} {value:?} is not a time such as 08:00"))
    };
    let code = |code: &String| code.trim().to_ascii_uppercase();
    let countries = match (&settings.country, &settings.countries) {
        (None, None) => Countries::EveryOther,
        (Some(one), None) => Countries::Named(vec![code(one)]),
        (None, Some(many)) if !many.is_empty() => Countries::Named(many.iter().map(code).collect()),
        (None, Some(_)) => {
            return Err(
                "countries is empty (leave it out for every country no other policy names)".into(),
            )
        }
        (Some(_), Some(_)) => return Err("give country or countries, not both".into()),
    };
    let holidays = match settings.holidays.as_deref().map(str::trim) {
        None | Some("none") => HolidayCalendar::None,
        Some("france") => HolidayCalendar::France,
        Some(other) => return Err(format!("holidays {other:?} is not none or france")),
    };
    let window = SendingWindow::new(
        Days::of(&days),
        time("start", &settings.start)?,
        time("end", &settings.end)?,
        holidays,
    )
    .map_err(|e| e.to_string())?;
    let zone = match settings.zone.trim() {
        "recipient" => WindowZone::Recipient,
        name => WindowZone::Fixed(parse_zone(name).map_err(|e| e.to_string())?),
    };
    let enforcement = match settings.enforcement.as_deref().map(str::trim) {
        None | Some("required") => Enforcement::Required,
        Some("recommended") => Enforcement::Recommended,
        Some(other) => {
            return Err(format!(
                "enforcement {other:?} is not required or recommended"
            ))
        }
    };
    Ok(SendingPolicy {
        name: settings.name.clone(),
        countries,
        purpose,
        window,
        zone,
        enforcement,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn france() -> PolicySettings {
        PolicySettings {
            name: "France marketing".into(),
            country: Some("fr".into()),
            countries: None,
            purpose: "marketing".into(),
            days: ["mon", "tue", "wed", "thu", "fri", "sat"]
                .map(String::from)
                .to_vec(),
            start: "08:00".into(),
            end: "20:00".into(),
            holidays: Some("france".into()),
            zone: "Europe/Paris".into(),
            enforcement: None,
        }
    }

    #[test]
    fn the_built_in_france_policy_written_out_is_the_same_policy() {
        let configured = policies(Some(&[france()])).unwrap();
        assert_eq!(
            configured.policies()[0],
            SendingPolicies::defaults().policies()[0]
        );
        assert_eq!(policies(None).unwrap(), SendingPolicies::defaults());
    }

    #[test]
    fn the_built_in_overseas_policy_is_one_policy_naming_the_territories() {
        let overseas = PolicySettings {
            name: "French overseas marketing".into(),
            country: None,
            countries: Some(
                ["re", "GP", "MQ", "GF", "YT", "PM", "BL", " MF "]
                    .map(String::from)
                    .to_vec(),
            ),
            zone: "recipient".into(),
            ..france()
        };
        let configured = policies(Some(std::slice::from_ref(&overseas))).unwrap();
        assert_eq!(
            configured.policies()[0],
            SendingPolicies::defaults().policies()[1]
        );

        let both = PolicySettings {
            country: Some("FR".into()),
            ..overseas.clone()
        };
        assert!(policies(Some(&[both]))
            .unwrap_err()
            .contains("country or countries, not both"));
        let none = PolicySettings {
            countries: Some(vec![]),
            ..overseas
        };
        assert!(policies(Some(&[none]))
            .unwrap_err()
            .contains("countries is empty"));
    }

    #[test]
    fn mistakes_name_the_policy_and_the_field() {
        let mut sunday = france();
        sunday.days = vec!["dimanche".into()];
        let error = policies(Some(&[france(), sunday])).unwrap_err();
        assert!(
            error.starts_with("policy 2 (\"France marketing\"): day \"dimanche\""),
            "{error}"
        );

        let mut backwards = france();
        backwards.start = "20:00".into();
        backwards.end = "08:00".into();
        assert!(policies(Some(&[backwards]))
            .unwrap_err()
            .contains("must open before it closes"));

        let mut zone = france();
        zone.zone = "Paris".into();
        assert!(policies(Some(&[zone]))
            .unwrap_err()
            .contains("not a time zone name"));
    }

    #[test]
    fn the_cap_is_read_with_its_action() {
        let cap = FrequencyCapSettings {
            max_messages: 2,
            days: 30,
            action: "Exclude".into(),
        }
        .cap()
        .unwrap();
        assert_eq!(
            (cap.max_messages, cap.days, cap.action),
            (2, 30, CapAction::Exclude)
        );
        assert_eq!(
            FrequencyCapSettings::default().cap().unwrap(),
            FrequencyCap::default()
        );
        assert!(FrequencyCapSettings {
            action: "block".into(),
            ..Default::default()
        }
        .cap()
        .is_err());
    }
}
