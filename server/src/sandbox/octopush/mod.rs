//! An emulator of Octopush's v1 API, mounted in the same server (or run alone) and reached over
//! real HTTP. It checks what Octopush checks and answers with Octopush's codes and bodies.
//! Sandbox prices and behaviours are documented in `docs/providers.md`.

mod coercion;
mod handlers;
mod state;
mod validation;

use axum::routing::{delete, get, post};
use axum::Router;
use secrecy::SecretString;
use std::sync::{Arc, Mutex};

use super::settings::OctopushSandboxSettings;
use crate::clock::SharedClock;
use crate::providers::octopush::callbacks::{
    format_octopush_date, DeliveryReportCallback, DeliveryStatus,
};
use crate::sandbox::outcome::{stage_at, Outcome, Stage, FINAL_AFTER};
use crate::sandbox::push::{push_forever, DueReport, ReportSource};
pub use state::SandboxState;
pub use validation::MissingStopMention;

/// Sandbox price of one SMS part, in euros, by route.
pub const PREMIUM_PRICE: f64 = 0.055;
pub const LOW_COST_PRICE: f64 = 0.035;

/// The credentials the sandbox accepts.
#[derive(Debug, Clone)]
pub struct SandboxCredentials {
    pub api_login: String,
    pub api_key: SecretString,
}

impl SandboxCredentials {
    /// Fresh credentials for a sandbox nobody configured: a random key, known only to this process.
    pub fn generate() -> Self {
        use rand::distributions::{Alphanumeric, DistString};
        Self {
            api_login: "sandbox@sms-scheduler.invalid".to_owned(),
            api_key: SecretString::from(Alphanumeric.sample_string(&mut rand::thread_rng(), 32)),
        }
    }
}

#[derive(Clone)]
pub struct OctopushSandbox {
    credentials: SandboxCredentials,
    delivery_report_url: Option<String>,
    missing_stop: MissingStopMention,
    state: Arc<Mutex<SandboxState>>,
    clock: SharedClock,
}

impl OctopushSandbox {
    pub fn new(credentials: SandboxCredentials, initial_balance: f64, clock: SharedClock) -> Self {
        Self {
            credentials,
            delivery_report_url: None,
            missing_stop: MissingStopMention::Refuse,
            state: Arc::new(Mutex::new(SandboxState::new(initial_balance))),
            clock,
        }
    }

    /// A sandbox as configured: the configured credentials, or fresh ones when none are set.
    pub fn from_settings(settings: &OctopushSandboxSettings, clock: SharedClock) -> Self {
        let credentials = match (&settings.api_login, &settings.api_key) {
            (Some(api_login), Some(api_key)) => SandboxCredentials {
                api_login: api_login.clone(),
                api_key: api_key.clone(),
            },
            _ => SandboxCredentials::generate(),
        };
        Self::new(credentials, settings.initial_balance, clock)
            .with_delivery_report_url(settings.delivery_report_url.clone())
            .with_missing_stop_mention(if settings.append_stop_mention {
                MissingStopMention::Append
            } else {
                MissingStopMention::Refuse
            })
    }

    /// Refuse (code 121/122) or append a missing STOP mention on marketing SMS.
    pub fn with_missing_stop_mention(mut self, behaviour: MissingStopMention) -> Self {
        self.missing_stop = behaviour;
        self
    }

    /// Where delivery reports are posted (none: they are not pushed).
    pub fn with_delivery_report_url(mut self, url: Option<String>) -> Self {
        self.delivery_report_url = url;
        self
    }

    /// Pushes delivery reports to the configured URL, for as long as it is polled (a worker).
    pub fn report_pusher(&self) -> impl std::future::Future<Output = ()> + Send + 'static {
        push_forever(Arc::new(self.clone()))
    }

    pub fn credentials(&self) -> &SandboxCredentials {
        &self.credentials
    }

    /// The API's routes, to be nested under the path that stands for `https://api.octopush.com/v1/public`.
    pub fn router(&self) -> Router {
        Router::new()
            .route("/sms-campaign/send", post(handlers::send_campaign))
            .route("/sms-campaign/cancel", delete(handlers::cancel_campaign))
            .route("/wallet/check-balance", get(handlers::check_balance))
            .with_state(self.clone())
    }

    /// Campaigns accepted so far (simulations excluded), for tests and the sandbox's own views.
    pub fn accepted_campaigns(&self) -> Vec<state::SandboxCampaign> {
        self.lock().campaigns.clone()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, SandboxState> {
        // A panic while holding the lock leaves plain data behind: keep serving it.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

fn delivery_status(outcome: Outcome) -> DeliveryStatus {
    match outcome {
        Outcome::Delivered => DeliveryStatus::Delivered,
        Outcome::Undeliverable => DeliveryStatus::NotDelivered,
        Outcome::Expired => DeliveryStatus::UnknownDelivery,
        Outcome::Rejected => DeliveryStatus::NotAllowed,
    }
}

impl ReportSource for OctopushSandbox {
    fn due_reports(&self) -> Vec<DueReport> {
        let Some(url) = &self.delivery_report_url else {
            return Vec::new();
        };
        let now = self.clock.now();
        let state = self.lock();
        let mut due = Vec::new();
        for campaign in state.campaigns.iter().filter(|c| !c.canceled) {
            let send_time = campaign
                .send_at
                .map_or(campaign.accepted_at, |at| at.with_timezone(&chrono::Utc));
            let unit_price = campaign.cost / f64::from(campaign.sms_needed.max(1));
            for number in &campaign.phone_numbers {
                let key = format!("{} {number}", campaign.ticket);
                let Stage::Done(outcome) = stage_at(number, send_time, now) else {
                    continue;
                };
                if state.pushed.contains(&key) {
                    continue;
                }
                let report = DeliveryReportCallback {
                    channel: Some("sms".into()),
                    message_id: campaign.ticket.clone(),
                    number: number.clone(),
                    status: delivery_status(outcome),
                    delivery_date: format_octopush_date(send_time + FINAL_AFTER),
                    unit_price: Some(unit_price),
                    list_name: None,
                    meta_data: Some(serde_json::json!({})),
                };
                if let Ok(body) = serde_json::to_value(report) {
                    due.push(DueReport {
                        key,
                        url: url.clone(),
                        body,
                    });
                }
            }
        }
        due
    }

    fn acknowledge(&self, key: &str) {
        self.lock().pushed.insert(key.to_owned());
    }
}
