//! The sandbox controls where the sandboxes are mounted in the app: admins only, and each move of
//! the clock or change of the faults (or attempt refused for lack of rights) in the audit trail,
//! as when it is done through the app's own pages.

use app::models::{AuditAction, AuditOutcome, AuditSubject, Right};
use app::services::{Actor, AuditRecord, AuditTrail};
use axum::body::{to_bytes, Body};
use axum::http::{Method, Request, StatusCode};
use axum::response::IntoResponse;
use std::sync::Arc;

use crate::identity::{Gate, SessionUse};
use crate::routes::sign_in;
use crate::sandbox::control::Advance;
use crate::sandbox::ControlGate;

/// The largest control request read for the trail (the faults are a few fields).
const MOST_CONTROL_BODY: usize = 16 * 1024;

pub fn gate(gate: Gate, audit: Arc<dyn AuditTrail>) -> ControlGate {
    Arc::new(move |request, next| {
        let gate = gate.clone();
        let audit = audit.clone();
        Box::pin(async move {
            let actor = match sign_in::identify(
                &gate,
                request.extensions(),
                request.headers(),
                SessionUse::Use,
            )
            .await
            {
                Ok(actor) => actor,
                Err(refused) => return refused.into_response(),
            };
            let action = changed_by(request.method(), request.uri().path());
            if let Some(refusal) = actor.role.refusal(Right::SandboxControl) {
                tracing::warn!(actor = %actor.name, "sandbox control refused: no right");
                if let Some(action) = action {
                    let outcome = AuditOutcome::Refused(Right::SandboxControl);
                    let record = record(actor, action, outcome, AuditSubject::default());
                    audit.record(record).await;
                }
                return (StatusCode::FORBIDDEN, refusal.to_string()).into_response();
            }
            let Some(action) = action else {
                return next.run(request).await;
            };
            let (parts, body) = request.into_parts();
            let Ok(body) = to_bytes(body, MOST_CONTROL_BODY).await else {
                return StatusCode::PAYLOAD_TOO_LARGE.into_response();
            };
            let subject = subject_of(action, &body);
            let answer = next.run(Request::from_parts(parts, Body::from(body))).await;
            if answer.status().is_success() {
                audit
                    .record(record(actor, action, AuditOutcome::Done, subject))
                    .await;
            }
            answer
        })
    })
}

/// The action a control request is, when it changes something.
fn changed_by(method: &Method, path: &str) -> Option<AuditAction> {
    if method == Method::POST && path == "/clock/advance" {
        Some(AuditAction::MoveSandboxClock)
    } else if method == Method::PUT && path == "/faults" {
        Some(AuditAction::SetSandboxFaults)
    } else {
        None
    }
}

/// What the trail says of the change: the seconds the clock moved, the faults as set.
fn subject_of(action: AuditAction, body: &[u8]) -> AuditSubject {
    let as_sent = || AuditSubject {
        detail: Some(String::from_utf8_lossy(body).into_owned()),
        ..AuditSubject::default()
    };
    match action {
        AuditAction::MoveSandboxClock => serde_json::from_slice::<Advance>(body)
            .map(|advance| AuditSubject::clock_move(advance.seconds))
            .unwrap_or_else(|_| as_sent()),
        AuditAction::SetSandboxFaults
        | AuditAction::Schedule
        | AuditAction::Cancel
        | AuditAction::Reschedule
        | AuditAction::Pause
        | AuditAction::Resume
        | AuditAction::AddOptOuts
        | AuditAction::RemoveOptOut
        | AuditAction::Approve
        | AuditAction::Reject
        | AuditAction::Withdraw
        | AuditAction::SignIn
        | AuditAction::SignOut => as_sent(),
    }
}

fn record(
    actor: Actor,
    action: AuditAction,
    outcome: AuditOutcome,
    subject: AuditSubject,
) -> AuditRecord {
    AuditRecord {
        actor,
        action,
        outcome,
        subject,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_changes_the_sandboxes_is_an_action() {
        assert_eq!(
            changed_by(&Method::POST, "/clock/advance"),
            Some(AuditAction::MoveSandboxClock)
        );
        assert_eq!(
            changed_by(&Method::PUT, "/faults"),
            Some(AuditAction::SetSandboxFaults)
        );
        assert_eq!(changed_by(&Method::GET, "/clock"), None);
        assert_eq!(changed_by(&Method::GET, "/faults"), None);
        assert_eq!(changed_by(&Method::GET, "/received"), None);
    }

    #[test]
    fn the_trail_says_how_far_the_clock_moved_and_which_faults_were_set() {
        let moved = subject_of(AuditAction::MoveSandboxClock, br#"{"seconds": 3600}"#);
        assert_eq!(moved.detail.as_deref(), Some("3600 s"));
        let faults = br#"{"server_error_share":0.5}"#;
        let set = subject_of(AuditAction::SetSandboxFaults, faults);
        assert_eq!(set.detail.as_deref(), Some(r#"{"server_error_share":0.5}"#));
    }
}
