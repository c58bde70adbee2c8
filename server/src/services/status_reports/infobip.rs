//! Infobip's delivery reports and inbound messages in the ledger's terms. Infobip echoes our own
//! per-recipient id as `messageId`, so a report names its recipient directly.

use crate::domain::opt_out::is_opt_out_request;
use app::models::{EventSource, Notice, ProviderId, RecipientStatus, UndeliveredCause};
use chrono::{DateTime, Utc};

use super::reported_time;
use crate::providers::infobip::wire::{parse_send_at, DeliveryReport, InboundMessage as Inbound};
use crate::storage::{InboundMessage, ReportKey, StatusReport};

const PROVIDER: ProviderId = ProviderId::Infobip;

/// The ledger's status for a report's status group (`PENDING`, `DELIVERED`, …).
pub fn status(group_name: Option<&str>) -> RecipientStatus {
    match group_name {
        Some("ACCEPTED") => RecipientStatus::Accepted,
        Some("PENDING") => RecipientStatus::Sent,
        Some("DELIVERED") => RecipientStatus::Delivered,
        Some("UNDELIVERABLE" | "REJECTED") => RecipientStatus::Failed,
        Some("EXPIRED") => RecipientStatus::Expired,
        _ => RecipientStatus::Unknown,
    }
}

/// The report for the ledger, or `None` when it names no message (nothing to key it on).
pub fn delivery_report(
    report: &DeliveryReport,
    source: EventSource,
    received_at: DateTime<Utc>,
) -> Option<StatusReport> {
    let message_id = report.message_id.clone()?;
    let group = report.status.as_ref().and_then(|s| s.group_name.as_deref());
    let status = status(group);
    let detail = match status {
        RecipientStatus::Failed | RecipientStatus::Expired | RecipientStatus::Unknown => {
            Some(undelivered(report, group).to_recorded())
        }
        _ => None,
    };
    let reported = report
        .done_at
        .as_deref()
        .or(report.sent_at.as_deref())
        .and_then(parse_send_at)
        .map(|at| at.with_timezone(&Utc));
    let occurred_at = reported_time(reported, received_at);
    Some(StatusReport {
        key: ReportKey::RecipientId(message_id),
        status,
        detail,
        source,
        occurred_at,
    })
}

/// Why a message was not delivered: the error explains a failure best (its name and words), the
/// status otherwise. Infobip's registry sorts its errors by whose they are (handset, user,
/// operator); the commonest are named apart.
fn undelivered(report: &DeliveryReport, group: Option<&str>) -> Notice {
    let error = report
        .error
        .as_ref()
        .filter(|e| e.group_name.as_deref() != Some("OK"));
    let status = report.status.as_ref();
    let cause = match (
        error.and_then(|e| e.name.as_deref()),
        error.and_then(|e| e.group_name.as_deref()),
    ) {
        (Some("EC_UNKNOWN_SUBSCRIBER"), _) => UndeliveredCause::NoSuchNumber,
        (Some("EC_ABSENT_SUBSCRIBER" | "EC_ABSENT_SUBSCRIBER_SM"), _) => {
            UndeliveredCause::Unreachable
        }
        (_, Some("HANDSET_ERRORS")) => UndeliveredCause::Handset,
        (_, Some("USER_ERRORS")) => UndeliveredCause::Account,
        (_, Some("OPERATOR_ERRORS")) => UndeliveredCause::Operator,
        _ => match (group, status.and_then(|s| s.name.as_deref())) {
            // The registry's rejections say whose they are by name.
            (_, Some("REJECTED_DESTINATION" | "REJECTED_PREFIX_MISSING" | "MISSING_TO")) => {
                UndeliveredCause::NoSuchNumber
            }
            (
                _,
                Some(
                    "REJECTED_NOT_ENOUGH_CREDITS"
                    | "REJECTED_SOURCE"
                    | "REJECTED_SENDER"
                    | "REJECTED_PREPAID_PACKAGE_EXPIRED"
                    | "REJECTED_ROUTE_NOT_AVAILABLE"
                    | "REJECTED_MESSAGE_TOO_LONG"
                    | "REJECTED_INVALID_UDH",
                ),
            ) => UndeliveredCause::Account,
            (
                _,
                Some(
                    "REJECTED_NETWORK"
                    | "REJECTED_DND"
                    | "REJECTED_DESTINATION_BLOCKLISTED"
                    | "REJECTED_DESTINATION_NOT_REGISTERED"
                    | "SIGNALS_BLOCKED",
                ),
            ) => UndeliveredCause::NotAllowed,
            (Some("EXPIRED"), _) => UndeliveredCause::NeverConfirmed,
            _ => UndeliveredCause::Unexplained,
        },
    };
    let (code, words) = match error {
        Some(error) => (error.name.clone(), error.description.clone()),
        None => (
            status.and_then(|s| s.name.clone()),
            status.and_then(|s| s.description.clone()),
        ),
    };
    Notice::Undelivered {
        provider: PROVIDER,
        cause,
        code,
        words,
    }
}

