use leptos::prelude::*;
use leptos::server_fn::codec::{Json, Postcard};

use crate::models::{AppError, Balance, ProviderId, ProviderInfo};

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

/// IANA zone names: the table stays on the server.
#[server(endpoint = "list_time_zones", input = Json, output = Postcard)]
pub async fn list_time_zones() -> Result<Vec<String>, AppError> {
    Ok(crate::domain::send_time::zone_names()
        .into_iter()
        .map(str::to_owned)
        .collect())
}
