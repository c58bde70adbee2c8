//! Campaigns end to end through the server functions: split into provider requests, recorded per
//! recipient, sending rules and opt-outs applied before the provider is called.

use app::models::{Notice, RecipientStatus, ScheduleReceipt, SubmissionOutcome, Then};
use chrono::{Datelike, Duration, NaiveDate, Utc, Weekday};
use serde_json::json;
use sms_scheduler_server::domain::OptOutSource;
use std::collections::HashSet;

use crate::helpers::{opted_out_by_stop, spawn_app, valid_request};

fn csv_list(count: usize) -> String {
    let mut list = "phone,first_name\n".to_owned();
    for i in 0..count {
        list.push_str(&format!("+3361{i:07},Name{i}\n"));
    }
    list
}

#[tokio::test]
async fn a_large_list_is_split_by_the_provider_limit_and_every_recipient_is_recorded() {
    let app = spawn_app().await;
    let mut request = valid_request();
    request["text"] = json!("Hello {first_name}, your parcel arrives tomorrow.");
    request["recipients"] = json!(csv_list(1203));
    let receipt: ScheduleReceipt = app.schedule(request).await.ok();

    let sizes: Vec<u32> = receipt.submissions.iter().map(|s| s.contacts).collect();
    assert_eq!(sizes, vec![500, 500, 203]);
    assert!(receipt
        .submissions
        .iter()
        .all(|s| s.outcome == SubmissionOutcome::Accepted));
    assert_eq!(receipt.contacts, 1203);

    // Each number reached the sandbox exactly once, each request under its own request_id.
    let campaigns = app.sandbox.as_ref().unwrap().accepted_campaigns();
    assert_eq!(campaigns.len(), 3);
    let numbers: Vec<&String> = campaigns.iter().flat_map(|c| &c.phone_numbers).collect();
    assert_eq!(numbers.len(), 1203);
    assert_eq!(numbers.iter().collect::<HashSet<_>>().len(), 1203);
    let request_ids: HashSet<_> = campaigns
        .iter()
        .map(|c| c.request_id.clone().unwrap())
        .collect();
    let submission_ids: HashSet<_> = receipt
        .submissions
        .iter()
        .map(|s| s.submission_id.clone())
        .collect();
    assert_eq!(request_ids, submission_ids);

    let store = app.store().await;
    assert_eq!(
        store.status_counts(&receipt.campaign_id).await.unwrap(),
        vec![(RecipientStatus::Scheduled, 1203)]
    );
    let last = store
        .campaign_recipients(&receipt.campaign_id, None, 1202, 5)
        .await
        .unwrap();
    assert_eq!(
        (last.len(), last[0].line, last[0].phone.as_str()),
        (1, 1204, "+33610001202")
    );
}

#[tokio::test]
async fn opted_out_numbers_are_left_out_with_the_reason() {
    let app = spawn_app().await;
    let store = app.store().await;
    opted_out_by_stop(&store, "+33698765432").await;
    let receipt: ScheduleReceipt = app.schedule(valid_request()).await.ok();

    assert_eq!(receipt.contacts, 1);
    assert_eq!(receipt.excluded.len(), 1);
    assert_eq!(
        (
            receipt.excluded[0].line,
            receipt.excluded[0].number.as_str()
        ),
        (2, "+33698765432")
    );
    match &receipt.excluded[0].reason {
        Notice::OptedOut { source, since } => {
            assert_eq!(*source, OptOutSource::StopReply);
            assert_eq!(since.len(), 10, "{since}");
        }
        other => panic!("expected an opt-out, got {other:?}"),
    }
    let campaigns = app.sandbox.as_ref().unwrap().accepted_campaigns();
    assert_eq!(campaigns[0].phone_numbers, vec!["+33612345678"]);
    let counts = store.status_counts(&receipt.campaign_id).await.unwrap();
    assert_eq!(
        counts,
        vec![
            (RecipientStatus::Scheduled, 1),
            (RecipientStatus::Excluded, 1)
        ]
    );
}

/// The next Sunday in February, within a year: no French public holiday falls in February, so
/// the Monday after is a sending day.
fn february_sunday() -> NaiveDate {
    let mut day = Utc::now().date_naive() + Duration::days(3);
    while !(day.month() == 2 && day.weekday() == Weekday::Sun) {
        day += Duration::days(1);
    }
    day
}

/// `day` at `time` in Paris, in winter (UTC+1), as RFC 3339.
fn paris_winter(day: NaiveDate, time: &str) -> String {
    format!("{}T{time}+01:00", day.format("%Y-%m-%d"))
}

fn sunday_marketing() -> serde_json::Value {
    let mut request = valid_request();
    request["purpose"] = json!("Marketing");
    request["text"] = json!("Winter sale -20% STOP au XXXXX");
    request["send_at"] = json!(format!("{}T10:00", february_sunday().format("%Y-%m-%d")));
    request
}

#[tokio::test]
async fn french_marketing_on_a_sunday_moves_to_monday_morning() {
    let app = spawn_app().await;
    let sunday = february_sunday();
    let monday = sunday + Duration::days(1);
    let receipt: ScheduleReceipt = app.schedule(sunday_marketing()).await.ok();
    assert_eq!(receipt.deferred, 2);
    assert_eq!(receipt.submissions.len(), 1);
    assert_eq!(
        receipt.submissions[0].send_at.as_deref(),
        Some(paris_winter(monday, "08:00:00").as_str())
    );
    let not_a_day = format!("{} is not a sending day", sunday.format("%A %-d %B %Y"));
    assert!(
        receipt.warnings[0].notice.to_string().contains(&not_a_day),
        "{:?}",
        receipt.warnings
    );
    assert!(matches!(
        receipt.warnings[0].notice,
        Notice::Outside {
            then: Then::Deferred,
            ..
        }
    ));
    let campaigns = app.sandbox.as_ref().unwrap().accepted_campaigns();
    assert_eq!(
        campaigns[0].send_at.unwrap().to_rfc3339(),
        paris_winter(monday, "08:00:00")
    );
}

#[tokio::test]
async fn skipping_or_overriding_the_sending_rules_is_the_users_choice() {
    let app = spawn_app().await;
    let mut skip = sunday_marketing();
    skip["outside_window"] = json!("Skip");
    let receipt: ScheduleReceipt = app.schedule(skip).await.ok();
    assert!(receipt.submissions.is_empty());
    assert_eq!(receipt.excluded.len(), 2);
    assert!(app.octopush_got_nothing());

    let mut blank_reason = sunday_marketing();
    blank_reason["outside_window"] = json!({ "Override": { "reason": " " } });
    let errors = app.schedule(blank_reason).await.error();
    assert!(
        format!("{errors:?}").contains("OutsideWindow"),
        "{errors:?}"
    );

    let mut overridden = sunday_marketing();
    overridden["outside_window"] = json!({ "Override": { "reason": "agreed with legal" } });
    let receipt: ScheduleReceipt = app.schedule(overridden).await.ok();
    assert_eq!(
        receipt.submissions[0].send_at.as_deref(),
        Some(paris_winter(february_sunday(), "10:00:00").as_str())
    );
    let campaign = app
        .store()
        .await
        .campaign(&receipt.campaign_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        campaign.override_reason.as_deref(),
        Some("agreed with legal")
    );
}
