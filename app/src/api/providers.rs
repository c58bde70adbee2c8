use leptos::prelude::*;
use leptos::server_fn::codec::{GetUrl, Json, Postcard};

use crate::models::{
    AppError, Balance, LowBalance, ProductCredit, ProviderId, ProviderInfo, ZoneChoice,
};

#[server(endpoint = "list_providers", input = Json, output = Postcard)]
pub async fn list_providers() -> Result<Vec<ProviderInfo>, AppError> {
    crate::services::allowed(crate::models::Right::Read)?;
    Ok(crate::services::provided()?.providers.providers())
}

#[server(endpoint = "check_balance", input = Json, output = Postcard)]
pub async fn check_balance(provider: ProviderId) -> Result<Balance, AppError> {
    crate::services::allowed(crate::models::Right::Read)?;
    crate::services::provided()?
        .providers
        .balance(provider)
        .await
}

/// The balance read from the provider now, not as recently read.
#[server(endpoint = "refresh_balance", input = Json, output = Postcard)]
pub async fn refresh_balance(provider: ProviderId) -> Result<Balance, AppError> {
    crate::services::allowed(crate::models::Right::Read)?;
    crate::services::provided()?
        .providers
        .refresh_balance(provider)
        .await
}

#[server(endpoint = "low_balances", input = Json, output = Postcard)]
pub async fn low_balances() -> Result<Vec<LowBalance>, AppError> {
    crate::services::allowed(crate::models::Right::Read)?;
    crate::services::provided()?.providers.low_balances().await
}

#[server(endpoint = "check_balance_details", input = Json, output = Postcard)]
pub async fn check_balance_details(
    provider: ProviderId,
    country: String,
) -> Result<Vec<ProductCredit>, AppError> {
    crate::services::allowed(crate::models::Right::Read)?;
    crate::services::provided()?
        .providers
        .balance_details(provider, country)
        .await
}

/// The time zones of countries (no alias), with their countries: the table stays on the server.
/// Called with GET: the same for everyone, the browser's cache keeps it and asks again with its
/// tag (`server/src/routes/conditional.rs`).
#[server(endpoint = "list_time_zones", input = GetUrl, output = Postcard)]
pub async fn list_time_zones() -> Result<Vec<ZoneChoice>, AppError> {
    crate::services::allowed(crate::models::Right::Read)?;
    Ok(crate::services::provided()?.settings.time_zones())
}
