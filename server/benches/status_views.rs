//! Benchmark: what the status views cost on a large campaign. A campaign of 1,000,000 recipients
//! (`SMS_SCHEDULER_BENCH_RECIPIENTS` sets the size) is written straight into the ledger in
//! requests of 500, scheduled at the provider, a few delivered and a few failed; then the app
//! starts on that database and the campaign page's poll, its filtered pages and the campaign list
//! are each called 20 times over HTTP, as the browser calls them. Prints the median and the
//! slowest call of each, and the time to write the campaign.
//!
//! Run: `scripts/bench.sh` (or `cargo bench -p sms-scheduler-server --bench status_views`).

use app::models::{EventSource, ProviderId, RecipientStatus};
use chrono::{Duration, Utc};
use serde_json::json;
use sms_scheduler_server::configuration::Settings;
use sms_scheduler_server::domain::{CampaignType, Encoding, OutsideWindow, Purpose};
use sms_scheduler_server::startup::Application;
use sms_scheduler_server::storage::{
    NewCampaign, NewRecipient, NewSubmission, RecipientPlace, ReportKey, StatusReport, Store,
};
use std::sync::Arc;
use std::time::Instant;

const RECIPIENTS: usize = 1_000_000;
const PER_REQUEST: usize = 500;
/// Recipients whose reports came back, of each final status.
const REPORTED: usize = 25;
const CAMPAIGN: &str = "bench-campaign";

fn campaign(recipients: usize) -> NewCampaign {
    NewCampaign {
        id: CAMPAIGN.into(),
        name: Some("Large campaign".into()),
        provider: ProviderId::Octopush,
        actor: "local".into(),
        message_text: "Your parcel arrives tomorrow.".into(),
        sender: Some("ACME".into()),
        purpose: Purpose::Alert,
        campaign_type: CampaignType::Premium,
        requested_send_at: None,
        time_zone: "Europe/Paris".into(),
        local_time: false,
        outside_window: OutsideWindow::Defer,
        simulation: false,
        recipient_count: recipients,
        created_at: Utc::now(),
        options: Default::default(),
        approval: Default::default(),
        approval_reasons: Vec::new(),
        held_request: None,
    }
}

/// Writes the campaign, hands every request over (scheduled for tomorrow), and records reports
/// for a few recipients spread over the list.
async fn seed(store: &Store, recipients: usize) {
    let send_at = Utc::now() + Duration::days(1);
    let mut submissions = Vec::new();
    let mut rows = Vec::with_capacity(recipients);
    for (request, first) in (0..recipients).step_by(PER_REQUEST).enumerate() {
        let id = format!("bench-request-{request}");
        let numbers: Vec<String> = (first..(first + PER_REQUEST).min(recipients))
            .map(|i| format!("+336{i:08}"))
            .collect();
        let shared_id: Arc<str> = Arc::from(id.as_str());
        for (index, number) in (0_u32..).zip(&numbers) {
            rows.push(NewRecipient {
                place: RecipientPlace::InRequest {
                    submission_id: shared_id.clone(),
                    index,
                },
                line: u32::try_from(first).unwrap() + index + 1,
                phone: number.clone(),
                parts: 1,
                encoding: Encoding::Gsm7,
                send_at: Some(send_at),
                marketing: false,
                status: RecipientStatus::Pending,
                reason: None,
                warnings: Vec::new(),
            });
        }
        submissions.push(NewSubmission {
            id: id.clone(),
            campaign_id: Some(CAMPAIGN.into()),
            provider: ProviderId::Octopush,
            idempotency_key: id,
            actor: "local".into(),
            message_text: "Your parcel arrives tomorrow.".into(),
            recipients: numbers,
            send_at: Some(send_at.to_rfc3339()),
            time_zone: Some("Europe/Paris".into()),
            simulation: false,
            created_at: Utc::now(),
            request_body: None,
            claim: None,
        });
    }
    // Left out before any request (opted out), spread over the list too.
    for n in 0..REPORTED {
        let line = n * recipients / REPORTED + 1;
        rows.push(NewRecipient {
            place: RecipientPlace::LeftOut,
            line: u32::try_from(line).unwrap(),
            phone: format!("+337{n:08}"),
            parts: 1,
            encoding: Encoding::Gsm7,
            send_at: None,
            marketing: false,
            status: RecipientStatus::Excluded,
            reason: Some("opted out".into()),
            warnings: Vec::new(),
        });
    }
    store
        .record_campaign(&campaign(recipients + REPORTED), &submissions, &rows)
        .await
        .expect("the campaign is written");
    drop(rows);
    for (request, submission) in submissions.iter().enumerate() {
        let reference = format!("ticket-{request}");
        store
            .mark_accepted(&submission.id, Some(&reference), Some(0.05), Utc::now())
            .await
            .unwrap();
        store
            .set_submission_recipients(
                &submission.id,
                RecipientStatus::Scheduled,
                None,
                EventSource::Scheduler,
                Utc::now(),
            )
            .await
            .unwrap();
    }
    // Reports spread over the list: the filtered pages must find them wherever they are.
    let requests = submissions.len();
    for (n, status) in (0..REPORTED * 2).map(|n| {
        let status = if n % 2 == 0 {
            RecipientStatus::Delivered
        } else {
            RecipientStatus::Failed
        };
        (n, status)
    }) {
        let request = n * requests / (REPORTED * 2);
        let report = StatusReport {
            key: ReportKey::RecipientId(format!("bench-request-{request}-{}", n % PER_REQUEST)),
            status,
            detail: None,
            source: EventSource::OctopushWebhook,
            occurred_at: Utc::now(),
        };
        store.apply_report(&report).await.unwrap();
    }
}

