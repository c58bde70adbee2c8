//! Sending policies: which window applies to which purpose and country, and what to do outside it.

use chrono::{DateTime, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;

use super::window::{Days, SendingWindow};
use super::zones::RecipientZone;
use crate::domain::campaign::{OutsideWindow, Purpose};
use crate::domain::holidays::HolidayCalendar;
use crate::models::{Closed, Notice, Then, WindowTerms};

/// Whose clock a window is read on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WindowZone {
    /// One zone for everyone (France's rules are read in Europe/Paris).
    Fixed(Tz),
    /// The recipient's local time.
    Recipient,
}

/// Whether a window binds or only advises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Enforcement {
    /// Outside it, the campaign's choice applies (defer, skip, or override with a reason).
    Required,
    /// Outside it, the recipient is sent at the requested time with a warning.
    Recommended,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendingPolicy {
    /// How users see it named, e.g. "France marketing".
    pub name: String,
    /// ISO 3166 code; `None` applies to every country no other policy names.
    pub country: Option<String>,
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
        self.window.terms(zone)
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

/// When, or whether, a recipient is sent once the campaign's choice is applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placement {
    Send {
        at: DateTime<Utc>,
        /// Set when the time was moved to the next allowed one.
        deferred: bool,
        warnings: Vec<Notice>,
        /// The user's recorded reason for sending outside a required window.
        override_reason: Option<String>,
    },
    Excluded {
        reason: Notice,
    },
}

fn hour(h: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, 0, 0).expect("a valid hour")
}

impl SendingPolicies {
    pub fn new(policies: Vec<SendingPolicy>) -> Self {
        Self { policies }
    }

    /// France marketing Monday–Saturday 08:00–20:00 Europe/Paris except public holidays; United States
    /// marketing 08:00–21:00 local time; elsewhere marketing is advised to keep to business hours.
    pub fn defaults() -> Self {
        let window = |days, start, end, holidays| {
            SendingWindow::new(days, hour(start), hour(end), holidays).expect("valid defaults")
        };
        Self::new(vec![
            SendingPolicy {
                name: "France marketing".into(),
                country: Some("FR".into()),
                purpose: Purpose::Marketing,
                window: window(
                    Days::monday_to(Weekday::Sat),
                    8,
                    20,
                    HolidayCalendar::France,
                ),
                zone: WindowZone::Fixed(chrono_tz::Europe::Paris),
                enforcement: Enforcement::Required,
            },
            SendingPolicy {
                name: "United States marketing".into(),
                country: Some("US".into()),
                purpose: Purpose::Marketing,
                window: window(Days::ALL, 8, 21, HolidayCalendar::None),
                zone: WindowZone::Recipient,
                enforcement: Enforcement::Required,
            },
            SendingPolicy {
                name: "Business hours (advice)".into(),
                country: None,
                purpose: Purpose::Marketing,
                window: window(Days::monday_to(Weekday::Fri), 9, 18, HolidayCalendar::None),
                zone: WindowZone::Recipient,
                enforcement: Enforcement::Recommended,
            },
        ])
    }

    pub fn policies(&self) -> &[SendingPolicy] {
        &self.policies
    }

    pub fn applying_to(&self, purpose: Purpose, country: Option<&str>) -> Option<&SendingPolicy> {
        let matching = |p: &&SendingPolicy| p.purpose == purpose;
        self.policies
            .iter()
            .filter(matching)
            .find(|p| p.country.is_some() && p.country.as_deref() == country)
            .or_else(|| {
                self.policies
                    .iter()
                    .filter(matching)
                    .find(|p| p.country.is_none())
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
        let closed = zones
            .iter()
            .find_map(|tz| policy.window.closed_because(at, *tz));
        let outside = closed.map(|closed| OutsideWindowFinding {
            policy: policy.name.clone(),
            window: policy.window_terms(),
            closed,
            next_allowed: policy.window.next_allowed_in_all(at, &zones),
            enforced: policy.enforcement == Enforcement::Required,
        });
        RuleCheck { outside, notes }
    }
}

impl RuleCheck {
    /// Applies the campaign's choice for recipients outside a required window.
    pub fn place(self, requested: DateTime<Utc>, choice: &OutsideWindow) -> Placement {
        let mut warnings = self.notes;
        let Some(outside) = self.outside else {
            return Placement::Send {
                at: requested,
                deferred: false,
                warnings,
                override_reason: None,
            };
        };
        let notice = |then| Notice::Outside {
            policy: outside.policy.clone(),
            window: outside.window.clone(),
            closed: outside.closed.clone(),
            then,
        };
        if !outside.enforced {
            warnings.push(notice(Then::Advised));
            return Placement::Send {
                at: requested,
                deferred: false,
                warnings,
                override_reason: None,
            };
        }
        match choice {
            OutsideWindow::Defer => match outside.next_allowed {
                Some(next) => {
                    warnings.push(notice(Then::Deferred));
                    Placement::Send {
                        at: next,
                        deferred: true,
                        warnings,
                        override_reason: None,
                    }
                }
                None => Placement::Excluded {
                    reason: notice(Then::NoTimeWithinAYear),
                },
            },
            OutsideWindow::Skip => Placement::Excluded {
                reason: notice(Then::Skipped),
            },
            OutsideWindow::Override { reason } => {
                warnings.push(notice(Then::SentAnyway {
                    reason: reason.clone(),
                }));
                Placement::Send {
                    at: requested,
                    deferred: false,
                    warnings,
                    override_reason: Some(reason.clone()),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
            Placement::Send {
                at,
                override_reason,
                ..
            } => {
                assert_eq!(at, sunday);
                assert_eq!(
                    override_reason.as_deref(),
                    Some("storm alert agreed with legal")
                );
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
