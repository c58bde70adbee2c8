//! Status tracking end to end: the sandboxes push reports to our webhooks (or the poller fetches
//! them), the ledger moves each recipient once, and a STOP reply puts the number on the opt-out list.

use app::models::{
    CampaignDetail, EventSource, OptOutPage, RecipientEvent, RecipientStatus, ScheduleReceipt,
};
use secrecy::SecretString;
use serde_json::{json, Value};
use sms_scheduler_server::domain::OptOutSource;
use std::time::Duration;

use crate::helpers::{spawn_app_with, test_settings, valid_request, TestApp};

const SECRET: &str = "test-webhook-secret-0123456789";

async fn app_with_known_secret() -> TestApp {
    let mut settings = test_settings();
    settings.webhooks.secret = Some(SecretString::from(SECRET.to_owned()));
    spawn_app_with(settings).await
}

/// A request to send at once, to numbers whose sandbox outcomes are delivered and undeliverable.
fn send_now(provider: &str) -> Value {
    let mut request = valid_request();
    request["provider"] = json!(provider);
    request["send_at"] = json!("");
    request["send_now"] = json!(true);
    request["recipients"] = json!("+33612345678\n+33612345601");
    request
}

/// Posts `body` to the webhook at `path` below `/webhooks/<secret>`, as a provider would.
async fn post_webhook(
    app: &TestApp,
    secret: &str,
    path: &str,
    body: impl Into<reqwest::Body>,
) -> reqwest::Response {
    app.http
        .post(format!("{}webhooks/{secret}{path}", app.url))
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap()
}

