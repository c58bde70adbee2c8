//! Far-future and far-past dates, and huge clock steps, sent to every place the server reads a date
//! from: each is refused in words (a 4xx with the typed error), or kept within bounds, and the
//! server keeps answering.

use app::models::{AppError, Refusal, ScheduleReceipt};
use secrecy::{ExposeSecret, SecretString};
use serde_json::{json, Value};

use crate::helpers::{spawn_app, spawn_app_with, test_settings, valid_request, TestApp};

const WEBHOOK_SECRET: &str = "far-dates-webhook-secret-0123456789";

/// Wall-clock send times as the composer and the reschedule form send them.
const FAR_LOCAL_TIMES: [&str; 7] = [
    "9999-12-31T23:59",
    "+262000-01-01T00:00",
    "+262143-12-31T23:59",
    "99999999999999999999-01-01T00:00",
    "0001-01-01T00:00",
    "-262000-01-01T00:00",
    "-262144-01-01T00:00",
];

/// Instants as the providers' APIs and webhooks write them.
const FAR_INSTANTS: [&str; 4] = [
    "9999-12-31T23:59:59.000+0000",
    "+262143-12-31T23:59:59.000+0000",
    "-262143-01-01T00:00:00.000+0000",
    "9999-12-31T23:59:59.000+2359",
];

fn assert_refused(answer: &crate::helpers::Answer, what: &str) {
    assert!(
        answer.status.is_client_error(),
        "{what}: {} {}",
        answer.status,
        answer.body
    );
    let error = answer.error();
    assert!(
        matches!(error, AppError::Invalid(_) | AppError::NotAllowed(_)),
        "{what}: {error:?}"
    );
}

async fn still_up(app: &TestApp) {
    let health = app
        .http
        .get(format!("{}health", app.url))
        .send()
        .await
        .expect("the server answers");
    assert!(health.status().is_success());
    let campaigns = app
        .call("list_campaigns", json!({"before": null, "filter": {}}))
        .await;
    assert!(campaigns.status.is_success(), "{}", campaigns.body);
}

fn marketing_request(send_at: &str, local_time: bool) -> Value {
    let mut request = valid_request();
    // Marketing goes through the frequency cap, whose dates once overflowed.
    request["purpose"] = json!("Marketing");
    request["text"] = json!("Sale today. STOP au 30101");
    request["send_at"] = json!(send_at);
    request["local_time"] = json!(local_time);
    request
}

#[tokio::test]
async fn far_send_times_are_refused_in_words() {
    let app = spawn_app().await;
    for send_at in FAR_LOCAL_TIMES {
        for local_time in [false, true] {
            let request = marketing_request(send_at, local_time);
            let preview = app
                .call("preview_campaign", json!({"request": request, "offset": 0}))
                .await;
            assert_refused(&preview, &format!("preview at {send_at}"));
            let scheduled = app.schedule(request).await;
            assert_refused(&scheduled, &format!("schedule at {send_at}"));
        }
    }
    assert!(app.octopush_got_nothing());

    // A campaign Infobip can move, moved to each far time.
    let mut request = valid_request();
    request["provider"] = json!("Infobip");
    let receipt: ScheduleReceipt = app.schedule(request).await.ok();
    for send_at in FAR_LOCAL_TIMES {
        let moved = app
            .call(
                "operate_campaign",
                json!({"id": receipt.campaign_id, "operation": {"Reschedule": {"send_at": send_at}}}),
            )
            .await;
        assert_refused(&moved, &format!("reschedule to {send_at}"));
    }
    still_up(&app).await;
}

#[tokio::test]
async fn huge_clock_steps_are_refused_in_words() {
    let app = spawn_app().await;
    for seconds in [i64::MAX, i64::MIN, 0, -1, 366 * 86_400 + 1] {
        let answer = app
            .call("advance_sandbox_clock", json!({ "seconds": seconds }))
            .await;
        assert_refused(&answer, &format!("{seconds} s"));
        let control = app
            .http
            .post(format!("{}sandbox/control/clock/advance", app.url))
            .json(&json!({ "seconds": seconds }))
            .send()
            .await
            .unwrap();
        assert_eq!(
            control.status(),
            reqwest::StatusCode::BAD_REQUEST,
            "{seconds}"
        );
    }
    // Not a number a clock step can be.
    let control = app
        .http
        .post(format!("{}sandbox/control/clock/advance", app.url))
        .json(&json!({ "seconds": 1e300 }))
        .send()
        .await
        .unwrap();
    assert!(control.status().is_client_error());
    // A year at a time, the clock stops ten years ahead, in words.
    let mut last = None;
    for _ in 0..12 {
        last = Some(
            app.call("advance_sandbox_clock", json!({ "seconds": 366 * 86_400 }))
                .await,
        );
    }
    let last = last.unwrap();
    assert_eq!(last.status, reqwest::StatusCode::CONFLICT, "{}", last.body);
    assert!(
        matches!(
            last.error(),
            AppError::NotAllowed(Refusal::ClockTooFarAhead { .. })
        ),
        "{}",
        last.body
    );
    still_up(&app).await;
}

