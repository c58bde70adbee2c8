//! The hand-over as a task of the server's own: it keeps its claims however long it runs, it goes on
//! when the browser goes away (before the campaign is recorded too), and a provider's 429 is
//! waited out rather than taken for a refusal.

use app::models::{Notice, RecipientStatus, ScheduleReceipt, SubmissionOutcome};
use serde_json::{json, Value};
use sms_scheduler_server::configuration::Settings;
use sms_scheduler_server::storage::Claim;
use std::collections::HashMap;
use std::time::{Duration, Instant};

use crate::helpers::{numbers, spawn_app_with, test_settings, valid_request, TestApp};

/// The test settings with credit for large campaigns, and one provider request at a time.
pub fn large_campaign_settings() -> Settings {
    let mut settings = test_settings();
    settings.sandbox.octopush.initial_balance = 1_000_000.0;
    settings.sandbox.infobip.initial_balance = 1_000_000.0;
    settings.sending.submit_concurrency = 1;
    settings
}

pub fn request_to(provider: &str, recipients: usize) -> Value {
    let mut request = valid_request();
    request["provider"] = json!(provider);
    request["recipients"] = json!(numbers(recipients));
    request
}

/// What each request `provider`'s sandbox accepted carried, by its key (Octopush request_id,
/// Infobip bulkId): its numbers, in order (Infobip's with the `+`).
pub fn requests_received(app: &TestApp, provider: &str) -> Vec<(String, Vec<String>)> {
    match provider {
        "Octopush" => app
            .sandbox
            .as_ref()
            .expect("the Octopush sandbox runs")
            .accepted_campaigns()
            .into_iter()
            .map(|c| (c.request_id.unwrap_or_default(), c.phone_numbers))
            .collect(),
        "Infobip" => app
            .infobip
            .as_ref()
            .expect("the Infobip sandbox runs")
            .bulks()
            .into_iter()
            .map(|bulk| {
                let numbers = bulk.messages.iter().map(|m| format!("+{}", m.to)).collect();
                (bulk.bulk_id, numbers)
            })
            .collect(),
        other => panic!("no sandbox for {other}"),
    }
}

/// How many times each number reached `provider`'s sandbox.
pub fn deliveries(app: &TestApp, provider: &str) -> HashMap<String, usize> {
    let mut seen = HashMap::new();
    for (_, numbers) in requests_received(app, provider) {
        for number in numbers {
            *seen.entry(number).or_insert(0) += 1;
        }
    }
    seen
}

/// Every request of `receipt` was accepted by `provider`.
pub fn all_accepted(provider: &str, receipt: &ScheduleReceipt) {
    assert!(
        receipt
            .submissions
            .iter()
            .all(|s| s.outcome == SubmissionOutcome::Accepted),
        "{provider}: {:?}",
        receipt.submissions
    );
}

/// Each of the `recipients` first numbers reached `provider` once, and no other number did.
pub fn reached_once(app: &TestApp, provider: &str, recipients: usize) {
    let seen = deliveries(app, provider);
    let twice: Vec<_> = seen.iter().filter(|(_, &n)| n > 1).collect();
    assert!(twice.is_empty(), "{provider} got numbers twice: {twice:?}");
    assert_eq!(seen.len(), recipients, "{provider}: every recipient, once");
}

