//! The configured providers and their accounts.

use async_trait::async_trait;

use crate::models::{AppError, Balance, LowBalance, ProductCredit, ProviderId, ProviderInfo};

#[async_trait]
pub trait ProviderService: Send + Sync + 'static {
    /// The configured providers, and whether each is a sandbox.
    fn providers(&self) -> Vec<ProviderInfo>;

    /// The balance, as read at most the configured time ago.
    async fn balance(&self, provider: ProviderId) -> Result<Balance, AppError>;
    /// The balance, read from the provider now.
    async fn refresh_balance(&self, provider: ProviderId) -> Result<Balance, AppError>;

    /// The providers whose balance would not pay for their last campaign again.
    async fn low_balances(&self) -> Result<Vec<LowBalance>, AppError>;

    /// What the credit buys of each product in `country` (ISO 3166), when the provider says it
    /// (Octopush); empty otherwise.
    async fn balance_details(
        &self,
        provider: ProviderId,
        country: String,
    ) -> Result<Vec<ProductCredit>, AppError>;
}
