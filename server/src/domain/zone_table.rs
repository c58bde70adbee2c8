//! The time zones the composer offers, from the tz database's `zone.tab` (tzdata 2025b, copied
//! from Debian's tzdata 2025b-0+deb12u2 `/usr/share/zoneinfo/zone.tab`, public domain): one row per country and zone, "an aid for users to help them select
//! timezones", so no alias (`Asia/Calcutta`, `GB-Eire`, `Zulu`) and no zone of no country; UTC
//! besides.

use chrono_tz::Tz;
use std::collections::BTreeMap;

use app::models::ZoneChoice;

const ZONE_TAB: &str = include_str!("zone.tab");

/// Every zone to offer, by name, with the countries (ISO 3166 codes) that use it.
pub fn zone_choices() -> Vec<ZoneChoice> {
    let mut zones: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    zones.insert("UTC", Vec::new());
    let rows = ZONE_TAB
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let mut columns = line.split('\t');
            let country = columns.next()?;
            let name = columns.nth(1)?;
            Some((country, name))
        });
    for (country, name) in rows {
        // Only names this build's zone data can read: a name the server would refuse is no choice.
        if name.parse::<Tz>().is_ok() {
            zones.entry(name).or_default().push(country.to_owned());
        }
    }
    zones
        .into_iter()
        .map(|(name, countries)| ZoneChoice {
            name: name.to_owned(),
            countries,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find<'a>(zones: &'a [ZoneChoice], name: &str) -> Option<&'a ZoneChoice> {
        zones.iter().find(|z| z.name == name)
    }

    #[test]
    fn the_zones_of_countries_without_aliases() {
        let zones = zone_choices();
        assert_eq!(find(&zones, "Europe/Paris").unwrap().countries, ["FR"]);
        assert_eq!(find(&zones, "Indian/Reunion").unwrap().countries, ["RE"]);
        assert_eq!(find(&zones, "America/New_York").unwrap().countries, ["US"]);
        assert!(find(&zones, "UTC").is_some());
        for alias in [
            "Africa/Asmera",
            "GB-Eire",
            "Zulu",
            "Asia/Calcutta",
            "US/Eastern",
            "Etc/GMT+5",
        ] {
            assert!(find(&zones, alias).is_none(), "{alias}");
        }
        // Far fewer than the ~600 names the zone data knows, links included.
        assert!(zones.len() > 300 && zones.len() < 450, "{}", zones.len());
        assert!(zones.windows(2).all(|pair| pair[0].name < pair[1].name));
    }
}
