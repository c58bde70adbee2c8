//! A bad day at both providers: a fifth of all requests to the sandboxes fail (503, 429, time-outs,
//! connections cut before and after handling), during the hand-overs and during reconciliation.
//! Every recipient reaches the provider exactly once, and none is left failed for a fault the
//! provider recovers from.

use app::models::{RecipientStatus, ScheduleReceipt};
use serde_json::json;
use std::collections::HashSet;

use crate::handover_task::{large_campaign_settings, reached_once, request_to};
use crate::helpers::{spawn_app_with, TestApp};

const CAMPAIGNS: usize = 8;
/// Reconciliation passes allowed to settle what the faults left unknown.
const MOST_PASSES: usize = 25;

/// The `n`-th campaign's numbers, apart from every other campaign's.
fn campaign_request(provider: &str, n: usize, recipients: usize) -> serde_json::Value {
    let mut request = request_to(provider, 0);
    request["recipients"] = json!((0..recipients)
        .map(|i| format!("+336{n:02}{i:06}"))
        .collect::<Vec<_>>()
        .join("\n"));
    request
}

async fn unsettled(app: &TestApp) -> usize {
    app.submission_statuses()
        .await
        .iter()
        .filter(|s| *s != "accepted")
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fifth_of_requests_failing_loses_and_doubles_nothing() {
    let mut settings = large_campaign_settings();
    settings.sending.submit_concurrency = 4;
    settings.octopush.timeout_seconds = 1;
    settings.infobip.timeout_seconds = 1;
    let app = spawn_app_with(settings).await;
    app.set_faults(json!({
        "server_error_share": 0.04,
        "rate_limit_share": 0.04,
        "retry_after_seconds": 1,
        "timeout_share": 0.04,
        "drop_before_share": 0.04,
        "drop_after_share": 0.04,
    }))
    .await;

    let mut passes_in_all = 0;
    for (provider, recipients) in [("Octopush", 2500), ("Infobip", 5000)] {
        let mut campaigns = Vec::new();
        for n in 0..CAMPAIGNS {
            let receipt: ScheduleReceipt = app
                .schedule(campaign_request(provider, n, recipients))
                .await
                .ok();
            campaigns.push(receipt.campaign_id);
        }
        // Reconciliation under the same faults, pass after pass, until nothing is unknown.
        let mut passes = 0;
        while unsettled(&app).await > 0 {
            assert!(
                passes < MOST_PASSES,
                "{provider}: {} requests unsettled after {passes} passes",
                unsettled(&app).await
            );
            app.reconcile().await;
            passes += 1;
        }
        eprintln!("{provider}: settled after {passes} reconciliation passes");
        passes_in_all += passes;
        reached_once(&app, provider, CAMPAIGNS * recipients);
        for campaign_id in &campaigns {
            let counts = app.store().await.status_counts(campaign_id).await.unwrap();
            assert_eq!(
                counts,
                vec![(RecipientStatus::Scheduled, recipients as u64)],
                "{provider}: none failed, none unknown"
            );
        }
        let distinct: HashSet<_> = campaigns.iter().collect();
        assert_eq!(distinct.len(), CAMPAIGNS);
    }
    // Some answers were lost: 40 Infobip requests, each lost one time in six (503, time-out, cut
    // before or after); every one arriving happens once in a thousand runs.
    assert!(passes_in_all > 0, "the faults left nothing to reconcile");
}
