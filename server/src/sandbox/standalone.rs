//! `sms-scheduler sandbox`: both provider emulators alone on one port, for people integrating
//! against them. Octopush answers under `/octopush/v1/public`, Infobip under `/infobip`, and the
//! sandbox clock under `/control`.

use secrecy::ExposeSecret;
use std::net::SocketAddr;

use super::settings::SandboxSettings;
use super::{Sandboxes, CONTROL_PATH, INFOBIP_PATH, OCTOPUSH_PATH};
use crate::process::{Api, Workers};

/// The sandboxes alone, bound to their address and not yet serving.
pub struct Standalone {
    pub api: Api,
    pub workers: Workers,
    pub sandboxes: Sandboxes,
    pub address: SocketAddr,
}

/// Binds both sandboxes to `listen`, mounted at the root.
pub async fn build(listen: SocketAddr, settings: &SandboxSettings) -> std::io::Result<Standalone> {
    let sandboxes = Sandboxes::from_settings(settings);
    let api = Api::bind(listen).await?.with_router(sandboxes.router(None));
    Ok(Standalone {
        address: api.address()?,
        workers: sandboxes.workers(),
        api,
        sandboxes,
    })
}

impl Standalone {
    /// Where each part answers, and the credentials: they guard nothing but the emulators.
    pub fn announce(&self) {
        let address = self.address;
        println!("Octopush sandbox: http://{address}{OCTOPUSH_PATH}");
        let credentials = self.sandboxes.octopush.credentials();
        println!("  api-login: {}", credentials.api_login);
        println!("  api-key:   {}", credentials.api_key.expose_secret());
        println!("Infobip sandbox:  http://{address}{INFOBIP_PATH}");
        println!("Sandbox clock:    http://{address}{CONTROL_PATH}/clock (POST …/clock/advance {{\"seconds\": N}})");
        println!(
            "  Authorization: App {}",
            self.sandboxes.infobip.api_key().expose_secret()
        );
    }
}
