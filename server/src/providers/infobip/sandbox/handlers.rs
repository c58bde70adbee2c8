use app::domain::message::analyze;
use axum::extract::{FromRequestParts, Query, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::Utc;
use secrecy::ExposeSecret;
use serde::Deserialize;
use std::collections::HashSet;

use super::state::{BulkRefusal, SandboxBulk, SandboxMessage, MAX_AHEAD};
use super::{InfobipSandbox, PART_PRICE};
use crate::providers::infobip::wire::{
    format_send_at, parse_send_at, AccountBalance, ApiError, ApiException, BulkSchedule,
    BulkStatusResponse, DeliveryReport, DeliveryReports, MessageDetails, MessageError, MessageLog,
    MessageLogs, MessagePrice, MessageResponse, MessageStatus, Preview, PreviewRequest,
    PreviewResponse, RescheduleRequest, SendRequest, SendResponse, UpdateStatusRequest, Violation,
};
use crate::providers::sandbox_outcome::{Outcome, Stage, FINAL_AFTER, SENT_AFTER};

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

pub async fn send(State(sandbox): State<InfobipSandbox>, _: Authorized, body: String) -> Response {
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

    // One lock from the checks of bulkId and messageIds to their acceptance: two identical
    // requests at once cannot both pass the checks (Infobip accepts a bulkId once).
    let mut state = sandbox.lock();
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
            let webhooks = message.webhooks.as_ref();
            let delivery = webhooks.and_then(|w| w.delivery.as_ref());
            accepted.push(SandboxMessage {
                message_id,
                to: destination.to.trim_start_matches('+').to_owned(),
                sender: message.sender.clone(),
                parts,
                notify_url: delivery
                    .filter(|d| d.notify != Some(false))
                    .and_then(|d| d.url.clone()),
                callback_data: webhooks.and_then(|w| w.callback_data.clone()),
            });
        }
    }
    if !found.is_empty() {
        return violations(found);
    }

    let cost = accepted
        .iter()
        .map(|m| f64::from(m.parts) * PART_PRICE)
        .sum::<f64>();
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
        state.accept(bulk_id.clone(), send_at, accepted, cost, now);
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

/// A request carrying the sandbox's key; anything else is answered 401 as Infobip does.
pub struct Authorized;

