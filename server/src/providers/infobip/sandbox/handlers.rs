use app::domain::message::analyze;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::Utc;
use secrecy::ExposeSecret;
use serde::Deserialize;
use std::collections::HashSet;

use super::state::{BulkRefusal, SandboxMessage, MAX_AHEAD};
use super::{InfobipSandbox, PART_PRICE};
use crate::providers::infobip::wire::{
    format_send_at, parse_send_at, AccountBalance, ApiError, ApiException, BulkSchedule,
    BulkStatusResponse, MessageDetails, MessageResponse, MessageStatus, RescheduleRequest,
    SendRequest, SendResponse, UpdateStatusRequest, Violation,
};

fn exception(status: StatusCode, message_id: &str, text: &str) -> Response {
    (status, Json(ApiException::new(message_id, text))).into_response()
}

fn refusal(refusal: BulkRefusal) -> Response {
    match refusal {
        BulkRefusal::NotFound => exception(StatusCode::NOT_FOUND, "NOT_FOUND", "Bulk not found"),
        BulkRefusal::BadRequest(text) => exception(StatusCode::BAD_REQUEST, "BAD_REQUEST", &text),
    }
}

fn authenticated(sandbox: &InfobipSandbox, headers: &HeaderMap) -> bool {
    let expected = format!("App {}", sandbox.api_key().expose_secret());
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        == Some(expected.as_str())
}

fn unauthorized() -> Response {
    exception(
        StatusCode::UNAUTHORIZED,
        "UNAUTHORIZED",
        "Invalid login details",
    )
}

fn violations(found: Vec<(String, String)>) -> Response {
    let body = ApiError {
        error_code: "E400".into(),
        description: "Request cannot be processed.".into(),
        action: "Check the syntax, violations and adjust the request.".into(),
        violations: found
            .into_iter()
            .map(|(property, violation)| Violation {
                property,
                violation,
            })
            .collect(),
        resources: Vec::new(),
    };
    (StatusCode::BAD_REQUEST, Json(body)).into_response()
}

fn valid_sender(sender: &str) -> bool {
    let numeric = sender.chars().all(|c| c.is_ascii_digit()) && (3..=16).contains(&sender.len());
    let alphanumeric = sender
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == ' ')
        && (3..=11).contains(&sender.len());
    numeric || alphanumeric
}

fn valid_destination(to: &str) -> bool {
    let digits = to.strip_prefix('+').unwrap_or(to);
    (6..=15).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit())
}

pub async fn send(
    State(sandbox): State<InfobipSandbox>,
    headers: HeaderMap,
    body: String,
) -> Response {
    if !authenticated(&sandbox, &headers) {
        return unauthorized();
    }
    let request: SendRequest = match serde_json::from_str(&body) {
        Ok(request) => request,
        Err(error) => return violations(vec![("body".into(), error.to_string())]),
    };
    let now = sandbox.clock.now();
    let mut found = Vec::new();
    let schedule = request
        .options
        .as_ref()
        .and_then(|o| o.schedule.clone())
        .unwrap_or_default();
    let send_at = match schedule
        .send_at
        .as_deref()
        .map(|raw| (raw, parse_send_at(raw)))
    {
        None => None,
        Some((_, Some(at))) => {
            let at = at.with_timezone(&Utc);
            if at > now + MAX_AHEAD {
                found.push((
                    "options.schedule.sendAt".into(),
                    "must be at most 180 days ahead".into(),
                ));
            }
            // A time already passed is sent at once.
            (at > now).then_some(at)
        }
        Some((raw, None)) => {
            found.push((
                "options.schedule.sendAt".into(),
                format!("'{raw}' is not yyyy-MM-dd'T'HH:mm:ss.SSSZ"),
            ));
            None
        }
    };

    let state = sandbox.lock();
    if let Some(bulk_id) = &schedule.bulk_id {
        if bulk_id.is_empty() || bulk_id.len() > 100 {
            found.push((
                "options.schedule.bulkId".into(),
                "size must be between 1 and 100".into(),
            ));
        } else if state.bulk_known(bulk_id) {
            found.push(("options.schedule.bulkId".into(), "already used".into()));
        }
    }
    if request.messages.is_empty() {
        found.push(("messages".into(), "must not be empty".into()));
    }
    let mut ids_in_request = HashSet::new();
    let mut accepted = Vec::new();
    for (i, message) in request.messages.iter().enumerate() {
        if message.content.text.trim().is_empty() {
            found.push((
                format!("messages[{i}].content.text"),
                "must not be blank".into(),
            ));
        }
        if let Some(sender) = &message.sender {
            if !valid_sender(sender) {
                found.push((
                    format!("messages[{i}].sender"),
                    "must be 3-11 letters and digits or 3-16 digits".into(),
                ));
            }
        }
        if message.destinations.is_empty() {
            found.push((
                format!("messages[{i}].destinations"),
                "must not be empty".into(),
            ));
        }
        let parts = u32::try_from(analyze(&message.content.text).parts).unwrap_or(u32::MAX);
        for (j, destination) in message.destinations.iter().enumerate() {
            if !valid_destination(&destination.to) {
                found.push((
                    format!("messages[{i}].destinations[{j}].to"),
                    "must be a number in international format".into(),
                ));
            }
            let message_id = destination
                .message_id
                .clone()
                .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
            if message_id.is_empty() || message_id.len() > 200 {
                found.push((
                    format!("messages[{i}].destinations[{j}].messageId"),
                    "size must be between 1 and 200".into(),
                ));
            } else if state.message_id_known(&message_id)
                || !ids_in_request.insert(message_id.clone())
            {
                found.push((
                    format!("messages[{i}].destinations[{j}].messageId"),
                    "must be unique".into(),
                ));
            }
            accepted.push(SandboxMessage {
                message_id,
                to: destination.to.trim_start_matches('+').to_owned(),
                parts,
            });
        }
    }
    drop(state);
    if !found.is_empty() {
        return violations(found);
    }

    let cost = accepted
        .iter()
        .map(|m| f64::from(m.parts) * PART_PRICE)
        .sum::<f64>();
    let mut state = sandbox.lock();
    let enough_credit = cost <= state.balance;
    let include_count = request
        .options
        .as_ref()
        .and_then(|o| o.include_sms_count_in_response)
        .unwrap_or(false);
    let messages = accepted
        .iter()
        .map(|m| MessageResponse {
            message_id: Some(m.message_id.clone()),
            status: Some(if enough_credit {
                pending_accepted()
            } else {
                rejected_no_credit()
            }),
            destination: Some(m.to.clone()),
            details: include_count.then(|| MessageDetails {
                message_count: i32::try_from(m.parts).ok(),
            }),
        })
        .collect();
    let bulk_id = schedule
        .bulk_id
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    if enough_credit {
        state.accept(bulk_id.clone(), send_at, accepted, cost);
    }
    (
        StatusCode::OK,
        Json(SendResponse {
            bulk_id: Some(bulk_id),
            messages,
        }),
    )
        .into_response()
}