/// The reply for our records, or `None` when it names no sender.
pub fn inbound(message: &Inbound, received_at: DateTime<Utc>) -> Option<InboundMessage> {
    let from = message.from.as_deref()?;
    let phone = if from.starts_with('+') {
        from.to_owned()
    } else {
        format!("+{from}")
    };
    // The whole text: `cleanText` has the keyword taken out.
    let text = message
        .text
        .clone()
        .or_else(|| message.clean_text.clone())
        .unwrap_or_default();
    let keyword_says_stop = message.keyword.as_deref().is_some_and(is_opt_out_request);
    let reported = message
        .received_at
        .as_deref()
        .and_then(parse_send_at)
        .map(|at| at.with_timezone(&Utc));
    let received = reported_time(reported, received_at);
    Some(InboundMessage {
        id: match &message.message_id {
            Some(id) => format!("{}:{id}", PROVIDER.as_str()),
            None => format!(
                "{}:{phone}:{}:{text}",
                PROVIDER.as_str(),
                received.timestamp()
            ),
        },
        provider: PROVIDER,
        opt_out: keyword_says_stop || is_opt_out_request(&text),
        phone,
        text,
        reference: None,
        received_at: received,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::providers::infobip::wire::DeliveryReports;
    use serde_json::json;

    #[test]
    fn the_specs_report_example_becomes_a_delivered_recipient() {
        let reports: DeliveryReports = serde_json::from_value(json!({"results": [{
            "bulkId": "b", "messageId": "c-1-0", "to": "41793026727",
            "sentAt": "2019-11-09T16:00:00.000+0000", "doneAt": "2019-11-09T16:00:05.000+0000",
            "messageCount": 1, "price": {"pricePerMessage": 0.01, "currency": "EUR"},
            "status": {"groupId": 3, "groupName": "DELIVERED", "id": 5, "name": "DELIVERED_TO_HANDSET",
                "description": "Message delivered to handset"},
            "error": {"groupId": 0, "groupName": "OK", "id": 0, "name": "NO_ERROR",
                "description": "No Error", "permanent": false}
        }]}))
        .unwrap();
        let report =
            delivery_report(&reports.results[0], EventSource::InfobipWebhook, Utc::now()).unwrap();
        assert_eq!(report.key, ReportKey::RecipientId("c-1-0".into()));
        assert_eq!(report.status, RecipientStatus::Delivered);
        assert_eq!(report.detail, None);
        assert_eq!(report.occurred_at.to_rfc3339(), "2019-11-09T16:00:05+00:00");
    }

    #[test]
    fn a_failure_keeps_the_providers_explanation() {
        let report: DeliveryReport = serde_json::from_value(json!({
            "messageId": "m", "status": {"groupName": "UNDELIVERABLE", "description": "Message sent not delivered"},
            "error": {"groupName": "HANDSET_ERRORS", "name": "EC_ABSENT_SUBSCRIBER", "description": "Absent subscriber"}
        }))
        .unwrap();
        let report = delivery_report(&report, EventSource::InfobipPoll, Utc::now()).unwrap();
        assert_eq!(report.status, RecipientStatus::Failed);
        let detail = Notice::from_recorded(report.detail.as_deref().unwrap());
        assert_eq!(
            detail,
            Notice::Undelivered {
                provider: ProviderId::Infobip,
                cause: UndeliveredCause::Unreachable,
                code: Some("EC_ABSENT_SUBSCRIBER".into()),
                words: Some("Absent subscriber".into()),
            }
        );
        assert_eq!(
            detail.to_string(),
            "the phone was off, out of reach or could not take it (Infobip: \
             EC_ABSENT_SUBSCRIBER, “Absent subscriber”)"
        );
        let nameless: DeliveryReport =
            serde_json::from_value(json!({"to": "33600000000"})).unwrap();
        assert!(delivery_report(&nameless, EventSource::InfobipPoll, Utc::now()).is_none());
    }

    /// Each failure is said by its cause: a named error, else its error group, else its status.
    #[test]
    fn a_failure_s_cause_is_read_from_its_error_then_its_status() {
        let cause = |report: serde_json::Value| {
            let report: DeliveryReport = serde_json::from_value(report).unwrap();
            match Notice::from_recorded(
                &delivery_report(&report, EventSource::InfobipPoll, Utc::now())
                    .unwrap()
                    .detail
                    .unwrap(),
            ) {
                Notice::Undelivered { cause, code, .. } => (cause, code),
                other => panic!("{other:?}"),
            }
        };
        let failed = |group: &str, name: &str| {
            json!({"messageId": "m", "status": {"groupName": "UNDELIVERABLE"},
                   "error": {"groupName": group, "name": name}})
        };
        for (group, name, expected) in [
            (
                "HANDSET_ERRORS",
                "EC_UNKNOWN_SUBSCRIBER",
                UndeliveredCause::NoSuchNumber,
            ),
            (
                "HANDSET_ERRORS",
                "EC_ABSENT_SUBSCRIBER_SM",
                UndeliveredCause::Unreachable,
            ),
            (
                "HANDSET_ERRORS",
                "EC_MEMORY_CAPACITY_EXCEEDED",
                UndeliveredCause::Handset,
            ),
            (
                "USER_ERRORS",
                "EC_SM_DF_INVALIDDATA",
                UndeliveredCause::Account,
            ),
            (
                "OPERATOR_ERRORS",
                "EC_BEARER_SERVICE_NOT_PROVISIONED",
                UndeliveredCause::Operator,
            ),
        ] {
            assert_eq!(
                cause(failed(group, name)),
                (expected, Some(name.to_owned()))
            );
        }
        // No error: the status says it, with its own name.
        let expired = json!({"messageId": "m",
            "status": {"groupName": "EXPIRED", "name": "EXPIRED_EXPIRED", "description": "Message expired"},
            "error": {"groupName": "OK", "name": "NO_ERROR"}});
        assert_eq!(
            cause(expired),
            (
                UndeliveredCause::NeverConfirmed,
                Some("EXPIRED_EXPIRED".to_owned())
            )
        );
        let rejected = |name: &str| json!({"messageId": "m", "status": {"groupName": "REJECTED", "name": name}});
        for (name, expected) in [
            ("REJECTED_NETWORK", UndeliveredCause::NotAllowed),
            ("REJECTED_NOT_ENOUGH_CREDITS", UndeliveredCause::Account),
            ("REJECTED_SENDER", UndeliveredCause::Account),
            ("REJECTED_DESTINATION", UndeliveredCause::NoSuchNumber),
            ("REJECTED_SYSTEM_ERROR", UndeliveredCause::Unexplained),
        ] {
            assert_eq!(cause(rejected(name)), (expected, Some(name.to_owned())));
        }
        // Blocked as fraud, filed under the expired: not "never confirmed".
        let blocked = json!({"messageId": "m", "status": {"groupName": "EXPIRED", "name": "SIGNALS_BLOCKED"}});
        assert_eq!(cause(blocked).0, UndeliveredCause::NotAllowed);
        let new_group = json!({"messageId": "m", "status": {"groupName": "SOMETHING_NEW"}});
        assert_eq!(cause(new_group), (UndeliveredCause::Unexplained, None));
    }

    #[test]
    fn every_group_has_a_status() {
        assert_eq!(status(Some("PENDING")), RecipientStatus::Sent);
        assert_eq!(status(Some("REJECTED")), RecipientStatus::Failed);
        assert_eq!(status(Some("EXPIRED")), RecipientStatus::Expired);
        assert_eq!(status(Some("SOMETHING_NEW")), RecipientStatus::Unknown);
        assert_eq!(status(None), RecipientStatus::Unknown);
    }

    #[test]
    fn an_inbound_stop_is_an_opt_out_with_a_plus_number() {
        let message: Inbound = serde_json::from_value(json!({
            "messageId": "mo-1", "from": "33600000001", "to": "447860099299",
            "text": "STOP", "cleanText": "", "keyword": "STOP", "receivedAt": "2025-01-22T11:50:00.000+0000"
        }))
        .unwrap();
        let reply = inbound(&message, Utc::now()).unwrap();
        assert_eq!(reply.phone, "+33600000001");
        assert!(reply.opt_out);
        assert_eq!(reply.id, "infobip:mo-1");
    }
}