impl FromRequestParts<InfobipSandbox> for Authorized {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        sandbox: &InfobipSandbox,
    ) -> Result<Self, Response> {
        if authenticated(sandbox, &parts.headers) {
            Ok(Authorized)
        } else {
            Err(unauthorized())
        }
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

pub async fn reschedule(
    State(sandbox): State<InfobipSandbox>,
    BulkId(id): BulkId,
    body: String,
) -> Response {
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

pub async fn balance(State(sandbox): State<InfobipSandbox>, _: Authorized) -> Response {
    let balance = (sandbox.lock().balance * 10_000.0).round() / 10_000.0;
    Json(AccountBalance {
        balance,
        currency: "EUR".into(),
    })
    .into_response()
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListQuery {
    bulk_id: Option<String>,
    limit: Option<usize>,
}

/// Infobip's defaults and bounds for `limit`.
fn limit(query: &ListQuery) -> usize {
    query.limit.unwrap_or(50).clamp(1, 1000)
}

fn price(message: &SandboxMessage) -> MessagePrice {
    MessagePrice {
        price_per_message: f64::from(message.parts) * PART_PRICE,
        currency: "EUR".into(),
    }
}

fn status(group_id: i32, group: &str, id: i32, name: &str, description: &str) -> MessageStatus {
    MessageStatus {
        group_id: Some(group_id),
        group_name: Some(group.into()),
        id: Some(id),
        name: Some(name.into()),
        description: Some(description.into()),
        action: None,
    }
}

fn error_object(group_id: i32, group: &str, id: i32, name: &str, permanent: bool) -> MessageError {
    MessageError {
        group_id: Some(group_id),
        group_name: Some(group.into()),
        id: Some(id),
        name: Some(name.into()),
        description: None,
        permanent: Some(permanent),
    }
}

/// Infobip's status and error objects for a message at `stage` (codes from its status registry).
fn describe(stage: Stage) -> (MessageStatus, MessageError) {
    let no_error = error_object(0, "OK", 0, "NO_ERROR", false);
    match stage {
        Stage::Scheduled => (
            status(
                1,
                "PENDING",
                26,
                "PENDING_ACCEPTED",
                "Message sent to next instance",
            ),
            no_error,
        ),
        Stage::Sent => (
            status(
                1,
                "PENDING",
                7,
                "PENDING_ENROUTE",
                "Message sent to next instance",
            ),
            no_error,
        ),
        Stage::Done(Outcome::Delivered) => (
            status(
                3,
                "DELIVERED",
                5,
                "DELIVERED_TO_HANDSET",
                "Message delivered to handset",
            ),
            no_error,
        ),
        Stage::Done(Outcome::Undeliverable) => (
            status(
                2,
                "UNDELIVERABLE",
                9,
                "UNDELIVERABLE_NOT_DELIVERED",
                "Message sent not delivered",
            ),
            error_object(1, "HANDSET_ERRORS", 1, "EC_UNKNOWN_SUBSCRIBER", true),
        ),
        Stage::Done(Outcome::Expired) => (
            status(4, "EXPIRED", 15, "EXPIRED_EXPIRED", "Message expired"),
            error_object(1, "HANDSET_ERRORS", 27, "EC_ABSENT_SUBSCRIBER", false),
        ),
        Stage::Done(Outcome::Rejected) => (
            status(5, "REJECTED", 6, "REJECTED_NETWORK", "Network is forbidden"),
            error_object(
                3,
                "OPERATOR_ERRORS",
                10,
                "EC_BEARER_SERVICE_NOT_PROVISIONED",
                true,
            ),
        ),
    }
}

pub async fn reports(
    State(sandbox): State<InfobipSandbox>,
    _: Authorized,
    Query(query): Query<ListQuery>,
) -> Response {
    let now = sandbox.clock.now();
    let taken = sandbox
        .lock()
        .take_reports(query.bulk_id.as_deref(), limit(&query), now);
    let results = taken
        .iter()
        .map(|(bulk, message, outcome)| delivery_report(bulk, message, *outcome))
        .collect();
    Json(DeliveryReports { results }).into_response()
}

/// The final report of `message`, as `/sms/3/reports` serves it and the delivery webhook posts it.
pub fn delivery_report(
    bulk: &SandboxBulk,
    message: &SandboxMessage,
    outcome: Outcome,
) -> DeliveryReport {
    let sent_at = bulk.send_time().unwrap_or(bulk.accepted_at);
    let (status, error) = describe(Stage::Done(outcome));
    DeliveryReport {
        bulk_id: Some(bulk.bulk_id.clone()),
        message_id: Some(message.message_id.clone()),
        to: Some(message.to.clone()),
        sender: message.sender.clone(),
        sent_at: Some(format_send_at(sent_at + SENT_AFTER)),
        done_at: Some(format_send_at(sent_at + FINAL_AFTER)),
        message_count: i32::try_from(message.parts).ok(),
        price: Some(price(message)),
        status: Some(status),
        error: Some(error),
        callback_data: message.callback_data.clone(),
    }
}

pub async fn logs(
    State(sandbox): State<InfobipSandbox>,
    _: Authorized,
    Query(query): Query<ListQuery>,
) -> Response {
    let now = sandbox.clock.now();
    let state = sandbox.lock();
    let results = state
        .logs(query.bulk_id.as_deref(), limit(&query), now)
        .into_iter()
        .map(|(bulk, message, stage)| {
            let sent_at = bulk.send_time().unwrap_or(bulk.accepted_at);
            let (status, error) = describe(stage);
            MessageLog {
                bulk_id: Some(bulk.bulk_id.clone()),
                message_id: Some(message.message_id.clone()),
                destination: Some(message.to.clone()),
                sender: message.sender.clone(),
                sent_at: (stage != Stage::Scheduled).then(|| format_send_at(sent_at + SENT_AFTER)),
                done_at: matches!(stage, Stage::Done(_))
                    .then(|| format_send_at(sent_at + FINAL_AFTER)),
                message_count: i32::try_from(message.parts).ok(),
                price: Some(price(message)),
                status: Some(status),
                error: Some(error),
            }
        })
        .collect();
    Json(MessageLogs { results }).into_response()
}

/// Splits the text with the same counting as the composer (GSM-7 or UCS-2, parts).
pub async fn preview(_: Authorized, body: String) -> Response {
    let Ok(request) = serde_json::from_str::<PreviewRequest>(&body) else {
        return violations(vec![("text".into(), "must not be null".into())]);
    };
    let stats = analyze(&request.text);
    let preview = Preview {
        text_preview: Some(request.text.clone()),
        message_count: i32::try_from(stats.parts).ok(),
        characters_remaining: i32::try_from(stats.remaining_in_part()).ok(),
        configuration: Some(serde_json::json!({})),
    };
    Json(PreviewResponse {
        original_text: Some(request.text),
        previews: vec![preview],
    })
    .into_response()
}
