//! Sending policies: which window applies to which purpose and country, and what to do outside it.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::window::SendingWindow;
use super::zones::RecipientZone;
use crate::domain::campaign::Purpose;
use crate::domain::french_territories::FrenchTerritory;
use app::models::{Closed, Notice, WindowTerms};

/// Whose clock a window is read on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WindowZone {
    /// One zone for everyone (France's rules are read in Europe/Paris).
    Fixed(Tz),
    /// The recipient's local time.
    Recipient,
}

pub use app::models::Enforcement;

/// The numbers a policy is for, by the country libphonenumber reads them as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Countries {
    /// Every country no other policy names.
    EveryOther,
    /// These ISO 3166 codes (`FR`; `RE`, `GP`… for the French overseas territories).
    Named(Vec<String>),
}

impl Countries {
    /// Names `country` (a number with no known country is named by none).
    pub fn names(&self, country: Option<&str>) -> bool {
        match self {
            Countries::EveryOther => false,
            Countries::Named(codes) => country.is_some_and(|c| codes.iter().any(|code| code == c)),
        }
    }

    /// May apply to a number of a French overseas territory.
    fn reach_a_french_territory(&self) -> bool {
        match self {
            Countries::EveryOther => true,
            Countries::Named(codes) => codes
                .iter()
                .any(|code| FrenchTerritory::of_region(code).is_some()),
        }
    }

    /// The codes, `None` for every other country.
    pub fn codes(&self) -> Option<&[String]> {
        match self {
            Countries::EveryOther => None,
            Countries::Named(codes) => Some(codes),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendingPolicy {
    /// How users see it named, e.g. "France marketing".
    pub name: String,
    pub countries: Countries,
    pub purpose: Purpose,
    pub window: SendingWindow,
    pub zone: WindowZone,
    pub enforcement: Enforcement,
}

impl SendingPolicy {
    /// Days, hours, holidays and whose clock, for each language to say.
    pub fn window_terms(&self) -> WindowTerms {
        let zone = match &self.zone {
            WindowZone::Fixed(tz) => Some(tz.name().to_owned()),
            WindowZone::Recipient => None,
        };
        let terms = self.window.terms(zone);
        WindowTerms {
            // France's holidays are, for an overseas territory's number, that territory's.
            territory_holidays: terms.territory_holidays
                || (terms.french_holidays && self.countries.reach_a_french_territory()),
            ..terms
        }
    }
}

/// The policies in force; the first one naming the recipient's country wins, then the catch-all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendingPolicies {
    policies: Vec<SendingPolicy>,
}

/// A recipient outside the window that applies to them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutsideWindowFinding {
    /// The policy's name.
    pub policy: String,
    pub window: WindowTerms,
    pub closed: Closed,
    /// The earliest time the window allows, if any within a year.
    pub next_allowed: Option<DateTime<Utc>>,
    pub enforced: bool,
}

/// What the rules say about sending one recipient at one time.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RuleCheck {
    pub outside: Option<OutsideWindowFinding>,
    /// Things the user should know even when the time is allowed (an assumed time zone…).
    pub notes: Vec<Notice>,
}

impl SendingPolicies {
    pub fn new(policies: Vec<SendingPolicy>) -> Self {
        Self { policies }
    }

    pub fn policies(&self) -> &[SendingPolicy] {
        &self.policies
    }

    pub fn applying_to(&self, purpose: Purpose, country: Option<&str>) -> Option<&SendingPolicy> {
        let matching = |p: &&SendingPolicy| p.purpose == purpose;
        self.policies
            .iter()
            .filter(matching)
            .find(|p| p.countries.names(country))
            .or_else(|| {
                self.policies
                    .iter()
                    .filter(matching)
                    .find(|p| p.countries == Countries::EveryOther)
            })
    }

