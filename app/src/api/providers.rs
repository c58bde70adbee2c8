use leptos::prelude::*;
use leptos::server_fn::codec::{Json, Postcard};

use crate::models::{
    AppError, Balance, LowBalance, ProductCredit, ProviderId, ProviderInfo, ZoneChoice,
};

#[server(endpoint = "list_providers", input = Json, output = Postcard)]
pub async fn list_providers() -> Result<Vec<ProviderInfo>, AppError> {
    let (service, _) = crate::services::from_context()?;
    Ok(service.providers())
}

#[server(endpoint = "check_balance", input = Json, output = Postcard)]
pub async fn check_balance(provider: ProviderId) -> Result<Balance, AppError> {
    let (service, _) = crate::services::from_context()?;
    service.balance(provider).await
}

#[server(endpoint = "low_balances", input = Json, output = Postcard)]
pub async fn low_balances() -> Result<Vec<LowBalance>, AppError> {
    let (service, _) = crate::services::from_context()?;
    service.low_balances().await
}

#[server(endpoint = "check_balance_details", input = Json, output = Postcard)]
pub async fn check_balance_details(
    provider: ProviderId,
    country: String,
) -> Result<Vec<ProductCredit>, AppError> {
    let (service, _) = crate::services::from_context()?;
    service.balance_details(provider, country).await
}

/// The time zones of countries (no alias), with their countries: the table stays on the server.
#[server(endpoint = "list_time_zones", input = Json, output = Postcard)]
pub async fn list_time_zones() -> Result<Vec<ZoneChoice>, AppError> {
    Ok(crate::domain::zone_table::zone_choices())
}
