//! Sending: one set of rules for every operation that sends a text (`/sms/3/messages`,
//! `/sms/2/text/advanced`, `/sms/3/text/query`), each answering in its own shape.

use crate::domain::message::analyze;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{DateTime, Utc};
use serde_json::Value;
use std::collections::HashSet;

use super::errors::{bad_request, AuthorizedV3, Envelope, Problem};
use super::send_time::read_send_at;
use super::state::{SandboxMessage, MAX_AHEAD};
use super::{InfobipSandbox, PART_PRICE};
use crate::providers::infobip::wire::{
    MessageDetails, MessageResponse, MessageStatus, Platform, SendRequest, SendResponse,
};
use crate::providers::infobip::MAX_DAYS_AHEAD;

/// One message of a send, whatever operation carried it.
#[derive(Debug, Clone, Default)]
pub struct Outgoing {
    pub sender: Option<String>,
    /// `(to, messageId)` pairs.
    pub destinations: Vec<(String, Option<String>)>,
    pub text: String,
    pub notify_url: Option<String>,
    pub callback_data: Option<String>,
    pub campaign_reference_id: Option<String>,
    pub platform: Option<Platform>,
}

/// A send as the rules see it; the names say where each value sat in the request, for the answer.
#[derive(Debug, Clone)]
pub struct NewBulk {
    /// `(property, value)` of the bulk id, when one was given.
    pub bulk_id: Option<(String, String)>,
    /// `(property, raw value)` of the send time, when one was given.
    pub send_at: Option<(String, String)>,
    /// How the messages are named in problems: `messages[{i}]` or the query's parameter names.
    pub message_path: fn(usize) -> String,
    pub messages: Vec<Outgoing>,
    pub include_sms_count: bool,
}

