//! The sandbox controls called directly (as a script or a tester would, not through the app's
//! pages): admins only, and every change, or attempt refused, in the audit trail.

use app::models::{AuditAction, AuditOutcome, Right, Role};
use reqwest::StatusCode;
use serde_json::json;

use crate::access::{behind_portal, group_of, THE_TESTS_ARE_THE_PROXY};
use crate::audit::{summary, trail};
use crate::helpers::spawn_app_with;

#[tokio::test]
async fn moving_the_clock_or_setting_faults_directly_is_recorded_like_any_action() {
    let app = spawn_app_with(behind_portal(THE_TESTS_ARE_THE_PROXY)).await;
    let control = |method: reqwest::Method, path: &str, who: &str, role: Role| {
        app.http
            .request(method, format!("{}sandbox/control/{path}", app.url))
            .header("X-Forwarded-User", who)
            .header("X-Forwarded-Groups", group_of(role))
    };
    let advance = control(reqwest::Method::POST, "clock/advance", "dan", Role::Admin)
        .json(&json!({"seconds": 3600}))
        .send()
        .await
        .unwrap();
    assert_eq!(advance.status(), StatusCode::OK);
    let faults = json!({"latency_ms": 0, "server_error_share": 0.25, "rate_limit_share": 0.0,
        "retry_after_seconds": 0, "timeout_share": 0.0, "drop_before_share": 0.0,
        "drop_after_share": 0.0});
    let set = control(reqwest::Method::PUT, "faults", "dan", Role::Admin)
        .json(&faults)
        .send()
        .await
        .unwrap();
    assert_eq!(
        set.status(),
        StatusCode::OK,
        "{}",
        set.text().await.unwrap()
    );
    let refused = control(
        reqwest::Method::POST,
        "clock/advance",
        "alice",
        Role::Sender,
    )
    .json(&json!({"seconds": 60}))
    .send()
    .await
    .unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    // A change the sandbox refuses did not happen; reading changes nothing: neither is recorded.
    let invalid = control(reqwest::Method::PUT, "faults", "dan", Role::Admin)
        .json(&json!({"server_error_share": 7.0}))
        .send()
        .await
        .unwrap();
    assert_eq!(invalid.status(), StatusCode::BAD_REQUEST);
    let read = control(reqwest::Method::GET, "clock", "dan", Role::Admin)
        .send()
        .await
        .unwrap();
    assert_eq!(read.status(), StatusCode::OK);

    let all = trail(&app, json!({})).await;
    assert_eq!(
        summary(&all),
        [
            (
                "alice",
                AuditAction::MoveSandboxClock,
                AuditOutcome::Refused(Right::SandboxControl)
            ),
            ("dan", AuditAction::SetSandboxFaults, AuditOutcome::Done),
            ("dan", AuditAction::MoveSandboxClock, AuditOutcome::Done),
        ],
        "newest first"
    );
    assert_eq!(all[2].subject.detail.as_deref(), Some("3600 s"));
    let recorded_faults: serde_json::Value =
        serde_json::from_str(all[1].subject.detail.as_deref().unwrap()).unwrap();
    assert_eq!(recorded_faults, faults);
    assert_eq!(all[0].address.as_deref(), Some("127.0.0.1"));
}
