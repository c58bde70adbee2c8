//! Calendar dates on the wire and in words, without chrono's pattern-driven parser and formatter:
//! the browser reads and says a few dates, and those would otherwise bring some 20 KB of code
//! into the wasm.

use chrono::{Datelike, NaiveDate};
use serde::{de, Deserializer, Serializer};
use std::fmt;

/// `date` as `YYYY-MM-DD`, as chrono writes it.
pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(&format_args!(
        "{:04}-{:02}-{:02}",
        date.year(),
        date.month(),
        date.day()
    ))
}

/// A `YYYY-MM-DD` date, as chrono writes it.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    struct IsoDate;
    impl de::Visitor<'_> for IsoDate {
        type Value = NaiveDate;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a YYYY-MM-DD date")
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<NaiveDate, E> {
            parse(text).ok_or_else(|| E::invalid_value(de::Unexpected::Str(text), &self))
        }
    }
    deserializer.deserialize_str(IsoDate)
}

fn parse(text: &str) -> Option<NaiveDate> {
    let mut parts = text.splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?;
    if day.len() != 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day.parse().ok()?)
}

/// `Sunday 6 December 2026`, with a language's `days` (from Monday) and `months` (English's are
/// in `i18n/en_notices.rs`, French's in `i18n/fr_notices.rs`).
pub fn in_words(date: NaiveDate, days: &[&str; 7], months: &[&str; 12]) -> String {
    format!(
        "{} {} {} {}",
        days[date.weekday().num_days_from_monday() as usize],
        date.day(),
        months[date.month0() as usize],
        date.year()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Dated {
        #[serde(with = "super")]
        date: NaiveDate,
    }

    #[test]
    fn reads_and_writes_dates_as_chrono_does() {
        for date in [
            NaiveDate::from_ymd_opt(2026, 12, 6).unwrap(),
            NaiveDate::from_ymd_opt(987, 1, 31).unwrap(),
        ] {
            let ours = serde_json::to_string(&Dated { date }).unwrap();
            assert_eq!(ours, format!("{{\"date\":\"{date}\"}}"));
            let back: Dated = serde_json::from_str(&ours).unwrap();
            assert_eq!(back.date, date);
        }
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        for text in [
            "2026-02-30",
            "2026-12",
            "2026-12-6",
            "2026-1x-06",
            "",
            "2026-12-06T10:00",
        ] {
            let json = format!("{{\"date\":\"{text}\"}}");
            assert!(serde_json::from_str::<Dated>(&json).is_err(), "{text}");
        }
    }
}
