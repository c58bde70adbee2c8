use leptos::prelude::*;
use leptos::server_fn::codec::{Json, Postcard};

use crate::models::{AppError, SandboxClockView, ServerSettings};

#[server(endpoint = "read_settings", input = Json, output = Postcard)]
pub async fn read_settings() -> Result<ServerSettings, AppError> {
    Ok(crate::services::provided()?.settings.settings())
}

#[server(endpoint = "read_sandbox_clock", input = Json, output = Postcard)]
pub async fn read_sandbox_clock() -> Result<SandboxClockView, AppError> {
    crate::services::provided()?.settings.sandbox_clock()
}

#[server(endpoint = "advance_sandbox_clock", input = Json, output = Postcard)]
pub async fn advance_sandbox_clock(seconds: i64) -> Result<SandboxClockView, AppError> {
    crate::services::provided()?
        .settings
        .advance_sandbox_clock(seconds)
}
