//! The system against a bad day: the sandboxes inject faults (set through their control routes) and
//! nothing is sent twice, nothing is lost, and every failure reaches the user in words.

use app::models::{
    AppError, Balance, ProviderId, RecipientStatus, ScheduleReceipt, SubmissionOutcome,
};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

use crate::helpers::{spawn_app, spawn_app_with, test_settings, valid_request};

fn infobip_request() -> Value {
    let mut request = valid_request();
    request["provider"] = json!("Infobip");
    request
}

/// The one outcome of a receipt whose single batch got no answer.
fn unknown_outcome(receipt: &ScheduleReceipt) -> String {
    match &receipt.submissions[..] {
        [only] => match &only.outcome {
            SubmissionOutcome::Unknown(why) => why.to_string(),
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_lost_answer_is_reported_as_unknown_then_settled_without_a_second_send() {
    let app = spawn_app().await;
    app.set_faults(json!({"drop_after_share": 1.0})).await;

    let infobip: ScheduleReceipt = app.schedule(infobip_request()).await.ok();
    let why = unknown_outcome(&infobip);
    assert!(why.contains("do not schedule it again"), "{why}");
    let octopush: ScheduleReceipt = app.schedule(valid_request()).await.ok();
    unknown_outcome(&octopush);

    // Each provider handled the request exactly once, and our records say the outcome is unknown.
    assert_eq!(app.infobip.as_ref().unwrap().bulks().len(), 1);
    assert_eq!(app.sandbox.as_ref().unwrap().accepted_campaigns().len(), 1);
    assert_eq!(app.submission_statuses().await, vec!["unknown", "unknown"]);

    // Reconciliation finds the Infobip bulk, and Octopush refuses the resend as a repeat.
    app.set_faults(json!({})).await;
    let summary = app.reconcile().await;
    assert_eq!((summary.recorded, summary.resent), (1, 1), "{summary:?}");
    assert_eq!(app.infobip.as_ref().unwrap().bulks().len(), 1);
    assert_eq!(app.sandbox.as_ref().unwrap().accepted_campaigns().len(), 1);
    assert_eq!(
        app.submission_statuses().await,
        vec!["accepted", "accepted"]
    );
    let store = app.store().await;
    for receipt in [&infobip, &octopush] {
        let counts = store.status_counts(&receipt.campaign_id).await.unwrap();
        assert_eq!(counts, vec![(RecipientStatus::Scheduled, 2)]);
    }
    assert!(app.reconcile().await.is_empty());
}

#[tokio::test]
async fn a_server_error_on_send_is_not_retried_at_once_and_the_batch_is_sent_once_later() {
    let app = spawn_app().await;
    app.set_faults(json!({"server_error_share": 1.0})).await;
    let receipt: ScheduleReceipt = app.schedule(infobip_request()).await.ok();
    let why = unknown_outcome(&receipt);
    assert!(why.contains("HTTP 503"), "{why}");
    assert!(app.infobip.as_ref().unwrap().bulks().is_empty());
    assert_eq!(app.submission_statuses().await, vec!["unknown"]);

    // Still failing: the look-up fails too, and the batch waits for a later pass.
    let summary = app.reconcile().await;
    assert_eq!(summary.later, 1, "{summary:?}");
    app.set_faults(json!({})).await;
    let summary = app.reconcile().await;
    assert_eq!(summary.resent, 1, "{summary:?}");
    assert_eq!(app.infobip.as_ref().unwrap().bulks().len(), 1);
    assert_eq!(app.submission_statuses().await, vec!["accepted"]);
}

#[tokio::test]
async fn reads_are_retried_with_backoff_then_the_failure_surfaces() {
    let app = spawn_app().await;
    app.set_faults(json!({"server_error_share": 1.0})).await;
    let started = Instant::now();
    let error = app
        .call("check_balance", json!({"provider": "Infobip"}))
        .await
        .error();
    assert!(
        matches!(&error, AppError::Unreachable { message, .. } if message.contains("HTTP 503")),
        "{error:?}"
    );
    // Three attempts with pauses of at least 200 ms and 400 ms between them.
    assert!(
        started.elapsed() >= Duration::from_millis(600),
        "{:?}",
        started.elapsed()
    );

    app.set_faults(json!({})).await;
    let balance: Balance = app
        .call("check_balance", json!({"provider": "Infobip"}))
        .await
        .ok();
    assert_eq!(balance.amount, 100.0);
}

#[tokio::test]
async fn rate_limits_are_waited_out_on_reads_then_reported() {
    // Sends wait rate limits out too, longer: `handover_task.rs`.
    let app = spawn_app().await;
    app.set_faults(json!({"rate_limit_share": 1.0, "retry_after_seconds": 1}))
        .await;

    let started = Instant::now();
    let error = app
        .call("check_balance", json!({"provider": "Infobip"}))
        .await
        .error();
    assert!(
        matches!(
            &error,
            AppError::Busy {
                provider: ProviderId::Infobip,
                retry_after_seconds: Some(1)
            }
        ),
        "{error:?}"
    );
    assert!(
        started.elapsed() >= Duration::from_secs(2),
        "waited Retry-After twice: {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_silent_provider_times_out_and_the_outcome_is_unknown() {
    let mut settings = test_settings();
    settings.infobip.timeout_seconds = 1;
    let app = spawn_app_with(settings).await;
    app.set_faults(json!({"timeout_share": 1.0})).await;
    let receipt: ScheduleReceipt = app.schedule(infobip_request()).await.ok();
    let why = unknown_outcome(&receipt);
    assert!(why.contains("no answer in time"), "{why}");
    assert_eq!(app.submission_statuses().await, vec!["unknown"]);

    // The sandbox never handled it: Infobip has no such bulk, so it is sent, once.
    app.set_faults(json!({})).await;
    let summary = app.reconcile().await;
    assert_eq!(summary.resent, 1, "{summary:?}");
    assert_eq!(app.infobip.as_ref().unwrap().bulks().len(), 1);
    assert_eq!(app.submission_statuses().await, vec!["accepted"]);
}

#[tokio::test]
async fn fault_settings_are_checked() {
    let app = spawn_app().await;
    let refused = app
        .put_faults(json!({"timeout_share": 0.7, "drop_before_share": 0.7}))
        .await;
    assert_eq!(refused.status(), reqwest::StatusCode::BAD_REQUEST);
    let accepted = app
        .put_faults(json!({"latency_ms": 10, "server_error_share": 0.25}))
        .await;
    assert_eq!(accepted.status(), reqwest::StatusCode::OK);
    let now: Value = app
        .http
        .get(format!("{}sandbox/control/faults", app.url))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        (now["latency_ms"].clone(), now["server_error_share"].clone()),
        (json!(10), json!(0.25))
    );
}
