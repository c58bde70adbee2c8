//! The sandboxes' control panel (mounted only with them): read and move the sandbox clock, so a
//! person or a test can reach a campaign's send time and watch its statuses change; read and set the
//! faults the sandboxes inject.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::Duration;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

use crate::clock::{Clock, SandboxClock};
use crate::providers::sandbox_faults::{Faults, SharedFaults};

/// Longest single step, to catch a unit mistake (milliseconds sent as seconds) early.
const MAX_STEP_DAYS: i64 = 366;

#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct ClockView {
    /// The sandboxes' present, RFC 3339.
    pub now: String,
    /// How far ahead of real time they are.
    pub offset_seconds: i64,
}

#[derive(Debug, Deserialize)]
pub struct Advance {
    pub seconds: i64,
}

pub fn routes(clock: Arc<SandboxClock>, faults: SharedFaults) -> Router {
    let clock_routes = Router::new()
        .route("/clock", get(read))
        .route("/clock/advance", post(advance))
        .with_state(clock);
    let fault_routes = Router::new()
        .route("/faults", get(read_faults).put(set_faults))
        .with_state(faults);
    clock_routes.merge(fault_routes)
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

fn view(clock: &SandboxClock) -> Json<ClockView> {
    Json(ClockView {
        now: clock.now().to_rfc3339(),
        offset_seconds: clock.offset().num_seconds(),
    })
}

async fn read(State(clock): State<Arc<SandboxClock>>) -> Json<ClockView> {
    view(&clock)
}

async fn advance(State(clock): State<Arc<SandboxClock>>, Json(step): Json<Advance>) -> Response {
    if step.seconds <= 0 || step.seconds > MAX_STEP_DAYS * 86_400 {
        let message = format!(
            "seconds must be between 1 and {} (a year)",
            MAX_STEP_DAYS * 86_400
        );
        return (StatusCode::BAD_REQUEST, message).into_response();
    }
    clock.advance(Duration::seconds(step.seconds));
    view(&clock).into_response()
}
