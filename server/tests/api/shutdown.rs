//! Stopping cleanly, with the real binary and `sms-scheduler sandbox` as another process: SIGTERM
//! during a 5,000-recipient hand-over lets it finish and exits 0, leaving no provider request
//! pending or unknown; a grace period too short for it lets go of the instance's claims, so the
//! next instance settles the rest at once; either way every recipient reaches the sandbox once.

use serde_json::json;
use sms_scheduler_server::storage::Store;
use std::collections::HashSet;
use std::time::Duration;

use crate::handover_task::request_to;
use crate::helpers::process_database_url;
use crate::processes::{SandboxProcess, ServerProcess};

const RECIPIENTS: usize = 5000;

/// Starts the campaign's request (answered or not), and waits until the hand-over has begun.
async fn mid_hand_over(
    server: &ServerProcess,
    sandbox: &SandboxProcess,
) -> tokio::task::JoinHandle<reqwest::Result<reqwest::Response>> {
    let url = server.url.clone();
    let request = tokio::spawn(async move {
        reqwest::Client::new()
            .post(format!("{url}api/schedule_sms"))
            .json(&json!({ "request": request_to("Octopush", RECIPIENTS) }))
            .send()
            .await
    });
    tokio::time::timeout(Duration::from_secs(30), async {
        while sandbox.received().await.octopush.is_empty() {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .expect("the hand-over begins");
    let received = sandbox.received().await.octopush.len();
    assert!(
        received < RECIPIENTS,
        "stopped mid-way: {received} received"
    );
    request
}

async fn count(store: &Store, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(store.pool())
        .await
        .unwrap()
}

/// Each recipient reached the sandbox, once.
async fn each_once(sandbox: &SandboxProcess) {
    let received = sandbox.received().await.octopush;
    let numbers: HashSet<&str> = received.iter().map(|m| m.to.as_str()).collect();
    assert_eq!(numbers.len(), RECIPIENTS);
    assert_eq!(received.len(), RECIPIENTS, "nobody twice");
}

#[tokio::test]
async fn sigterm_lets_the_hand_over_finish_and_a_restart_sends_nothing_twice() {
    let sandbox = SandboxProcess::start().await;
    sandbox.set_latency(150).await;
    let database_url = process_database_url().await;
    let server = ServerProcess::start(&database_url, &sandbox).await;
    let request = mid_hand_over(&server, &sandbox).await;

    let status = server.terminate(Duration::from_secs(30)).await;
    assert!(status.success(), "{status}");
    let answer = request
        .await
        .unwrap()
        .expect("answered before the server stopped");
    assert!(answer.status().is_success(), "{}", answer.status());
    let store = Store::connect(&database_url).await.unwrap();
    let open = "SELECT COUNT(*) FROM submissions WHERE status IN ('pending', 'unknown')";
    assert_eq!(count(&store, open).await, 0);
    each_once(&sandbox).await;

    let again = ServerProcess::start(&database_url, &sandbox).await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    each_once(&sandbox).await;
    again.kill().await;
}

#[tokio::test]
async fn a_grace_period_too_short_lets_go_of_the_claims_for_the_next_instance() {
    let sandbox = SandboxProcess::start().await;
    sandbox.set_latency(400).await;
    let database_url = process_database_url().await;
    // Claims that would hold for a minute: only letting go of them lets a restart take over.
    let settings = [
        (
            "SMS_SCHEDULER__SERVER__SHUTDOWN_GRACE_SECONDS",
            "1".to_owned(),
        ),
        ("SMS_SCHEDULER__SENDING__CLAIM_SECONDS", "60".to_owned()),
    ];
    let server = ServerProcess::start_with(&database_url, &sandbox, &settings).await;
    let _request = mid_hand_over(&server, &sandbox).await;

    let status = server.terminate(Duration::from_secs(10)).await;
    assert!(status.success(), "{status}");
    let store = Store::connect(&database_url).await.unwrap();
    let open = "SELECT COUNT(*) FROM submissions WHERE status IN ('pending', 'unknown')";
    assert!(count(&store, open).await > 0, "the hand-over was cut short");
    let held = "SELECT COUNT(*) FROM submissions WHERE status IN ('pending', 'unknown') \
                AND claimed_by IS NOT NULL";
    assert_eq!(count(&store, held).await, 0, "every claim let go");

    sandbox.set_latency(0).await;
    let next = ServerProcess::start_with(&database_url, &sandbox, &settings).await;
    tokio::time::timeout(Duration::from_secs(30), async {
        while count(&store, open).await > 0 {
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    })
    .await
    .expect("the next instance settles the rest at once, not when the claims would lapse");
    each_once(&sandbox).await;
    next.kill().await;
}