    /// Checks sending at `at` to a recipient of `country` whose clock is `zone`; `fallback_zone`
    /// (the campaign's) stands in when the zone is not known at all.
    pub fn check(
        &self,
        purpose: Purpose,
        country: Option<&str>,
        zone: &RecipientZone,
        fallback_zone: Tz,
        at: DateTime<Utc>,
    ) -> RuleCheck {
        let Some(policy) = self.applying_to(purpose, country) else {
            return RuleCheck::default();
        };
        let mut notes = Vec::new();
        let zones: Vec<Tz> = match (&policy.zone, zone) {
            (WindowZone::Fixed(tz), _) => vec![*tz],
            (WindowZone::Recipient, RecipientZone::Known(tz)) => vec![*tz],
            (WindowZone::Recipient, RecipientZone::OneOf(zones)) => {
                notes.push(Notice::ZonesChecked {
                    policy: policy.name.clone(),
                    zones: zones.iter().map(|z| z.name().to_owned()).collect(),
                });
                zones.to_vec()
            }
            (WindowZone::Recipient, RecipientZone::Unknown) => {
                notes.push(Notice::ZoneUnknown {
                    policy: policy.name.clone(),
                    campaign_zone: fallback_zone.name().to_owned(),
                });
                vec![fallback_zone]
            }
        };
        // Closed on the public holidays of where the number is from.
        let window = policy.window.for_region(country);
        // Of the zones closed at `at`, the one that opens last says why: a US number that may be
        // in Chicago or Honolulu is moved to Honolulu's morning, and the notice names Honolulu.
        // Never opening within the search counts as opening last; on a tie, the first zone.
        let mut closed: Vec<(Closed, Tz)> = zones
            .iter()
            .filter_map(|tz| Some((window.closed_because(at, *tz)?, *tz)))
            .collect();
        // The search for the first time every zone allows starts at that zone's opening (none
        // is sooner); with one zone closed, at `at`: its own search is the only one made.
        let (closed, search_from) = match closed.len() {
            0 | 1 => (closed.pop().map(|(closed, _)| closed), Some(at)),
            _ => closed
                .into_iter()
                .map(|(closed, tz)| (closed, window.next_allowed(at, tz)))
                .rev()
                .max_by_key(|(_, opens)| (opens.is_none(), *opens))
                .map_or((None, None), |(closed, opens)| (Some(closed), opens)),
        };
        let outside = closed.map(|closed| OutsideWindowFinding {
            policy: policy.name.clone(),
            window: policy.window_terms(),
            closed,
            next_allowed: search_from.and_then(|from| window.next_allowed_in_all(from, &zones)),
            enforced: policy.enforcement == Enforcement::Required,
        });
        RuleCheck { outside, notes }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Placement;
    use super::*;
    use crate::domain::campaign::OutsideWindow;
    use app::models::Then;
    use chrono::TimeZone;
    use chrono_tz::{America, Europe};

    fn paris(d: u32, h: u32) -> DateTime<Utc> {
        Europe::Paris
            .with_ymd_and_hms(2026, 12, d, h, 0, 0)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn check_fr(purpose: Purpose, at: DateTime<Utc>) -> RuleCheck {
        SendingPolicies::defaults().check(
            purpose,
            Some("FR"),
            &RecipientZone::Known(Europe::Paris),
            Europe::Paris,
            at,
        )
    }

    #[test]
    fn transactional_messages_go_at_any_hour() {
        let sunday_night = paris(6, 23);
        let check = check_fr(Purpose::Alert, sunday_night);
        assert_eq!(check, RuleCheck::default());
        assert!(
            matches!(check.place(sunday_night, &OutsideWindow::Defer), Placement::Send { at, deferred: false, .. } if at == sunday_night)
        );
    }

    #[test]
    fn french_marketing_on_a_sunday_is_deferred_skipped_or_overridden() {
        let sunday = paris(6, 10);
        let check = check_fr(Purpose::Marketing, sunday);
        let outside = check.outside.clone().unwrap();
        assert!(outside.enforced);
        assert_eq!(
            outside.closed,
            Closed::NotASendingDay {
                date: chrono::NaiveDate::from_ymd_opt(2026, 12, 6).unwrap(),
                zone: "Europe/Paris".into()
            }
        );
        assert!(
            outside
                .closed
                .to_string()
                .contains("Sunday 6 December 2026 is not a sending day"),
            "{}",
            outside.closed
        );
        assert_eq!(outside.next_allowed, Some(paris(7, 8)));

        assert!(
            matches!(check.clone().place(sunday, &OutsideWindow::Defer), Placement::Send { at, deferred: true, .. } if at == paris(7, 8))
        );
        assert!(matches!(
            check.clone().place(sunday, &OutsideWindow::Skip),
            Placement::Excluded { .. }
        ));
        match check.place(
            sunday,
            &OutsideWindow::Override {
                reason: "storm alert agreed with legal".into(),
            },
        ) {
            Placement::Send { at, warnings, .. } => {
                assert_eq!(at, sunday);
                let reasons: Vec<&str> = warnings
                    .iter()
                    .filter_map(|warning| {
                        if let Notice::Outside {
                            then: Then::SentAnyway { reason },
                            ..
                        } = warning
                        {
                            Some(reason.as_str())
                        } else {
                            None
                        }
                    })
                    .collect();
                assert_eq!(reasons, ["storm alert agreed with legal"]);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn us_marketing_is_read_in_the_recipients_time() {
        let policies = SendingPolicies::defaults();
        // 07:30 in Los Angeles, 10:30 in New York.
        let at = America::Los_Angeles
            .with_ymd_and_hms(2026, 12, 1, 7, 30, 0)
            .unwrap()
            .with_timezone(&Utc);
        let la = policies.check(
            Purpose::Marketing,
            Some("US"),
            &RecipientZone::Known(America::Los_Angeles),
            Europe::Paris,
            at,
        );
        assert!(la.outside.is_some());
        let ny = policies.check(
            Purpose::Marketing,
            Some("US"),
            &RecipientZone::Known(America::New_York),
            Europe::Paris,
            at,
        );
        assert!(ny.outside.is_none());
        // Zone not given: every US zone must be inside the window, and the user is told.
        let any = policies.check(
            Purpose::Marketing,
            Some("US"),
            &super::super::zone_of_region("US"),
            Europe::Paris,
            at,
        );
        assert!(any.outside.is_some());
        assert_eq!(any.notes.len(), 1);
    }

    #[test]
    fn a_recipient_of_several_possible_zones_is_told_of_the_zone_that_opens_last() {
        let policies = SendingPolicies::defaults();
        // 07:30 in Chicago (closed until 08:00), 03:30 in Honolulu (closed until 08:00 there).
        let at = America::Chicago
            .with_ymd_and_hms(2026, 12, 1, 7, 30, 0)
            .unwrap()
            .with_timezone(&Utc);
        const ZONES: &[Tz] = &[
            America::Chicago,
            chrono_tz::Pacific::Honolulu,
            America::New_York,
        ];
        let check = policies.check(
            Purpose::Marketing,
            Some("US"),
            &RecipientZone::OneOf(ZONES),
            Europe::Paris,
            at,
        );
        let outside = check.outside.unwrap();
        assert!(
            matches!(&outside.closed, Closed::Hours { time, zone, .. } if time == "03:30" && zone == "Pacific/Honolulu"),
            "{:?}",
            outside.closed
        );
        let honolulu_morning = chrono_tz::Pacific::Honolulu
            .with_ymd_and_hms(2026, 12, 1, 8, 0, 0)
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(outside.next_allowed, Some(honolulu_morning));
    }

    #[test]
    fn elsewhere_business_hours_only_warn() {
        let policies = SendingPolicies::defaults();
        let at = paris(6, 22);
        let check = policies.check(
            Purpose::Marketing,
            Some("DE"),
            &RecipientZone::Known(Europe::Berlin),
            Europe::Paris,
            at,
        );
        assert!(!check.outside.as_ref().unwrap().enforced);
        match check.place(at, &OutsideWindow::Defer) {
            Placement::Send {
                at: sent,
                deferred,
                warnings,
                ..
            } => {
                assert_eq!(sent, at);
                assert!(!deferred);
                assert_eq!(warnings.len(), 1);
            }
            other => panic!("{other:?}"),
        }
    }
}
