//! The sandboxes' control panel (mounted only with them): read and move the sandbox clock, so a
//! person or a test can reach a campaign's send time and watch its statuses change.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::Duration;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

use crate::clock::{Clock, SandboxClock};

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

pub fn routes(clock: Arc<SandboxClock>) -> Router {
    Router::new()
        .route("/clock", get(read))
        .route("/clock/advance", post(advance))
        .with_state(clock)
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
