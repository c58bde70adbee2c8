//! The sandboxes' control panel (mounted only with them): read and move the sandbox clock, so a
//! person or a test can reach a campaign's send time and watch its statuses change; read and set the
//! faults the sandboxes inject; list what they received (`received`).

use app::models::SandboxClockView;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use std::sync::Arc;

use crate::clock::SandboxClock;
use crate::sandbox::faults::{Faults, SharedFaults};
use crate::sandbox::received::{self, MountedSandboxes};

#[derive(Debug, Deserialize)]
pub struct Advance {
    pub seconds: i64,
}

pub fn routes(
    clock: Arc<SandboxClock>,
    faults: SharedFaults,
    sandboxes: MountedSandboxes,
) -> Router {
    let clock_routes = Router::new()
        .route("/clock", get(read))
        .route("/clock/advance", post(advance))
        .with_state(clock);
    let fault_routes = Router::new()
        .route("/faults", get(read_faults).put(set_faults))
        .with_state(faults);
    let received_routes = Router::new()
        .route("/received", get(received::received))
        .with_state(sandboxes);
    clock_routes.merge(fault_routes).merge(received_routes)
}

async fn read_faults(State(faults): State<SharedFaults>) -> Json<Faults> {
    Json(
        faults
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone(),
    )
}

/// Replaces the faults in force (all fields; absent ones are zero).
async fn set_faults(State(faults): State<SharedFaults>, Json(wanted): Json<Faults>) -> Response {
    if let Err(problem) = wanted.validate() {
        return (StatusCode::BAD_REQUEST, problem).into_response();
    }
    *faults
        .write()
        .unwrap_or_else(|poisoned| poisoned.into_inner()) = wanted.clone();
    Json(wanted).into_response()
}

fn view(clock: &SandboxClock) -> Json<SandboxClockView> {
    Json(clock.view())
}

async fn read(State(clock): State<Arc<SandboxClock>>) -> Json<SandboxClockView> {
    view(&clock)
}

async fn advance(State(clock): State<Arc<SandboxClock>>, Json(step): Json<Advance>) -> Response {
    match clock.step_forward(step.seconds) {
        Ok(()) => view(&clock).into_response(),
        Err(refusal) => (StatusCode::BAD_REQUEST, refusal.to_string()).into_response(),
    }
}
