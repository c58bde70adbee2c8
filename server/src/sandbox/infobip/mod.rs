//! An emulator of Infobip's SMS API (the endpoints this app uses), mounted in the same server or run
//! alone, answering with the official spec's shapes, status codes and both error envelopes.

mod bulks;
mod errors;
mod legacy_wire;
mod network;
mod preview;
mod query;
mod reports;
mod send;
mod send_other;
mod send_time;
mod state;
mod status;
mod unemulated;

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use secrecy::SecretString;
use std::sync::{Arc, Mutex};

use super::settings::InfobipSandboxSettings;
use crate::clock::SharedClock;
use crate::providers::infobip::wire::{AccountBalance, DeliveryReports};
use crate::sandbox::push::{push_forever, DueReport, ReportSource};
pub use state::{SandboxBulk, SandboxState};

/// Sandbox price of one SMS part, in euros.
pub const PART_PRICE: f64 = 0.045;
/// The opt-out mention of the sandbox's account, as a real account's STOP number would be set.
pub const STOP_MENTION: &str = "STOP au 36111";

#[derive(Clone)]
pub struct InfobipSandbox {
    api_key: SecretString,
    state: Arc<Mutex<SandboxState>>,
    clock: SharedClock,
}

impl InfobipSandbox {
    pub fn new(api_key: SecretString, initial_balance: f64, clock: SharedClock) -> Self {
        Self {
            api_key,
            state: Arc::new(Mutex::new(SandboxState::new(initial_balance))),
            clock,
        }
    }

    /// A sandbox nobody configured: a random key known only to this process.
    pub fn generated_key() -> SecretString {
        use rand::distributions::{Alphanumeric, DistString};
        SecretString::from(Alphanumeric.sample_string(&mut rand::thread_rng(), 40))
    }

    /// A sandbox as configured: the configured key, or a fresh one when none is set.
    pub fn from_settings(settings: &InfobipSandboxSettings, clock: SharedClock) -> Self {
        let api_key = settings.api_key.clone().unwrap_or_else(Self::generated_key);
        Self::new(api_key, settings.initial_balance, clock)
    }

    pub fn api_key(&self) -> &SecretString {
        &self.api_key
    }

    /// The API's routes, to be nested under the path that stands for the account's base URL: every
    /// operation of the official SMS spec, and the account balance.
    pub fn router(&self) -> Router {
        Router::new()
            .route("/sms/3/messages", post(send::send))
            .route("/sms/3/text/query", get(send_other::send_query))
            .route("/sms/2/text/advanced", post(send_other::send_advanced))
            .route("/sms/2/binary/advanced", post(unemulated::binary))
            .route("/sms/1/text/query", get(unemulated::query_with_password))
            .route(
                "/sms/1/bulks",
                get(bulks::bulk_schedule).put(bulks::reschedule),
            )
            .route(
                "/sms/1/bulks/status",
                get(bulks::bulk_status).put(bulks::update_bulk_status),
            )
            .route("/sms/1/preview", post(preview::preview_text))
            .route("/sms/3/reports", get(reports::reports))
            .route("/sms/3/logs", get(reports::logs))
            .route("/sms/1/reports", get(reports::reports_v1))
            .route("/sms/1/logs", get(reports::logs_v1))
            .route("/sms/1/inbox/reports", get(reports::inbox))
            .route(
                "/ct/1/log/end/{message_id}",
                post(unemulated::conversion_end_tag),
            )
            .route("/account/1/balance", get(balance))
            .with_state(self.clone())
    }

    /// Bulks accepted so far, for tests and the sandbox's own views.
    pub fn bulks(&self) -> Vec<SandboxBulk> {
        self.lock().bulks.clone()
    }

    /// Pushes delivery reports to the messages' webhooks, for as long as it is polled (a worker).
    pub fn report_pusher(&self) -> impl std::future::Future<Output = ()> + Send + 'static {
        push_forever(Arc::new(self.clone()))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, SandboxState> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl ReportSource for InfobipSandbox {
    fn due_reports(&self) -> Vec<DueReport> {
        let now = self.clock.now();
        self.lock()
            .unpushed(now)
            .into_iter()
            .filter_map(|(bulk, message, outcome)| {
                let report = reports::delivery_report(&bulk, &message, outcome);
                let body = serde_json::to_value(DeliveryReports {
                    results: vec![report],
                })
                .ok()?;
                Some(DueReport {
                    key: message.message_id.clone(),
                    url: message.notify_url?,
                    body,
                })
            })
            .collect()
    }

    fn acknowledge(&self, key: &str) {
        self.lock().mark_pushed(key);
    }
}

async fn balance(State(sandbox): State<InfobipSandbox>, _: errors::Authorized) -> Response {
    let balance = (sandbox.lock().balance * 10_000.0).round() / 10_000.0;
    Json(AccountBalance {
        balance,
        currency: "EUR".into(),
    })
    .into_response()
}
