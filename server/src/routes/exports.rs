//! Downloads a browser opens as plain links: a campaign's per-recipient results as CSV.

use app::models::RecipientStatus;
use app::models::Right;
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
    let authentication = &state.authentication;
    if let Err(refused) = sign_in::identify_with(
        authentication,
        &request.extensions,
        &request.headers,
        Right::Read,
    ) {
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
    match state.services.campaigns.recipients_csv(&id, status).await {
        Ok(csv) => {
            let file = match status {
                Some(status) => format!("campaign-{id}-{}.csv", status.as_str()),
                None => format!("campaign-{id}.csv"),
            };
            (
                [
                    (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
                    (
                        header::CONTENT_DISPOSITION,
                        format!("attachment; filename=\"{file}\""),
                    ),
                ],
                csv,
            )
                .into_response()
        }
        Err(error) => (status_of(&error), error.to_string()).into_response(),
    }
}
