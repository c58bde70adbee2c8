//! When a campaign's messages really go, said beside the time asked for when it differs: the
//! sending rules move recipients, and each recipient's own zone spreads them.

use app::models::SendSpan;
use chrono::{DateTime, FixedOffset};

use super::send_time::parse_zone;

/// When a provider request goes: its send time (RFC 3339), or, sent at once, when it was recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestTime {
    pub send_at: Option<String>,
    pub recorded_at: String,
}

/// The earliest and latest times a campaign's `requests` go, on the campaign's clock (`zone`),
/// unless they all go at the `requested` instant, or all at once as asked. A campaign asked for at
/// once some of whose requests have a time had those moved. Values that are not instants are
/// left out.
pub fn sends_apart(
    requested: Option<&str>,
    requests: &[RequestTime],
    zone: &str,
) -> Option<SendSpan> {
    let instant = |at: &str| DateTime::parse_from_rfc3339(at).ok();
    if !requests.iter().any(|r| r.send_at.is_some()) {
        return None;
    }
    let instants: Vec<DateTime<FixedOffset>> = requests
        .iter()
        .filter_map(|r| instant(r.send_at.as_deref().unwrap_or(&r.recorded_at)))
        .collect();
    let first = *instants.iter().min()?;
    let last = *instants.iter().max()?;
    if requested.and_then(instant) == Some(first) && first == last {
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

    fn timed(times: &[&str]) -> Vec<RequestTime> {
        times
            .iter()
            .map(|t| RequestTime {
                send_at: Some((*t).to_owned()),
                recorded_at: "2026-12-05T09:00:00+00:00".into(),
            })
            .collect()
    }

    fn at_once(recorded_at: &str) -> RequestTime {
        RequestTime {
            send_at: None,
            recorded_at: recorded_at.into(),
        }
    }

    #[test]
    fn a_campaign_sent_when_asked_says_nothing_more() {
        let asked = "2026-12-07T10:00:00+01:00";
        // The same instant, written in UTC.
        let sent = timed(&["2026-12-07T09:00:00Z"]);
        assert_eq!(sends_apart(Some(asked), &sent, "Europe/Paris"), None);
        assert_eq!(sends_apart(None, &[], "Europe/Paris"), None);
        assert_eq!(sends_apart(Some(asked), &[], "Europe/Paris"), None);
        // At once, as asked, whatever the moments its requests were recorded at.
        let now = [
            at_once("2026-12-05T09:00:00+00:00"),
            at_once("2026-12-05T09:00:01+00:00"),
        ];
        assert_eq!(sends_apart(None, &now, "Europe/Paris"), None);
    }

    #[test]
    fn moved_or_spread_sends_are_said_on_the_campaign_s_clock() {
        let asked = "2026-12-06T10:00:00+01:00";
        let moved = timed(&["2026-12-07T07:00:00Z"]);
        let span = sends_apart(Some(asked), &moved, "Europe/Paris").unwrap();
        assert_eq!(span.first, "2026-12-07T08:00:00+01:00");
        assert_eq!(span.last, span.first);

        let spread = timed(&[
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
    fn a_campaign_asked_for_at_once_with_some_moved_spans_from_when_it_went() {
        let mut requests = timed(&["2026-12-07T08:00:00+01:00"]);
        requests.push(at_once("2026-12-05T21:30:00+00:00"));
        let span = sends_apart(None, &requests, "Europe/Paris").unwrap();
        assert_eq!(
            (span.first.as_str(), span.last.as_str()),
            ("2026-12-05T22:30:00+01:00", "2026-12-07T08:00:00+01:00")
        );
    }
}
