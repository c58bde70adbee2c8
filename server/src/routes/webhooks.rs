//! The endpoints the providers post to after the hand-over: Octopush's delivery reports, replies
//! and STOPs, Infobip's delivery reports and inbound messages. Mounted under
//! `/webhooks/<secret>`: neither provider signs its calls, so the secret in the URL is the lock; a
//! call with any other segment is answered 404, as a path that does not exist.
//! Each answers as soon as the reports are recorded: 200 when taken (a repeat included), 400 when
//! the body cannot be read (retrying will not help), 503 when storage failed (the provider retries).

use app::models::EventSource;
use axum::body::Bytes;
use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;

use crate::providers::infobip::wire::{DeliveryReports, InboundMessages};
use crate::services::status_reports::IntakeError;
use crate::services::{IntakeSummary, ReportIntake};
use crate::storage::StoreError;
use crate::webhook_path::WEBHOOKS_PATH;
use crate::webhook_urls::WebhookUrls;

pub const OCTOPUSH_PATH: &str = "/octopush";
pub const INFOBIP_REPORTS_PATH: &str = "/infobip/reports";
pub const INFOBIP_INBOUND_PATH: &str = "/infobip/inbound";
/// Source recorded in the ledger for reports pushed by Infobip.
pub const INFOBIP_SOURCE: EventSource = EventSource::InfobipWebhook;

/// Where the routes are nested: below the base path, the secret a path parameter.
pub fn mount_path() -> String {
    format!("{WEBHOOKS_PATH}/{{secret}}")
}

/// The routes, to be nested at [`mount_path`]; only the secrets `accepted` open them.
pub fn routes(intake: ReportIntake, accepted: WebhookUrls) -> Router {
    Router::new()
        .route(OCTOPUSH_PATH, post(octopush))
        .route(INFOBIP_REPORTS_PATH, post(infobip_reports))
        .route(INFOBIP_INBOUND_PATH, post(infobip_inbound))
        .route_layer(middleware::from_fn_with_state(accepted, with_secret))
        .with_state(intake)
}

async fn with_secret(
    State(accepted): State<WebhookUrls>,
    Path(secret): Path<String>,
    request: Request,
    next: Next,
) -> Response {
    if accepted.accepts(&secret) {
        next.run(request).await
    } else {
        StatusCode::NOT_FOUND.into_response()
    }
}

async fn octopush(State(intake): State<ReportIntake>, body: Bytes) -> Response {
    match intake.octopush_callback(&body).await {
        Ok(summary) => taken("octopush", summary),
        Err(IntakeError::Body(error)) => unreadable("octopush", &error.to_string()),
        Err(IntakeError::Store(error)) => not_recorded("octopush", &error),
    }
}

async fn infobip_reports(State(intake): State<ReportIntake>, body: Bytes) -> Response {
    let reports: DeliveryReports = match serde_json::from_slice(&body) {
        Ok(reports) => reports,
        Err(error) => {
            return unreadable("infobip", &format!("not a delivery report body: {error}"))
        }
    };
    match intake
        .infobip_reports(&reports.results, INFOBIP_SOURCE)
        .await
    {
        Ok(summary) => taken("infobip", summary),
        Err(error) => not_recorded("infobip", &error),
    }
}

async fn infobip_inbound(State(intake): State<ReportIntake>, body: Bytes) -> Response {
    let messages: InboundMessages = match serde_json::from_slice(&body) {
        Ok(messages) => messages,
        Err(error) => {
            return unreadable("infobip", &format!("not an inbound message body: {error}"))
        }
    };
    match intake.infobip_inbound(&messages.results).await {
        Ok(summary) => taken("infobip", summary),
        Err(error) => not_recorded("infobip", &error),
    }
}

fn taken(provider: &'static str, summary: IntakeSummary) -> Response {
    crate::metrics::webhook_reports(provider, &summary);
    tracing::debug!(%provider, ?summary, "webhook taken");
    StatusCode::OK.into_response()
}

fn unreadable(provider: &'static str, why: &str) -> Response {
    crate::metrics::webhook_refused(provider);
    tracing::warn!(%provider, %why, "webhook body refused");
    (StatusCode::BAD_REQUEST, why.to_owned()).into_response()
}

fn not_recorded(provider: &'static str, error: &StoreError) -> Response {
    crate::metrics::webhook_refused(provider);
    tracing::error!(%provider, %error, "webhook not recorded");
    (
        StatusCode::SERVICE_UNAVAILABLE,
        "the report could not be recorded; send it again",
    )
        .into_response()
}
