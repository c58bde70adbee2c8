//! A campaign followed while it is handed over (`schedule_progress`), under the id the browser
//! chose, and never scheduled twice under one id.

use app::models::{AppError, Refusal, ScheduleProgress, ScheduleReceipt};
use chrono::Utc;
use serde_json::{json, Value};
use sms_scheduler_server::storage::{NewSubmission, Store};
use std::time::Duration;

use crate::campaign_list::campaign;
use crate::helpers::{numbers, spawn_app, spawn_app_with, test_settings, valid_request, TestApp};
use crate::storage::submission;

/// Part of the storage suite (SQLite and PostgreSQL): progress counts answered requests only.
pub async fn progress_suite(store: &Store) {
    assert_eq!(
        store.submission_progress("no-such-campaign").await.unwrap(),
        None
    );
    let id = "progress-campaign";
    let in_campaign = |key: &str| NewSubmission {
        campaign_id: Some(id.to_owned()),
        ..submission(key)
    };
    store
        .record_campaign(
            &campaign(id, "octopush", "Progress", 1),
            &[in_campaign("progress-1"), in_campaign("progress-2")],
            &[],
        )
        .await
        .unwrap();
    let none_yet = ScheduleProgress {
        requests: 2,
        answered: 0,
        recipients: 4,
        recipients_answered: 0,
    };
    assert_eq!(store.submission_progress(id).await.unwrap(), Some(none_yet));
    store
        .mark_accepted("progress-1", Some("ticket"), None, Utc::now())
        .await
        .unwrap();
    assert_eq!(
        store.submission_progress(id).await.unwrap(),
        Some(ScheduleProgress {
            answered: 1,
            recipients_answered: 2,
            ..none_yet
        })
    );
}

async fn progress(app: &TestApp, campaign_id: &str) -> Option<ScheduleProgress> {
    app.call("schedule_progress", json!({ "campaign_id": campaign_id }))
        .await
        .ok()
}

#[tokio::test]
async fn the_hand_over_is_followed_request_by_request() {
    let mut settings = test_settings();
    // One provider request at a time, each answered slowly: the steps can be seen.
    settings.sending.submit_concurrency = 1;
    let app = spawn_app_with(settings).await;
    app.set_faults(json!({"latency_ms": 400})).await;
    let id = uuid::Uuid::new_v4().to_string();
    assert_eq!(progress(&app, &id).await, None, "nothing recorded yet");

    let mut request = valid_request();
    // Three Octopush requests of at most 500.
    request["recipients"] = json!(numbers(1_200));
    let scheduling = app.call(
        "schedule_sms",
        json!({ "request": request, "campaign_id": id }),
    );
    let following = async {
        let mut seen = Vec::new();
        for _ in 0..400 {
            if let Some(step) = progress(&app, &id).await {
                seen.push(step);
                if step.answered == step.requests {
                    return seen;
                }
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        panic!("the hand-over did not finish: {seen:?}");
    };
    let (answer, seen) = tokio::join!(scheduling, following);

    let receipt: ScheduleReceipt = answer.ok();
    assert_eq!(receipt.campaign_id, id);
    assert_eq!(
        *seen.last().unwrap(),
        ScheduleProgress {
            requests: 3,
            answered: 3,
            recipients: 1_200,
            recipients_answered: 1_200,
        }
    );
    assert!(
        seen.iter()
            .any(|step| step.requests == 3 && (1..3).contains(&step.answered)),
        "a step between none and all answered was seen: {seen:?}"
    );
    let answered: Vec<u32> = seen.iter().map(|step| step.answered).collect();
    assert!(
        answered.windows(2).all(|pair| pair[0] <= pair[1]),
        "{answered:?}"
    );
}

#[tokio::test]
async fn an_id_already_scheduled_is_refused_and_nothing_is_sent_twice() {
    let app = spawn_app().await;
    let id = uuid::Uuid::new_v4().to_string();
    let call = |request: Value| {
        app.call(
            "schedule_sms",
            json!({ "request": request, "campaign_id": id }),
        )
    };
    let first: ScheduleReceipt = call(valid_request()).await.ok();
    assert_eq!(first.campaign_id, id);

    match call(valid_request()).await.error() {
        AppError::NotAllowed(why) => assert_eq!(why, Refusal::AlreadyScheduled(id.clone())),
        other => panic!("{other:?}"),
    }
    assert_eq!(app.octopush_campaigns(), 1, "the provider got it once");
    let done = progress(&app, &id).await.expect("recorded");
    assert_eq!((done.requests, done.answered), (1, 1));
}

#[tokio::test]
async fn an_id_that_is_not_a_uuid_schedules_nothing() {
    let app = spawn_app().await;
    let answer = app
        .call(
            "schedule_sms",
            json!({ "request": valid_request(), "campaign_id": "../campaigns" }),
        )
        .await;
    match answer.error() {
        AppError::NotAllowed(why) => assert_eq!(why, Refusal::NotAUuid("../campaigns".into())),
        other => panic!("{other:?}"),
    }
    assert_eq!(app.octopush_campaigns(), 0);
}
