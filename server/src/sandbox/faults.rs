//! Fault injection for the sandboxes: a layer around either emulator that makes it slow, failing,
//! rate-limiting, silent or cut off, so the rest of the system can be tested against a bad day.
//! Each request draws one fault at random from the configured shares.

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use std::sync::{Arc, RwLock};
use std::time::Duration;

/// Shares are between 0 and 1, drawn in this order; together at most 1.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Faults {
    /// Added to every answer.
    pub latency_ms: u64,
    /// Answered 503 without being handled.
    pub server_error_share: f64,
    /// Answered 429 with `Retry-After: retry_after_seconds`, without being handled.
    pub rate_limit_share: f64,
    pub retry_after_seconds: u64,
    /// Never answered (the caller's time-out fires), without being handled.
    pub timeout_share: f64,
    /// The connection is cut before the request is handled.
    pub drop_before_share: f64,
    /// Handled, then the connection is cut before the answer: the caller cannot know it succeeded.
    pub drop_after_share: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fault {
    None,
    ServerError,
    RateLimited,
    Timeout,
    DropBefore,
    DropAfter,
}

impl Faults {
    pub fn validate(&self) -> Result<(), String> {
        let shares = [
            self.server_error_share,
            self.rate_limit_share,
            self.timeout_share,
            self.drop_before_share,
            self.drop_after_share,
        ];
        if shares.iter().any(|s| !(0.0..=1.0).contains(s)) {
            return Err("each share must be between 0 and 1".into());
        }
        if shares.iter().sum::<f64>() > 1.0 + f64::EPSILON {
            return Err("the shares add up to more than 1".into());
        }
        Ok(())
    }

    /// The fault for a draw `roll` in [0, 1).
    fn pick(&self, roll: f64) -> Fault {
        let mut threshold = 0.0;
        for (share, fault) in [
            (self.server_error_share, Fault::ServerError),
            (self.rate_limit_share, Fault::RateLimited),
            (self.timeout_share, Fault::Timeout),
            (self.drop_before_share, Fault::DropBefore),
            (self.drop_after_share, Fault::DropAfter),
        ] {
            threshold += share;
            if roll < threshold {
                return fault;
            }
        }
        Fault::None
    }
}

/// The faults in force, shared by the sandboxes and their control routes.
pub type SharedFaults = Arc<RwLock<Faults>>;

/// Middleware: wrap a sandbox router with `axum::middleware::from_fn_with_state(faults, inject)`.
pub async fn inject(State(faults): State<SharedFaults>, request: Request, next: Next) -> Response {
    let faults = faults
        .read()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .clone();
    if faults.latency_ms > 0 {
        tokio::time::sleep(Duration::from_millis(faults.latency_ms)).await;
    }
    match faults.pick(rand::random::<f64>()) {
        Fault::None => next.run(request).await,
        Fault::ServerError => (
            StatusCode::SERVICE_UNAVAILABLE,
            "Service unavailable (sandbox fault)",
        )
            .into_response(),
        Fault::RateLimited => (
            StatusCode::TOO_MANY_REQUESTS,
            [(header::RETRY_AFTER, faults.retry_after_seconds.to_string())],
            "Too many requests (sandbox fault)",
        )
            .into_response(),
        Fault::Timeout => {
            // Longer than any client's time-out; the task ends with the server.
            tokio::time::sleep(Duration::from_secs(3600)).await;
            StatusCode::GATEWAY_TIMEOUT.into_response()
        }
        Fault::DropBefore => cut_off(),
        Fault::DropAfter => {
            let _handled = next.run(request).await;
            cut_off()
        }
    }
}

/// An answer whose body fails mid-way, so the connection is closed without a readable answer.
fn cut_off() -> Response {
    let failing = futures_util::stream::once(async {
        Err::<Bytes, std::io::Error>(std::io::Error::new(
            std::io::ErrorKind::ConnectionReset,
            "sandbox fault",
        ))
    });
    Response::new(Body::from_stream(failing))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draw_falls_in_the_shares_in_order() {
        let faults = Faults {
            server_error_share: 0.2,
            drop_after_share: 0.3,
            ..Faults::default()
        };
        assert_eq!(faults.pick(0.1), Fault::ServerError);
        assert_eq!(faults.pick(0.3), Fault::DropAfter);
        assert_eq!(faults.pick(0.6), Fault::None);
        assert_eq!(Faults::default().pick(0.0), Fault::None);
    }

    #[test]
    fn shares_must_be_proportions_that_fit_in_one() {
        assert!(Faults {
            timeout_share: 1.5,
            ..Faults::default()
        }
        .validate()
        .is_err());
        assert!(Faults {
            timeout_share: 0.6,
            drop_before_share: 0.6,
            ..Faults::default()
        }
        .validate()
        .is_err());
        assert!(Faults {
            timeout_share: 0.5,
            drop_before_share: 0.5,
            ..Faults::default()
        }
        .validate()
        .is_ok());
    }
}
