//! `GET {base}/metrics`: the Prometheus exposition of `crate::metrics`, with the ledger's open
//! provider requests read at each scrape. Not behind sign-in (a scraper has none); behind a bearer
//! token when `metrics.token` is set.

use app::models::ProviderId;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use metrics_exporter_prometheus::PrometheusHandle;
use secrecy::{ExposeSecret, SecretString};
use subtle::ConstantTimeEq;

use crate::metrics;
use crate::storage::{Store, SubmissionStatus};

#[derive(Clone)]
pub struct Scrape {
    pub handle: PrometheusHandle,
    pub store: Store,
    pub token: Option<SecretString>,
}

/// The statuses of a provider request whose outcome is not established.
const OPEN: [SubmissionStatus; 3] = [
    SubmissionStatus::Pending,
    SubmissionStatus::Unknown,
    SubmissionStatus::Unconfirmed,
];

pub async fn scrape(State(scrape): State<Scrape>, headers: HeaderMap) -> Response {
    if let Some(token) = &scrape.token {
        let sent = headers
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer "))
            .unwrap_or_default();
        if !bool::from(sent.as_bytes().ct_eq(token.expose_secret().as_bytes())) {
            let mut refused =
                (StatusCode::UNAUTHORIZED, "a bearer token is needed").into_response();
            refused
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            return refused;
        }
    }
    match scrape.store.open_submissions().await {
        Ok(open) => {
            for provider in ProviderId::ALL {
                for status in OPEN {
                    let count = open
                        .iter()
                        .find(|(p, s, _)| *p == provider && *s == status)
                        .map_or(0, |(_, _, count)| *count);
                    metrics::open_requests(provider, status.as_str(), count);
                }
            }
        }
        // The rest is still worth reading; the gauges keep their last values.
        Err(error) => tracing::error!(%error, "open provider requests not read for the metrics"),
    }
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
        )],
        scrape.handle.render(),
    )
        .into_response()
}
