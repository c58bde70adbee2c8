//! How long to wait after a provider answered 429 (too many requests) to a send, and when to stop
//! waiting. A 429 means the provider did not take the request, so the very same request may go
//! again; the wait honours `Retry-After`, else backs off with jitter. Pure, so every case is tested
//! without a clock.

use chrono::{DateTime, Duration, Utc};

use super::reconcile_decision::LATE_LIMIT;
use crate::providers::backoff;

/// The first pause when the provider does not say how long (doubled on each attempt, with jitter).
const FIRST_PAUSE: std::time::Duration = std::time::Duration::from_secs(1);
/// The longest single pause, whatever `Retry-After` asks.
const LONGEST_PAUSE: std::time::Duration = std::time::Duration::from_secs(60);
/// Attempts on one batch within one hand-over, whatever the pauses (a `Retry-After: 0` loop).
const MOST_ATTEMPTS: u32 = 30;

/// Where one batch stands after its `attempt`-th 429.
#[derive(Debug, Clone, Copy)]
pub struct RateLimited {
    /// 1 after the first 429.
    pub attempt: u32,
    /// The provider's `Retry-After`.
    pub retry_after: Option<std::time::Duration>,
    /// Paused so far on this batch.
    pub waited: std::time::Duration,
    /// When its messages are due: the send time, or when it was recorded for a send at once.
    pub due: DateTime<Utc>,
    pub now: DateTime<Utc>,
}

/// The pause before sending the batch again, or `None`: stop here (`patience`, the longest one
/// hand-over waits on one batch in all, is spent, or the send would come later than a send-time
/// limit allows). Beyond, the batch is left to reconciliation, which sends it again on its next
/// pass while its send time allows.
pub fn pause(situation: RateLimited, patience: std::time::Duration) -> Option<std::time::Duration> {
    if situation.attempt >= MOST_ATTEMPTS {
        return None;
    }
    let pause = situation
        .retry_after
        .unwrap_or_else(|| backoff(FIRST_PAUSE, situation.attempt))
        .min(LONGEST_PAUSE);
    if situation.waited + pause > patience {
        return None;
    }
    let resumes = Duration::from_std(pause)
        .ok()
        .and_then(|pause| situation.now.checked_add_signed(pause));
    let limit = situation.due.checked_add_signed(LATE_LIMIT);
    matches!((resumes, limit), (Some(resumes), Some(limit)) if resumes <= limit).then_some(pause)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use std::time::Duration as Std;

    const PATIENCE: Std = Std::from_secs(300);

    fn at(minute: u32, second: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, 9, minute, second)
            .unwrap()
    }

    fn first_429() -> RateLimited {
        RateLimited {
            attempt: 1,
            retry_after: Some(Std::from_secs(2)),
            waited: Std::ZERO,
            due: at(0, 0),
            now: at(0, 0),
        }
    }

    #[test]
    fn retry_after_is_honoured() {
        assert_eq!(pause(first_429(), PATIENCE), Some(Std::from_secs(2)));
    }

    #[test]
    fn without_retry_after_the_pause_backs_off() {
        let unsaid = |attempt| RateLimited {
            attempt,
            retry_after: None,
            ..first_429()
        };
        let first = pause(unsaid(1), PATIENCE).unwrap();
        assert!((Std::from_secs(1)..=Std::from_millis(1500)).contains(&first));
        let third = pause(unsaid(3), PATIENCE).unwrap();
        assert!((Std::from_secs(4)..=Std::from_secs(6)).contains(&third));
        let late = pause(unsaid(12), PATIENCE).unwrap();
        assert_eq!(late, LONGEST_PAUSE);
    }

    #[test]
    fn a_long_retry_after_is_capped() {
        let long = RateLimited {
            retry_after: Some(Std::from_secs(3600)),
            ..first_429()
        };
        assert_eq!(pause(long, PATIENCE), Some(LONGEST_PAUSE));
    }

    #[test]
    fn patience_runs_out() {
        let spent = RateLimited {
            waited: PATIENCE - Std::from_secs(1),
            ..first_429()
        };
        assert_eq!(pause(spent, PATIENCE), None);
        let endless = RateLimited {
            attempt: MOST_ATTEMPTS,
            retry_after: Some(Std::ZERO),
            ..first_429()
        };
        assert_eq!(pause(endless, PATIENCE), None);
    }

    #[test]
    fn nothing_is_sent_later_than_the_send_time_allows() {
        let near_the_limit = RateLimited {
            now: at(9, 59),
            ..first_429()
        };
        assert_eq!(pause(near_the_limit, PATIENCE), None);
        let well_before = RateLimited {
            now: at(9, 57),
            ..first_429()
        };
        assert_eq!(pause(well_before, PATIENCE), Some(Std::from_secs(2)));
    }
}
