//! The built-in sending policies, in force when the configuration gives none (the example
//! configuration file spells them out).

use chrono::{NaiveTime, Weekday};

use super::policy::{Countries, Enforcement, SendingPolicies, SendingPolicy, WindowZone};
use super::window::{Days, SendingWindow};
use crate::domain::campaign::Purpose;
use crate::domain::french_territories::FrenchTerritory;
use crate::domain::holidays::HolidayCalendar;

fn hour(h: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, 0, 0).expect("a valid hour")
}

impl SendingPolicies {
    /// France marketing Monday–Saturday 08:00–20:00 Europe/Paris except public holidays; the same
    /// in the French overseas territories, on each one's clock and with its own public holiday too;
    /// United States marketing 08:00–21:00 local time; elsewhere marketing is advised to keep to
    /// business hours.
    pub fn defaults() -> Self {
        let window = |days, start, end, holidays| {
            SendingWindow::new(days, hour(start), hour(end), holidays).expect("valid defaults")
        };
        let french_marketing = || {
            window(
                Days::monday_to(Weekday::Sat),
                8,
                20,
                HolidayCalendar::France,
            )
        };
        Self::new(vec![
            SendingPolicy {
                name: "France marketing".into(),
                countries: Countries::Named(vec!["FR".into()]),
                purpose: Purpose::Marketing,
                window: french_marketing(),
                zone: WindowZone::Fixed(chrono_tz::Europe::Paris),
                enforcement: Enforcement::Required,
            },
            SendingPolicy {
                name: "French overseas marketing".into(),
                countries: Countries::Named(
                    FrenchTerritory::ALL
                        .map(|territory| territory.code().to_owned())
                        .to_vec(),
                ),
                purpose: Purpose::Marketing,
                window: french_marketing(),
                // A territory's numbers are known to be on its clock (zone_of_region).
                zone: WindowZone::Recipient,
                enforcement: Enforcement::Required,
            },
            SendingPolicy {
                name: "United States marketing".into(),
                countries: Countries::Named(vec!["US".into()]),
                purpose: Purpose::Marketing,
                window: window(Days::ALL, 8, 21, HolidayCalendar::None),
                zone: WindowZone::Recipient,
                enforcement: Enforcement::Required,
            },
            SendingPolicy {
                name: "Business hours (advice)".into(),
                countries: Countries::EveryOther,
                purpose: Purpose::Marketing,
                window: window(Days::monday_to(Weekday::Fri), 9, 18, HolidayCalendar::None),
                zone: WindowZone::Recipient,
                enforcement: Enforcement::Recommended,
            },
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::super::zones::territory_zone;
    use super::super::{zone_of_region, Placement, RecipientZone, RuleCheck};
    use super::*;
    use crate::domain::campaign::OutsideWindow;
    use crate::domain::holidays::Holiday;
    use crate::domain::phone::{PhoneNumber, Region};
    use app::models::Closed;
    use chrono::{DateTime, NaiveDate, TimeZone, Utc};
    use chrono_tz::{America, Europe, Indian, Tz};

    fn at(zone: Tz, (y, mo, d): (i32, u32, u32), h: u32) -> DateTime<Utc> {
        zone.with_ymd_and_hms(y, mo, d, h, 0, 0)
            .unwrap()
            .with_timezone(&Utc)
    }

    /// Marketing to `number` (read as a French user types it) at `instant`, the campaign in Paris.
    fn marketing_to(number: &str, instant: DateTime<Utc>) -> RuleCheck {
        let number = PhoneNumber::parse(number, Region::parse("FR").unwrap()).unwrap();
        let region = number.region();
        SendingPolicies::defaults().check(
            Purpose::Marketing,
            region,
            &region.map_or(RecipientZone::Unknown, zone_of_region),
            Europe::Paris,
            instant,
        )
    }

    #[test]
    fn a_reunion_number_at_nine_in_the_evening_there_is_outside_while_paris_is_at_six() {
        // Monday 7 December 2026, 18:00 in Paris, 21:00 in Réunion.
        let monday_evening = at(Europe::Paris, (2026, 12, 7), 18);
        assert!(marketing_to("06 12 34 56 78", monday_evening)
            .outside
            .is_none());

        let check = marketing_to("+262 692 12 34 56", monday_evening);
        assert!(check.notes.is_empty(), "{:?}", check.notes);
        let outside = check.outside.clone().unwrap();
        assert_eq!(outside.policy, "French overseas marketing");
        assert!(outside.enforced);
        assert_eq!(
            outside.closed,
            Closed::Hours {
                time: "21:00".into(),
                start: "08:00".into(),
                end: "20:00".into(),
                zone: "Indian/Reunion".into(),
            }
        );
        // Tuesday 08:00 in Réunion, 05:00 in Paris.
        let tuesday_morning = at(Indian::Reunion, (2026, 12, 8), 8);
        assert_eq!(tuesday_morning, at(Europe::Paris, (2026, 12, 8), 5));
        assert!(matches!(
            check.place(monday_evening, &OutsideWindow::Defer),
            Placement::Send { at, deferred: true, .. } if at == tuesday_morning
        ));
    }

    #[test]
    fn the_twentieth_of_december_is_a_holiday_in_reunion_not_in_paris() {
        // Monday 20 December 2027, 14:00 in Réunion, 11:00 in Paris.
        let instant = at(Indian::Reunion, (2027, 12, 20), 14);
        assert!(marketing_to("06 12 34 56 78", instant).outside.is_none());

        let outside = marketing_to("+262692123456", instant).outside.unwrap();
        assert_eq!(
            outside.closed,
            Closed::Holiday {
                date: NaiveDate::from_ymd_opt(2027, 12, 20).unwrap(),
                holiday: Holiday::AbolitionOfSlavery,
                zone: "Indian/Reunion".into(),
            }
        );
        assert!(
            outside
                .closed
                .to_string()
                .contains("Monday 20 December 2027 is a public holiday (Abolition of Slavery Day)"),
            "{}",
            outside.closed
        );
        assert_eq!(
            outside.next_allowed,
            Some(at(Indian::Reunion, (2027, 12, 21), 8))
        );
        assert!(outside.window.french_holidays && outside.window.territory_holidays);
    }

    #[test]
    fn a_martinique_number_waits_out_the_twenty_second_of_may_and_guadeloupe_does_not() {
        // Friday 22 May 2026, 10:00 in Martinique and Guadeloupe (both UTC−4), 16:00 in Paris.
        let instant = at(America::Martinique, (2026, 5, 22), 10);
        let outside = marketing_to("+596 696 12 34 56", instant).outside.unwrap();
        assert!(
            matches!(
                &outside.closed,
                Closed::Holiday { holiday: Holiday::AbolitionOfSlavery, zone, .. }
                    if zone == "America/Martinique"
            ),
            "{:?}",
            outside.closed
        );
        // Saturday 23 May, 08:00 in Martinique.
        assert_eq!(
            outside.next_allowed,
            Some(at(America::Martinique, (2026, 5, 23), 8))
        );
        // Guadeloupe's own day is the 27th; Paris's evening is not its.
        assert!(marketing_to("+590 690 12 34 56", instant).outside.is_none());
        let guadeloupe = marketing_to("+590690123456", at(America::Guadeloupe, (2026, 5, 27), 10));
        assert!(matches!(
            guadeloupe.outside.unwrap().closed,
            Closed::Holiday {
                holiday: Holiday::AbolitionOfSlavery,
                ..
            }
        ));
    }

    #[test]
    fn saint_pierre_and_miquelon_is_read_on_its_own_clock() {
        // Monday 7 December 2026, 10:00 in Paris, 06:00 in Saint-Pierre (UTC−3).
        let instant = at(Europe::Paris, (2026, 12, 7), 10);
        assert!(marketing_to("06 12 34 56 78", instant).outside.is_none());
        let outside = marketing_to("+508 55 12 34", instant).outside.unwrap();
        assert_eq!(
            outside.closed,
            Closed::Hours {
                time: "06:00".into(),
                start: "08:00".into(),
                end: "20:00".into(),
                zone: "America/Miquelon".into(),
            }
        );
        assert_eq!(
            outside.next_allowed,
            Some(at(America::Miquelon, (2026, 12, 7), 8))
        );
        // No holiday of its own: 20 December is a sending day there, Bastille Day is not.
        let pm = |date, h| marketing_to("+508551234", at(America::Miquelon, date, h));
        assert!(pm((2027, 12, 20), 10).outside.is_none());
        assert!(pm((2027, 7, 14), 10).outside.is_some());
        // Sunday is never a sending day.
        assert!(pm((2026, 12, 6), 10).outside.is_some());
    }

    #[test]
    fn every_territory_is_under_the_french_window_and_says_it_has_its_own_holiday() {
        let policies = SendingPolicies::defaults();
        for territory in FrenchTerritory::ALL {
            let policy = policies
                .applying_to(Purpose::Marketing, Some(territory.code()))
                .unwrap();
            assert_eq!(policy.name, "French overseas marketing", "{territory:?}");
            assert_eq!(
                zone_of_region(territory.code()),
                RecipientZone::Known(territory_zone(territory))
            );
        }
        let france = policies
            .applying_to(Purpose::Marketing, Some("FR"))
            .unwrap();
        assert!(france.window_terms().french_holidays);
        assert!(!france.window_terms().territory_holidays);
        let overseas = &policies.policies()[1];
        assert!(overseas.window_terms().territory_holidays);
        assert_eq!(overseas.window_terms().zone, None);
        assert!(policies.applying_to(Purpose::Alert, Some("RE")).is_none());
    }
}
