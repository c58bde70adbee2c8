//! Time as the server and the sandboxes see it, injectable so tests can fix it.

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

/// The sandboxes' clock: real time plus an offset that only moves forward, so a test or a person
/// can skip to a campaign's send time and watch statuses change without waiting.
#[derive(Debug, Default)]
pub struct SandboxClock {
    offset_ms: AtomicI64,
}

impl SandboxClock {
    /// Moves the clock forward by `by` (negative durations are ignored: time never runs back).
    pub fn advance(&self, by: Duration) {
        let ms = by.num_milliseconds().max(0);
        self.offset_ms.fetch_add(ms, Ordering::SeqCst);
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
        clock.advance(Duration::hours(2));
        clock.advance(Duration::hours(-5));
        assert_eq!(clock.offset(), Duration::hours(2));
        assert!(clock.now() - before >= Duration::hours(2));
    }
}
