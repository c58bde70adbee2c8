//! Delivery reports and logs: `/sms/3/reports` and `/sms/3/logs`, their older forms `/sms/1/reports`
//! and `/sms/1/logs`, and `/sms/1/inbox/reports`, with every documented filter and paging parameter.

use axum::extract::State;
use axum::http::Uri;
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{DateTime, Utc};

use super::errors::{bad_request, Authorized, AuthorizedV3, Envelope, Problem};
use super::legacy_wire::{LegacyEntry, LegacyResults};
use super::network::{mcc_mnc, mcc_mnc_text};
use super::query::{
    encode_cursor, read_list_query, GeneralStatus, ListOperation, MessageFilter, Paging,
    QueryParams,
};
use super::state::{SandboxBulk, SandboxMessage};
use super::status::describe;
use super::{InfobipSandbox, PART_PRICE};
use crate::providers::infobip::wire::{
    format_send_at, CursorPageInfo, DeliveryReport, DeliveryReports, InboundMessages, LogContent,
    MessageLog, MessageLogs, MessagePrice,
};
use crate::sandbox::outcome::{Outcome, Stage, FINAL_AFTER, SENT_AFTER};

fn price(message: &SandboxMessage) -> MessagePrice {
    MessagePrice {
        price_per_message: f64::from(message.parts) * PART_PRICE,
        currency: "EUR".into(),
    }
}

fn general_status(stage: Stage) -> GeneralStatus {
    match stage {
        Stage::Scheduled | Stage::Sent => GeneralStatus::Pending,
        Stage::Done(Outcome::Delivered) => GeneralStatus::Delivered,
        Stage::Done(Outcome::Undeliverable) => GeneralStatus::Undeliverable,
        Stage::Done(Outcome::Expired) => GeneralStatus::Expired,
        Stage::Done(Outcome::Rejected) => GeneralStatus::Rejected,
    }
}

/// When the message left, once it has.
fn sent_at(bulk: &SandboxBulk, stage: Stage) -> Option<DateTime<Utc>> {
    let leaves = bulk.send_time().unwrap_or(bulk.accepted_at);
    (stage != Stage::Scheduled).then_some(leaves + SENT_AFTER)
}

/// The filters every listing has: ids, platform, campaign.
fn wanted(filter: &MessageFilter, bulk: &SandboxBulk, message: &SandboxMessage) -> bool {
    let platform = message.platform.clone().unwrap_or_default();
    let any =
        |wanted: &[String], value: &str| wanted.is_empty() || wanted.iter().any(|w| w == value);
    let same = |wanted: &Option<String>, value: Option<&String>| {
        wanted.as_ref().is_none_or(|w| value == Some(w))
    };
    any(&filter.bulk_ids, &bulk.bulk_id)
        && any(&filter.message_ids, &message.message_id)
        && same(&filter.entity_id, platform.entity_id.as_ref())
        && same(&filter.application_id, platform.application_id.as_ref())
        && (filter.campaign_reference_ids.is_empty()
            || message
                .campaign_reference_id
                .as_ref()
                .is_some_and(|id| filter.campaign_reference_ids.contains(id)))
}

/// The filters only logs have: parties, status, time, network.
fn wanted_in_logs(
    filter: &MessageFilter,
    bulk: &SandboxBulk,
    message: &SandboxMessage,
    stage: Stage,
) -> bool {
    let sent = sent_at(bulk, stage);
    let network = mcc_mnc(&message.to);
    wanted(filter, bulk, message)
        && filter
            .sender
            .as_ref()
            .is_none_or(|s| message.sender.as_ref() == Some(s))
        && filter.destination.as_ref().is_none_or(|d| &message.to == d)
        && filter
            .general_status
            .is_none_or(|s| s == general_status(stage))
        && filter
            .sent_since
            .is_none_or(|since| sent.is_some_and(|at| at >= since))
        && filter
            .sent_until
            .is_none_or(|until| sent.is_some_and(|at| at <= until))
        && filter
            .mcc
            .as_ref()
            .is_none_or(|mcc| network.is_some_and(|(m, _)| mcc.as_str() == m))
        && filter
            .mnc
            .as_ref()
            .is_none_or(|mnc| network.is_some_and(|(_, n)| mnc.as_str() == n))
}

/// The final report of `message`, as `/sms/3/reports` serves it and the delivery webhook posts it.
pub fn delivery_report(
    bulk: &SandboxBulk,
    message: &SandboxMessage,
    outcome: Outcome,
) -> DeliveryReport {
    let leaves = bulk.send_time().unwrap_or(bulk.accepted_at);
    let (status, error) = describe(Stage::Done(outcome));
    DeliveryReport {
        bulk_id: Some(bulk.bulk_id.clone()),
        message_id: Some(message.message_id.clone()),
        to: Some(message.to.clone()),
        sender: message.sender.clone(),
        sent_at: Some(format_send_at(leaves + SENT_AFTER)),
        done_at: Some(format_send_at(leaves + FINAL_AFTER)),
        message_count: i32::try_from(message.parts).ok(),
        price: Some(price(message)),
        status: Some(status),
        error: Some(error),
        callback_data: message.callback_data.clone(),
        mcc_mnc: mcc_mnc_text(&message.to),
        platform: message.platform.clone(),
        campaign_reference_id: message.campaign_reference_id.clone(),
    }
}

