//! The crash test: the real server binary is killed (SIGKILL) while it hands a large campaign to an
//! Octopush sandbox that runs in the test, then started again on the same database. Reconciliation
//! finishes the campaign, and each recipient reaches the sandbox exactly once.

use axum::middleware::from_fn_with_state;
use axum::Router;
use secrecy::SecretString;
use serde_json::json;
use sms_scheduler_server::clock::SystemClock;
use sms_scheduler_server::providers::octopush::sandbox::{OctopushSandbox, SandboxCredentials};
use sms_scheduler_server::providers::sandbox_faults::{self, Faults, SharedFaults};
use sms_scheduler_server::storage::Store;
use std::collections::HashMap;
use std::process::Stdio;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

use crate::helpers::{temp_sqlite_url, valid_request};

const RECIPIENTS: usize = 5000;
const LOGIN: &str = "crash@example.com";
const KEY: &str = "crash-test-key";

/// An Octopush sandbox on its own port, slowed down so that the kill lands mid-campaign.
async fn slow_octopush() -> (String, OctopushSandbox) {
    let sandbox = OctopushSandbox::new(
        SandboxCredentials {
            api_login: LOGIN.to_owned(),
            api_key: SecretString::from(KEY.to_owned()),
        },
        10_000.0,
        Arc::new(SystemClock),
    );
    let faults: SharedFaults = Arc::new(RwLock::new(Faults {
        latency_ms: 200,
        ..Faults::default()
    }));
    let router = Router::new().nest(
        "/v1/public",
        sandbox
            .router()
            .layer(from_fn_with_state(faults, sandbox_faults::inject)),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/v1/public", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, router).await });
    (url, sandbox)
}

/// The server binary, killed when dropped.
struct Server {
    child: Child,
    url: String,
}

impl Server {
    /// Starts the binary on `database_url` against the sandbox at `octopush_url`, and waits until
    /// it says where it listens.
    async fn start(database_url: &str, octopush_url: &str) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sms-scheduler"))
            .env_clear()
            // Away from any sms-scheduler.toml; everything comes from the environment.
            .current_dir(std::env::temp_dir())
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("SMS_SCHEDULER__SERVER__LISTEN", "127.0.0.1:0")
            .env(
                "SMS_SCHEDULER__SERVER__SITE_ROOT",
                std::env::temp_dir().join("sms-scheduler-no-site"),
            )
            .env("SMS_SCHEDULER__DATABASE__URL", database_url)
            .env("SMS_SCHEDULER__OCTOPUSH__BASE_URL", octopush_url)
            .env("SMS_SCHEDULER__OCTOPUSH__API_LOGIN", LOGIN)
            .env("SMS_SCHEDULER__OCTOPUSH__API_KEY", KEY)
            .env("SMS_SCHEDULER__SENDING__SUBMIT_CONCURRENCY", "1")
            .env("SMS_SCHEDULER__SENDING__CLAIM_SECONDS", "2")
            .env("SMS_SCHEDULER__SENDING__RECONCILE_SECONDS", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("the server binary starts");
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let url = tokio::time::timeout(Duration::from_secs(30), async {
            while let Some(line) = lines.next_line().await.unwrap() {
                if let Some(url) = line.strip_prefix("SMS Scheduler is ready at ") {
                    return url.trim().to_owned();
                }
            }
            panic!("the server stopped before it was ready");
        })
        .await
        .expect("the server is ready within 30 s");
        // Keep reading its output so that it never blocks on a full pipe.
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        Self { child, url }
    }

    async fn kill(mut self) {
        self.child.start_kill().unwrap();
        self.child.wait().await.unwrap();
    }
}

async fn submission_statuses(store: &Store) -> Vec<String> {
    sqlx::query_scalar("SELECT status FROM submissions ORDER BY created_at")
        .fetch_all(store.pool())
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_killed_mid_campaign_finishes_it_after_a_restart_sending_each_sms_once() {
    let (octopush_url, sandbox) = slow_octopush().await;
    let database_url = temp_sqlite_url();
    let server = Server::start(&database_url, &octopush_url).await;

    let mut request = valid_request();
    request["recipients"] = json!((0..RECIPIENTS)
        .map(|n| format!("+3361{n:07}"))
        .collect::<Vec<_>>()
        .join("\n"));
    let schedule = tokio::spawn(
        reqwest::Client::new()
            .post(format!("{}api/schedule_sms", server.url))
            .json(&json!({ "request": request }))
            .send(),
    );

    // Killed once a few of the ten batches have reached the sandbox.
    let started = Instant::now();
    while sandbox.accepted_campaigns().len() < 3 {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the batches did not arrive"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    server.kill().await;
    assert!(
        schedule.await.unwrap().is_err(),
        "the server died before answering"
    );
    let at_the_kill = sandbox.accepted_campaigns().len();
    assert!(
        at_the_kill < 10,
        "the kill came too late: {at_the_kill} batches in"
    );

    // Started again: reconciliation takes the batches over once their claims lapse.
    let store = Store::connect(&database_url).await.unwrap();
    let statuses = submission_statuses(&store).await;
    assert_eq!(statuses.len(), 10, "the whole campaign was recorded first");
    let server = Server::start(&database_url, &octopush_url).await;
    let started = Instant::now();
    loop {
        let statuses = submission_statuses(&store).await;
        if statuses.iter().all(|s| s == "accepted") {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "not reconciled: {statuses:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    server.kill().await;

    let mut seen: HashMap<String, usize> = HashMap::new();
    for campaign in sandbox.accepted_campaigns() {
        for number in campaign.phone_numbers {
            *seen.entry(number).or_insert(0) += 1;
        }
    }
    let repeated: Vec<_> = seen.iter().filter(|(_, &n)| n > 1).collect();
    assert!(repeated.is_empty(), "sent twice: {repeated:?}");
    assert_eq!(
        seen.len(),
        RECIPIENTS,
        "every recipient reached the sandbox"
    );
    let scheduled: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM recipients WHERE status = 'scheduled'")
            .fetch_one(store.pool())
            .await
            .unwrap();
    assert_eq!(scheduled, RECIPIENTS as i64);
}
