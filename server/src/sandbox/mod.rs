//! The providers' emulators, a product of their own (`sms-scheduler sandbox`) and mounted in the app
//! when a provider has no credentials: Octopush's and Infobip's APIs on one clock, with faults to
//! inject, delivery reports pushed as the providers push them, and a control panel.

pub mod control;
pub mod faults;
pub mod infobip;
pub mod octopush;
pub mod outcome;
pub mod push;
pub mod received;
pub mod settings;
pub mod standalone;

use axum::body::Body;
use axum::http::Request;
use axum::middleware::{from_fn, from_fn_with_state, Next};
use axum::response::Response;
use axum::Router;
use futures_util::future::BoxFuture;
use std::sync::{Arc, RwLock};

use crate::clock::SandboxClock;
use crate::process::Workers;
use faults::SharedFaults;
use infobip::InfobipSandbox;
use octopush::OctopushSandbox;
use received::MountedSandboxes;
use settings::SandboxSettings;

/// Lets a request into the control panel (and sees how it ended) or answers it: the app's
/// sign-in and audit trail, where the sandboxes are mounted in it (run alone, they have no
/// sign-in of their own).
pub type ControlGate =
    Arc<dyn Fn(Request<Body>, Next) -> BoxFuture<'static, Response> + Send + Sync>;

/// Where each part is mounted, below the sandboxes' own path (`/sandbox` in the app, the root
/// when they run alone).
pub const OCTOPUSH_PATH: &str = "/octopush/v1/public";
pub const INFOBIP_PATH: &str = "/infobip";
pub const CONTROL_PATH: &str = "/control";

/// Both emulators, on one clock that the control routes can move forward, with the faults they
/// inject.
#[derive(Clone)]
pub struct Sandboxes {
    pub clock: Arc<SandboxClock>,
    pub octopush: OctopushSandbox,
    pub infobip: InfobipSandbox,
    faults: SharedFaults,
}

impl Sandboxes {
    pub fn from_settings(settings: &SandboxSettings) -> Self {
        let clock = Arc::new(SandboxClock::default());
        Self {
            octopush: OctopushSandbox::from_settings(&settings.octopush, clock.clone()),
            infobip: InfobipSandbox::from_settings(&settings.infobip, clock.clone()),
            faults: Arc::new(RwLock::new(settings.faults.clone())),
            clock,
        }
    }

    /// Octopush's reports go to `url` unless the settings named a URL of their own.
    pub fn reporting_to(mut self, settings: &SandboxSettings, url: String) -> Self {
        if settings.octopush.delivery_report_url.is_none() {
            self.octopush = self.octopush.with_delivery_report_url(Some(url));
        }
        self
    }

    /// Both APIs (behind the fault layer) and the control panel (behind `gate`, when given), to
    /// be nested under one path.
    pub fn router(&self, gate: Option<ControlGate>) -> Router {
        let faulty =
            |router: Router| router.layer(from_fn_with_state(self.faults.clone(), faults::inject));
        let control = control::routes(
            self.clock.clone(),
            self.faults.clone(),
            MountedSandboxes {
                octopush: Some(self.octopush.clone()),
                infobip: Some(self.infobip.clone()),
            },
        );
        let control = match gate {
            Some(gate) => control.layer(from_fn(move |request: Request<Body>, next: Next| {
                gate(request, next)
            })),
            None => control,
        };
        Router::new()
            .nest(OCTOPUSH_PATH, faulty(self.octopush.router()))
            .nest(INFOBIP_PATH, faulty(self.infobip.router()))
            .nest(CONTROL_PATH, control)
    }

    /// The report pushers, which post delivery reports as the providers do.
    pub fn workers(&self) -> Workers {
        let mut workers = Workers::default();
        workers.add("octopush-sandbox-reports", self.octopush.report_pusher());
        workers.add("infobip-sandbox-reports", self.infobip.report_pusher());
        workers
    }
}
