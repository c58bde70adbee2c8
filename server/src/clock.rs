//! Time as the server and the sandboxes see it, injectable so tests can fix it.

use app::models::{Refusal, SandboxClockView};
use chrono::{DateTime, Duration, Utc};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

pub trait Clock: Send + Sync + 'static {
    fn now(&self) -> DateTime<Utc>;
}

/// The machine's clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

pub type SharedClock = Arc<dyn Clock>;

/// Longest single step of the sandbox clock: a year.
pub const MAX_STEP_SECONDS: i64 = 366 * 86_400;
/// Furthest the sandbox clock runs ahead of real time, whatever the steps: ten years, so that no
/// date the sandboxes compute from it can leave chrono's range.
pub const MAX_AHEAD_DAYS: u32 = 3660;
const MAX_OFFSET_MS: i64 = MAX_AHEAD_DAYS as i64 * 86_400_000;

/// The sandboxes' clock: real time plus an offset that only moves forward, so a test or a person
/// can skip to a campaign's send time and watch statuses change without waiting.
#[derive(Debug, Default)]
pub struct SandboxClock {
    offset_ms: AtomicI64,
}

impl SandboxClock {
    /// Moves the clock forward by `by` (negative durations are ignored: time never runs back),
    /// at most [`MAX_AHEAD_DAYS`] ahead of real time; says whether it moved.
    pub fn advance(&self, by: Duration) -> bool {
        let ms = by.num_milliseconds().max(0);
        self.offset_ms
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |offset| {
                offset
                    .checked_add(ms)
                    .filter(|moved| *moved <= MAX_OFFSET_MS)
            })
            .is_ok()
    }

    /// Moves the clock `seconds` forward, within a year: a longer step is a unit mistake
    /// (milliseconds sent as seconds), a step back is not possible.
    pub fn step_forward(&self, seconds: i64) -> Result<(), Refusal> {
        if seconds <= 0 || seconds > MAX_STEP_SECONDS {
            return Err(Refusal::ClockStepOutOfRange {
                max: MAX_STEP_SECONDS,
            });
        }
        if !self.advance(Duration::seconds(seconds)) {
            return Err(Refusal::ClockTooFarAhead {
                max_days: MAX_AHEAD_DAYS,
            });
        }
        Ok(())
    }

    /// Its present and how far ahead it is, as the browser and the control routes show them.
    pub fn view(&self) -> SandboxClockView {
        SandboxClockView {
            now: self.now().to_rfc3339(),
            offset_seconds: self.offset().num_seconds(),
        }
    }

    /// How far ahead of real time the clock is.
    pub fn offset(&self) -> Duration {
        Duration::milliseconds(self.offset_ms.load(Ordering::SeqCst))
    }
}

impl Clock for SandboxClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now() + self.offset()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sandbox_clock_only_moves_forward() {
        let clock = SandboxClock::default();
        let before = clock.now();
        assert!(clock.advance(Duration::hours(2)));
        clock.advance(Duration::hours(-5));
        assert_eq!(clock.offset(), Duration::hours(2));
        assert!(clock.now() - before >= Duration::hours(2));
    }

    #[test]
    fn a_step_is_at_least_a_second_and_at_most_a_year() {
        let clock = SandboxClock::default();
        assert!(clock.step_forward(0).is_err());
        assert!(clock.step_forward(MAX_STEP_SECONDS + 1).is_err());
        clock.step_forward(90).unwrap();
        assert_eq!(clock.offset(), Duration::seconds(90));
    }

    #[test]
    fn the_clock_stops_ten_years_ahead() {
        let clock = SandboxClock::default();
        while clock.step_forward(MAX_STEP_SECONDS).is_ok() {}
        assert_eq!(
            clock.step_forward(MAX_STEP_SECONDS),
            Err(Refusal::ClockTooFarAhead {
                max_days: MAX_AHEAD_DAYS
            })
        );
        assert!(clock.offset() <= Duration::days(i64::from(MAX_AHEAD_DAYS)));
        assert!(clock.offset() > Duration::days(i64::from(MAX_AHEAD_DAYS) - 366));
        assert!(!clock.advance(Duration::MAX), "the offset cannot wrap");
        assert!(clock.now() > Utc::now());
    }
}