/// Waits, at most `within`, for the `recipients` first numbers to reach the Octopush sandbox
/// after the client left, then checks each reached it once.
async fn handed_over_without_the_client(app: &TestApp, recipients: usize, within: Duration) {
    let started = Instant::now();
    while deliveries(app, "Octopush").len() < recipients {
        assert!(
            started.elapsed() < within,
            "the work stopped with the connection: {} of {recipients} handed over",
            deliveries(app, "Octopush").len()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    reached_once(app, "Octopush", recipients);
}

/// Recipient statuses of a campaign.
async fn statuses(app: &TestApp, campaign_id: &str) -> Vec<(RecipientStatus, u64)> {
    app.store().await.status_counts(campaign_id).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hand_over_longer_than_its_claim_keeps_it_while_reconciliation_runs() {
    // Claims of three seconds, requests of 0.7 s one at a time: the last batches wait two
    // leases for their turn, while reconciliation passes run all along. (A renewal may come
    // up to two seconds late on a loaded machine before the claim lapses.)
    let mut settings = large_campaign_settings();
    settings.sending.claim_seconds = 3;
    let app = spawn_app_with(settings).await;
    app.set_faults(json!({"latency_ms": 700})).await;
    for (provider, recipients) in [("Octopush", 5000), ("Infobip", 8000)] {
        let schedule = app.schedule(request_to(provider, recipients));
        tokio::pin!(schedule);
        let mut passes = 0;
        let answer = loop {
            tokio::select! {
                answer = &mut schedule => break answer,
                _ = tokio::time::sleep(Duration::from_millis(150)) => {
                    let summary = app.reconciler.run_once().await.unwrap();
                    assert!(summary.is_empty(), "{provider}: reconciliation took over {summary:?}");
                    passes += 1;
                }
            }
        };
        assert!(
            passes >= 5,
            "{provider}: reconciliation ran along ({passes} passes)"
        );
        let receipt: ScheduleReceipt = answer.ok();
        all_accepted(provider, &receipt);
        reached_once(&app, provider, recipients);
        assert_eq!(
            statuses(&app, &receipt.campaign_id).await,
            vec![(RecipientStatus::Scheduled, recipients as u64)]
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_closed_connection_does_not_stop_the_hand_over() {
    let app = spawn_app_with(large_campaign_settings()).await;
    app.set_faults(json!({"latency_ms": 300})).await;
    let recipients = 5000;
    // The browser (or a proxy) gives up once the campaign is recorded, with batches still to go.
    let request = tokio::spawn(
        reqwest::Client::new()
            .post(format!("{}api/schedule_sms", app.url))
            .json(&json!({ "request": request_to("Octopush", recipients) }))
            .send(),
    );
    let started = Instant::now();
    while app.submission_statuses().await.is_empty() {
        assert!(started.elapsed() < Duration::from_secs(20), "not recorded");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    request.abort();
    assert!(
        request.await.is_err(),
        "the client gave up before the answer"
    );
    assert!(
        deliveries(&app, "Octopush").len() < recipients,
        "the hand-over was over before the client left"
    );

    // No reconciliation runs in this test (its passes are an hour apart): the task alone goes on.
    handed_over_without_the_client(&app, recipients, Duration::from_secs(20)).await;
    let started = Instant::now();
    while app
        .submission_statuses()
        .await
        .iter()
        .any(|s| s != "accepted")
    {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "answers recorded"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_connection_closed_before_the_campaign_is_recorded_does_not_stop_it() {
    let app = spawn_app_with(large_campaign_settings()).await;
    // Each answer of the sandbox takes 1.5 s: the credit check, before anything is recorded,
    // is still waiting for its balance when the client leaves.
    app.set_faults(json!({"latency_ms": 1500})).await;
    let recipients = 1200;
    let campaign_id = uuid::Uuid::new_v4().to_string();
    let request = tokio::spawn(
        reqwest::Client::new()
            .post(format!("{}api/schedule_sms", app.url))
            .json(&json!({
                "request": request_to("Octopush", recipients),
                "campaign_id": campaign_id,
            }))
            .send(),
    );
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert!(
        app.submission_statuses().await.is_empty(),
        "recorded before the client left"
    );
    // The tab is closed while the page says "Scheduling…".
    request.abort();
    assert!(
        request.await.is_err(),
        "the client gave up before the answer"
    );

    handed_over_without_the_client(&app, recipients, Duration::from_secs(30)).await;
    // And the trail says who scheduled it, as for a campaign whose page stayed open.
    let started = Instant::now();
    loop {
        let lines: Vec<(String, String)> =
            sqlx::query_as("SELECT action, outcome FROM audit_events WHERE campaign_id = $1")
                .bind(&campaign_id)
                .fetch_all(app.store().await.pool())
                .await
                .unwrap();
        if !lines.is_empty() {
            assert_eq!(lines, [("schedule".to_owned(), "done".to_owned())]);
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the scheduling is not in the audit trail"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rate_limited_send_is_sent_again_once_the_limit_lifts() {
    let app = spawn_app_with(test_settings()).await;
    for provider in ["Octopush", "Infobip"] {
        app.set_faults(json!({"rate_limit_share": 1.0, "retry_after_seconds": 1}))
            .await;
        let schedule = app.schedule(request_to(provider, 3));
        tokio::pin!(schedule);
        // Still refused with 429 a few seconds in: the request waits.
        let lifted = async {
            tokio::time::sleep(Duration::from_millis(3500)).await;
            app.set_faults(json!({})).await;
        };
        let (answer, ()) = tokio::join!(&mut schedule, lifted);
        let receipt: ScheduleReceipt = answer.ok();
        assert_eq!(
            receipt.submissions[0].outcome,
            SubmissionOutcome::Accepted,
            "{provider}"
        );
        reached_once(&app, provider, 3);
        assert_eq!(
            statuses(&app, &receipt.campaign_id).await,
            vec![(RecipientStatus::Scheduled, 3)]
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_limit_that_outlasts_patience_leaves_the_batch_to_reconciliation_not_failed() {
    let mut settings = test_settings();
    settings.sending.rate_limit_patience_seconds = 2;
    let app = spawn_app_with(settings).await;
    for provider in ["Octopush", "Infobip"] {
        app.set_faults(json!({"rate_limit_share": 1.0, "retry_after_seconds": 1}))
            .await;
        let receipt: ScheduleReceipt = app.schedule(request_to(provider, 2)).await.ok();
        let [only] = &receipt.submissions[..] else {
            panic!("one batch: {:?}", receipt.submissions)
        };
        let SubmissionOutcome::Unknown(why) = &only.outcome else {
            panic!("{provider}: {:?}", only.outcome)
        };
        assert!(
            matches!(**why, Notice::RateLimitedSentLater { .. }),
            "{why:?}"
        );
        assert!(
            why.to_string().contains("do not schedule it again"),
            "{why}"
        );
        assert_eq!(
            statuses(&app, &receipt.campaign_id).await,
            vec![(RecipientStatus::Pending, 2)],
            "{provider}: not failed, still to send"
        );

        // Still limited: the pass leaves it for later; lifted: the next pass sends it, once.

        let summary = app.reconciler.run_once().await.unwrap();
        assert_eq!(summary.later, 1, "{provider}: {summary:?}");
        app.set_faults(json!({})).await;
        let summary = app.reconciler.run_once().await.unwrap();
        assert_eq!(summary.resent, 1, "{provider}: {summary:?}");
        reached_once(&app, provider, 2);
        assert_eq!(
            statuses(&app, &receipt.campaign_id).await,
            vec![(RecipientStatus::Scheduled, 2)]
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_batch_taken_over_while_it_waits_out_a_limit_is_not_sent_by_the_hand_over() {
    let app = spawn_app_with(test_settings()).await;
    let store = app.store().await;
    for provider in ["Octopush", "Infobip"] {
        app.set_faults(json!({"rate_limit_share": 1.0, "retry_after_seconds": 1}))
            .await;
        let schedule = app.schedule(request_to(provider, 2));
        tokio::pin!(schedule);
        // While the batch waits out its 429, another task takes its claim (as reconciliation
        // would once the claim lapsed), and the limit lifts.
        let take_over = async {
            // Taken as if ten minutes later (the hand-over's claim has lapsed by then), for a
            // day: the first provider's batch stays taken while the second one's is.
            let far = chrono::Utc::now() + chrono::Duration::minutes(10);
            let elsewhere = Claim {
                holder: "elsewhere/task".into(),
                until: far + chrono::Duration::days(1),
            };
            loop {
                let taken = store.claim_unfinished(&elsewhere, far, 10).await.unwrap();
                if !taken.is_empty() {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            app.set_faults(json!({})).await;
        };
        let (answer, ()) = tokio::join!(&mut schedule, take_over);
        let receipt: ScheduleReceipt = answer.ok();
        let [only] = &receipt.submissions[..] else {
            panic!("one batch: {:?}", receipt.submissions)
        };
        assert_eq!(
            only.outcome,
            SubmissionOutcome::Unknown(Box::new(Notice::TakenOverByReconciliation)),
            "{provider}"
        );
        assert!(
            requests_received(&app, provider).is_empty(),
            "{provider}: sent by a task that no longer held it"
        );
    }
}
