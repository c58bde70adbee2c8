//! Octopush's callbacks in the ledger's terms. Octopush names a recipient by the campaign's ticket
//! and the number.

use crate::domain::opt_out::is_opt_out_request;
use app::models::{EventSource, Notice, ProviderId, RecipientStatus, UndeliveredCause};
use chrono::{DateTime, Utc};

use super::reported_time;
use crate::providers::octopush::callbacks::{
    octopush_date, DeliveryReportCallback, DeliveryStatus, ReplyCallback, StopCallback,
};
use crate::storage::{InboundMessage, ReportKey, StatusReport};

const PROVIDER: ProviderId = ProviderId::Octopush;
pub const SOURCE: EventSource = EventSource::OctopushWebhook;

/// The ledger's status for a delivery status, with why a message was not delivered.
pub fn status(status: DeliveryStatus) -> (RecipientStatus, Option<Notice>) {
    let undelivered = |cause| {
        Some(Notice::Undelivered {
            provider: PROVIDER,
            cause,
            code: status.code().map(str::to_owned),
            words: None,
        })
    };
    match status {
        DeliveryStatus::Ack => (RecipientStatus::Sent, None),
        DeliveryStatus::Delivered => (RecipientStatus::Delivered, None),
        DeliveryStatus::NotDelivered => (
            RecipientStatus::Failed,
            undelivered(UndeliveredCause::Unreachable),
        ),
        DeliveryStatus::NotAllowed => (
            RecipientStatus::Failed,
            undelivered(UndeliveredCause::NotAllowed),
        ),
        DeliveryStatus::BadDestination => (
            RecipientStatus::Failed,
            undelivered(UndeliveredCause::NoSuchNumber),
        ),
        DeliveryStatus::BlacklistedNumber => (
            RecipientStatus::Failed,
            undelivered(UndeliveredCause::Blacklisted),
        ),
        DeliveryStatus::UnknownDelivery => (
            RecipientStatus::Expired,
            undelivered(UndeliveredCause::NeverConfirmed),
        ),
        DeliveryStatus::Undefined | DeliveryStatus::Other => (
            RecipientStatus::Unknown,
            undelivered(UndeliveredCause::Unexplained),
        ),
    }
}

pub fn delivery_report(
    report: &DeliveryReportCallback,
    received_at: DateTime<Utc>,
) -> StatusReport {
    let (status, detail) = status(report.status);
    StatusReport {
        key: ReportKey::Reference {
            provider: PROVIDER,
            reference: report.message_id.clone(),
            phone: report.number.clone(),
        },
        status,
        detail: detail.map(|notice| notice.to_recorded()),
        source: SOURCE,
        occurred_at: reported_time(octopush_date(&report.delivery_date), received_at),
    }
}

pub fn reply(reply: &ReplyCallback, received_at: DateTime<Utc>) -> InboundMessage {
    inbound(
        &reply.message_id,
        &reply.number,
        &reply.text,
        &reply.reception_date,
        is_opt_out_request(&reply.text),
        received_at,
    )
}

/// Octopush recognised the STOP itself: an opt-out whatever the words.
pub fn stop(stop: &StopCallback, received_at: DateTime<Utc>) -> InboundMessage {
    inbound(
        &stop.message_id,
        &stop.number,
        stop.text.as_deref().unwrap_or("STOP"),
        &stop.stop_date,
        true,
        received_at,
    )
}

fn inbound(
    ticket: &str,
    number: &str,
    text: &str,
    date: &str,
    opt_out: bool,
    received_at: DateTime<Utc>,
) -> InboundMessage {
    InboundMessage {
        // Octopush gives replies no id: the same reply delivered twice has the same content.
        id: format!(
            "{}:{ticket}:{number}:{date}:{}",
            PROVIDER.as_str(),
            opt_out as u8
        ),
        provider: PROVIDER,
        phone: number.to_owned(),
        text: text.to_owned(),
        reference: Some(ticket.to_owned()),
        opt_out,
        received_at: reported_time(octopush_date(date), received_at),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_say_why_and_acknowledgements_are_not_final() {
        assert_eq!(status(DeliveryStatus::Ack).0, RecipientStatus::Sent);
        assert_eq!(
            status(DeliveryStatus::Delivered),
            (RecipientStatus::Delivered, None)
        );
        for failure in [
            DeliveryStatus::NotDelivered,
            DeliveryStatus::NotAllowed,
            DeliveryStatus::BadDestination,
            DeliveryStatus::BlacklistedNumber,
        ] {
            let (status, detail) = status(failure);
            assert_eq!(status, RecipientStatus::Failed);
            assert!(
                matches!(detail, Some(Notice::Undelivered { code: Some(ref code), .. }) if code == failure.code().unwrap())
            );
        }
        assert_eq!(
            status(DeliveryStatus::BadDestination)
                .1
                .unwrap()
                .to_string(),
            "the number does not exist or cannot receive SMS (Octopush: BAD_DESTINATION)"
        );
        // The code is the name Octopush sends, for every status it documents.
        for known in [
            DeliveryStatus::Ack,
            DeliveryStatus::Delivered,
            DeliveryStatus::NotDelivered,
            DeliveryStatus::NotAllowed,
            DeliveryStatus::UnknownDelivery,
            DeliveryStatus::BadDestination,
            DeliveryStatus::BlacklistedNumber,
            DeliveryStatus::Undefined,
        ] {
            let read: DeliveryStatus =
                serde_json::from_value(serde_json::json!(known.code().unwrap())).unwrap();
            assert_eq!(read, known);
        }
        assert_eq!(DeliveryStatus::Other.code(), None);
        assert_eq!(
            status(DeliveryStatus::UnknownDelivery).0,
            RecipientStatus::Expired
        );
    }

    #[test]
    fn a_reply_saying_stop_is_an_opt_out_and_a_repeat_has_the_same_id() {
        let now = Utc::now();
        let callback = ReplyCallback {
            message_id: "sms_1".into(),
            number: "+33600000001".into(),
            text: "Stop".into(),
            sim_card_number: None,
            reception_date: "2025-01-22 11:50:00".into(),
        };
        let first = reply(&callback, now);
        assert!(first.opt_out);
        assert_eq!(first, reply(&callback, now + chrono::Duration::seconds(5)));
        let yes = reply(
            &ReplyCallback {
                text: "Yes please".into(),
                ..callback
            },
            now,
        );
        assert!(!yes.opt_out);
    }
}