// Each benchmark uses part of what they share.
#[allow(dead_code)]
mod common;

#[tokio::main]
async fn main() {
    let recipients = common::recipients(RECIPIENTS);
    let scratch = std::env::temp_dir().join(format!("sms-scheduler-views-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("a scratch directory");
    let database = format!("sqlite://{}", scratch.join("views.db").display());

    let started = Instant::now();
    let store = Store::connect(&database).await.expect("the database opens");
    seed(&store, recipients).await;
    let counts = store.status_counts(CAMPAIGN).await.unwrap();
    store.close().await;
    println!("recipients: {recipients}");
    println!("written in: {:.1} s", started.elapsed().as_secs_f64());
    let scheduled = recipients - REPORTED * 2;
    assert_eq!(
        counts,
        vec![
            (RecipientStatus::Scheduled, scheduled as u64),
            (RecipientStatus::Delivered, REPORTED as u64),
            (RecipientStatus::Failed, REPORTED as u64),
            (RecipientStatus::Excluded, REPORTED as u64),
        ]
    );

    let mut settings = Settings::embedded_default().expect("defaults are valid");
    settings.server.listen = "127.0.0.1:0".parse().unwrap();
    settings.server.site_root = scratch.join("no-site");
    settings.database.url = database;
    let application = Application::build(settings).await.expect("the app starts");
    let url = application.url();
    let stop = tokio_util::sync::CancellationToken::new();
    let mut tasks = tokio::task::JoinSet::new();
    let (api, _workers, _drain) = application.into_parts();
    api.spawn_on(&mut tasks, &stop);

    let page = |status: Option<&str>, offset: u64| json!({"id": CAMPAIGN, "status": status, "offset": offset});
    let views = [
        ("campaign page poll", "get_campaign", page(None, 0)),
        (
            "campaign page, its last page",
            "get_campaign",
            page(None, recipients as u64 - 50),
        ),
        (
            "campaign page, scheduled only",
            "get_campaign",
            page(Some("scheduled"), 0),
        ),
        (
            "campaign page, delivered only",
            "get_campaign",
            page(Some("delivered"), 0),
        ),
        (
            "campaign page, left out only",
            "get_campaign",
            page(Some("excluded"), 0),
        ),
        (
            "campaign page, canceled only (none)",
            "get_campaign",
            page(Some("canceled"), 0),
        ),
        (
            "campaign list",
            "list_campaigns",
            json!({"before": null, "filter": {}}),
        ),
        (
            "campaign list, in progress",
            "list_campaigns",
            json!({"before": null, "filter": {"state": "InProgress"}}),
        ),
    ];
    common::time_views(&url, &views).await;
    stop.cancel();
    let _ = std::fs::remove_dir_all(&scratch);
}
