//! "Schedule the refused recipients again": the form of a campaign whose requests the provider
//! refused (here: never handed over before their time), with those recipients only, ready to be
//! checked and confirmed as a new campaign; refused for a campaign the provider refused nothing of.

use app::models::{AppError, CampaignDraft, Refusal, ScheduleReceipt};
use serde_json::json;
use sms_scheduler_server::clock::Clock;

use crate::helpers::{spawn_app, spawn_app_with, test_settings, valid_request};
use crate::reconciliation::{app_on_test_clock, later};

#[tokio::test]
async fn the_refused_recipients_come_back_in_the_campaigns_own_form() {
    let mut settings = test_settings();
    settings.infobip.timeout_seconds = 1;
    let (app, clock) = app_on_test_clock(settings).await;
    app.set_faults(json!({"timeout_share": 1.0})).await;
    let mut original = valid_request();
    original["provider"] = json!("Infobip");
    original["name"] = json!("Parcel notices");
    original["recipients"] = json!("+33611111111\n+33622222222\n+33633333333");
    original["purpose"] = json!("Alert");
    let receipt: ScheduleReceipt = app.schedule(original.clone()).await.ok();
    // The server was away past the send time: nothing reached Infobip, all three are refused.
    app.set_faults(json!({})).await;
    later(&app, &clock, 40).await;
    app.reconcile().await;
    assert_eq!(app.submission_statuses().await, vec!["refused"]);

    let CampaignDraft {
        request: draft,
        recipients,
    } = app
        .call("refused_again", json!({"id": receipt.campaign_id}))
        .await
        .ok();
    assert_eq!(draft.recipients, "+33611111111\n+33622222222\n+33633333333");
    assert_eq!(recipients, 3);
    assert_eq!(draft.name, "Parcel notices");
    assert_eq!(draft.text, original["text"].as_str().unwrap());
    assert_eq!(draft.sender, "ACME");
    assert_eq!(draft.time_zone, "Europe/Paris");
    assert_eq!(draft.provider, app::models::ProviderId::Infobip);
    // The send time has passed: the user chooses again; never "now" by default.
    assert_eq!((draft.send_at.as_str(), draft.send_now), ("", false));
    let unchosen = app.schedule(serde_json::to_value(&draft).unwrap()).await;
    assert!(
        matches!(unchosen.error(), AppError::Invalid(_)),
        "{:?}",
        unchosen.error()
    );

    // Once a time is chosen, it schedules as a campaign of its own.
    let mut chosen = draft.clone();
    chosen.send_at = (clock.now().with_timezone(&chrono_tz::Europe::Paris)
        + chrono::Duration::days(1))
    .format("%Y-%m-%dT10:00")
    .to_string();
    let again: ScheduleReceipt = app
        .schedule(serde_json::to_value(&chosen).unwrap())
        .await
        .ok();
    assert_ne!(again.campaign_id, receipt.campaign_id);
    assert_eq!(again.contacts, 3);
}

#[tokio::test]
async fn a_campaign_with_nothing_refused_has_nothing_to_schedule_again() {
    let app = spawn_app().await;
    let receipt: ScheduleReceipt = app.schedule(valid_request()).await.ok();
    let answer = app
        .call("refused_again", json!({"id": receipt.campaign_id}))
        .await;
    assert_eq!(answer.status, reqwest::StatusCode::CONFLICT);
    assert!(matches!(
        answer.error(),
        AppError::NotAllowed(Refusal::NothingRefused)
    ));
    let missing = app.call("refused_again", json!({"id": "no-such"})).await;
    assert_eq!(missing.status, reqwest::StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_partly_refused_campaign_offers_only_its_refused_recipients() {
    let mut settings = test_settings();
    // A price configured far below what Octopush charges: the estimate passes the credit check,
    // then Octopush refuses the 500-recipient request it cannot cover and takes the 100 it can.
    settings.octopush.premium_price = Some(0.001);
    settings.sandbox.octopush.initial_balance = 10.0;
    let app = spawn_app_with(settings).await;
    let numbers: Vec<String> = (0..600).map(|n| format!("+3361{n:07}")).collect();
    let mut request = valid_request();
    request["recipients"] = json!(numbers.join("\n"));
    let receipt: ScheduleReceipt = app.schedule(request).await.ok();
    assert_eq!(receipt.contacts, 100, "{receipt:?}");

    let detail = app.campaign_detail(&receipt.campaign_id).await;
    assert_eq!(detail.refused, 500);
    let CampaignDraft {
        request: draft,
        recipients,
    } = app
        .call("refused_again", json!({"id": receipt.campaign_id}))
        .await
        .ok();
    assert_eq!(draft.recipients, numbers[..500].join("\n"));
    assert_eq!(recipients, 500);
    // Its send time is still ahead: kept, on the campaign's clock.
    assert_eq!(draft.send_at, valid_request()["send_at"].as_str().unwrap());
    assert_eq!((draft.send_now, draft.sender.as_str()), (false, "ACME"));
}
