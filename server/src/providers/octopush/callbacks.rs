//! The three callbacks Octopush posts to us (URLs set in its web interface, JSON bodies, no signature:
//! the receiving endpoint is protected by a secret in its URL). They are told apart by their date field.
//! Their dates carry no zone and are Paris time, Octopush's own.

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Europe::Paris;
use serde::{Deserialize, Serialize};

/// A delivery report, keyed on (`message_id` = the campaign's ticket, `number`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeliveryReportCallback {
    #[serde(default)]
    pub channel: Option<String>,
    /// The campaign's `sms_ticket`: Octopush has no per-message id.
    pub message_id: String,
    pub number: String,
    pub status: DeliveryStatus,
    /// `2025-01-22 11:46:06`, Octopush's own format.
    pub delivery_date: String,
    #[serde(default)]
    pub unit_price: Option<f64>,
    #[serde(default)]
    pub list_name: Option<String>,
    #[serde(default)]
    pub meta_data: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum DeliveryStatus {
    Ack,
    Delivered,
    NotDelivered,
    NotAllowed,
    UnknownDelivery,
    BadDestination,
    BlacklistedNumber,
    Undefined,
    /// A status Octopush adds later: kept, not refused.
    #[serde(other)]
    Other,
}

impl DeliveryStatus {
    /// The name Octopush gives it; `None` for a status this client does not know.
    pub fn code(self) -> Option<&'static str> {
        Some(match self {
            DeliveryStatus::Ack => "ACK",
            DeliveryStatus::Delivered => "DELIVERED",
            DeliveryStatus::NotDelivered => "NOT_DELIVERED",
            DeliveryStatus::NotAllowed => "NOT_ALLOWED",
            DeliveryStatus::UnknownDelivery => "UNKNOWN_DELIVERY",
            DeliveryStatus::BadDestination => "BAD_DESTINATION",
            DeliveryStatus::BlacklistedNumber => "BLACKLISTED_NUMBER",
            DeliveryStatus::Undefined => "UNDEFINED",
            DeliveryStatus::Other => return None,
        })
    }
}

/// A reply (MO) to a campaign sent with replies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyCallback {
    pub message_id: String,
    pub number: String,
    pub text: String,
    #[serde(default)]
    pub sim_card_number: Option<String>,
    pub reception_date: String,
}

/// A recipient's opt-out (STOP).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StopCallback {
    pub message_id: String,
    pub number: String,
    #[serde(default)]
    pub text: Option<String>,
    pub stop_date: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Callback {
    DeliveryReport(DeliveryReportCallback),
    Reply(ReplyCallback),
    Stop(StopCallback),
}

#[derive(Debug, thiserror::Error)]
pub enum CallbackError {
    #[error("the body is not JSON: {0}")]
    NotJson(serde_json::Error),
    #[error("the body has none of delivery_date, reception_date or stop_date")]
    UnknownKind,
    #[error("the {kind} is missing or mistypes a field: {source}")]
    Invalid {
        kind: &'static str,
        source: serde_json::Error,
    },
}

impl Callback {
    pub fn parse(body: &[u8]) -> Result<Self, CallbackError> {
        let value: serde_json::Value =
            serde_json::from_slice(body).map_err(CallbackError::NotJson)?;
        let has = |field: &str| value.get(field).is_some();
        let invalid = |kind| move |source| CallbackError::Invalid { kind, source };
        if has("delivery_date") {
            serde_json::from_value(value)
                .map(Callback::DeliveryReport)
                .map_err(invalid("delivery report"))
        } else if has("stop_date") {
            serde_json::from_value(value)
                .map(Callback::Stop)
                .map_err(invalid("STOP"))
        } else if has("reception_date") {
            serde_json::from_value(value)
                .map(Callback::Reply)
                .map_err(invalid("reply"))
        } else {
            Err(CallbackError::UnknownKind)
        }
    }
}