/// What the sandbox answers an accepted send with, before it is put in the operation's shape.
pub struct Submitted {
    pub bulk_id: String,
    pub messages: Vec<SandboxMessage>,
    pub status: MessageStatus,
    pub include_sms_count: bool,
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

fn read_time(
    property: &str,
    raw: &str,
    now: DateTime<Utc>,
    problems: &mut Vec<Problem>,
) -> Option<DateTime<Utc>> {
    let Some(at) = read_send_at(raw) else {
        problems.push(Problem::new(
            property,
            format!("'{raw}' is not yyyy-MM-dd'T'HH:mm:ss.SSSZ"),
        ));
        return None;
    };
    if at > now + MAX_AHEAD {
        problems.push(Problem::new(
            property,
            format!("must be at most {MAX_DAYS_AHEAD} days ahead"),
        ));
    }
    // A time already passed is sent at once.
    (at > now).then_some(at)
}

/// Checks `bulk` against Infobip's rules and, when it passes, accepts it (or rejects every message
/// for want of credit, as Infobip does, with a 200).
pub fn submit(
    sandbox: &InfobipSandbox,
    bulk: NewBulk,
    mut problems: Vec<Problem>,
) -> Result<Submitted, Vec<Problem>> {
    let now = sandbox.clock.now();
    let send_at = bulk
        .send_at
        .as_ref()
        .and_then(|(property, raw)| read_time(property, raw, now, &mut problems));

    // One lock from the checks of bulkId and messageIds to their acceptance: two identical
    // requests at once cannot both pass the checks (Infobip accepts a bulkId once).
    let mut state = sandbox.lock();
    if let Some((property, bulk_id)) = &bulk.bulk_id {
        if bulk_id.is_empty() || bulk_id.len() > 100 {
            problems.push(Problem::new(property, "size must be between 1 and 100"));
        } else if state.bulk_known(bulk_id) {
            problems.push(Problem::new(property, "already used"));
        }
    }
    if bulk.messages.is_empty() {
        problems.push(Problem::new("messages", "must not be empty"));
    }
    let mut ids_in_request = HashSet::new();
    let mut accepted = Vec::new();
    for (i, message) in bulk.messages.iter().enumerate() {
        let path = (bulk.message_path)(i);
        if message.text.trim().is_empty() {
            problems.push(Problem::new(format!("{path}.text"), "must not be blank"));
        }
        if let Some(sender) = &message.sender {
            if !valid_sender(sender) {
                problems.push(Problem::new(
                    format!("{path}.sender"),
                    "must be 3-11 letters and digits or 3-16 digits",
                ));
            }
        }
        if message.destinations.is_empty() {
            problems.push(Problem::new(
                format!("{path}.destinations"),
                "must not be empty",
            ));
        }
        let parts = u32::try_from(analyze(&message.text).parts).unwrap_or(u32::MAX);
        for (j, (to, message_id)) in message.destinations.iter().enumerate() {
            if !valid_destination(to) {
                problems.push(Problem::new(
                    format!("{path}.destinations[{j}].to"),
                    "must be a number in international format",
                ));
            }
            let message_id = message_id
                .clone()
                .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
            if message_id.is_empty() || message_id.len() > 200 {
                problems.push(Problem::new(
                    format!("{path}.destinations[{j}].messageId"),
                    "size must be between 1 and 200",
                ));
            } else if state.message_id_known(&message_id)
                || !ids_in_request.insert(message_id.clone())
            {
                problems.push(Problem::new(
                    format!("{path}.destinations[{j}].messageId"),
                    "must be unique",
                ));
            }
            accepted.push(SandboxMessage {
                message_id,
                to: to.trim_start_matches('+').to_owned(),
                sender: message.sender.clone(),
                parts,
                notify_url: message.notify_url.clone(),
                callback_data: message.callback_data.clone(),
                text: message.text.clone(),
                campaign_reference_id: message.campaign_reference_id.clone(),
                platform: message.platform.clone(),
            });
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    let cost = accepted
        .iter()
        .map(|m| f64::from(m.parts) * PART_PRICE)
        .sum::<f64>();
    let enough_credit = cost <= state.balance;
    let bulk_id = bulk
        .bulk_id
        .map(|(_, id)| id)
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    if enough_credit {
        state.accept(bulk_id.clone(), send_at, accepted.clone(), cost, now);
    }
    Ok(Submitted {
        bulk_id,
        messages: accepted,
        status: if enough_credit {
            pending_accepted()
        } else {
            rejected_no_credit()
        },
        include_sms_count: bulk.include_sms_count,
    })
}

/// A content Infobip sends as binary (`hex`), which the sandbox does not emulate.
pub fn binary_content_problems(body: &Value) -> Vec<Problem> {
    let messages = body.get("messages").and_then(Value::as_array);
    messages
        .into_iter()
        .flatten()
        .enumerate()
        .filter(|(_, m)| m.pointer("/content/hex").is_some())
        .map(|(i, _)| {
            Problem::new(
                format!("messages[{i}].content"),
                "binary content is not emulated by the sandbox (see docs/providers.md)",
            )
        })
        .collect()
}

/// `POST /sms/3/messages`.
pub async fn send(
    State(sandbox): State<InfobipSandbox>,
    _: AuthorizedV3,
    body: String,
) -> Response {
    if let Ok(value) = serde_json::from_str::<Value>(&body) {
        let binary = binary_content_problems(&value);
        if !binary.is_empty() {
            return bad_request(Envelope::V3, binary);
        }
    }
    let request: SendRequest = match serde_json::from_str(&body) {
        Ok(request) => request,
        Err(error) => {
            return bad_request(Envelope::V3, vec![Problem::new("body", error.to_string())])
        }
    };
    let options = request.options.unwrap_or_default();
    let schedule = options.schedule.unwrap_or_default();
    let bulk = NewBulk {
        bulk_id: schedule
            .bulk_id
            .map(|id| ("options.schedule.bulkId".to_owned(), id)),
        send_at: schedule
            .send_at
            .map(|at| ("options.schedule.sendAt".to_owned(), at)),
        message_path: |i| format!("messages[{i}]"),
        include_sms_count: options.include_sms_count_in_response.unwrap_or(false),
        messages: request
            .messages
            .into_iter()
            .map(|message| {
                let options = message.options.unwrap_or_default();
                let webhooks = message.webhooks.unwrap_or_default();
                let delivery = webhooks.delivery.unwrap_or_default();
                Outgoing {
                    sender: message.sender,
                    destinations: message
                        .destinations
                        .into_iter()
                        .map(|d| (d.to, d.message_id))
                        .collect(),
                    text: message.content.text,
                    notify_url: delivery.url.filter(|_| delivery.notify != Some(false)),
                    callback_data: webhooks.callback_data,
                    campaign_reference_id: options.campaign_reference_id,
                    platform: options.platform,
                }
            })
            .collect(),
    };
    match submit(&sandbox, bulk, Vec::new()) {
        Ok(submitted) => (StatusCode::OK, Json(v3_answer(submitted))).into_response(),
        Err(problems) => bad_request(Envelope::V3, problems),
    }
}

/// The v3 answer to an accepted send (`SmsResponseEnvelope`).
pub fn v3_answer(submitted: Submitted) -> SendResponse {
    SendResponse {
        bulk_id: Some(submitted.bulk_id),
        messages: submitted
            .messages
            .iter()
            .map(|m| MessageResponse {
                message_id: Some(m.message_id.clone()),
                status: Some(submitted.status.clone()),
                destination: Some(m.to.clone()),
                details: submitted.include_sms_count.then(|| MessageDetails {
                    message_count: i32::try_from(m.parts).ok(),
                }),
            })
            .collect(),
    }
}
