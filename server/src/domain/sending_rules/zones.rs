//! A recipient's time zone from their number's country, or the zones it may be in.

use chrono_tz::Tz;
use chrono_tz::{Africa, America, Asia, Australia, Europe, Indian, Pacific};

use crate::domain::french_territories::FrenchTerritory;

/// Where a recipient's clock is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecipientZone {
    /// Known: the country has one zone, or the list named it.
    Known(Tz),
    /// The country spans several zones and the list did not say which.
    OneOf(&'static [Tz]),
    /// The country's zones are not in our table.
    Unknown,
}

const UNITED_STATES: &[Tz] = &[
    America::New_York,
    America::Chicago,
    America::Denver,
    America::Phoenix,
    America::Los_Angeles,
    America::Anchorage,
    Pacific::Honolulu,
];
const CANADA: &[Tz] = &[
    America::St_Johns,
    America::Halifax,
    America::Toronto,
    America::Winnipeg,
    America::Regina,
    America::Edmonton,
    America::Vancouver,
];
const MEXICO: &[Tz] = &[
    America::Cancun,
    America::Mexico_City,
    America::Chihuahua,
    America::Tijuana,
];
const BRAZIL: &[Tz] = &[
    America::Noronha,
    America::Sao_Paulo,
    America::Manaus,
    America::Rio_Branco,
];
const AUSTRALIA: &[Tz] = &[
    Australia::Sydney,
    Australia::Brisbane,
    Australia::Adelaide,
    Australia::Darwin,
    Australia::Perth,
];

/// A French overseas territory's clock.
pub fn territory_zone(territory: FrenchTerritory) -> Tz {
    match territory {
        FrenchTerritory::Reunion => Indian::Reunion,
        FrenchTerritory::Guadeloupe => America::Guadeloupe,
        FrenchTerritory::Martinique => America::Martinique,
        FrenchTerritory::FrenchGuiana => America::Cayenne,
        FrenchTerritory::Mayotte => Indian::Mayotte,
        FrenchTerritory::SaintPierreAndMiquelon => America::Miquelon,
        FrenchTerritory::SaintBarthelemy => America::St_Barthelemy,
        FrenchTerritory::SaintMartin => America::Marigot,
    }
}

/// The zone, or zones, of a number's country (ISO 3166 code).
pub fn zone_of_region(region: &str) -> RecipientZone {
    if let Some(territory) = FrenchTerritory::of_region(region) {
        return RecipientZone::Known(territory_zone(territory));
    }
    let single = match region {
        "FR" | "MC" => Europe::Paris,
        "BE" => Europe::Brussels,
        "LU" => Europe::Luxembourg,
        "CH" => Europe::Zurich,
        "DE" => Europe::Berlin,
        "AT" => Europe::Vienna,
        "NL" => Europe::Amsterdam,
        "IT" => Europe::Rome,
        "ES" => Europe::Madrid,
        "PT" => Europe::Lisbon,
        "GB" => Europe::London,
        "IE" => Europe::Dublin,
        "PL" => Europe::Warsaw,
        "SE" => Europe::Stockholm,
        "NO" => Europe::Oslo,
        "DK" => Europe::Copenhagen,
        "FI" => Europe::Helsinki,
        "GR" => Europe::Athens,
        "RO" => Europe::Bucharest,
        "CZ" => Europe::Prague,
        "HU" => Europe::Budapest,
        "MA" => Africa::Casablanca,
        "DZ" => Africa::Algiers,
        "TN" => Africa::Tunis,
        "SN" => Africa::Dakar,
        "CI" => Africa::Abidjan,
        "IL" => Asia::Jerusalem,
        "AE" => Asia::Dubai,
        "IN" => Asia::Kolkata,
        "JP" => Asia::Tokyo,
        "SG" => Asia::Singapore,
        "NZ" => Pacific::Auckland,
        "US" => return RecipientZone::OneOf(UNITED_STATES),
        "CA" => return RecipientZone::OneOf(CANADA),
        "MX" => return RecipientZone::OneOf(MEXICO),
        "BR" => return RecipientZone::OneOf(BRAZIL),
        "AU" => return RecipientZone::OneOf(AUSTRALIA),
        _ => return RecipientZone::Unknown,
    };
    RecipientZone::Known(single)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_zone_countries_are_known_and_wide_ones_are_not() {
        assert_eq!(zone_of_region("FR"), RecipientZone::Known(Europe::Paris));
        assert_eq!(
            zone_of_region("RE"),
            RecipientZone::Known(chrono_tz::Indian::Reunion)
        );
        assert_eq!(zone_of_region("MF"), RecipientZone::Known(America::Marigot));
        assert!(
            matches!(zone_of_region("US"), RecipientZone::OneOf(zones) if zones.contains(&Pacific::Honolulu))
        );
        assert_eq!(zone_of_region("ZZ"), RecipientZone::Unknown);
    }

    #[test]
    fn each_territory_reads_its_own_clock() {
        let zones: Vec<_> = FrenchTerritory::ALL
            .map(|t| territory_zone(t).name())
            .to_vec();
        assert_eq!(
            zones,
            [
                "Indian/Reunion",
                "America/Guadeloupe",
                "America/Martinique",
                "America/Cayenne",
                "Indian/Mayotte",
                "America/Miquelon",
                "America/St_Barthelemy",
                "America/Marigot",
            ]
        );
    }
}
