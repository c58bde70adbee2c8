//! Each provider's balance, kept for a while (`<provider>.balance_cache_seconds`) so that page
//! views do not each become a provider call. Forgotten once a campaign has been handed over, and
//! read afresh when the user asks. The credit check before a campaign never uses it.

use app::models::{Balance, ProviderId};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::{ProviderError, SmsProvider};

pub struct BalanceCache {
    fresh_for: HashMap<ProviderId, Duration>,
    known: Mutex<HashMap<ProviderId, (Instant, Balance)>>,
}

/// Whether a balance may come from what is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BalanceRead {
    Known,
    Afresh,
}

impl BalanceCache {
    /// How long each provider's balance is kept; a provider not named, or zero: never kept.
    pub fn new(fresh_for: impl IntoIterator<Item = (ProviderId, Duration)>) -> Self {
        Self {
            fresh_for: fresh_for.into_iter().collect(),
            known: Mutex::new(HashMap::new()),
        }
    }

    pub async fn balance(
        &self,
        provider: &dyn SmsProvider,
        read: BalanceRead,
    ) -> Result<Balance, ProviderError> {
        let id = provider.info().id;
        if read == BalanceRead::Known {
            if let Some(balance) = self.known(id) {
                return Ok(balance);
            }
        }
        let balance = provider.balance().await?;
        self.known
            .lock()
            .expect("the balance cache's lock is never poisoned")
            .insert(id, (Instant::now(), balance.clone()));
        Ok(balance)
    }

    /// The provider's balance has changed (a campaign was handed over).
    pub fn forget(&self, id: ProviderId) {
        self.known
            .lock()
            .expect("the balance cache's lock is never poisoned")
            .remove(&id);
    }

    fn known(&self, id: ProviderId) -> Option<Balance> {
        let fresh_for = self.fresh_for.get(&id).copied().unwrap_or_default();
        let known = self
            .known
            .lock()
            .expect("the balance cache's lock is never poisoned");
        known
            .get(&id)
            .filter(|(at, _)| at.elapsed() < fresh_for)
            .map(|(_, balance)| balance.clone())
    }
}
