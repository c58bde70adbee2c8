//! Held campaigns whose send time passed with no decision: closed as expired, so that nothing
//! is sent late, the list and the approvers' badge stop counting them as awaiting, and their
//! page says what happened. Nothing was handed to a provider, so there is nothing to cancel.

use app::models::{Approval, CampaignActionKind};
use chrono::{DateTime, Utc};

use super::campaign_start::note_action;
use crate::clock::SharedClock;
use crate::storage::{Store, StoreError};

/// Who the campaign's history says closed it.
const ACTOR: &str = "server";

#[derive(Clone)]
pub struct HeldExpiry {
    store: Store,
    clock: SharedClock,
}

impl HeldExpiry {
    pub fn new(store: Store, clock: SharedClock) -> Self {
        Self { store, clock }
    }

    /// Closes every held campaign whose send time has passed; the ids it closed. One that is
    /// decided meanwhile is left to that decision (`close_held` changes only an awaiting one).
    pub async fn run_once(&self) -> Result<Vec<String>, StoreError> {
        let now = self.clock.now();
        let mut expired = Vec::new();
        for (id, send_at) in self.store.awaiting_send_times().await? {
            if !passed(send_at.as_deref(), now) {
                continue;
            }
            if self.store.close_held(&id, Approval::Expired).await? {
                note_action(
                    &self.store,
                    &id,
                    ACTOR,
                    CampaignActionKind::Expire,
                    None,
                    now,
                )
                .await;
                expired.push(id);
            }
        }
        Ok(expired)
    }

    pub async fn run_forever(self, every: std::time::Duration) {
        loop {
            match self.run_once().await {
                Ok(expired) if expired.is_empty() => {}
                Ok(expired) => tracing::info!(?expired, "held campaigns expired unapproved"),
                Err(error) => tracing::error!(%error, "held campaigns could not be expired"),
            }
            tokio::time::sleep(every).await;
        }
    }
}

/// Whether a held campaign's send time (RFC 3339) is past at `now`; one sent as soon as it is
/// approved (no time) never is.
fn passed(send_at: Option<&str>, now: DateTime<Utc>) -> bool {
    send_at
        .and_then(|at| DateTime::parse_from_rfc3339(at).ok())
        .is_some_and(|at| at <= now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn only_a_send_time_that_came_has_passed() {
        let now = Utc.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).unwrap();
        assert!(passed(Some("2026-12-07T10:00:00+01:00"), now));
        assert!(passed(Some("2026-12-07T09:00:00Z"), now));
        assert!(!passed(Some("2026-12-07T10:00:01+01:00"), now));
        assert!(!passed(None, now));
    }
}
