//! A weekly sending window (days, hours, holidays) read in a time zone, daylight-saving safe.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;

use crate::domain::holidays::HolidayCalendar;
use crate::domain::send_time::SendTime;
use app::models::{Closed, WindowTerms};

/// How far ahead an opening is looked for: more than any run of closed days a policy can make.
const SEARCH_DAYS: i64 = 400;

/// A set of days of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Days(u8);

impl Days {
    pub const ALL: Days = Days(0b111_1111);

    pub fn of(days: &[Weekday]) -> Self {
        Days(
            days.iter()
                .fold(0, |set, day| set | 1 << day.num_days_from_monday()),
        )
    }

    /// Monday to `last`, inclusive.
    pub fn monday_to(last: Weekday) -> Self {
        Days((1u8 << (last.num_days_from_monday() + 1)) - 1)
    }

    pub fn contains(self, day: Weekday) -> bool {
        self.0 & (1 << day.num_days_from_monday()) != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The days in the set, Monday first.
    pub fn weekdays(self) -> Vec<Weekday> {
        (0..7)
            .filter_map(|n| Weekday::try_from(n).ok())
            .filter(|day| self.contains(*day))
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WindowError {
    #[error("a sending window needs at least one day")]
    NoDays,
    #[error("a sending window must open before it closes ({start} is not before {end})")]
    Empty { start: NaiveTime, end: NaiveTime },
}

/// Days and hours when sending is allowed; `end` is exclusive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendingWindow {
    days: Days,
    start: NaiveTime,
    end: NaiveTime,
    holidays: HolidayCalendar,
}

impl SendingWindow {
    /// The window as data, read on `zone`'s clock (`None`: each recipient's).
    pub fn terms(&self, zone: Option<String>) -> WindowTerms {
        WindowTerms {
            days: self.days.weekdays(),
            start: self.start.format("%H:%M").to_string(),
            end: self.end.format("%H:%M").to_string(),
            french_holidays: self.holidays.is_french(),
            territory_holidays: matches!(self.holidays, HolidayCalendar::FrenchTerritory(_)),
            zone,
        }
    }

    /// The window for a number of `region`: closed on the holidays of where the number is from.
    pub fn for_region(&self, region: Option<&str>) -> Self {
        Self {
            holidays: self.holidays.for_region(region),
            ..self.clone()
        }
    }

    pub fn new(
        days: Days,
        start: NaiveTime,
        end: NaiveTime,
        holidays: HolidayCalendar,
    ) -> Result<Self, WindowError> {
        if days.is_empty() {
            return Err(WindowError::NoDays);
        }
        if start >= end {
            return Err(WindowError::Empty { start, end });
        }
        Ok(Self {
            days,
            start,
            end,
            holidays,
        })
    }

    /// Why `instant` is outside the window in `zone`, or `None` when it is inside.
    pub fn closed_because(&self, instant: DateTime<Utc>, zone: Tz) -> Option<Closed> {
        let local = instant.with_timezone(&zone).naive_local();
        let date = local.date();
        let zone = zone.name().to_owned();
        if let Some(holiday) = self.holidays.holiday(date) {
            return Some(Closed::Holiday {
                date,
                holiday,
                zone,
            });
        }
        if !self.days.contains(date.weekday()) {
            return Some(Closed::NotASendingDay { date, zone });
        }
        if local.time() < self.start || local.time() >= self.end {
            return Some(Closed::Hours {
                time: local.format("%H:%M").to_string(),
                start: self.start.format("%H:%M").to_string(),
                end: self.end.format("%H:%M").to_string(),
                zone,
            });
        }
        None
    }

    pub fn allows(&self, instant: DateTime<Utc>, zone: Tz) -> bool {
        self.closed_because(instant, zone).is_none()
    }

    fn day_open(&self, date: NaiveDate) -> bool {
        self.days.contains(date.weekday()) && self.holidays.holiday(date).is_none()
    }

    /// The earliest instant at or after `instant` that the window allows in `zone`.
    pub fn next_allowed(&self, instant: DateTime<Utc>, zone: Tz) -> Option<DateTime<Utc>> {
        if self.allows(instant, zone) {
            return Some(instant);
        }
        let today = instant.with_timezone(&zone).date_naive();
        (0..=SEARCH_DAYS)
            .map(|offset| today + Duration::days(offset))
            .filter(|date| self.day_open(*date))
            .map(|date| SendTime::at_local(date.and_time(self.start), zone).with_timezone(&Utc))
            .find(|opening| *opening >= instant && self.allows(*opening, zone))
    }

    /// The earliest instant at or after `instant` that the window allows in every one of `zones`
    /// (for a recipient whose zone is only known to be one of them).
    pub fn next_allowed_in_all(
        &self,
        instant: DateTime<Utc>,
        zones: &[Tz],
    ) -> Option<DateTime<Utc>> {
        let mut candidate = instant;
        // Each round moves to the next opening of a zone that is closed; openings are finite.
        for _ in 0..64 {
            let mut moved = false;
            for zone in zones {
                let next = self.next_allowed(candidate, *zone)?;
                if next > candidate {
                    candidate = next;
                    moved = true;
                }
            }
            if !moved {
                return Some(candidate);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use chrono_tz::{America, Europe, Pacific};

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn french_marketing() -> SendingWindow {
        SendingWindow::new(
            Days::monday_to(Weekday::Sat),
            time(8, 0),
            time(20, 0),
            HolidayCalendar::France,
        )
        .unwrap()
    }

    fn paris(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Europe::Paris
            .with_ymd_and_hms(y, mo, d, h, mi, 0)
            .earliest()
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn days_list_their_weekdays_from_monday() {
        assert_eq!(
            Days::of(&[Weekday::Sun, Weekday::Mon, Weekday::Wed]).weekdays(),
            vec![Weekday::Mon, Weekday::Wed, Weekday::Sun]
        );
        assert_eq!(Days::ALL.weekdays().len(), 7);
    }

    #[test]
    fn empty_windows_are_refused() {
        assert_eq!(
            SendingWindow::new(Days::ALL, time(20, 0), time(8, 0), HolidayCalendar::None),
            Err(WindowError::Empty {
                start: time(20, 0),
                end: time(8, 0)
            })
        );
        assert_eq!(
            SendingWindow::new(
                Days::of(&[]),
                time(8, 0),
                time(20, 0),
                HolidayCalendar::None
            ),
            Err(WindowError::NoDays)
        );
    }

    #[test]
    fn inside_the_window_the_requested_time_stands() {
        let at = paris(2026, 11, 24, 10, 0); // a Tuesday
        assert!(french_marketing().allows(at, Europe::Paris));
        assert_eq!(french_marketing().next_allowed(at, Europe::Paris), Some(at));
    }

    #[test]
    fn evenings_move_to_the_next_morning_and_the_end_is_exclusive() {
        let window = french_marketing();
        assert!(!window.allows(paris(2026, 11, 24, 20, 0), Europe::Paris));
        assert_eq!(
            window.next_allowed(paris(2026, 11, 24, 20, 0), Europe::Paris),
            Some(paris(2026, 11, 25, 8, 0))
        );
        assert_eq!(
            window.next_allowed(paris(2026, 11, 24, 6, 30), Europe::Paris),
            Some(paris(2026, 11, 24, 8, 0))
        );
    }

    #[test]
    fn sundays_and_holidays_are_skipped_even_in_a_row() {
        let window = french_marketing();
        // Saturday 31 Oct 2026 evening → Sunday 1 Nov closed, and 1 Nov is All Saints' Day → Monday 2 Nov.
        assert_eq!(
            window.next_allowed(paris(2026, 10, 31, 21, 0), Europe::Paris),
            Some(paris(2026, 11, 2, 8, 0))
        );
        // Easter Monday 2027 (29 March) follows Easter Sunday: the Saturday evening moves to Tuesday.
        assert_eq!(
            window.next_allowed(paris(2027, 3, 27, 20, 30), Europe::Paris),
            Some(paris(2027, 3, 30, 8, 0))
        );
        let closed = window
            .closed_because(paris(2026, 7, 14, 10, 0), Europe::Paris)
            .unwrap();
        assert!(
            matches!(
                closed,
                Closed::Holiday {
                    holiday: crate::domain::holidays::Holiday::BastilleDay,
                    ..
                }
            ),
            "{closed:?}"
        );
        assert!(closed.to_string().contains("Bastille Day"), "{closed}");
    }

    #[test]
    fn opening_hours_stay_local_across_daylight_saving_changes() {
        let window = french_marketing();
        // Spring forward: Sunday 29 March 2026; Saturday 20:00 → Monday 08:00 CEST (06:00 UTC).
        let monday = window
            .next_allowed(paris(2026, 3, 28, 20, 0), Europe::Paris)
            .unwrap();
        assert_eq!(monday.to_rfc3339(), "2026-03-30T06:00:00+00:00");
        // Fall back: Sunday 25 October 2026; Monday 08:00 CET is 07:00 UTC.
        let monday = window
            .next_allowed(paris(2026, 10, 24, 20, 0), Europe::Paris)
            .unwrap();
        assert_eq!(monday.to_rfc3339(), "2026-10-26T07:00:00+00:00");
    }

    #[test]
    fn an_opening_the_clocks_skip_starts_at_the_change() {
        // 02:30 does not exist in Paris on 29 March 2026: the window opens at 03:00 CEST.
        let window =
            SendingWindow::new(Days::ALL, time(2, 30), time(5, 0), HolidayCalendar::None).unwrap();
        let opening = window
            .next_allowed(paris(2026, 3, 29, 1, 0), Europe::Paris)
            .unwrap();
        assert_eq!(opening.to_rfc3339(), "2026-03-29T01:00:00+00:00");
        // 02:30 exists twice on 25 October 2026: the first one (CEST, 00:30 UTC).
        let opening = window
            .next_allowed(paris(2026, 10, 25, 1, 0), Europe::Paris)
            .unwrap();
        assert_eq!(opening.to_rfc3339(), "2026-10-25T00:30:00+00:00");
    }

    #[test]
    fn an_unknown_zone_among_several_waits_for_all_of_them() {
        let us =
            SendingWindow::new(Days::ALL, time(8, 0), time(21, 0), HolidayCalendar::None).unwrap();
        let zones = [America::New_York, America::Los_Angeles, Pacific::Honolulu];
        // 10:00 in New York (15:00 UTC) is 05:00 in Honolulu: wait for 08:00 there, 13:00 in New York.
        let at = America::New_York
            .with_ymd_and_hms(2026, 12, 1, 10, 0, 0)
            .unwrap()
            .with_timezone(&Utc);
        let next = us.next_allowed_in_all(at, &zones).unwrap();
        assert_eq!(next.to_rfc3339(), "2026-12-01T18:00:00+00:00");
        for zone in zones {
            assert!(us.allows(next, zone), "{zone}");
        }
    }
}
