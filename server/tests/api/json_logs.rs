//! `logging.format = "json"`: the binary writes one JSON object a line, for log collectors, and
//! the lines written while a request is served carry its id (given back in `x-request-id`).

use serde_json::Value;
use std::process::Stdio;
use std::time::Duration;
use tokio::process::Command;

use crate::helpers::{temp_sqlite_url, valid_request};
use crate::log_secrets::line_in_log;

#[tokio::test]
async fn every_line_is_json_and_a_requests_lines_carry_its_id() {
    let log = std::env::temp_dir().join(format!("sms-scheduler-json-{}.txt", uuid::Uuid::new_v4()));
    let file = std::fs::File::create(&log).unwrap();
    let secret = "json-log-test-secret-0123456789";
    let mut server = Command::new(env!("CARGO_BIN_EXE_sms-scheduler"))
        .env_clear()
        .current_dir(std::env::temp_dir())
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("SMS_SCHEDULER__LOGGING__FORMAT", "json")
        .env("SMS_SCHEDULER__SERVER__LISTEN", "127.0.0.1:0")
        .env("SMS_SCHEDULER__DATABASE__URL", temp_sqlite_url())
        .env("SMS_SCHEDULER__WEBHOOKS__SECRET", secret)
        .stdout(Stdio::from(file.try_clone().unwrap()))
        .stderr(Stdio::from(file))
        .kill_on_drop(true)
        .spawn()
        .expect("the server binary starts");
    let ready = line_in_log(&log, "SMS Scheduler is ready at ", Duration::from_secs(30)).await;
    let ready: Value = serde_json::from_str(&ready).expect("the ready line is JSON");
    let url = ready["fields"]["url"].as_str().unwrap().to_owned();

    // A report the webhook cannot read is logged as a warning, inside the request's span.
    let http = reqwest::Client::new();
    let refused = http
        .post(format!("{url}webhooks/{secret}/octopush"))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert!(refused.status().is_client_error());
    let request_id = refused.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(request_id.len(), 36, "a UUID: {request_id}");
    let warning = line_in_log(&log, "webhook body refused", Duration::from_secs(10)).await;
    let warning: Value = serde_json::from_str(&warning).unwrap();
    assert_eq!(warning["level"], "WARN");
    assert_eq!(warning["span"]["request_id"], request_id.as_str());
    assert_eq!(
        warning["span"]["uri"], "/webhooks/***/octopush",
        "the secret is not written"
    );

    // A campaign's provider calls name the campaign and the request, and say how long they took.
    let campaign = uuid::Uuid::new_v4().to_string();
    let scheduled = http
        .post(format!("{url}api/schedule_sms"))
        .json(&serde_json::json!({"request": valid_request(), "campaign_id": campaign}))
        .send()
        .await
        .unwrap();
    assert!(scheduled.status().is_success());
    let request_id = scheduled.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    let call = line_in_log(&log, "\"operation\":\"send\"", Duration::from_secs(10)).await;
    let call: Value = serde_json::from_str(&call).unwrap();
    assert_eq!(call["span"]["campaign"], campaign.as_str());
    assert_eq!(call["spans"][0]["request_id"], request_id.as_str());
    assert_eq!(call["fields"]["operation"], "send");
    assert!(call["fields"]["duration_ms"].as_f64().is_some(), "{call}");

    server.kill().await.unwrap();
    let text = std::fs::read_to_string(&log).unwrap();
    for line in text.lines() {
        serde_json::from_str::<Value>(line)
            .unwrap_or_else(|error| panic!("not JSON ({error}): {line}"));
    }
    assert!(!text.contains(secret));
}