/// Waits (bounded) until every recipient's status is final.
async fn settled(app: &TestApp, campaign_id: &str) -> CampaignDetail {
    for _ in 0..60 {
        let detail = app.campaign_detail(campaign_id).await;
        if detail.recipients.iter().all(|r| r.status.is_final()) {
            return detail;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    panic!(
        "the reports did not arrive: {:?}",
        app.campaign_detail(campaign_id).await.recipients
    );
}

fn statuses(detail: &CampaignDetail) -> Vec<(String, RecipientStatus)> {
    detail
        .recipients
        .iter()
        .map(|r| (r.phone.clone(), r.status))
        .collect()
}

#[tokio::test]
async fn both_sandboxes_push_reports_that_move_each_recipient_once() {
    let app = app_with_known_secret().await;
    for provider in ["Octopush", "Infobip"] {
        let receipt: ScheduleReceipt = app.schedule(send_now(provider)).await.ok();
        app.advance_sandbox_clock(60).await;
        let detail = settled(&app, &receipt.campaign_id).await;
        assert_eq!(
            statuses(&detail),
            [
                ("+33612345678".to_owned(), RecipientStatus::Delivered),
                ("+33612345601".to_owned(), RecipientStatus::Failed)
            ],
            "{provider}"
        );
        assert!(
            detail.recipients[1].reason.is_some(),
            "{provider}: a failure says why"
        );
        let history: Vec<RecipientEvent> = app
            .call(
                "recipient_history",
                json!({"recipient_id": detail.recipients[0].id}),
            )
            .await
            .ok();
        let moves: Vec<RecipientStatus> = history.iter().map(|e| e.status).collect();
        assert_eq!(
            moves,
            [RecipientStatus::Accepted, RecipientStatus::Delivered],
            "{provider}: {history:?}"
        );
    }
    crate::recipient_counts::counts_agree(&app.store().await).await;
}

#[tokio::test]
async fn a_report_delivered_twice_is_recorded_once_and_a_bad_one_is_refused() {
    let app = app_with_known_secret().await;
    let receipt: ScheduleReceipt = app.schedule(valid_request()).await.ok();
    let ticket = receipt.submissions[0].reference.clone().unwrap();
    let report = json!({"channel": "sms", "message_id": ticket, "number": "+33612345678",
        "status": "DELIVERED", "delivery_date": "2030-01-01 10:00:30", "unit_price": 0.05,
        "list_name": null, "meta_data": {}});
    for _ in 0..2 {
        let response = post_webhook(&app, SECRET, "/octopush", report.to_string()).await;
        assert_eq!(response.status(), 200);
    }
    let detail = app.campaign_detail(&receipt.campaign_id).await;
    let history: Vec<RecipientEvent> = app
        .call(
            "recipient_history",
            json!({"recipient_id": detail.recipients[0].id}),
        )
        .await
        .ok();
    assert_eq!(
        history
            .iter()
            .filter(|e| e.status == RecipientStatus::Delivered)
            .count(),
        1
    );
    assert_eq!(detail.recipients[0].status, RecipientStatus::Delivered);
    assert_eq!(
        detail.recipients[1].status,
        RecipientStatus::Scheduled,
        "the other recipient did not move"
    );

    let bad = post_webhook(&app, SECRET, "/octopush", r#"{"number": "+33612345678"}"#).await;
    assert_eq!(bad.status(), 400);
    assert!(bad.text().await.unwrap().contains("delivery_date"));

    let wrong_secret = post_webhook(
        &app,
        "not-the-secret-at-all-000000",
        "/octopush",
        report.to_string(),
    )
    .await;
    assert_eq!(wrong_secret.status(), 404);
}

#[tokio::test]
async fn during_a_rotation_reports_are_taken_under_either_secret_and_no_other() {
    const PREVIOUS: &str = "previous-webhook-secret-98765";
    let mut settings = test_settings();
    settings.webhooks.secret = Some(SecretString::from(SECRET.to_owned()));
    settings.webhooks.previous_secret = Some(SecretString::from(PREVIOUS.to_owned()));
    let app = spawn_app_with(settings).await;
    let receipt: ScheduleReceipt = app.schedule(valid_request()).await.ok();
    let ticket = receipt.submissions[0].reference.clone().unwrap();
    let report = |number: &str| {
        json!({"channel": "sms", "message_id": ticket, "number": number,
            "status": "DELIVERED", "delivery_date": "2030-01-01 10:00:30", "unit_price": 0.05,
            "list_name": null, "meta_data": {}})
        .to_string()
    };
    let under_new = post_webhook(&app, SECRET, "/octopush", report("+33612345678")).await;
    assert_eq!(under_new.status(), 200);
    let under_previous = post_webhook(&app, PREVIOUS, "/octopush", report("+33698765432")).await;
    assert_eq!(under_previous.status(), 200);
    for refused in [
        "previous-webhook-secret-9876",
        "previous-webhook-secret-987650",
        "test-webhook-secret-0123456788",
    ] {
        let response = post_webhook(&app, refused, "/octopush", report("+33612345678")).await;
        assert_eq!(response.status(), 404, "{refused}");
    }
    let detail = app.campaign_detail(&receipt.campaign_id).await;
    assert_eq!(
        statuses(&detail),
        [
            ("+33612345678".to_owned(), RecipientStatus::Delivered),
            ("+33698765432".to_owned(), RecipientStatus::Delivered)
        ]
    );
}

#[tokio::test]
async fn a_stop_from_either_provider_puts_the_number_on_the_opt_out_list() {
    let app = app_with_known_secret().await;
    let octopush_stop = json!({"message_id": "sms_1", "number": "+33612345678", "text": "STOP",
        "stop_date": "2030-01-01 10:05:00"});
    let response = post_webhook(&app, SECRET, "/octopush", octopush_stop.to_string()).await;
    assert_eq!(response.status(), 200);
    let infobip_reply = json!({"results": [
        {"messageId": "mo-1", "from": "33698765432", "to": "447860099299", "text": "Arrêt svp",
         "cleanText": "svp", "keyword": "ARRET", "receivedAt": "2030-01-01T10:06:00.000+0000"},
        {"messageId": "mo-2", "from": "33611111111", "to": "447860099299", "text": "Merci !",
         "receivedAt": "2030-01-01T10:07:00.000+0000"}
    ], "messageCount": 2, "pendingMessageCount": 0});
    let response = post_webhook(&app, SECRET, "/infobip/inbound", infobip_reply.to_string()).await;
    assert_eq!(response.status(), 200);

    let page: OptOutPage = app
        .call("list_opt_outs", json!({"offset": 0, "search": ""}))
        .await
        .ok();
    let mut listed: Vec<(String, OptOutSource)> = page
        .entries
        .iter()
        .map(|e| (e.phone.clone(), e.source))
        .collect();
    listed.sort();
    assert_eq!(
        listed,
        [
            ("+33612345678".to_owned(), OptOutSource::StopReply),
            ("+33698765432".to_owned(), OptOutSource::StopReply)
        ],
        "a plain thank-you is kept as a reply, not an opt-out"
    );
    let replies = app.store().await.inbound_messages(0, 10).await.unwrap();
    assert_eq!(replies.len(), 3);

    // The next campaign leaves the opted-out numbers out, saying why.
    let receipt: ScheduleReceipt = app.schedule(valid_request()).await.ok();
    assert_eq!((receipt.contacts, receipt.excluded.len()), (0, 2));
    assert!(receipt
        .excluded
        .iter()
        .all(|e| e.reason.to_string().contains("STOP reply")));
}

#[tokio::test]
async fn the_poller_fetches_infobip_reports_when_the_webhook_cannot_be_reached() {
    let mut settings = test_settings();
    settings.webhooks.secret = Some(SecretString::from(SECRET.to_owned()));
    // Infobip is told a public URL where nothing listens: only the poller can bring the reports.
    settings.webhooks.public_url = Some("http://127.0.0.1:9".into());
    settings.infobip.report_poll_seconds = 1;
    let app = spawn_app_with(settings).await;
    let receipt: ScheduleReceipt = app.schedule(send_now("Infobip")).await.ok();
    app.advance_sandbox_clock(60).await;
    let detail = settled(&app, &receipt.campaign_id).await;
    assert_eq!(
        statuses(&detail),
        [
            ("+33612345678".to_owned(), RecipientStatus::Delivered),
            ("+33612345601".to_owned(), RecipientStatus::Failed)
        ]
    );
    let history: Vec<RecipientEvent> = app
        .call(
            "recipient_history",
            json!({"recipient_id": detail.recipients[0].id}),
        )
        .await
        .ok();
    assert_eq!(history.last().unwrap().source, EventSource::InfobipPoll);
}
