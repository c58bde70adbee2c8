//! Scheduled bulks: `GET/PUT /sms/1/bulks` (send time) and `GET/PUT /sms/1/bulks/status`.

use axum::extract::{FromRequestParts, Query, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;

use super::errors::{exception, Authorized};
use super::send_time::read_send_at;
use super::state::BulkRefusal;
use super::InfobipSandbox;
use crate::providers::infobip::wire::{
    format_send_at, BulkSchedule, BulkStatusResponse, RescheduleRequest, UpdateStatusRequest,
};

fn refusal(refusal: BulkRefusal) -> Response {
    match refusal {
        BulkRefusal::NotFound => exception(StatusCode::NOT_FOUND, "NOT_FOUND", "Bulk not found"),
        BulkRefusal::BadRequest(text) => exception(StatusCode::BAD_REQUEST, "BAD_REQUEST", &text),
    }
}

/// The `bulkId` query parameter of an authorized request.
pub struct BulkId(String);

impl FromRequestParts<InfobipSandbox> for BulkId {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        sandbox: &InfobipSandbox,
    ) -> Result<Self, Response> {
        Authorized::from_request_parts(parts, sandbox).await?;
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct BulkQuery {
            bulk_id: Option<String>,
        }
        let query = Query::<BulkQuery>::try_from_uri(&parts.uri).ok();
        match query
            .and_then(|Query(q)| q.bulk_id)
            .filter(|id| !id.is_empty())
        {
            Some(id) => Ok(BulkId(id)),
            None => Err(exception(
                StatusCode::BAD_REQUEST,
                "BAD_REQUEST",
                "bulkId is required",
            )),
        }
    }
}

pub async fn bulk_schedule(State(sandbox): State<InfobipSandbox>, BulkId(id): BulkId) -> Response {
    match sandbox.lock().scheduled(&id) {
        Ok(bulk) => Json(BulkSchedule {
            bulk_id: Some(id),
            send_at: bulk.send_at.map(format_send_at),
        })
        .into_response(),
        Err(error) => refusal(error),
    }
}

/// `PUT /sms/1/bulks`: the guide's own call sends `"sendAt": "2022-08-25T16:00:00"`, read as UTC.
pub async fn reschedule(
    State(sandbox): State<InfobipSandbox>,
    BulkId(id): BulkId,
    body: String,
) -> Response {
    let Some(send_at) = serde_json::from_str::<RescheduleRequest>(&body)
        .ok()
        .and_then(|b| read_send_at(&b.send_at))
    else {
        return exception(
            StatusCode::BAD_REQUEST,
            "BAD_REQUEST",
            "sendAt must be yyyy-MM-dd'T'HH:mm:ss.SSSZ",
        );
    };
    let now = sandbox.clock.now();
    match sandbox.lock().reschedule(&id, send_at, now) {
        Ok(()) => Json(BulkSchedule {
            bulk_id: Some(id),
            send_at: Some(format_send_at(send_at)),
        })
        .into_response(),
        Err(error) => refusal(error),
    }
}

pub async fn bulk_status(State(sandbox): State<InfobipSandbox>, BulkId(id): BulkId) -> Response {
    let now = sandbox.clock.now();
    match sandbox.lock().scheduled(&id) {
        Ok(bulk) => Json(BulkStatusResponse {
            bulk_id: Some(id),
            status: Some(bulk.status(now)),
        })
        .into_response(),
        Err(error) => refusal(error),
    }
}

pub async fn update_bulk_status(
    State(sandbox): State<InfobipSandbox>,
    BulkId(id): BulkId,
    body: String,
) -> Response {
    let Ok(UpdateStatusRequest { status }) = serde_json::from_str(&body) else {
        return exception(
            StatusCode::BAD_REQUEST,
            "BAD_REQUEST",
            "status must be one of PAUSED, PROCESSING, PENDING, CANCELED",
        );
    };
    let now = sandbox.clock.now();
    match sandbox.lock().change_status(&id, status, now) {
        Ok(()) => Json(BulkStatusResponse {
            bulk_id: Some(id),
            status: Some(status),
        })
        .into_response(),
        Err(error) => refusal(error),
    }
}
