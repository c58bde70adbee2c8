//! Each person's allowance of previews and schedules a minute (`[limits]`), kept in memory by
//! this instance: a generous ceiling against a runaway script or a stuck key, not a quota.

use app::models::{AppError, LimitedAction};
use app::services::{Actor, RequestLimits};
use governor::clock::{Clock, DefaultClock};
use governor::middleware::NoOpMiddleware;
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};
use std::num::NonZeroU32;

/// How many people's counts are kept before those refilled are forgotten.
const PEOPLE_KEPT: usize = 1_000;

type PerPerson<C> =
    RateLimiter<String, DefaultKeyedStateStore<String>, C, NoOpMiddleware<<C as Clock>::Instant>>;

struct Allowance<C: Clock + Clone> {
    per_minute: NonZeroU32,
    counts: PerPerson<C>,
}

impl<C: Clock + Clone> Allowance<C> {
    fn new(per_minute: NonZeroU32, clock: &C) -> Self {
        Self {
            per_minute,
            counts: RateLimiter::new(
                Quota::per_minute(per_minute),
                DefaultKeyedStateStore::default(),
                clock.clone(),
            ),
        }
    }
}

pub struct PerPersonLimits<C: Clock + Clone = DefaultClock> {
    previews: Allowance<C>,
    schedules: Allowance<C>,
    clock: C,
}

impl PerPersonLimits {
    pub fn new(previews_per_minute: NonZeroU32, schedules_per_minute: NonZeroU32) -> Self {
        Self::with_clock(
            previews_per_minute,
            schedules_per_minute,
            DefaultClock::default(),
        )
    }
}

impl<C: Clock + Clone> PerPersonLimits<C> {
    fn with_clock(previews: NonZeroU32, schedules: NonZeroU32, clock: C) -> Self {
        Self {
            previews: Allowance::new(previews, &clock),
            schedules: Allowance::new(schedules, &clock),
            clock,
        }
    }
}

impl<C: Clock + Clone + Send + Sync + 'static> RequestLimits for PerPersonLimits<C>
where
    C::Instant: Send + Sync,
{
    fn admit(&self, actor: &Actor, action: LimitedAction) -> Result<(), AppError> {
        let allowance = match action {
            LimitedAction::Preview => &self.previews,
            LimitedAction::Schedule => &self.schedules,
        };
        let counted = allowance.counts.check_key(&actor.name);
        if allowance.counts.len() > PEOPLE_KEPT {
            allowance.counts.retain_recent();
        }
        counted.map_err(|refused| {
            let wait = refused.wait_time_from(self.clock.now());
            AppError::Throttled {
                action,
                per_minute: allowance.per_minute.get(),
                // Whole seconds, rounded up: after that long the request is taken.
                retry_after_seconds: wait.as_secs() + u64::from(wait.subsec_nanos() > 0),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::models::Role;
    use governor::clock::FakeRelativeClock;
    use std::time::Duration;

    fn person(name: &str) -> Actor {
        Actor {
            name: name.into(),
            role: Role::Sender,
            address: None,
        }
    }

    fn limit(n: u32) -> NonZeroU32 {
        NonZeroU32::new(n).unwrap()
    }

    #[test]
    fn each_person_has_their_own_allowance_of_each_action() {
        let clock = FakeRelativeClock::default();
        let limits = PerPersonLimits::with_clock(limit(3), limit(2), clock.clone());
        let (ann, bob) = (person("ann"), person("bob"));
        for _ in 0..2 {
            limits.admit(&ann, LimitedAction::Schedule).unwrap();
        }
        let refused = limits.admit(&ann, LimitedAction::Schedule).unwrap_err();
        assert_eq!(
            refused,
            AppError::Throttled {
                action: LimitedAction::Schedule,
                per_minute: 2,
                retry_after_seconds: 30
            }
        );
        // Another person, and another action, are counted apart.
        limits.admit(&bob, LimitedAction::Schedule).unwrap();
        limits.admit(&ann, LimitedAction::Preview).unwrap();

        // The allowance comes back at its rate: one schedule every 30 seconds here.
        clock.advance(Duration::from_secs(29));
        let AppError::Throttled {
            retry_after_seconds,
            ..
        } = limits.admit(&ann, LimitedAction::Schedule).unwrap_err()
        else {
            panic!("not throttled");
        };
        assert_eq!(retry_after_seconds, 1);
        clock.advance(Duration::from_secs(1));
        limits.admit(&ann, LimitedAction::Schedule).unwrap();
        assert!(limits.admit(&ann, LimitedAction::Schedule).is_err());
    }
}