fn message_log(bulk: &SandboxBulk, message: &SandboxMessage, stage: Stage) -> MessageLog {
    let leaves = bulk.send_time().unwrap_or(bulk.accepted_at);
    let (status, error) = describe(stage);
    MessageLog {
        bulk_id: Some(bulk.bulk_id.clone()),
        message_id: Some(message.message_id.clone()),
        destination: Some(message.to.clone()),
        sender: message.sender.clone(),
        sent_at: sent_at(bulk, stage).map(format_send_at),
        done_at: matches!(stage, Stage::Done(_)).then(|| format_send_at(leaves + FINAL_AFTER)),
        message_count: i32::try_from(message.parts).ok(),
        price: Some(price(message)),
        status: Some(status),
        error: Some(error),
        platform: message.platform.clone(),
        content: Some(LogContent {
            text: message.text.clone(),
        }),
        campaign_reference_id: message.campaign_reference_id.clone(),
        mcc_mnc: mcc_mnc_text(&message.to),
    }
}

fn read(uri: &Uri, operation: ListOperation) -> Result<(MessageFilter, Paging), Vec<Problem>> {
    let params = QueryParams::from_uri(uri).map_err(|problem| vec![problem])?;
    read_list_query(&params, operation)
}

fn take_reports(
    sandbox: &InfobipSandbox,
    filter: &MessageFilter,
    limit: usize,
) -> Vec<DeliveryReport> {
    let now = sandbox.clock.now();
    let taken = sandbox
        .lock()
        .take_reports(|b, m| wanted(filter, b, m), limit, now);
    taken
        .iter()
        .map(|(bulk, message, outcome)| delivery_report(bulk, message, *outcome))
        .collect()
}

/// One page of logs, and where the next one starts (if there is one).
fn page_of_logs(
    sandbox: &InfobipSandbox,
    filter: &MessageFilter,
    paging: Paging,
) -> (Vec<MessageLog>, Option<usize>) {
    let now = sandbox.clock.now();
    let state = sandbox.lock();
    let matching: Vec<_> = state
        .logs(now)
        .into_iter()
        .filter(|(bulk, message, stage)| wanted_in_logs(filter, bulk, message, *stage))
        .collect();
    let end = (paging.offset + paging.limit).min(matching.len());
    let page = matching
        .get(paging.offset.min(end)..end)
        .unwrap_or_default()
        .iter()
        .map(|(bulk, message, stage)| message_log(bulk, message, *stage))
        .collect();
    (page, (end < matching.len()).then_some(end))
}

/// `GET /sms/3/reports`: each final report once.
pub async fn reports(State(sandbox): State<InfobipSandbox>, _: AuthorizedV3, uri: Uri) -> Response {
    match read(&uri, ListOperation::Reports) {
        Ok((filter, paging)) => Json(DeliveryReports {
            results: take_reports(&sandbox, &filter, paging.limit),
        })
        .into_response(),
        Err(problems) => bad_request(Envelope::V3, problems),
    }
}

/// `GET /sms/1/reports`: the same reports (each served once by either), in the older shape.
pub async fn reports_v1(
    State(sandbox): State<InfobipSandbox>,
    _: Authorized,
    uri: Uri,
) -> Response {
    match read(&uri, ListOperation::Reports) {
        Ok((filter, paging)) => Json(LegacyResults {
            results: take_reports(&sandbox, &filter, paging.limit)
                .into_iter()
                .map(LegacyEntry::from)
                .collect(),
        })
        .into_response(),
        Err(problems) => bad_request(Envelope::Legacy, problems),
    }
}

/// `GET /sms/3/logs`, with cursor paging when `useCursor=true`.
pub async fn logs(State(sandbox): State<InfobipSandbox>, _: AuthorizedV3, uri: Uri) -> Response {
    match read(&uri, ListOperation::LogsV3) {
        Ok((filter, paging)) => {
            let (results, next) = page_of_logs(&sandbox, &filter, paging);
            Json(MessageLogs {
                results,
                cursor: paging.use_cursor.then(|| CursorPageInfo {
                    limit: i32::try_from(paging.limit).unwrap_or(i32::MAX),
                    next_cursor: next.map(encode_cursor),
                }),
            })
            .into_response()
        }
        Err(problems) => bad_request(Envelope::V3, problems),
    }
}

/// `GET /sms/1/logs` (deprecated by Infobip, still served).
pub async fn logs_v1(State(sandbox): State<InfobipSandbox>, _: Authorized, uri: Uri) -> Response {
    match read(&uri, ListOperation::LogsV1) {
        Ok((filter, paging)) => Json(LegacyResults {
            results: page_of_logs(&sandbox, &filter, paging)
                .0
                .into_iter()
                .map(LegacyEntry::from)
                .collect(),
        })
        .into_response(),
        Err(problems) => bad_request(Envelope::Legacy, problems),
    }
}

/// `GET /sms/1/inbox/reports`: the sandbox receives no messages of its own, so the inbox is empty.
pub async fn inbox(_: Authorized, uri: Uri) -> Response {
    let mut problems = Vec::new();
    match QueryParams::from_uri(&uri) {
        Ok(params) => {
            params.limit(&mut problems);
        }
        Err(problem) => problems.push(problem),
    }
    if !problems.is_empty() {
        return bad_request(Envelope::Legacy, problems);
    }
    Json(InboundMessages {
        results: Vec::new(),
        message_count: Some(0),
        pending_message_count: Some(0),
    })
    .into_response()
}
