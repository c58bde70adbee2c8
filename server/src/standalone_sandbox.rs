//! `sms-scheduler sandbox`: both provider emulators alone on one port, for people integrating
//! against them. Octopush answers under `/octopush/v1/public`, Infobip under `/infobip`.

use axum::Router;
use secrecy::ExposeSecret;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;

use crate::clock::SystemClock;
use crate::configuration::SandboxSettings;
use crate::providers::infobip::sandbox::InfobipSandbox;
use crate::providers::octopush::sandbox::{OctopushSandbox, SandboxCredentials};

pub const OCTOPUSH_PATH: &str = "/octopush/v1/public";
pub const INFOBIP_PATH: &str = "/infobip";

/// Serves both sandboxes on `listen` until the process is stopped. Their credentials are printed:
/// they guard nothing but the emulators.
pub async fn run(listen: SocketAddr, settings: &SandboxSettings) -> std::io::Result<()> {
    let clock = Arc::new(SystemClock);
    let octopush_credentials = match (&settings.octopush.api_login, &settings.octopush.api_key) {
        (Some(api_login), Some(api_key)) => SandboxCredentials {
            api_login: api_login.clone(),
            api_key: api_key.clone(),
        },
        _ => SandboxCredentials::generate(),
    };
    let octopush = OctopushSandbox::new(
        octopush_credentials.clone(),
        settings.octopush.initial_balance,
        clock.clone(),
    );
    let infobip_key = settings
        .infobip
        .api_key
        .clone()
        .unwrap_or_else(InfobipSandbox::generated_key);
    let infobip = InfobipSandbox::new(infobip_key.clone(), settings.infobip.initial_balance, clock);
    let router = Router::new()
        .nest(OCTOPUSH_PATH, octopush.router())
        .nest(INFOBIP_PATH, infobip.router());

    let listener = TcpListener::bind(listen).await?;
    let address = listener.local_addr()?;
    println!("Octopush sandbox: http://{address}{OCTOPUSH_PATH}");
    println!("  api-login: {}", octopush_credentials.api_login);
    println!(
        "  api-key:   {}",
        octopush_credentials.api_key.expose_secret()
    );
    println!("Infobip sandbox:  http://{address}{INFOBIP_PATH}");
    println!("  Authorization: App {}", infobip_key.expose_secret());
    axum::serve(listener, router).await
}
