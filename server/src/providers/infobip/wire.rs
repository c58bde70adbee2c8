//! Infobip's JSON bodies, field for field, as the official OpenAPI describes them
//! (`sms-openapi.json` 3.210.0 and `account-management-openapi.json`).

use chrono::{DateTime, FixedOffset, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `POST /sms/3/messages`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SendRequest {
    pub messages: Vec<Message>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<RequestOptions>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Message {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender: Option<String>,
    pub destinations: Vec<Destination>,
    pub content: Content,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<MessageOptions>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhooks: Option<Webhooks>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Destination {
    /// The number, digits only with country code (`41793026727`).
    pub to: String,
    /// Our own id for this message, so reports can be matched without the send's answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Content {
    pub text: String,
    /// Infobip's look-alike replacement, e.g. `NON_UNICODE`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transliteration: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageOptions {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validity_period: Option<ValidityPeriod>,
    /// Hours and minutes are in UTC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_time_window: Option<DeliveryTimeWindow>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign_reference_id: Option<String>,
    /// Shown on the screen at once rather than kept in the inbox.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flash: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ValidityPeriod {
    pub amount: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_unit: Option<TimeUnit>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TimeUnit {
    Seconds,
    Minutes,
    Hours,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryTimeWindow {
    pub days: Vec<DeliveryDay>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<DeliveryTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
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

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Webhooks {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery: Option<DeliveryReporting>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback_data: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryReporting {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intermediate_report: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notify: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestOptions {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<Schedule>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_sms_count_in_response: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Schedule {
    /// Our own bulk id: it names the whole submission for later reads and changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bulk_id: Option<String>,
    /// `yyyy-MM-dd'T'HH:mm:ss.SSSZ`, at most 180 days ahead (see [`format_send_at`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_at: Option<String>,
}

/// Answer to a send.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SendResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bulk_id: Option<String>,
    pub messages: Vec<MessageResponse>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<MessageStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<MessageDetails>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageStatus {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<i32>,
    /// `ACCEPTED`, `PENDING`, `UNDELIVERABLE`, `DELIVERED`, `EXPIRED` or `REJECTED`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_count: Option<i32>,
}

/// `GET /sms/1/bulks` and `PUT /sms/1/bulks` answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BulkSchedule {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bulk_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BulkStatusResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bulk_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<BulkStatus>,
}

/// `PUT /sms/1/bulks/status` body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateStatusRequest {
    pub status: BulkStatus,
}

/// `GET /sms/3/reports` answer: final delivery reports, each served once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeliveryReports {
    #[serde(default)]
    pub results: Vec<DeliveryReport>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryReport {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bulk_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_count: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<MessagePrice>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<MessageStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<MessageError>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback_data: Option<String>,
}

/// `GET /sms/3/logs` answer: every message with its current status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MessageLogs {
    #[serde(default)]
    pub results: Vec<MessageLog>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageLog {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bulk_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_count: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<MessagePrice>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<MessageStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<MessageError>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MessagePrice {
    pub price_per_message: f64,
    pub currency: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageError {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<i32>,
    /// `OK`, `HANDSET_ERRORS`, `USER_ERRORS` or `OPERATOR_ERRORS`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether a retry can never succeed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permanent: Option<bool>,
}

/// Body of the inbound-message webhook (`receive-inbound-sms-messages`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InboundMessages {
    #[serde(default)]
    pub results: Vec<InboundMessage>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_count: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending_message_count: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InboundMessage {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clean_text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keyword: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms_count: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<MessagePrice>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback_data: Option<String>,
}

/// `POST /sms/1/preview` body: how a text would be split, before sending it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PreviewRequest {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transliteration: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PreviewResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_text: Option<String>,
    #[serde(default)]
    pub previews: Vec<Preview>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Preview {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_preview: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_count: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub characters_remaining: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceException {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
mod tests {
    use super::*;
    use chrono::TimeZone;
    use serde_json::json;

    #[test]
    fn send_at_uses_infobips_documented_form_and_reads_both() {
        let instant = Utc.with_ymd_and_hms(2021, 8, 25, 16, 0, 0).unwrap();
        assert_eq!(format_send_at(instant), "2021-08-25T16:00:00.000+0000");
        assert_eq!(
            parse_send_at("2021-08-25T16:00:00.000+0000").unwrap(),
            instant
        );
        assert_eq!(parse_send_at("2021-08-25T18:00:00+02:00").unwrap(), instant);
        assert!(parse_send_at("tomorrow").is_none());
    }

    #[test]
    fn a_send_request_serialises_with_infobips_field_names() {
        let request = SendRequest {
            messages: vec![Message {
                sender: Some("ACME".into()),
                destinations: vec![Destination {
                    to: "41793026727".into(),
                    message_id: Some("m-1".into()),
                }],
                content: Content {
                    text: "Hi".into(),
                    transliteration: None,
                },
                options: Some(MessageOptions {
                    validity_period: Some(ValidityPeriod {
                        amount: 2,
                        time_unit: Some(TimeUnit::Hours),
                    }),
                    delivery_time_window: Some(DeliveryTimeWindow {
                        days: vec![DeliveryDay::Monday],
                        from: Some(DeliveryTime { hour: 7, minute: 0 }),
                        to: Some(DeliveryTime {
                            hour: 19,
                            minute: 0,
                        }),
                    }),
                    campaign_reference_id: None,
                    flash: None,
                }),
                webhooks: Some(Webhooks {
                    delivery: Some(DeliveryReporting {
                        url: Some("https://x/dlr".into()),
                        ..Default::default()
                    }),
                    content_type: None,
                    callback_data: Some("c".into()),
                }),
            }],
            options: Some(RequestOptions {
                schedule: Some(Schedule {
                    bulk_id: Some("b-1".into()),
                    send_at: Some("2021-08-25T16:00:00.000+0000".into()),
                }),
                include_sms_count_in_response: Some(true),
            }),
        };
        assert_eq!(
            serde_json::to_value(&request).unwrap(),
            json!({
                "messages": [{
                    "sender": "ACME",
                    "destinations": [{"to": "41793026727", "messageId": "m-1"}],
                    "content": {"text": "Hi"},
                    "options": {
                        "validityPeriod": {"amount": 2, "timeUnit": "HOURS"},
                        "deliveryTimeWindow": {"days": ["MONDAY"], "from": {"hour": 7, "minute": 0}, "to": {"hour": 19, "minute": 0}}
                    },
                    "webhooks": {"delivery": {"url": "https://x/dlr"}, "callbackData": "c"}
                }],
                "options": {
                    "schedule": {"bulkId": "b-1", "sendAt": "2021-08-25T16:00:00.000+0000"},
                    "includeSmsCountInResponse": true
                }
            })
        );
    }

    #[test]
    fn parses_the_specs_examples() {
        let sent: SendResponse = serde_json::from_value(json!({
            "bulkId": "2034072219640523072",
            "messages": [{"messageId": "2250be2d4219-3af1-78856-aabe-1362af1edfd2",
                "status": {"groupId": 1, "groupName": "PENDING", "id": 26, "name": "PENDING_ACCEPTED",
                    "description": "Message sent to next instance"},
                "destination": "41793026727", "details": {"messageCount": 1}}]
        }))
        .unwrap();
        assert_eq!(
            sent.messages[0].details.as_ref().unwrap().message_count,
            Some(1)
        );
        let error: ApiError = serde_json::from_value(json!({
            "errorCode": "E400", "description": "Request cannot be processed.",
            "action": "Check the syntax, violations and adjust the request.",
            "violations": [{"property": "property.path", "violation": "Violation message."}], "resources": []
        }))
        .unwrap();
        assert_eq!(error.violations[0].property, "property.path");
        let not_found: ApiException = serde_json::from_value(json!(
            {"requestError": {"serviceException": {"messageId": "NOT_FOUND", "text": "Bulk not found"}}}
        ))
        .unwrap();
        assert_eq!(not_found, ApiException::new("NOT_FOUND", "Bulk not found"));
        let status: BulkStatusResponse =
            serde_json::from_value(json!({"bulkId": "b", "status": "PAUSED"})).unwrap();
        assert_eq!(status.status, Some(BulkStatus::Paused));
        let balance: AccountBalance =
            serde_json::from_value(json!({"balance": 47.79, "currency": "EUR"})).unwrap();
        assert_eq!(balance.currency, "EUR");
    }

    #[test]
    fn parses_the_specs_webhook_examples() {
        // The delivery-report webhook carries the same body as `/sms/3/reports`.
        let pushed: DeliveryReports = serde_json::from_value(json!({"results": [{
            "bulkId": "b", "messageId": "m", "to": "41793026727", "sentAt": "2019-11-09T16:00:00.000+0000",
            "doneAt": "2019-11-09T16:00:00.000+0000", "messageCount": 1,
            "price": {"pricePerMessage": 0.01, "currency": "EUR"},
            "status": {"groupId": 3, "groupName": "DELIVERED", "id": 5, "name": "DELIVERED_TO_HANDSET"},
            "error": {"groupId": 0, "groupName": "OK", "id": 0, "name": "NO_ERROR", "permanent": false},
            "callbackData": "c"
        }]}))
        .unwrap();
        assert_eq!(
            pushed.results[0].error.as_ref().unwrap().permanent,
            Some(false)
        );
        let inbound: InboundMessages = serde_json::from_value(json!({"results": [{
            "messageId": "817790313235066447", "from": "385916242493", "to": "385921004026",
            "text": "QUIZ Correct answer is Paris", "cleanText": "Correct answer is Paris", "keyword": "QUIZ",
            "receivedAt": "2019-11-09T16:00:00.000+0000", "smsCount": 1,
            "price": {"pricePerMessage": 0, "currency": "EUR"}, "callbackData": "callbackData"
        }], "messageCount": 1, "pendingMessageCount": 1}))
        .unwrap();
        assert_eq!(inbound.results[0].keyword.as_deref(), Some("QUIZ"));
    }
}
