//! The configured providers, found by id.

use app::models::{AppError, Balance, ProviderId, ProviderInfo};
use std::sync::Arc;

use super::balance_cache::{BalanceCache, BalanceRead};
use crate::providers::SmsProvider;

#[derive(Clone)]
pub struct ProviderSet {
    providers: Vec<Arc<dyn SmsProvider>>,
    balances: Arc<BalanceCache>,
}

impl ProviderSet {
    pub fn new(providers: Vec<Arc<dyn SmsProvider>>, balances: BalanceCache) -> Self {
        Self {
            providers,
            balances: Arc::new(balances),
        }
    }

    pub fn get(&self, id: ProviderId) -> Result<&Arc<dyn SmsProvider>, AppError> {
        self.providers
            .iter()
            .find(|p| p.info().id == id)
            .ok_or(AppError::ProviderNotConfigured(id))
    }

    pub fn infos(&self) -> Vec<ProviderInfo> {
        self.providers.iter().map(|p| p.info()).collect()
    }

    /// The provider's balance, as recently known unless asked `Afresh`.
    pub async fn balance(&self, id: ProviderId, read: BalanceRead) -> Result<Balance, AppError> {
        Ok(self.balances.balance(self.get(id)?.as_ref(), read).await?)
    }

    /// The provider's balance has changed: the next read asks it.
    pub fn balance_changed(&self, id: ProviderId) {
        self.balances.forget(id);
    }
}
