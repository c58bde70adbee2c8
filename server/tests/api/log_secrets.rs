//! The webhook secret never reaches the logs, at any level: the server binary runs with
//! `RUST_LOG=trace`, reports come through the webhooks (posted by the test and pushed by the
//! Infobip sandbox), the Octopush sandbox's pushes fail until it gives up, and every line the
//! process wrote is searched for the secret.

use serde_json::{json, Value};
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;
use tokio::process::{Child, Command};

use crate::helpers::{temp_sqlite_url, valid_request};

const SECRET: &str = "log-test-secret-0123456789abcdef";

/// A port nothing listens on (taken, then let go).
fn dead_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Waits until the log holds a line containing `wanted`, and returns that line.
pub async fn line_in_log(log: &Path, wanted: &str, within: Duration) -> String {
    tokio::time::timeout(within, async {
        loop {
            let text = std::fs::read_to_string(log).unwrap_or_default();
            if let Some(line) = text.lines().find(|line| line.contains(wanted)) {
                return line.to_owned();
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    })
    .await
    .unwrap_or_else(|_| panic!("no log line with {wanted:?} within {within:?}"))
}

/// The server binary with every log level on, stdout and stderr into `log`.
fn start_server(log: &Path) -> Child {
    let file = std::fs::File::create(log).unwrap();
    // Octopush's sandbox pushes where nothing listens: every push fails, then it gives up.
    let unreachable_webhook = format!(
        "http://127.0.0.1:{}/webhooks/{SECRET}/octopush",
        dead_port()
    );
    Command::new(env!("CARGO_BIN_EXE_sms-scheduler"))
        .env_clear()
        .current_dir(std::env::temp_dir())
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("RUST_LOG", "trace")
        .env("NO_COLOR", "1")
        .env("SMS_SCHEDULER__SERVER__LISTEN", "127.0.0.1:0")
        .env(
            "SMS_SCHEDULER__SERVER__SITE_ROOT",
            std::env::temp_dir().join("sms-scheduler-no-site"),
        )
        .env("SMS_SCHEDULER__DATABASE__URL", temp_sqlite_url())
        .env("SMS_SCHEDULER__WEBHOOKS__SECRET", SECRET)
        .env(
            "SMS_SCHEDULER__SANDBOX__OCTOPUSH__DELIVERY_REPORT_URL",
            unreachable_webhook,
        )
        .stdout(Stdio::from(file.try_clone().unwrap()))
        .stderr(Stdio::from(file))
        .kill_on_drop(true)
        .spawn()
        .expect("the server binary starts")
}

async fn post(http: &reqwest::Client, url: String, body: Value) -> reqwest::StatusCode {
    http.post(url).json(&body).send().await.unwrap().status()
}

#[tokio::test]
async fn the_webhook_secret_is_in_no_log_line() {
    let log = std::env::temp_dir().join(format!("sms-scheduler-log-{}.txt", uuid::Uuid::new_v4()));
    let mut server = start_server(&log);
    let ready = line_in_log(&log, "SMS Scheduler is ready at ", Duration::from_secs(30)).await;
    let url = ready
        .split("SMS Scheduler is ready at ")
        .nth(1)
        .unwrap()
        .trim()
        .to_owned();
    let http = reqwest::Client::new();

    // A campaign on each sandbox, sent now, so their reports are due once the clock moves.
    for provider in ["Octopush", "Infobip"] {
        let mut request = valid_request();
        request["provider"] = json!(provider);
        request["send_now"] = json!(true);
        request["send_at"] = json!("");
        let status = post(
            &http,
            format!("{url}api/schedule_sms"),
            json!({ "request": request }),
        )
        .await;
        assert!(status.is_success(), "{provider}: {status}");
    }
    let moved = post(
        &http,
        format!("{url}sandbox/control/clock/advance"),
        json!({ "seconds": 120 }),
    )
    .await;
    assert!(moved.is_success());

    // Reports posted straight to the webhooks, as the providers post them.
    let webhooks = format!("{url}webhooks/{SECRET}");
    let stop = json!({"message_id": "sms_1", "number": "+33612345678",
        "stop_date": "2030-01-01 10:05:00"});
    assert!(post(&http, format!("{webhooks}/octopush"), stop)
        .await
        .is_success());
    assert!(post(
        &http,
        format!("{webhooks}/infobip/reports"),
        json!({"results": []})
    )
    .await
    .is_success());
    let refused = post(&http, format!("{webhooks}/octopush"), json!({"what": 1})).await;
    assert_eq!(refused, reqwest::StatusCode::BAD_REQUEST);

    // The lines that used to carry the secret are there, redacted.
    line_in_log(
        &log,
        "/webhooks/***/infobip/reports",
        Duration::from_secs(30),
    )
    .await;
    let gave_up = line_in_log(
        &log,
        "sandbox gave up pushing a delivery report",
        Duration::from_secs(90),
    )
    .await;
    assert!(gave_up.contains("/webhooks/***/octopush"), "{gave_up}");

    server.start_kill().unwrap();
    server.wait().await.unwrap();
    let text = std::fs::read_to_string(&log).unwrap();
    let leaks: Vec<&str> = text.lines().filter(|line| line.contains(SECRET)).collect();
    assert!(
        text.lines().any(|line| line.contains("TRACE")),
        "the log is at trace level"
    );
    assert!(
        leaks.is_empty(),
        "the secret is in the log:\n{}",
        leaks.join("\n")
    );
    std::fs::remove_file(&log).unwrap();
}
