//! Reports, logs and inbound messages, as `/sms/3/reports`, `/sms/3/logs` and the webhooks carry them.

use serde::{Deserialize, Serialize};

use super::MessageStatus;

/// `GET /sms/3/reports` answer: final delivery reports, each served once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeliveryReports {
    #[serde(default)]
    pub results: Vec<DeliveryReport>,
}

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryReport {
    pub bulk_id: Option<String>,
    pub message_id: Option<String>,
    pub to: Option<String>,
    pub sender: Option<String>,
    pub sent_at: Option<String>,
    pub done_at: Option<String>,
    pub message_count: Option<i32>,
    pub price: Option<MessagePrice>,
    pub status: Option<MessageStatus>,
    pub error: Option<MessageError>,
    pub callback_data: Option<String>,
    pub mcc_mnc: Option<String>,
    pub platform: Option<Platform>,
    pub campaign_reference_id: Option<String>,
}

/// `GET /sms/3/logs` answer: every message with its current status.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MessageLogs {
    #[serde(default)]
    pub results: Vec<MessageLog>,
    /// Present when the request asked for cursor paging (`useCursor=true`).
    pub cursor: Option<CursorPageInfo>,
}

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CursorPageInfo {
    pub limit: i32,
    /// Absent on the last page.
    pub next_cursor: Option<String>,
}

/// `options.platform` of a message, echoed in its reports and logs.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Platform {
    pub entity_id: Option<String>,
    pub application_id: Option<String>,
}

/// The text a log shows (`content` of `/sms/3/logs`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogContent {
    pub text: String,
}

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageLog {
    pub bulk_id: Option<String>,
    pub message_id: Option<String>,
    pub destination: Option<String>,
    pub sender: Option<String>,
    pub sent_at: Option<String>,
    pub done_at: Option<String>,
    pub message_count: Option<i32>,
    pub price: Option<MessagePrice>,
    pub status: Option<MessageStatus>,
    pub error: Option<MessageError>,
    pub platform: Option<Platform>,
    pub content: Option<LogContent>,
    pub campaign_reference_id: Option<String>,
    pub mcc_mnc: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MessagePrice {
    pub price_per_message: f64,
    pub currency: String,
}

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageError {
    pub group_id: Option<i32>,
    /// `OK`, `HANDSET_ERRORS`, `USER_ERRORS` or `OPERATOR_ERRORS`.
    pub group_name: Option<String>,
    pub id: Option<i32>,
    pub name: Option<String>,
    pub description: Option<String>,
    /// Whether a retry can never succeed.
    pub permanent: Option<bool>,
}

/// Body of the inbound-message webhook (`receive-inbound-sms-messages`).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InboundMessages {
    #[serde(default)]
    pub results: Vec<InboundMessage>,
    pub message_count: Option<i32>,
    pub pending_message_count: Option<i32>,
}

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InboundMessage {
    pub message_id: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub text: Option<String>,
    pub clean_text: Option<String>,
    pub keyword: Option<String>,
    pub received_at: Option<String>,
    pub sms_count: Option<i32>,
    pub price: Option<MessagePrice>,
    pub callback_data: Option<String>,
}
