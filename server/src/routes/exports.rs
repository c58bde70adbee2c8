//! Downloads a browser opens as plain links: a campaign's per-recipient results, and the audit
//! trail, as CSV.

use app::models::{AppError, AuditAction, AuditFilter, RecipientStatus, Right};
use axum::extract::{Path, Query, State};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::error_status::status_of;
use super::server_fns::ServerFnState;
use super::sign_in;

#[derive(Debug, Deserialize)]
pub struct ExportQuery {
    /// Only recipients in this status (its stored name); absent or empty: all.
    #[serde(default)]
    pub status: String,
}

/// `GET …/export/campaigns/{id}/recipients.csv[?status=delivered]`
pub async fn campaign_recipients(
    State(state): State<ServerFnState>,
    Path(id): Path<String>,
    Query(query): Query<ExportQuery>,
    request: Parts,
) -> Response {
    if let Err(refused) = sign_in::identify_with(
        &state.gate,
        &request.extensions,
        &request.headers,
        Right::Read,
    )
    .await
    {
        return refused.into_response();
    }
    let status = match query.status.as_str() {
        "" => None,
        name => match RecipientStatus::parse(name) {
            Some(status) => Some(status),
            None => {
                let known: Vec<&str> = RecipientStatus::ALL.iter().map(|s| s.as_str()).collect();
                let message = format!(
                    "Unknown status {name:?}; expected one of {}.",
                    known.join(", ")
                );
                return (StatusCode::BAD_REQUEST, message).into_response();
            }
        },
    };
    let file = match status {
        Some(status) => format!("campaign-{id}-{}.csv", status.as_str()),
        None => format!("campaign-{id}.csv"),
    };
    csv_file(
        &file,
        state.services.campaigns.recipients_csv(&id, status).await,
    )
}

/// The audit trail's filters as a link carries them (each optional; the action by its stored name).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AuditExportQuery {
    pub actor: String,
    pub action: String,
    pub campaign_id: String,
    pub from: String,
    pub until: String,
    pub time_zone: String,
}

/// `GET …/export/audit.csv[?actor=…&action=…&campaign_id=…&from=YYYY-MM-DD&until=YYYY-MM-DD&time_zone=…]`
pub async fn audit_trail(
    State(state): State<ServerFnState>,
    Query(query): Query<AuditExportQuery>,
    request: Parts,
) -> Response {
    if let Err(refused) = sign_in::identify_with(
        &state.gate,
        &request.extensions,
        &request.headers,
        Right::ReadAudit,
    )
    .await
    {
        return refused.into_response();
    }
    let action = match query.action.as_str() {
        "" => None,
        name => match AuditAction::parse(name) {
            Some(action) => Some(action),
            None => {
                let known: Vec<&str> = AuditAction::ALL.iter().map(|a| a.as_str()).collect();
                let message = format!(
                    "Unknown action {name:?}; expected one of {}.",
                    known.join(", ")
                );
                return (StatusCode::BAD_REQUEST, message).into_response();
            }
        },
    };
    let filter = AuditFilter {
        actor: query.actor,
        action,
        campaign_id: query.campaign_id,
        from: query.from,
        until: query.until,
        time_zone: query.time_zone,
    };
    csv_file("audit.csv", state.services.audit.csv(filter).await)
}

fn csv_file(file: &str, csv: Result<String, AppError>) -> Response {
    match csv {
        Ok(csv) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{file}\""),
                ),
            ],
            csv,
        )
            .into_response(),
        Err(error) => (status_of(&error), in_words(&error)).into_response(),
    }
}

/// The error in English, each field's problem named (a download has no form to show them on).
fn in_words(error: &AppError) -> String {
    match error {
        AppError::Invalid(errors) => errors
            .iter()
            .map(|e| format!("{}: {}", e.field.id(), e.problem))
            .collect::<Vec<_>>()
            .join("\n"),
        other => other.to_string(),
    }
}
