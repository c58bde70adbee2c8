//! When to send: a wall-clock time in an IANA time zone, turned into an instant (server side only).

use chrono::{DateTime, LocalResult, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

pub use super::horizon::MAX_DAYS_AHEAD;
pub use super::parse_errors::SendTimeError;

/// A send time the user chose: their wall-clock intent and the instant it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendTime {
    pub local: NaiveDateTime,
    pub zone: Tz,
    pub instant: DateTime<Tz>,
}

impl SendTime {
    /// Reads `YYYY-MM-DDTHH:MM[:SS]` in `zone`, refusing times that do not exist, have passed or
    /// are more than [`MAX_DAYS_AHEAD`] days ahead.
    ///
    /// A wall-clock time that occurs twice (the hour the clocks go back) names its first occurrence.
    pub fn parse(local: &str, zone: &str, now: DateTime<Utc>) -> Result<Self, SendTimeError> {
        let tz = parse_zone(zone)?;
        let local = local.trim();
        let naive = NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M")
            .or_else(|_| NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M:%S"))
            .map_err(|_| SendTimeError::Unparsable(local.to_owned()))?;
        let instant = match tz.from_local_datetime(&naive) {
            LocalResult::Single(instant) => instant,
            LocalResult::Ambiguous(first, _) => first,
            LocalResult::None => {
                return Err(SendTimeError::Skipped {
                    local: naive.format("%Y-%m-%d %H:%M").to_string(),
                    zone: tz.name().to_owned(),
                })
            }
        };
        if instant < now {
            return Err(SendTimeError::InPast {
                local: naive.format("%Y-%m-%d %H:%M").to_string(),
                zone: tz.name().to_owned(),
                now: now.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string(),
            });
        }
        // Checked: `now` is any clock's, and the bound must hold even at the end of chrono's range.
        let horizon = now.checked_add_signed(chrono::Duration::days(i64::from(MAX_DAYS_AHEAD)));
        if horizon.is_none_or(|horizon| instant > horizon) {
            return Err(SendTimeError::BeyondHorizon {
                local: naive.format("%Y-%m-%d %H:%M").to_string(),
                days: MAX_DAYS_AHEAD,
            });
        }
        Ok(Self {
            local: naive,
            zone: tz,
            instant,
        })
    }
}

impl SendTime {
    /// The send time naming `instant`, read in `zone` (for a time the rules moved).
    pub fn at(instant: DateTime<Utc>, zone: Tz) -> Self {
        let instant = instant.with_timezone(&zone);
        Self {
            local: instant.naive_local(),
            zone,
            instant,
        }
    }

    /// The instant a wall-clock time names in `zone`: the first one when it occurs twice, the
    /// first minute after the change when the clocks skip it.
    pub fn at_local(local: NaiveDateTime, zone: Tz) -> DateTime<Tz> {
        (0..=180)
            .find_map(|minutes| {
                zone.from_local_datetime(&(local + chrono::Duration::minutes(minutes)))
                    .earliest()
            })
            .unwrap_or_else(|| zone.from_utc_datetime(&local))
    }
}

pub fn parse_zone(zone: &str) -> Result<Tz, SendTimeError> {
    zone.trim()
        .parse::<Tz>()
        .map_err(|_| SendTimeError::UnknownZone(zone.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap()
    }

    #[test]
    fn keeps_the_wall_clock_on_both_sides_of_a_dst_change() {
        let winter = SendTime::parse("2026-03-28T09:00", "Europe/Paris", now()).unwrap();
        let summer = SendTime::parse("2026-03-30T09:00", "Europe/Paris", now()).unwrap();
        assert_eq!(winter.instant.to_rfc3339(), "2026-03-28T09:00:00+01:00");
        assert_eq!(summer.instant.to_rfc3339(), "2026-03-30T09:00:00+02:00");
    }

    #[test]
    fn a_skipped_wall_clock_time_is_refused() {
        let err = SendTime::parse("2026-03-29T02:30", "Europe/Paris", now()).unwrap_err();
        assert!(matches!(err, SendTimeError::Skipped { .. }), "{err}");
    }

    #[test]
    fn a_repeated_wall_clock_time_names_its_first_occurrence() {
        let time = SendTime::parse("2026-10-25T02:30", "Europe/Paris", now()).unwrap();
        assert_eq!(time.instant.to_rfc3339(), "2026-10-25T02:30:00+02:00");
    }

    #[test]
    fn past_times_unknown_zones_and_bad_formats_are_refused() {
        assert!(matches!(
            SendTime::parse("2025-12-31T23:00", "Europe/Paris", now()),
            Err(SendTimeError::InPast { .. })
        ));
        assert!(matches!(
            SendTime::parse("2026-05-01T10:00", "Mars/Olympus", now()),
            Err(SendTimeError::UnknownZone(_))
        ));
        assert!(matches!(
            SendTime::parse("01/05/2026 10:00", "Europe/Paris", now()),
            Err(SendTimeError::Unparsable(_))
        ));
        assert!(SendTime::parse("2026-05-01T10:00:30", "America/New_York", now()).is_ok());
    }

    #[test]
    fn a_time_more_than_a_year_ahead_is_refused() {
        assert!(SendTime::parse("2027-01-01T00:00", "UTC", now()).is_ok());
        for far in [
            "2027-01-03T00:00",
            "202610-12-06T10:00",
            "9999-12-31T23:59",
            "+262000-01-01T00:00",
            "+262143-12-31T23:59",
        ] {
            assert!(
                matches!(
                    SendTime::parse(far, "UTC", now()),
                    Err(SendTimeError::BeyondHorizon { days: 366, .. })
                        | Err(SendTimeError::Unparsable(_))
                ),
                "{far}"
            );
        }
        assert!(matches!(
            SendTime::parse("2030-06-01T10:00", "Europe/Paris", now()),
            Err(SendTimeError::BeyondHorizon { .. })
        ));
    }

    #[test]
    fn far_past_times_are_refused_as_past() {
        for far in ["0001-01-01T00:00", "-262000-01-01T00:00"] {
            assert!(
                matches!(
                    SendTime::parse(far, "Pacific/Kiritimati", now()),
                    Err(SendTimeError::InPast { .. }) | Err(SendTimeError::Unparsable(_))
                ),
                "{far}"
            );
        }
    }

    #[test]
    fn a_clock_at_the_end_of_time_refuses_instead_of_overflowing() {
        let end = DateTime::<Utc>::MAX_UTC;
        assert!(matches!(
            SendTime::parse(
                "+262143-12-31T23:59",
                "UTC",
                end - chrono::Duration::days(1)
            ),
            Err(SendTimeError::BeyondHorizon { .. }) | Err(SendTimeError::Unparsable(_))
        ));
    }
}
