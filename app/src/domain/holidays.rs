//! Public holidays, computed for any year (Easter-based days included), for the sending rules.

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::french_territories::FrenchTerritory;

/// Which public holidays close a sending window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HolidayCalendar {
    #[default]
    None,
    /// The French public holidays where the number is from: the national ones, and for a number of
    /// an overseas territory that territory's too (see `for_region`).
    France,
    /// One overseas territory's: the national ones and its own.
    FrenchTerritory(FrenchTerritory),
}

/// A French public holiday; `Display` is its English name (`i18n/en_notices.rs`), the French one
/// is in `i18n/fr_notices.rs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Holiday {
    NewYearsDay,
    EasterMonday,
    LabourDay,
    VictoryInEuropeDay,
    AscensionDay,
    WhitMonday,
    BastilleDay,
    AssumptionDay,
    AllSaintsDay,
    ArmisticeDay,
    ChristmasDay,
    /// In an overseas territory, the day it commemorates the abolition of slavery.
    AbolitionOfSlavery,
}

impl HolidayCalendar {
    /// The holiday when `date` is one.
    pub fn holiday(self, date: NaiveDate) -> Option<Holiday> {
        match self {
            HolidayCalendar::None => None,
            HolidayCalendar::France => french_public_holiday(date),
            HolidayCalendar::FrenchTerritory(territory) => {
                french_public_holiday(date).or_else(|| {
                    (territory.abolition_of_slavery(date.year()) == Some(date))
                        .then_some(Holiday::AbolitionOfSlavery)
                })
            }
        }
    }

    /// The calendar for a number of `region` (ISO 3166 code): France's, for a number of an
    /// overseas territory, is that territory's.
    pub fn for_region(self, region: Option<&str>) -> Self {
        match self {
            HolidayCalendar::France => region
                .and_then(FrenchTerritory::of_region)
                .map_or(self, HolidayCalendar::FrenchTerritory),
            HolidayCalendar::None | HolidayCalendar::FrenchTerritory(_) => self,
        }
    }

    /// Closed on the French public holidays (the national ones at least).
    pub fn is_french(self) -> bool {
        match self {
            HolidayCalendar::None => false,
            HolidayCalendar::France | HolidayCalendar::FrenchTerritory(_) => true,
        }
    }
}

/// Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("the algorithm yields a date")
}

/// The eleven French public holidays of `year`, in date order.
pub fn french_public_holidays(year: i32) -> Vec<(NaiveDate, Holiday)> {
    let fixed =
        |month, day| NaiveDate::from_ymd_opt(year, month, day).expect("a fixed date exists");
    let easter = easter_sunday(year);
    let mut days = vec![
        (fixed(1, 1), Holiday::NewYearsDay),
        (easter + Duration::days(1), Holiday::EasterMonday),
        (fixed(5, 1), Holiday::LabourDay),
        (fixed(5, 8), Holiday::VictoryInEuropeDay),
        (easter + Duration::days(39), Holiday::AscensionDay),
        (easter + Duration::days(50), Holiday::WhitMonday),
        (fixed(7, 14), Holiday::BastilleDay),
        (fixed(8, 15), Holiday::AssumptionDay),
        (fixed(11, 1), Holiday::AllSaintsDay),
        (fixed(11, 11), Holiday::ArmisticeDay),
        (fixed(12, 25), Holiday::ChristmasDay),
    ];
    days.sort_by_key(|(date, _)| *date);
    days
}

fn french_public_holiday(date: NaiveDate) -> Option<Holiday> {
    french_public_holidays(date.year())
        .into_iter()
        .find(|(day, _)| *day == date)
        .map(|(_, holiday)| holiday)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn easter_falls_on_the_published_dates() {
        for (year, month, day) in [
            (2000, 4, 23),
            (2019, 4, 21),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2038, 4, 25),
            (2285, 3, 22),
        ] {
            assert_eq!(easter_sunday(year), date(year, month, day), "{year}");
        }
    }

    #[test]
    fn french_holidays_move_with_easter() {
        let names = |year| {
            french_public_holidays(year)
                .into_iter()
                .map(|(d, _)| d)
                .collect::<Vec<_>>()
        };
        let y2026 = names(2026);
        assert_eq!(y2026.len(), 11);
        assert!(y2026.contains(&date(2026, 4, 6)), "Easter Monday");
        assert!(y2026.contains(&date(2026, 5, 14)), "Ascension");
        assert!(y2026.contains(&date(2026, 5, 25)), "Whit Monday");
        let y2027 = names(2027);
        assert!(y2027.contains(&date(2027, 3, 29)));
        assert!(y2027.contains(&date(2027, 5, 6)));
        assert!(y2027.contains(&date(2027, 5, 17)));
    }

    #[test]
    fn the_calendar_names_holidays_and_only_them() {
        let france = HolidayCalendar::France;
        assert_eq!(
            france.holiday(date(2026, 7, 14)),
            Some(Holiday::BastilleDay)
        );
        assert_eq!(
            france.holiday(date(2026, 11, 11)),
            Some(Holiday::ArmisticeDay)
        );
        assert_eq!(france.holiday(date(2026, 11, 12)), None);
        assert_eq!(HolidayCalendar::None.holiday(date(2026, 7, 14)), None);
    }

    #[test]
    fn a_territory_closes_on_the_national_holidays_and_its_own() {
        let reunion = HolidayCalendar::France.for_region(Some("RE"));
        assert_eq!(
            reunion,
            HolidayCalendar::FrenchTerritory(FrenchTerritory::Reunion)
        );
        // 20 December: a holiday in Réunion, not in Paris.
        assert_eq!(
            reunion.holiday(date(2027, 12, 20)),
            Some(Holiday::AbolitionOfSlavery)
        );
        assert_eq!(HolidayCalendar::France.holiday(date(2027, 12, 20)), None);
        assert_eq!(
            HolidayCalendar::France
                .for_region(Some("FR"))
                .holiday(date(2027, 12, 20)),
            None
        );
        assert_eq!(
            reunion.holiday(date(2027, 7, 14)),
            Some(Holiday::BastilleDay)
        );
        // Each territory has its own day, and not another's.
        let martinique = HolidayCalendar::France.for_region(Some("MQ"));
        assert_eq!(
            martinique.holiday(date(2026, 5, 22)),
            Some(Holiday::AbolitionOfSlavery)
        );
        assert_eq!(martinique.holiday(date(2026, 5, 27)), None);
        assert_eq!(reunion.holiday(date(2026, 5, 22)), None);
        // Saint-Pierre-and-Miquelon: the national holidays only.
        let miquelon = HolidayCalendar::France.for_region(Some("PM"));
        assert!((1..=366)
            .filter_map(|n| chrono::NaiveDate::from_yo_opt(2027, n))
            .all(|day| miquelon.holiday(day) == HolidayCalendar::France.holiday(day)));
        // No calendar stays none.
        assert_eq!(
            HolidayCalendar::None.for_region(Some("RE")),
            HolidayCalendar::None
        );
    }
}