#[tokio::test]
async fn the_infobip_sandbox_refuses_far_send_times_in_words() {
    let app = spawn_app().await;
    let key = app
        .infobip
        .as_ref()
        .unwrap()
        .api_key()
        .expose_secret()
        .to_owned();
    let infobip = format!("{}sandbox/infobip", app.url);
    for send_at in FAR_INSTANTS {
        let body = json!({
            "messages": [{"destinations": [{"to": "33612345678"}],
                "content": {"text": "Your parcel arrives tomorrow."}}],
            "options": {"schedule": {"sendAt": send_at}}
        });
        let sent = app
            .http
            .post(format!("{infobip}/sms/3/messages"))
            .header("Authorization", format!("App {key}"))
            .json(&body)
            .send()
            .await
            .unwrap();
        let status = sent.status();
        let text = sent.text().await.unwrap();
        // A far-past time is a time already passed: sent at once, as Infobip does.
        let past = send_at.starts_with('-');
        assert_eq!(status.is_success(), past, "{send_at}: {status} {text}");
        if !past {
            assert!(text.contains("sendAt"), "{send_at}: {text}");
        }
        let moved = app
            .http
            .put(format!("{infobip}/sms/1/bulks?bulkId=any"))
            .header("Authorization", format!("App {key}"))
            .json(&json!({ "sendAt": send_at }))
            .send()
            .await
            .unwrap();
        assert_eq!(
            moved.status(),
            reqwest::StatusCode::BAD_REQUEST,
            "{send_at}"
        );
    }
    still_up(&app).await;
}

#[tokio::test]
async fn far_dates_in_provider_reports_are_kept_within_what_the_ledger_reads() {
    let mut settings = test_settings();
    settings.webhooks.secret = Some(SecretString::from(WEBHOOK_SECRET.to_owned()));
    let app = spawn_app_with(settings).await;
    let receipt: ScheduleReceipt = app.schedule(valid_request()).await.ok();
    let webhooks = format!("{}webhooks/{WEBHOOK_SECRET}", app.url);
    let ticket = receipt.submissions[0].reference.clone().unwrap();
    for date in [
        "+262000-01-01 00:00:00",
        "9999-12-31 23:59:59",
        "0000-01-01 00:00:00",
    ] {
        let bodies = [
            json!({"message_id": ticket, "number": "+33612345678", "status": "DELIVERED",
                "delivery_date": date}),
            json!({"message_id": ticket, "number": "+33698765432", "text": "STOP",
                "stop_date": date}),
            json!({"message_id": ticket, "number": "+33698765432", "text": "Merci",
                "reception_date": date}),
        ];
        for body in bodies {
            let taken = app
                .http
                .post(format!("{webhooks}/octopush"))
                .json(&body)
                .send()
                .await
                .unwrap();
            assert!(taken.status().is_success(), "{date}: {}", taken.status());
        }
    }
    let infobip_reports = format!("{webhooks}/infobip/reports");
    let infobip_inbound = format!("{webhooks}/infobip/inbound");
    for at in FAR_INSTANTS {
        let report = json!({"results": [{"messageId": "unknown", "doneAt": at, "sentAt": at,
            "status": {"groupName": "DELIVERED"}}]});
        let taken = app
            .http
            .post(&infobip_reports)
            .json(&report)
            .send()
            .await
            .unwrap();
        assert!(taken.status().is_success(), "{at}");
        let inbound =
            json!({"results": [{"from": "33611111111", "text": "STOP", "receivedAt": at}]});
        let taken = app
            .http
            .post(&infobip_inbound)
            .json(&inbound)
            .send()
            .await
            .unwrap();
        assert!(taken.status().is_success(), "{at}");
    }

    // Everything recorded reads back.
    let detail = app.campaign_detail(&receipt.campaign_id).await;
    for recipient in &detail.recipients {
        let history = app
            .call("recipient_history", json!({"recipient_id": recipient.id}))
            .await;
        assert!(history.status.is_success(), "{}", history.body);
    }
    let opt_outs = app
        .call("list_opt_outs", json!({"offset": 0, "search": ""}))
        .await;
    assert!(opt_outs.status.is_success(), "{}", opt_outs.body);
    let stored = app.store().await.inbound_messages(0, 100).await;
    assert!(stored.is_ok(), "replies read back: {stored:?}");
    still_up(&app).await;
}
