//! What happens to a message in the sandboxes: decided by its number, so tests and demos can show
//! every path, and timed from its send time on the sandbox clock.
//!
//! | number ends in | outcome |
//! |---|---|
//! | `01` | undeliverable (the handset is unknown) |
//! | `02` | expired (the handset stayed unreachable) |
//! | `03` | rejected by the operator |
//! | anything else | delivered |
//!
//! A message is handed to the operator [`SENT_AFTER`] its send time and reaches its outcome
//! [`FINAL_AFTER`] its send time.

use chrono::{DateTime, Duration, Utc};

pub const SENT_AFTER: Duration = Duration::seconds(5);
pub const FINAL_AFTER: Duration = Duration::seconds(30);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Delivered,
    Undeliverable,
    Expired,
    Rejected,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Waiting for its send time.
    Scheduled,
    /// With the operator, no report yet.
    Sent,
    Done(Outcome),
}

pub fn outcome_for(number: &str) -> Outcome {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    match digits.get(digits.len().saturating_sub(2)..) {
        Some("01") => Outcome::Undeliverable,
        Some("02") => Outcome::Expired,
        Some("03") => Outcome::Rejected,
        _ => Outcome::Delivered,
    }
}

/// Where a message sent at `send_time` to `number` stands at `now`.
pub fn stage_at(number: &str, send_time: DateTime<Utc>, now: DateTime<Utc>) -> Stage {
    if now < send_time + SENT_AFTER {
        Stage::Scheduled
    } else if now < send_time + FINAL_AFTER {
        Stage::Sent
    } else {
        Stage::Done(outcome_for(number))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn outcomes_follow_the_last_two_digits() {
        assert_eq!(outcome_for("+33612345601"), Outcome::Undeliverable);
        assert_eq!(outcome_for("33612345602"), Outcome::Expired);
        assert_eq!(outcome_for("+33 6 12 34 56 03"), Outcome::Rejected);
        assert_eq!(outcome_for("+33612345678"), Outcome::Delivered);
        assert_eq!(outcome_for("1"), Outcome::Delivered);
    }

    #[test]
    fn a_message_moves_from_scheduled_to_sent_to_its_outcome() {
        let at = Utc.with_ymd_and_hms(2026, 1, 1, 10, 0, 0).unwrap();
        assert_eq!(stage_at("+33612345601", at, at), Stage::Scheduled);
        assert_eq!(
            stage_at("+33612345601", at, at + Duration::seconds(10)),
            Stage::Sent
        );
        assert_eq!(
            stage_at("+33612345601", at, at + Duration::minutes(1)),
            Stage::Done(Outcome::Undeliverable)
        );
    }
}
