//! The bodies of the older operations the sandbox serves (`/sms/2/text/advanced`, `/sms/1/reports`,
//! `/sms/1/logs`, `/sms/1/inbox/reports`), field for field as the official spec describes them. The
//! app's own client speaks the v3 ones (`wire`); these are for other callers, such as Infobip's
//! scheduling guide and its Python SDK.

use serde::{Deserialize, Serialize};

use crate::providers::infobip::wire::{
    DeliveryReport, Destination, MessageError, MessageLog, MessagePrice, MessageStatus,
};

/// `POST /sms/2/text/advanced` body (`SMSAdvancedTextualRequest`); options the sandbox has no use
/// for (language, transliteration, delivery time window, tracking, regional) are read and ignored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AdvancedRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bulk_id: Option<String>,
    pub messages: Vec<AdvancedMessage>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_sms_count_in_response: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AdvancedMessage {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    pub destinations: Vec<Destination>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notify_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback_data: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flash: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validity_period: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign_reference_id: Option<String>,
}

/// Answer of `/sms/2/text/advanced` (`SMSResponse`) and `/sms/1/text/query` (`QuerySmsResponse`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LegacySendResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bulk_id: Option<String>,
    pub messages: Vec<LegacyMessageResponse>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LegacyMessageResponse {
    pub to: String,
    pub status: MessageStatus,
    pub message_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms_count: Option<i32>,
}

/// `GET /sms/1/reports` (`SMSReportResponse`) and `GET /sms/1/logs` (`LogsResponse`) answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LegacyResults {
    pub results: Vec<LegacyEntry>,
}

/// A report of `/sms/1/reports` or a log of `/sms/1/logs`: the v3 one with the older names (`to`,
/// `from`, `smsCount`) and the platform ids at the top level; a report carries its `callbackData`,
/// a log its `text`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LegacyEntry {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bulk_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms_count: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mcc_mnc: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<MessagePrice>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<MessageStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<MessageError>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign_reference_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback_data: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl From<DeliveryReport> for LegacyEntry {
    fn from(report: DeliveryReport) -> Self {
        let platform = report.platform.unwrap_or_default();
        LegacyEntry {
            bulk_id: report.bulk_id,
            message_id: report.message_id,
            to: report.to,
            from: report.sender,
            sent_at: report.sent_at,
            done_at: report.done_at,
            sms_count: report.message_count,
            mcc_mnc: report.mcc_mnc,
            price: report.price,
            status: report.status,
            error: report.error,
            entity_id: platform.entity_id,
            application_id: platform.application_id,
            campaign_reference_id: report.campaign_reference_id,
            callback_data: report.callback_data,
            text: None,
        }
    }
}

impl From<MessageLog> for LegacyEntry {
    fn from(log: MessageLog) -> Self {
        let platform = log.platform.unwrap_or_default();
        LegacyEntry {
            bulk_id: log.bulk_id,
            message_id: log.message_id,
            to: log.destination,
            from: log.sender,
            sent_at: log.sent_at,
            done_at: log.done_at,
            sms_count: log.message_count,
            mcc_mnc: log.mcc_mnc,
            price: log.price,
            status: log.status,
            error: log.error,
            entity_id: platform.entity_id,
            application_id: platform.application_id,
            campaign_reference_id: log.campaign_reference_id,
            callback_data: None,
            text: log.content.map(|content| content.text),
        }
    }
}
