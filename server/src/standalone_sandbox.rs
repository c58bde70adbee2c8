//! `sms-scheduler sandbox`: both provider emulators alone on one port, for people integrating
//! against them. Octopush answers under `/octopush/v1/public`, Infobip under `/infobip`, and the
//! sandbox clock under `/control`.

use axum::middleware::from_fn_with_state;
use axum::Router;
use secrecy::ExposeSecret;
use std::net::SocketAddr;
use std::sync::{Arc, RwLock};
use tokio::net::TcpListener;

use crate::clock::SandboxClock;
use crate::configuration::SandboxSettings;
use crate::providers::infobip::sandbox::InfobipSandbox;
use crate::providers::octopush::sandbox::OctopushSandbox;
use crate::providers::sandbox_faults::{self, SharedFaults};
use crate::routes::sandbox_control;
use crate::routes::sandbox_received::MountedSandboxes;

pub const OCTOPUSH_PATH: &str = "/octopush/v1/public";
pub const INFOBIP_PATH: &str = "/infobip";
pub const CONTROL_PATH: &str = "/control";

/// Serves both sandboxes on `listen` until the process is stopped. Their credentials are printed:
/// they guard nothing but the emulators.
pub async fn run(listen: SocketAddr, settings: &SandboxSettings) -> std::io::Result<()> {
    let clock = Arc::new(SandboxClock::default());
    let octopush = OctopushSandbox::from_settings(&settings.octopush, clock.clone());
    let infobip = InfobipSandbox::from_settings(&settings.infobip, clock.clone());
    octopush.spawn_report_pusher();
    infobip.spawn_report_pusher();
    let faults: SharedFaults = Arc::new(RwLock::new(settings.faults.clone()));
    let faulty =
        |router: Router| router.layer(from_fn_with_state(faults.clone(), sandbox_faults::inject));
    let router = Router::new()
        .nest(OCTOPUSH_PATH, faulty(octopush.router()))
        .nest(INFOBIP_PATH, faulty(infobip.router()))
        .nest(
            CONTROL_PATH,
            sandbox_control::routes(
                clock,
                faults.clone(),
                MountedSandboxes {
                    octopush: Some(octopush.clone()),
                    infobip: Some(infobip.clone()),
                },
            ),
        );

    let listener = TcpListener::bind(listen).await?;
    let address = listener.local_addr()?;
    println!("Octopush sandbox: http://{address}{OCTOPUSH_PATH}");
    let credentials = octopush.credentials();
    println!("  api-login: {}", credentials.api_login);
    println!("  api-key:   {}", credentials.api_key.expose_secret());
    println!("Infobip sandbox:  http://{address}{INFOBIP_PATH}");
    println!("Sandbox clock:    http://{address}{CONTROL_PATH}/clock (POST …/clock/advance {{\"seconds\": N}})");
    println!("  Authorization: App {}", infobip.api_key().expose_secret());
    axum::serve(listener, router).await
}
