//! How Octopush reads values of the wrong type: its documentation says it coerces a wrongly typed
//! parameter and silently ignores one it cannot fix, and its own tutorial sends such values
//! (`with_replies: "True"`, `send_at` without an offset, `with_details=True` in a query string).

use chrono::{DateTime, Duration, FixedOffset, NaiveDateTime, TimeZone};
use chrono_tz::Europe::Paris;
use serde_json::Value;

/// A boolean as Octopush reads one: it coerces a wrongly typed value and ignores one it cannot
/// fix (its documentation). `true`/`false` in any case (Python's `"True"`), `1`/`0` as numbers or
/// strings; anything else is ignored, as if absent.
pub fn coerce_flag(value: &Value) -> Option<bool> {
    match value {
        Value::Bool(flag) => Some(*flag),
        Value::Number(n) => match n.as_i64() {
            Some(1) => Some(true),
            Some(0) => Some(false),
            _ => None,
        },
        Value::String(text) => coerce_flag_text(text),
        Value::Null | Value::Array(_) | Value::Object(_) => None,
    }
}

/// [`coerce_flag`] for a query string's text.
pub fn coerce_flag_text(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "true" | "1" => Some(true),
        "false" | "0" => Some(false),
        _ => None,
    }
}

/// `send_at` as Octopush reads it: ISO 8601 with an offset, or without one (what the tutorial's
/// `datetime.isoformat()` sends), then in Paris time, Octopush's own: its scheduling documentation
/// gives dates "based on GMT + 1" and its callbacks carry Paris times. A time that does not exist
/// in Paris (the spring change) is read an hour later; one that exists twice, as the first.
pub fn read_send_at(raw: &str) -> Option<DateTime<FixedOffset>> {
    if let Ok(at) = DateTime::parse_from_rfc3339(raw) {
        return Some(at);
    }
    let raw = raw.trim();
    let naive = [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
    ]
    .into_iter()
    .find_map(|form| NaiveDateTime::parse_from_str(raw, form).ok())?;
    let local = Paris.from_local_datetime(&naive).earliest().or_else(|| {
        Paris
            .from_local_datetime(&(naive + Duration::hours(1)))
            .earliest()
    })?;
    Some(local.fixed_offset())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn booleans_and_times_are_read_as_octopush_reads_them() {
        assert_eq!(
            read_send_at("2026-07-01T09:00:00").unwrap().to_rfc3339(),
            "2026-07-01T09:00:00+02:00"
        );
        assert_eq!(
            read_send_at("2026-03-29T02:30:00").unwrap().to_rfc3339(),
            "2026-03-29T03:30:00+02:00",
            "a time the spring change skips is read an hour later"
        );
        assert_eq!(
            read_send_at("2025-07-29T11:00:39-07:00")
                .unwrap()
                .to_rfc3339(),
            "2025-07-29T11:00:39-07:00"
        );
        assert_eq!(read_send_at("tomorrow"), None);
        assert_eq!(coerce_flag(&json!(1)), Some(true));
        assert_eq!(coerce_flag(&json!("True")), Some(true));
        assert_eq!(coerce_flag_text("False"), Some(false));
        assert_eq!(coerce_flag(&json!("yes please")), None);
    }
}
