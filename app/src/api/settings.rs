use leptos::prelude::*;
use leptos::server_fn::codec::{Json, Postcard};

use crate::models::{AppError, SandboxClockView, ServerSettings, SignedIn};

/// Who the server sees in this request: the page names them and leaves out what they may not do.
#[server(endpoint = "who_am_i", input = Json, output = Postcard)]
pub async fn who_am_i() -> Result<SignedIn, AppError> {
    crate::services::signed_in()
}

#[server(endpoint = "read_settings", input = Json, output = Postcard)]
pub async fn read_settings() -> Result<ServerSettings, AppError> {
    crate::services::allowed(crate::models::Right::Read)?;
    Ok(crate::services::provided()?.settings.settings())
}

#[server(endpoint = "read_sandbox_clock", input = Json, output = Postcard)]
pub async fn read_sandbox_clock() -> Result<SandboxClockView, AppError> {
    crate::services::allowed(crate::models::Right::Read)?;
    crate::services::provided()?.settings.sandbox_clock()
}

#[server(endpoint = "advance_sandbox_clock", input = Json, output = Postcard)]
pub async fn advance_sandbox_clock(seconds: i64) -> Result<SandboxClockView, AppError> {
    let actor = crate::services::actor()?;
    let services = crate::services::provided()?;
    let subject = crate::models::AuditSubject::clock_move(seconds);
    crate::services::audited(
        &actor,
        crate::models::Right::SandboxControl,
        crate::models::AuditAction::MoveSandboxClock,
        subject,
        async { services.settings.advance_sandbox_clock(seconds) },
        |_, _| {},
    )
    .await
}
