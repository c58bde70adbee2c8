//! Infobip's status and error objects for a message at each stage (ids and names from its status
//! registry, `docs/specs/infobip/error-codes.yml`).

use crate::providers::infobip::wire::{MessageError, MessageStatus};
use crate::sandbox::outcome::{Outcome, Stage};

fn status(group_id: i32, group: &str, id: i32, name: &str, description: &str) -> MessageStatus {
    MessageStatus {
        group_id: Some(group_id),
        group_name: Some(group.into()),
        id: Some(id),
        name: Some(name.into()),
        description: Some(description.into()),
        action: None,
    }
}

fn error_object(group_id: i32, group: &str, id: i32, name: &str, permanent: bool) -> MessageError {
    MessageError {
        group_id: Some(group_id),
        group_name: Some(group.into()),
        id: Some(id),
        name: Some(name.into()),
        description: None,
        permanent: Some(permanent),
    }
}

/// Infobip's status and error objects for a message at `stage` (codes from its status registry).
pub fn describe(stage: Stage) -> (MessageStatus, MessageError) {
    let no_error = error_object(0, "OK", 0, "NO_ERROR", false);
    match stage {
        Stage::Scheduled => (
            status(
                1,
                "PENDING",
                26,
                "PENDING_ACCEPTED",
                "Message sent to next instance",
            ),
            no_error,
        ),
        Stage::Sent => (
            status(
                1,
                "PENDING",
                7,
                "PENDING_ENROUTE",
                "Message sent to next instance",
            ),
            no_error,
        ),
        Stage::Done(Outcome::Delivered) => (
            status(
                3,
                "DELIVERED",
                5,
                "DELIVERED_TO_HANDSET",
                "Message delivered to handset",
            ),
            no_error,
        ),
        Stage::Done(Outcome::Undeliverable) => (
            status(
                2,
                "UNDELIVERABLE",
                9,
                "UNDELIVERABLE_NOT_DELIVERED",
                "Message sent not delivered",
            ),
            error_object(1, "HANDSET_ERRORS", 1, "EC_UNKNOWN_SUBSCRIBER", true),
        ),
        Stage::Done(Outcome::Expired) => (
            status(4, "EXPIRED", 15, "EXPIRED_EXPIRED", "Message expired"),
            error_object(1, "HANDSET_ERRORS", 27, "EC_ABSENT_SUBSCRIBER", false),
        ),
        Stage::Done(Outcome::Rejected) => (
            status(5, "REJECTED", 6, "REJECTED_NETWORK", "Network is forbidden"),
            error_object(
                3,
                "OPERATOR_ERRORS",
                10,
                "EC_BEARER_SERVICE_NOT_PROVISIONED",
                true,
            ),
        ),
    }
}
