//! Reconciliation end to end against the sandboxes: submissions whose answer was lost are looked up
//! or resent once, never late; what cannot be established waits for the delivery reports; two
//! instances reconciling at once send nothing twice; a sandbox failing a share of calls loses and
//! repeats nothing.

use app::models::{
    CampaignActionKind, Notice, RecipientEvent, RecipientStatus, Reconciliation, ScheduleReceipt,
};
use serde_json::{json, Value};
use sms_scheduler_server::clock::SandboxClock;
use sms_scheduler_server::configuration::Settings;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use crate::helpers::{
    numbers, spawn_app, spawn_app_with, spawn_app_with_clock, test_settings, valid_request, TestApp,
};

/// An app whose clock the test moves (with the sandboxes', which move apart).
pub async fn app_on_test_clock(settings: Settings) -> (TestApp, Arc<SandboxClock>) {
    let clock = Arc::new(SandboxClock::default());
    (spawn_app_with_clock(settings, clock.clone()).await, clock)
}

/// `hours` on, for the app and the sandboxes.
pub async fn later(app: &TestApp, clock: &SandboxClock, hours: i64) {
    clock.advance(chrono::Duration::hours(hours));
    app.advance_sandbox_clock(hours * 3600).await;
}

async fn submission_errors(app: &TestApp) -> Vec<(String, Option<String>)> {
    sqlx::query_as("SELECT status, error_message FROM submissions ORDER BY created_at")
        .fetch_all(app.store().await.pool())
        .await
        .unwrap()
}

fn request(provider: &str, recipients: usize) -> Value {
    let mut request = valid_request();
    request["provider"] = json!(provider);
    request["recipients"] = json!(numbers(recipients));
    request
}

/// How many times each number reached the Octopush sandbox (canceled campaigns included).
fn octopush_deliveries(app: &TestApp) -> HashMap<String, usize> {
    let mut seen = HashMap::new();
    for campaign in app.sandbox.as_ref().unwrap().accepted_campaigns() {
        for number in campaign.phone_numbers {
            *seen.entry(number).or_insert(0) += 1;
        }
    }
    seen
}

/// How many times each number reached the Infobip sandbox, `+` restored.
fn infobip_deliveries(app: &TestApp) -> HashMap<String, usize> {
    let mut seen = HashMap::new();
    for bulk in app.infobip.as_ref().unwrap().bulks() {
        for message in bulk.messages {
            *seen.entry(format!("+{}", message.to)).or_insert(0) += 1;
        }
    }
    seen
}

fn assert_each_once(seen: &HashMap<String, usize>, count: usize, provider: &str) {
    let repeated: Vec<_> = seen.iter().filter(|(_, &n)| n > 1).collect();
    assert!(
        repeated.is_empty(),
        "{provider} got numbers twice: {repeated:?}"
    );
    assert_eq!(seen.len(), count, "{provider} did not get every number");
}

#[tokio::test]
async fn a_bulk_the_provider_never_got_is_not_sent_after_its_time() {
    let mut settings = test_settings();
    settings.infobip.timeout_seconds = 1;
    let (app, clock) = app_on_test_clock(settings).await;
    app.set_faults(json!({"timeout_share": 1.0})).await;
    let receipt: ScheduleReceipt = app.schedule(request("Infobip", 2)).await.ok();
    assert_eq!(app.submission_statuses().await, vec!["unknown"]);

    // The server was away for 40 hours: Infobip has no such bulk (and still keeps its logs), and
    // the send time has passed.
    app.set_faults(json!({})).await;
    later(&app, &clock, 40).await;
    let summary = app.reconcile().await;
    assert_eq!(summary.missed, 1, "{summary:?}");
    assert!(app.infobip.as_ref().unwrap().bulks().is_empty());
    assert_eq!(app.submission_statuses().await, vec!["refused"]);
    let detail = app.campaign_detail(&receipt.campaign_id).await;
    for recipient in &detail.recipients {
        assert_eq!(recipient.status, RecipientStatus::Failed);
        let reason = recipient.reason.clone().expect("a reason");
        assert!(
            matches!(reason, Notice::NotHandedOverInTime { .. }),
            "{reason:?}"
        );
        assert!(reason.to_string().contains("Nothing was sent"), "{reason}");
        // The history shows the same notice, as data.
        let history: Vec<RecipientEvent> = app
            .call("recipient_history", json!({"recipient_id": recipient.id}))
            .await
            .ok();
        assert!(
            history.iter().any(|e| e.detail.as_ref() == Some(&reason)),
            "{history:?}"
        );
    }
    let reconciled = detail
        .actions
        .iter()
        .find(|a| a.action == CampaignActionKind::Reconcile && a.actor == "reconciliation")
        .unwrap_or_else(|| panic!("{:?}", detail.actions));
    assert!(
        matches!(
            reconciled.detail,
            Some(Notice::Reconciled {
                recipients: 2,
                outcome: Reconciliation::Missed,
                ..
            })
        ),
        "{:?}",
        reconciled.detail
    );
}

