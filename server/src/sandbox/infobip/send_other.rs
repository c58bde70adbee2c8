//! The other ways Infobip's spec offers to send a text: `POST /sms/2/text/advanced` (the endpoint
//! of Infobip's scheduling guide and of its Python SDK) and `GET /sms/3/text/query`.

use axum::extract::State;
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;

use super::errors::{bad_request, Authorized, AuthorizedV3, Envelope, Problem};
use super::legacy_wire::{AdvancedRequest, LegacyMessageResponse, LegacySendResponse};
use super::query::QueryParams;
use super::send::{submit, v3_answer, NewBulk, Outgoing, Submitted};
use super::InfobipSandbox;
use crate::providers::infobip::wire::Platform;

fn legacy_answer(submitted: Submitted) -> LegacySendResponse {
    LegacySendResponse {
        bulk_id: Some(submitted.bulk_id),
        messages: submitted
            .messages
            .iter()
            .map(|m| LegacyMessageResponse {
                to: m.to.clone(),
                status: submitted.status.clone(),
                message_id: m.message_id.clone(),
                sms_count: submitted
                    .include_sms_count
                    .then(|| i32::try_from(m.parts).ok())
                    .flatten(),
            })
            .collect(),
    }
}

/// `POST /sms/2/text/advanced`: `sendAt` sits on each message. The sandbox schedules a bulk at one
/// time, so the messages of one request must share it (Infobip would schedule each on its own).
pub async fn send_advanced(
    State(sandbox): State<InfobipSandbox>,
    _: Authorized,
    body: String,
) -> Response {
    let request: AdvancedRequest = match serde_json::from_str(&body) {
        Ok(request) => request,
        Err(error) => {
            return bad_request(
                Envelope::Legacy,
                vec![Problem::new("body", error.to_string())],
            )
        }
    };
    let mut problems = Vec::new();
    let first_send_at = request.messages.first().and_then(|m| m.send_at.clone());
    for (i, message) in request.messages.iter().enumerate().skip(1) {
        if message.send_at != first_send_at {
            problems.push(Problem::new(
                format!("messages[{i}].sendAt"),
                "the sandbox schedules a request at one time: every message must have the same sendAt",
            ));
        }
    }
    let bulk = NewBulk {
        bulk_id: request.bulk_id.map(|id| ("bulkId".to_owned(), id)),
        send_at: first_send_at.map(|at| ("messages[0].sendAt".to_owned(), at)),
        message_path: |i| format!("messages[{i}]"),
        include_sms_count: request.include_sms_count_in_response.unwrap_or(false),
        messages: request
            .messages
            .into_iter()
            .map(|m| Outgoing {
                sender: m.from,
                destinations: m
                    .destinations
                    .into_iter()
                    .map(|d| (d.to, d.message_id))
                    .collect(),
                text: m.text.unwrap_or_default(),
                notify_url: m.notify_url,
                callback_data: m.callback_data,
                campaign_reference_id: m.campaign_reference_id,
                platform: (m.entity_id.is_some() || m.application_id.is_some()).then_some(
                    Platform {
                        entity_id: m.entity_id,
                        application_id: m.application_id,
                    },
                ),
            })
            .collect(),
    };
    match submit(&sandbox, bulk, problems) {
        Ok(submitted) => (StatusCode::OK, Json(legacy_answer(submitted))).into_response(),
        Err(problems) => bad_request(Envelope::Legacy, problems),
    }
}

/// `GET /sms/3/text/query`: one message, `to` repeated for each destination.
pub async fn send_query(
    State(sandbox): State<InfobipSandbox>,
    _: AuthorizedV3,
    uri: Uri,
) -> Response {
    let params = match QueryParams::from_uri(&uri) {
        Ok(params) => params,
        Err(problem) => return bad_request(Envelope::V3, vec![problem]),
    };
    let mut problems = Vec::new();
    let p = &mut problems;
    let to = params.all("to");
    if to.is_empty() {
        p.push(Problem::new("to", "must not be empty"));
    }
    let text = params.one("text", p);
    if text.is_none() {
        p.push(Problem::new("text", "must not be null"));
    }
    let include_sms_count = match params.one("includeSmsCountInResponse", p).as_deref() {
        None | Some("false") => false,
        Some("true") => true,
        Some(other) => {
            p.push(Problem::new(
                "includeSmsCountInResponse",
                format!("'{other}' is not true or false"),
            ));
            false
        }
    };
    let message = Outgoing {
        sender: params.one("from", p),
        destinations: to.into_iter().map(|to| (to, None)).collect(),
        text: text.unwrap_or_default(),
        notify_url: params.one("notifyUrl", p),
        callback_data: params.one("callbackData", p),
        campaign_reference_id: None,
        platform: None,
    };
    let bulk = NewBulk {
        bulk_id: params.one("bulkId", p).map(|id| ("bulkId".to_owned(), id)),
        send_at: params.one("sendAt", p).map(|at| ("sendAt".to_owned(), at)),
        message_path: |_| "query".to_owned(),
        include_sms_count,
        messages: vec![message],
    };
    match submit(&sandbox, bulk, problems) {
        Ok(submitted) => (StatusCode::OK, Json(v3_answer(submitted))).into_response(),
        Err(problems) => bad_request(Envelope::V3, problems),
    }
}
