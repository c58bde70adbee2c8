//! When a campaign's messages really go, said beside the time asked for when it differs: the
//! sending rules move recipients, and each recipient's own zone spreads them.

use app::models::SendSpan;
use chrono::{DateTime, FixedOffset};

use super::send_time::parse_zone;

/// The earliest and latest of `send_times` (its provider requests', RFC 3339), on the campaign's
/// clock (`zone`), unless they are all the `requested` instant. A campaign asked for at once
/// whose requests have times had some moved. Values that are not instants are left out.
pub fn sends_apart(requested: Option<&str>, send_times: &[String], zone: &str) -> Option<SendSpan> {
    let instants: Vec<DateTime<FixedOffset>> = send_times
        .iter()
        .filter_map(|at| DateTime::parse_from_rfc3339(at).ok())
        .collect();
    let first = *instants.iter().min()?;
    let last = *instants.iter().max()?;
    let requested = requested.and_then(|at| DateTime::parse_from_rfc3339(at).ok());
    if requested == Some(first) && first == last {
        return None;
    }
    let on_clock = |at: DateTime<FixedOffset>| match parse_zone(zone) {
        Ok(zone) => at.with_timezone(&zone).to_rfc3339(),
        Err(_) => at.to_rfc3339(),
    };
    Some(SendSpan {
        first: on_clock(first),
        last: on_clock(last),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn times(times: &[&str]) -> Vec<String> {
        times.iter().map(|t| (*t).to_owned()).collect()
    }

    #[test]
    fn a_campaign_sent_when_asked_says_nothing_more() {
        let asked = "2026-12-07T10:00:00+01:00";
        // The same instant, written in UTC.
        let sent = times(&["2026-12-07T09:00:00Z"]);
        assert_eq!(sends_apart(Some(asked), &sent, "Europe/Paris"), None);
        assert_eq!(sends_apart(None, &[], "Europe/Paris"), None);
        assert_eq!(sends_apart(Some(asked), &[], "Europe/Paris"), None);
    }

    #[test]
    fn moved_or_spread_sends_are_said_on_the_campaign_s_clock() {
        let asked = "2026-12-06T10:00:00+01:00";
        let moved = times(&["2026-12-07T07:00:00Z"]);
        let span = sends_apart(Some(asked), &moved, "Europe/Paris").unwrap();
        assert_eq!(span.first, "2026-12-07T08:00:00+01:00");
        assert_eq!(span.last, span.first);

        let spread = times(&[
            "2026-12-07T10:00:00+01:00",
            "2026-12-07T08:00:00+01:00",
            "2026-12-06T23:00:00-05:00",
        ]);
        let span = sends_apart(Some(asked), &spread, "America/New_York").unwrap();
        assert_eq!(
            (span.first.as_str(), span.last.as_str()),
            ("2026-12-06T23:00:00-05:00", "2026-12-07T04:00:00-05:00")
        );
    }

    #[test]
    fn a_campaign_asked_for_at_once_with_timed_requests_had_some_moved() {
        let span = sends_apart(None, &times(&["2026-12-07T08:00:00+01:00"]), "Europe/Paris");
        assert_eq!(span.unwrap().first, "2026-12-07T08:00:00+01:00");
    }
}
