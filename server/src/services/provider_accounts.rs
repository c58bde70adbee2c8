//! The configured providers and their accounts: balances, what the credit buys, and the
//! navigation's low-balance warning (each provider's balance against what its newest campaign
//! would cost again, its recipients' SMS parts at the part price estimates use).

use crate::domain::phone::Region;
use app::models::{
    Amount, AppError, Balance, Field, FieldError, LowBalance, ProductCredit, ProviderId,
    ProviderInfo,
};
use app::services::ProviderService;
use async_trait::async_trait;

use super::store_errors::read_failed;
use crate::providers::{BalanceRead, ProviderSet};
use crate::storage::Store;

pub struct ProviderAccounts {
    providers: ProviderSet,
    store: Store,
}

impl ProviderAccounts {
    pub fn new(providers: ProviderSet, store: Store) -> Self {
        Self { providers, store }
    }
}

#[async_trait]
impl ProviderService for ProviderAccounts {
    fn providers(&self) -> Vec<ProviderInfo> {
        self.providers.infos()
    }

    async fn balance(&self, provider: ProviderId) -> Result<Balance, AppError> {
        self.providers.balance(provider, BalanceRead::Known).await
    }

    async fn refresh_balance(&self, provider: ProviderId) -> Result<Balance, AppError> {
        self.providers.balance(provider, BalanceRead::Afresh).await
    }

    /// The providers whose balance would not cover their last campaign again. A provider with no
    /// campaign yet, no known part price, or a balance it cannot say now is left out: the
    /// composer says what it can of those.
    async fn low_balances(&self) -> Result<Vec<LowBalance>, AppError> {
        let mut low = Vec::new();
        for info in self.providers.infos() {
            let provider = self.providers.get(info.id)?;
            let Some(size) = self
                .store
                .last_campaign_size(info.id)
                .await
                .map_err(read_failed)?
            else {
                continue;
            };
            let Some(price) = provider.part_price(size.campaign_type) else {
                continue;
            };
            let Ok(balance) = self.providers.balance(info.id, BalanceRead::Known).await else {
                continue;
            };
            let cost = Amount::from_units(size.parts as f64 * price.amount);
            if balance.below(cost, &price.currency) {
                low.push(LowBalance {
                    balance,
                    campaign_id: size.campaign_id,
                    recipients: size.recipients,
                    cost,
                });
            }
        }
        Ok(low)
    }

    async fn balance_details(
        &self,
        provider: ProviderId,
        country: String,
    ) -> Result<Vec<ProductCredit>, AppError> {
        // A country the phone metadata knows, as an ISO 3166 code.
        Region::parse(&country).map_err(|problem| {
            AppError::Invalid(vec![FieldError::new(Field::Provider, problem)])
        })?;
        let country = country.trim().to_ascii_uppercase();
        let provider = self.providers.get(provider)?;
        Ok(provider.balance_details(&country).await?)
    }
}
