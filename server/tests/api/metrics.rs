//! `/metrics`: Prometheus text whose numbers move with what the server does (server functions,
//! provider calls, recipients handed over, webhook bodies refused, open provider requests), and a
//! bearer token when one is configured. Other tests share the process's recorder, so the checks
//! are on growth, never on exact totals.

use reqwest::StatusCode;
use secrecy::SecretString;
use serde_json::json;

use crate::helpers::{spawn_app_with, test_settings, valid_request, TestApp};

const SECRET: &str = "metrics-test-webhook-secret-0001";

async fn get_metrics(app: &TestApp) -> (reqwest::Response, String) {
    let response = app
        .http
        .get(format!("{}metrics", app.url))
        .send()
        .await
        .unwrap();
    let kind = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .map(|kind| kind.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (response, kind)
}

async fn scrape(app: &TestApp) -> String {
    let (response, kind) = get_metrics(app).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(kind.starts_with("text/plain; version=0.0.4"), "{kind}");
    response.text().await.unwrap()
}

/// The value of the series `name` with (at least) these labels; 0 when it is not there yet.
fn sample(text: &str, name: &str, labels: &[(&str, &str)]) -> f64 {
    text.lines()
        .filter(|line| line.starts_with(&format!("{name}{{")))
        .find(|line| {
            labels
                .iter()
                .all(|(key, value)| line.contains(&format!("{key}=\"{value}\"")))
        })
        .and_then(|line| line.rsplit(' ').next())
        .map_or(0.0, |value| value.parse().unwrap())
}

#[tokio::test]
async fn the_numbers_move_with_what_the_server_does() {
    let mut settings = test_settings();
    settings.webhooks.secret = Some(SecretString::from(SECRET.to_owned()));
    let app = spawn_app_with(settings).await;
    let before = scrape(&app).await;

    app.schedule(valid_request())
        .await
        .ok::<app::models::ScheduleReceipt>();
    let mut bad = valid_request();
    bad["recipients"] = json!("");
    assert_eq!(app.schedule(bad).await.status, StatusCode::BAD_REQUEST);
    let garbage = app
        .http
        .post(format!("{}webhooks/{SECRET}/octopush", app.url))
        .body("not json")
        .send()
        .await
        .unwrap();
    assert_eq!(garbage.status(), StatusCode::BAD_REQUEST);

    let after = scrape(&app).await;
    let grew = |name: &str, labels: &[(&str, &str)]| {
        sample(&after, name, labels) - sample(&before, name, labels)
    };
    let scheduled = [("function", "schedule_sms"), ("outcome", "ok")];
    assert!(
        grew("sms_scheduler_server_function_calls_total", &scheduled) >= 1.0,
        "{after}"
    );
    let refused = [("function", "schedule_sms"), ("outcome", "refused")];
    assert!(grew("sms_scheduler_server_function_calls_total", &refused) >= 1.0);
    assert!(
        grew(
            "sms_scheduler_server_function_duration_seconds_count",
            &scheduled
        ) >= 1.0
    );
    assert!(
        after.contains("sms_scheduler_server_function_duration_seconds_bucket{function=\"schedule_sms\",outcome=\"ok\",le=\"0.005\"}"),
        "latencies are histograms with buckets"
    );
    let sent = [
        ("provider", "octopush"),
        ("operation", "send"),
        ("outcome", "ok"),
    ];
    assert!(grew("sms_scheduler_provider_calls_total", &sent) >= 1.0);
    assert!(grew("sms_scheduler_provider_call_duration_seconds_count", &sent) >= 1.0);
    let octopush = [("provider", "octopush")];
    assert!(grew("sms_scheduler_recipients_handed_over_total", &octopush) >= 2.0);
    // The campaign's time, phase by phase.
    for phase in ["planning", "recording", "hand_over"] {
        let labels = [("provider", "octopush"), ("phase", phase)];
        assert!(
            grew(
                "sms_scheduler_campaign_phase_duration_seconds_count",
                &labels
            ) >= 1.0,
            "{phase}: {after}"
        );
    }
    let refused_body = [("provider", "octopush"), ("outcome", "refused")];
    assert!(grew("sms_scheduler_webhook_reports_total", &refused_body) >= 1.0);
    for status in ["pending", "unknown", "unconfirmed"] {
        assert!(
            after.contains(&format!(
                "sms_scheduler_provider_requests_open{{provider=\"infobip\",status=\"{status}\"}}"
            )),
            "{status} requests are read from the ledger at each scrape"
        );
    }
    // A made-up function name is counted as `unknown`, not as a series of its own.
    app.call("no_such_function", json!({})).await;
    assert!(!scrape(&app).await.contains("no_such_function"));
}

#[tokio::test]
async fn a_configured_token_is_asked_for() {
    let token = "scrape-token-0123456789abcdef";
    let mut settings = test_settings();
    settings.metrics.token = Some(SecretString::from(token.to_owned()));
    let app = spawn_app_with(settings).await;
    let url = format!("{}metrics", app.url);
    let none = app.http.get(&url).send().await.unwrap();
    assert_eq!(none.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(none.headers()[reqwest::header::WWW_AUTHENTICATE], "Bearer");
    let wrong = app
        .http
        .get(&url)
        .bearer_auth("scrape-token-0123456789abcdeX")
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    let right = app.http.get(&url).bearer_auth(token).send().await.unwrap();
    assert_eq!(right.status(), StatusCode::OK);

    let mut short = test_settings();
    short.metrics.token = Some(SecretString::from("short".to_owned()));
    let refused = short.parse().unwrap_err().to_string();
    assert!(
        refused.starts_with("metrics.token: use at least 24 characters"),
        "{refused}"
    );
}

#[tokio::test]
async fn metrics_switched_off_are_not_served() {
    let mut settings = test_settings();
    settings.metrics.enabled = false;
    let app = spawn_app_with(settings).await;
    let (response, kind) = get_metrics(&app).await;
    assert!(!kind.starts_with("text/plain; version=0.0.4"), "{kind}");
    assert!(!response.text().await.unwrap().contains("sms_scheduler_"));
}
