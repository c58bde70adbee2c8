//! How values are written and read back: instants as sortable text, closed sets by their stored
//! names (decoded here, at the storage edge, so that nothing above sees a name it must match).

use app::models::RecipientStatus;
use chrono::{DateTime, SecondsFormat, Utc};

/// `$1, $2, …, $count`: the parameters of an `IN (…)` list, numbered from 1.
pub(super) fn numbered_parameters(count: usize) -> String {
    (1..=count)
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Instants as stored: UTC, whole seconds, `Z`, so that text order is time order.
pub fn stored_instant(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// A stored instant read back.
pub(super) fn read_instant(text: &str) -> Result<DateTime<Utc>, sqlx::Error> {
    DateTime::parse_from_rfc3339(text)
        .map(|at| at.with_timezone(&Utc))
        .map_err(|error| sqlx::Error::Decode(error.into()))
}

/// A stored name read back with `parse`, or a decoding error naming `what`.
pub(super) fn stored<T>(
    name: String,
    what: &str,
    parse: impl FnOnce(&str) -> Option<T>,
) -> Result<T, sqlx::Error> {
    parse(&name).ok_or_else(|| sqlx::Error::Decode(format!("unknown {what} {name:?}").into()))
}

pub(super) fn stored_status(name: String) -> Result<RecipientStatus, sqlx::Error> {
    stored(name, "recipient status", RecipientStatus::parse)
}

/// A count as the database takes it.
pub(super) fn to_i64(value: usize) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn instants_sort_as_text_and_unknown_names_are_decoding_errors() {
        let early = Utc.with_ymd_and_hms(2026, 1, 2, 9, 5, 0).unwrap();
        let late = Utc.with_ymd_and_hms(2026, 11, 2, 10, 0, 0).unwrap();
        assert_eq!(stored_instant(early), "2026-01-02T09:05:00Z");
        assert!(stored_instant(early) < stored_instant(late));
        assert_eq!(
            stored_status("delivered".into()).unwrap(),
            RecipientStatus::Delivered
        );
        let error = stored_status("delivred".into()).unwrap_err();
        assert!(error
            .to_string()
            .contains("unknown recipient status \"delivred\""));
    }
}
