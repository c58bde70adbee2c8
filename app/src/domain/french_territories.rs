//! The French overseas territories whose numbers libphonenumber reads as regions of their own
//! (`+262 692…` is `RE`, not `FR`): French law on marketing SMS applies there, on each territory's
//! own clock, and each has a public holiday of its own. The one place that lists them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FrenchTerritory {
    Reunion,
    Guadeloupe,
    Martinique,
    FrenchGuiana,
    Mayotte,
    SaintPierreAndMiquelon,
    SaintBarthelemy,
    SaintMartin,
}

impl FrenchTerritory {
    pub const ALL: [FrenchTerritory; 8] = [
        FrenchTerritory::Reunion,
        FrenchTerritory::Guadeloupe,
        FrenchTerritory::Martinique,
        FrenchTerritory::FrenchGuiana,
        FrenchTerritory::Mayotte,
        FrenchTerritory::SaintPierreAndMiquelon,
        FrenchTerritory::SaintBarthelemy,
        FrenchTerritory::SaintMartin,
    ];

    /// Its ISO 3166 code, the region libphonenumber gives its numbers.
    pub fn code(self) -> &'static str {
        match self {
            FrenchTerritory::Reunion => "RE",
            FrenchTerritory::Guadeloupe => "GP",
            FrenchTerritory::Martinique => "MQ",
            FrenchTerritory::FrenchGuiana => "GF",
            FrenchTerritory::Mayotte => "YT",
            FrenchTerritory::SaintPierreAndMiquelon => "PM",
            FrenchTerritory::SaintBarthelemy => "BL",
            FrenchTerritory::SaintMartin => "MF",
        }
    }

    /// The territory of a number's region (ISO 3166 code), if it is one.
    pub fn of_region(region: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|territory| territory.code() == region)
    }

    /// The day of `year` it commemorates the abolition of slavery, a public holiday there on top of
    /// the national ones; Saint-Pierre-and-Miquelon has none.
    pub fn abolition_of_slavery(self, year: i32) -> Option<NaiveDate> {
        let (month, day) = match self {
            FrenchTerritory::Mayotte => (4, 27),
            FrenchTerritory::Martinique => (5, 22),
            FrenchTerritory::Guadeloupe => (5, 27),
            FrenchTerritory::SaintMartin => (5, 28),
            FrenchTerritory::FrenchGuiana => (6, 10),
            FrenchTerritory::SaintBarthelemy => (10, 9),
            FrenchTerritory::Reunion => (12, 20),
            FrenchTerritory::SaintPierreAndMiquelon => return None,
        };
        NaiveDate::from_ymd_opt(year, month, day)
    }
}

/// French law on marketing SMS applies to a number of this region: France's, or a territory's.
pub fn under_french_law(region: &str) -> bool {
    region == "FR" || FrenchTerritory::of_region(region).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_territory_is_found_by_its_code_and_france_is_not_one() {
        for territory in FrenchTerritory::ALL {
            assert_eq!(
                FrenchTerritory::of_region(territory.code()),
                Some(territory)
            );
        }
        assert_eq!(FrenchTerritory::of_region("FR"), None);
        assert_eq!(FrenchTerritory::of_region("re"), None);
    }

    #[test]
    fn each_territory_but_saint_pierre_and_miquelon_has_its_abolition_day() {
        let days: Vec<_> = FrenchTerritory::ALL
            .into_iter()
            .map(|t| {
                t.abolition_of_slavery(2027)
                    .map(|d| d.format("%d-%m").to_string())
            })
            .collect();
        assert_eq!(
            days,
            [
                Some("20-12"),
                Some("27-05"),
                Some("22-05"),
                Some("10-06"),
                Some("27-04"),
                None,
                Some("09-10"),
                Some("28-05"),
            ]
            .map(|d| d.map(String::from))
        );
    }
}