fn pending_accepted() -> MessageStatus {
    MessageStatus {
        group_id: Some(1),
        group_name: Some("PENDING".into()),
        id: Some(26),
        name: Some("PENDING_ACCEPTED".into()),
        description: Some("Message sent to next instance".into()),
        action: None,
    }
}

fn rejected_no_credit() -> MessageStatus {
    MessageStatus {
        group_id: Some(5),
        group_name: Some("REJECTED".into()),
        id: Some(12),
        name: Some("REJECTED_NOT_ENOUGH_CREDITS".into()),
        description: Some("Not enough credits".into()),
        action: None,
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BulkQuery {
    bulk_id: Option<String>,
}

fn bulk_id(query: BulkQuery) -> Option<String> {
    query.bulk_id.filter(|id| !id.is_empty())
}

fn missing_bulk_id() -> Response {
    exception(StatusCode::BAD_REQUEST, "BAD_REQUEST", "bulkId is required")
}

pub async fn bulk_schedule(
    State(sandbox): State<InfobipSandbox>,
    headers: HeaderMap,
    Query(query): Query<BulkQuery>,
) -> Response {
    if !authenticated(&sandbox, &headers) {
        return unauthorized();
    }
    let Some(id) = bulk_id(query) else {
        return missing_bulk_id();
    };
    match sandbox.lock().scheduled(&id) {
        Ok(bulk) => Json(BulkSchedule {
            bulk_id: Some(id),
            send_at: bulk.send_at.map(format_send_at),
        })
        .into_response(),
        Err(error) => refusal(error),
    }
}

pub async fn reschedule(
    State(sandbox): State<InfobipSandbox>,
    headers: HeaderMap,
    Query(query): Query<BulkQuery>,
    body: String,
) -> Response {
    if !authenticated(&sandbox, &headers) {
        return unauthorized();
    }
    let Some(id) = bulk_id(query) else {
        return missing_bulk_id();
    };
    let Some(send_at) = serde_json::from_str::<RescheduleRequest>(&body)
        .ok()
        .and_then(|b| parse_send_at(&b.send_at))
    else {
        return exception(
            StatusCode::BAD_REQUEST,
            "BAD_REQUEST",
            "sendAt must be yyyy-MM-dd'T'HH:mm:ss.SSSZ",
        );
    };
    let send_at = send_at.with_timezone(&Utc);
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

pub async fn bulk_status(
    State(sandbox): State<InfobipSandbox>,
    headers: HeaderMap,
    Query(query): Query<BulkQuery>,
) -> Response {
    if !authenticated(&sandbox, &headers) {
        return unauthorized();
    }
    let Some(id) = bulk_id(query) else {
        return missing_bulk_id();
    };
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
    headers: HeaderMap,
    Query(query): Query<BulkQuery>,
    body: String,
) -> Response {
    if !authenticated(&sandbox, &headers) {
        return unauthorized();
    }
    let Some(id) = bulk_id(query) else {
        return missing_bulk_id();
    };
    let Ok(UpdateStatusRequest { status }) = serde_json::from_str(&body) else {
        return exception(
            StatusCode::BAD_REQUEST,
            "BAD_REQUEST",
            "status must be one of PENDING, PAUSED, CANCELED",
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

pub async fn balance(State(sandbox): State<InfobipSandbox>, headers: HeaderMap) -> Response {
    if !authenticated(&sandbox, &headers) {
        return unauthorized();
    }
    let balance = (sandbox.lock().balance * 10_000.0).round() / 10_000.0;
    Json(AccountBalance {
        balance,
        currency: "EUR".into(),
    })
    .into_response()
}