/// `2025-01-22 11:46:06`, Paris time; the first of two readings when the clocks go back.
pub fn octopush_date(value: &str) -> Option<DateTime<Utc>> {
    let naive = NaiveDateTime::parse_from_str(value.trim(), "%Y-%m-%d %H:%M:%S").ok()?;
    Paris
        .from_local_datetime(&naive)
        .earliest()
        .map(|at| at.with_timezone(&Utc))
}

/// How the Octopush sandbox writes a date, the inverse of [`octopush_date`].
pub fn format_octopush_date(at: DateTime<Utc>) -> String {
    at.with_timezone(&Paris)
        .format("%Y-%m-%d %H:%M:%S")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_paris_time_in_winter_and_summer() {
        assert_eq!(
            octopush_date("2025-01-22 11:46:06").unwrap().to_rfc3339(),
            "2025-01-22T10:46:06+00:00"
        );
        assert_eq!(
            octopush_date("2025-07-01 12:00:00").unwrap().to_rfc3339(),
            "2025-07-01T10:00:00+00:00"
        );
        assert_eq!(octopush_date("22/01/2025"), None);
        let at = Utc.with_ymd_and_hms(2025, 10, 26, 0, 30, 0).unwrap();
        assert_eq!(octopush_date(&format_octopush_date(at)), Some(at));
    }

    #[test]
    fn the_three_documented_callbacks_are_told_apart() {
        let report =
            br#"{"channel": "sms", "message_id": "sms_5f3fbce61266e", "number": "+33600000000",
            "status": "DELIVERED", "delivery_date": "2025-01-22 11:46:06", "unit_price": 0.05,
            "list_name": "x", "meta_data": {}}"#;
        let Callback::DeliveryReport(report) = Callback::parse(report).unwrap() else {
            panic!("a report")
        };
        assert_eq!(
            (report.status, report.message_id.as_str()),
            (DeliveryStatus::Delivered, "sms_5f3fbce61266e")
        );

        let reply = br#"{"message_id": "sms_1", "number": "+33600000000", "text": "Yes",
            "sim_card_number": "+33700000000", "reception_date": "2025-01-22 11:50:00"}"#;
        assert!(matches!(Callback::parse(reply).unwrap(), Callback::Reply(r) if r.text == "Yes"));

        let stop = br#"{"message_id": "sms_1", "number": "+33600000000", "text": "STOP", "stop_date": "2025-01-22 12:00:00"}"#;
        assert!(
            matches!(Callback::parse(stop).unwrap(), Callback::Stop(s) if s.number == "+33600000000")
        );
    }

    #[test]
    fn every_documented_status_parses_and_a_new_one_is_kept() {
        for status in [
            "ACK",
            "DELIVERED",
            "NOT_DELIVERED",
            "NOT_ALLOWED",
            "UNKNOWN_DELIVERY",
            "BAD_DESTINATION",
            "BLACKLISTED_NUMBER",
            "UNDEFINED",
        ] {
            let parsed: DeliveryStatus = serde_json::from_value(serde_json::json!(status)).unwrap();
            assert_ne!(parsed, DeliveryStatus::Other, "{status}");
        }
        let new: DeliveryStatus = serde_json::from_value(serde_json::json!("QUEUED")).unwrap();
        assert_eq!(new, DeliveryStatus::Other);
    }

    #[test]
    fn bad_bodies_say_what_is_wrong() {
        assert!(matches!(
            Callback::parse(b"not json"),
            Err(CallbackError::NotJson(_))
        ));
        assert!(matches!(
            Callback::parse(br#"{"number": "+33600000000"}"#),
            Err(CallbackError::UnknownKind)
        ));
        assert!(matches!(
            Callback::parse(br#"{"number": "+33600000000", "delivery_date": "x"}"#),
            Err(CallbackError::Invalid {
                kind: "delivery report",
                ..
            })
        ));
    }
}
