//! Infobip's JSON bodies, field for field, as the official OpenAPI describes them
//! (`sms-openapi.json` 3.210.0 and `account-management-openapi.json`).

use chrono::{DateTime, FixedOffset, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

mod reports;
pub use reports::*;

/// `POST /sms/3/messages`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SendRequest {
    pub messages: Vec<Message>,
    pub options: Option<RequestOptions>,
}

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Message {
    pub sender: Option<String>,
    pub destinations: Vec<Destination>,
    pub content: Content,
    pub options: Option<MessageOptions>,
    pub webhooks: Option<Webhooks>,
}

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Destination {
    /// The number, digits only with country code (`41793026727`).
    pub to: String,
    /// Our own id for this message, so reports can be matched without the send's answer.
    pub message_id: Option<String>,
}

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Content {
    pub text: String,
    /// Infobip's look-alike replacement, e.g. `NON_UNICODE`.
    pub transliteration: Option<String>,
}

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageOptions {
    pub validity_period: Option<ValidityPeriod>,
    /// Hours and minutes are in UTC.
    pub delivery_time_window: Option<DeliveryTimeWindow>,
    pub campaign_reference_id: Option<String>,
    /// Shown on the screen at once rather than kept in the inbox.
    pub flash: Option<bool>,
    pub platform: Option<Platform>,
}

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ValidityPeriod {
    pub amount: i32,
    pub time_unit: Option<TimeUnit>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TimeUnit {
    Seconds,
    Minutes,
    Hours,
}

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryTimeWindow {
    pub days: Vec<DeliveryDay>,
    pub from: Option<DeliveryTime>,
    pub to: Option<DeliveryTime>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum DeliveryDay {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryTime {
    pub hour: u8,
    pub minute: u8,
}

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Webhooks {
    pub delivery: Option<DeliveryReporting>,
    pub content_type: Option<String>,
    pub callback_data: Option<String>,
}

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryReporting {
    pub url: Option<String>,
    pub intermediate_report: Option<bool>,
    pub notify: Option<bool>,
}

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestOptions {
    pub schedule: Option<Schedule>,
    pub include_sms_count_in_response: Option<bool>,
}

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Schedule {
    /// Our own bulk id: it names the whole submission for later reads and changes.
    pub bulk_id: Option<String>,
    /// `yyyy-MM-dd'T'HH:mm:ss.SSSZ`, at most 180 days ahead (see [`format_send_at`]).
    pub send_at: Option<String>,
}

/// Answer to a send.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SendResponse {
    pub bulk_id: Option<String>,
    pub messages: Vec<MessageResponse>,
}

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageResponse {
    pub message_id: Option<String>,
    pub status: Option<MessageStatus>,
    pub destination: Option<String>,
    pub details: Option<MessageDetails>,
}

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageStatus {
    pub group_id: Option<i32>,
    /// `ACCEPTED`, `PENDING`, `UNDELIVERABLE`, `DELIVERED`, `EXPIRED` or `REJECTED`.
    pub group_name: Option<String>,
    pub id: Option<i32>,
    pub name: Option<String>,
    pub description: Option<String>,
    pub action: Option<String>,
}

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageDetails {
    pub message_count: Option<i32>,
}

/// `GET /sms/1/bulks` and `PUT /sms/1/bulks` answers.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BulkSchedule {
    pub bulk_id: Option<String>,
    pub send_at: Option<String>,
}

/// `PUT /sms/1/bulks` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RescheduleRequest {
    pub send_at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum BulkStatus {
    Pending,
    Paused,
    Processing,
    Canceled,
    Finished,
    Failed,
}

/// `GET/PUT /sms/1/bulks/status` answer.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BulkStatusResponse {
    pub bulk_id: Option<String>,
    pub status: Option<BulkStatus>,
}

/// `PUT /sms/1/bulks/status` body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateStatusRequest {
    pub status: BulkStatus,
}

/// `POST /sms/1/preview` body: how a text would be split, before sending it.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PreviewRequest {
    pub text: String,
    pub language_code: Option<String>,
    pub transliteration: Option<String>,
}

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PreviewResponse {
    pub original_text: Option<String>,
    #[serde(default)]
    pub previews: Vec<Preview>,
}

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Preview {
    pub text_preview: Option<String>,
    pub message_count: Option<i32>,
    pub characters_remaining: Option<i32>,
    pub configuration: Option<serde_json::Value>,
}

/// `GET /account/1/balance` answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountBalance {
    pub balance: f64,
    pub currency: String,
}

/// The v3 error envelope (`/sms/3/…`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiError {
    pub error_code: String,
    pub description: String,
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub violations: Vec<Violation>,
    #[serde(default)]
    pub resources: Vec<ErrorResource>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Violation {
    #[serde(default)]
    pub property: String,
    #[serde(default)]
    pub violation: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorResource {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub url: String,
}

/// The older envelope (`/sms/1/…`, `/account/1/…`): `{"requestError": {"serviceException": …}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiException {
    pub request_error: RequestError,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestError {
    pub service_exception: ServiceException,
}

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceException {
    pub message_id: Option<String>,
    pub text: Option<String>,
    pub validation_errors: Option<BTreeMap<String, Vec<String>>>,
}

impl ApiException {
    pub fn new(message_id: &str, text: &str) -> Self {
        Self {
            request_error: RequestError {
                service_exception: ServiceException {
                    message_id: Some(message_id.to_owned()),
                    text: Some(text.to_owned()),
                    validation_errors: None,
                },
            },
        }
    }
}

/// Infobip's documented `sendAt` form, in UTC: `2021-08-25T16:00:00.000+0000`.
pub fn format_send_at(instant: DateTime<Utc>) -> String {
    instant.format("%Y-%m-%dT%H:%M:%S%.3f%z").to_string()
}

/// Reads `sendAt` in Infobip's form or in RFC 3339 (offsets with or without a colon).
pub fn parse_send_at(value: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S%.f%z")
        .or_else(|_| DateTime::parse_from_rfc3339(value))
        .ok()
}

/// RFC 3339 of an instant, for our own records.
pub fn rfc3339(instant: DateTime<FixedOffset>) -> String {
    instant.to_rfc3339_opts(SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests;