#[tokio::test]
async fn an_octopush_batch_past_its_repeat_window_waits_for_its_delivery_reports() {
    let (app, clock) = app_on_test_clock(test_settings()).await;
    app.set_faults(json!({"drop_after_share": 1.0})).await;
    let receipt: ScheduleReceipt = app.schedule(request("Octopush", 2)).await.ok();
    assert_eq!(
        submission_errors(&app).await[0].0,
        "unknown",
        "{:?}",
        submission_errors(&app).await
    );
    app.set_faults(json!({})).await;

    // Two days on, a resend could be taken as new: nothing is resent, the recipients say why.
    clock.advance(chrono::Duration::days(2));
    let summary = app.reconcile().await;
    assert_eq!(summary.unconfirmed, 1, "{summary:?}");
    assert_eq!(app.sandbox.as_ref().unwrap().accepted_campaigns().len(), 1);
    assert_eq!(app.submission_statuses().await, vec!["unconfirmed"]);
    assert!(
        app.reconcile().await.is_empty(),
        "settled for reconciliation"
    );

    // Octopush had it: its delivery reports name the ticket, which settles the recipients.
    app.advance_sandbox_clock(2 * 86_400).await;
    for _ in 0..60 {
        let detail = app.campaign_detail(&receipt.campaign_id).await;
        if detail.recipients.iter().all(|r| r.status.is_final()) {
            assert_eq!(app.submission_statuses().await, vec!["accepted"]);
            return;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    panic!(
        "no delivery report settled them: {:?}",
        app.campaign_detail(&receipt.campaign_id).await.recipients
    );
}

#[tokio::test]
async fn two_instances_reconciling_at_once_send_each_batch_once() {
    let app = spawn_app().await;
    // Cut before Octopush handles it, on every attempt: three batches of 500, 500 and 200, unknown.
    app.set_faults(json!({"drop_before_share": 1.0})).await;
    let _: ScheduleReceipt = app.schedule(request("Octopush", 1200)).await.ok();
    assert_eq!(app.submission_statuses().await, vec!["unknown"; 3]);
    app.set_faults(json!({})).await;

    tokio::time::sleep(Duration::from_millis(2100)).await;
    let other = app.reconciler.as_instance("another-instance".into());
    let (one, two) = tokio::join!(app.reconciler.run_once(), other.run_once());
    let (one, two) = (one.unwrap(), two.unwrap());
    assert_eq!(one.resent + two.resent, 3, "{one:?} {two:?}");
    assert_each_once(&octopush_deliveries(&app), 1200, "Octopush");
    assert_eq!(app.submission_statuses().await, vec!["accepted"; 3]);
}

#[tokio::test]
async fn campaigns_through_a_failing_sandbox_reach_everyone_once() {
    let mut settings = test_settings();
    settings.octopush.timeout_seconds = 2;
    settings.infobip.timeout_seconds = 2;
    settings.sandbox.octopush.initial_balance = 10_000.0;
    settings.sandbox.infobip.initial_balance = 10_000.0;
    let app = spawn_app_with(settings).await;
    // Errors before and after the provider handles a call, on sends and look-ups alike.
    let faults =
        json!({"server_error_share": 0.2, "drop_before_share": 0.1, "drop_after_share": 0.2});
    app.set_faults(faults).await;
    let octopush: ScheduleReceipt = app.schedule(request("Octopush", 3000)).await.ok();
    let infobip: ScheduleReceipt = app.schedule(request("Infobip", 3000)).await.ok();

    let mut passes = 0;
    while app
        .submission_statuses()
        .await
        .iter()
        .any(|s| s == "pending" || s == "unknown")
    {
        passes += 1;
        assert!(
            passes <= 30,
            "still unsettled: {:?}",
            submission_errors(&app).await
        );
        app.reconcile().await;
    }

    let settled = submission_errors(&app).await;
    assert!(
        settled.iter().all(|(status, _)| status == "accepted"),
        "{settled:?}"
    );
    assert_each_once(&octopush_deliveries(&app), 3000, "Octopush");
    assert_each_once(&infobip_deliveries(&app), 3000, "Infobip");
    let store = app.store().await;
    for receipt in [octopush, infobip] {
        let counts = store.status_counts(&receipt.campaign_id).await.unwrap();
        assert_eq!(
            counts,
            vec![(RecipientStatus::Scheduled, 3000)],
            "{receipt:?}"
        );
    }
    crate::recipient_counts::counts_agree(&app.store().await).await;
}
