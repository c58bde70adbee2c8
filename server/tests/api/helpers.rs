use app::models::AppError;
use axum::Router;
use secrecy::SecretString;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use sms_scheduler_server::configuration::Settings;
use sms_scheduler_server::exactly_once::{ReconcileSummary, Reconciler};
use sms_scheduler_server::process::{Api, Workers};
use sms_scheduler_server::sandbox::infobip::InfobipSandbox;
use sms_scheduler_server::sandbox::octopush::{OctopushSandbox, SandboxCredentials};
use sms_scheduler_server::services::HeldExpiry;
use sms_scheduler_server::startup::Application;
use sms_scheduler_server::storage::Store;
use std::num::NonZeroU32;
use std::sync::Arc;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

use sms_scheduler_server::clock::{SandboxClock, SharedClock, SystemClock};

pub struct TestApp {
    /// Ends with `/`, base path included.
    pub url: String,
    pub database_url: String,
    pub sandbox: Option<OctopushSandbox>,
    pub infobip: Option<InfobipSandbox>,
    pub reconciler: Reconciler,
    pub held_expiry: HeldExpiry,
    pub http: reqwest::Client,
}

/// Set to run the HTTP suite's apps on PostgreSQL (a fresh database each) instead of SQLite.
pub const ON_POSTGRES_VAR: &str = "SMS_SCHEDULER_TEST_APPS_ON_POSTGRES";
/// Stands for "a fresh PostgreSQL database" in test settings until the app is spawned.
const FRESH_POSTGRES: &str = "postgres://fresh-test-database";

/// The database a test app gets: a fresh SQLite file, or with `ON_POSTGRES_VAR` set, a fresh
/// PostgreSQL database (made when the app is spawned).
pub fn test_database_url() -> String {
    if std::env::var_os(ON_POSTGRES_VAR).is_some() {
        FRESH_POSTGRES.to_owned()
    } else {
        temp_sqlite_url()
    }
}

/// A database for a server process a test starts: as `test_database_url`, but made at once.
pub async fn process_database_url() -> String {
    if std::env::var_os(ON_POSTGRES_VAR).is_some() {
        let (url, _name) = crate::storage::fresh_postgres().await.unwrap_or_else(|| {
            panic!(
                "{ON_POSTGRES_VAR} needs {}",
                crate::storage::POSTGRES_URL_VAR
            )
        });
        url
    } else {
        temp_sqlite_url()
    }
}

/// The database at `url` with the migrations before `migration` run (and not that one or later):
/// a ledger as an earlier version left it, for a test to write in that version's shape.
pub async fn migrated_before(url: &str, migration: &str) -> sqlx::AnyPool {
    let earlier = std::env::temp_dir().join(format!("sms-migrations-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&earlier).unwrap();
    let migrations = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    let mut copied = 0;
    for entry in std::fs::read_dir(&migrations).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        if name.as_str() < migration {
            std::fs::copy(&path, earlier.join(&name)).unwrap();
            copied += 1;
        }
    }
    assert!(
        copied > 0 && migrations.join(migration).exists(),
        "{migration} is among the migrations"
    );
    sqlx::any::install_default_drivers();
    let url = if url.starts_with("sqlite:") {
        format!("{url}?mode=rwc")
    } else {
        url.to_owned()
    };
    let pool = sqlx::AnyPool::connect(&url).await.unwrap();
    sqlx::migrate::Migrator::new(earlier.as_path())
        .await
        .unwrap()
        .run(&pool)
        .await
        .unwrap();
    std::fs::remove_dir_all(&earlier).unwrap();
    pool
}

/// Writes campaign `id` in a ledger migrated before `migration` (`migrated_before`), with the
/// columns its first version had (later ones have defaults), and request `request` of it when
/// given: the rows a recipient written then belongs to.
pub async fn campaign_written_before(pool: &sqlx::AnyPool, id: &str, request: Option<&str>) {
    sqlx::query(
        "INSERT INTO campaigns (id, provider, actor, message_text, sender, purpose, campaign_type, \
         requested_send_at, time_zone, local_time, outside_window, override_reason, simulation, \
         recipient_count, paused, created_at) \
         VALUES ($1, 'octopush', 'alice', 'Hello', NULL, 'alert', 'premium', NULL, 'Europe/Paris', \
         0, 'defer', NULL, 0, 4, 0, '2026-12-01T10:00:00Z')",
    )
    .bind(id)
    .execute(pool)
    .await
    .unwrap();
    if let Some(request) = request {
        request_written_before(pool, request, id, "2026-12-01T10:00:00Z").await;
    }
}

/// Writes request `id` of campaign `campaign`, made at `created_at`, in a ledger migrated before a
/// later migration, with the columns its first version had.
pub async fn request_written_before(
    pool: &sqlx::AnyPool,
    id: &str,
    campaign: &str,
    created_at: &str,
) {
    sqlx::query(
        "INSERT INTO submissions (id, campaign_id, provider, idempotency_key, actor, status, \
         message_text, recipients, recipient_count, simulation, created_at, updated_at) \
         VALUES ($1, $2, 'octopush', $1, 'alice', 'accepted', 'Hello', '[]', 4, 0, $3, $3)",
    )
    .bind(id)
    .bind(campaign)
    .bind(created_at)
    .execute(pool)
    .await
    .unwrap();
}

/// A fresh SQLite file in the system's temporary directory.
pub fn temp_sqlite_url() -> String {
    let path = std::env::temp_dir().join(format!("sms-scheduler-test-{}.db", uuid::Uuid::new_v4()));
    format!("sqlite://{}", path.display())
}

/// `count` distinct French mobile numbers, one a line.
pub fn numbers(count: usize) -> String {
    (0..count)
        .map(|n| format!("+3361{n:07}"))
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn test_settings() -> Settings {
    let mut settings = Settings::embedded_default().expect("defaults are valid");
    settings.server.listen = "127.0.0.1:0".parse().unwrap();
    settings.server.site_root = std::env::temp_dir().join("sms-scheduler-no-site");
    settings.database.url = test_database_url();
    settings.octopush.timeout_seconds = 5;
    // Tests run reconciliation themselves (`TestApp::reconcile`), with claims that lapse at once.
    settings.sending.reconcile_seconds = 3600;
    settings.sending.claim_seconds = 1;
    // A test acts as one person doing the work of many; the allowance has a test of its own.
    settings.limits.previews_per_minute = NonZeroU32::MAX;
    settings.limits.schedules_per_minute = NonZeroU32::MAX;
    settings
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(test_settings()).await
}

pub async fn spawn_app_with(settings: Settings) -> TestApp {
    spawn_app_with_clock(settings, Arc::new(SystemClock)).await
}

/// The app on its own `clock` (the sandboxes keep theirs), for tests that move the app's time.
pub async fn spawn_app_with_clock(mut settings: Settings, clock: SharedClock) -> TestApp {
    if settings.database.url == FRESH_POSTGRES {
        let (url, _name) = crate::storage::fresh_postgres().await.unwrap_or_else(|| {
            panic!(
                "{ON_POSTGRES_VAR} needs {}",
                crate::storage::POSTGRES_URL_VAR
            )
        });
        settings.database.url = url;
    }
    let database_url = settings.database.url.clone();
    let application = Application::build_with_clock(settings, clock)
        .await
        .expect("the app starts");
    let url = application.url();
    let sandbox = application.octopush_sandbox().cloned();
    let infobip = application.infobip_sandbox().cloned();
    let reconciler = application.reconciler().clone();
    let held_expiry = application.held_expiry().clone();
    let (api, workers, _drain) = application.into_parts();
    run_in_background(api, workers);
    TestApp {
        url,
        database_url,
        sandbox,
        infobip,
        reconciler,
        held_expiry,
        http: reqwest::Client::new(),
    }
}

/// Runs the API and its workers until the test's runtime ends, as `main` runs them until stopped.
pub fn run_in_background(api: Api, workers: Workers) {
    let stop = CancellationToken::new();
    let mut tasks = JoinSet::new();
    api.spawn_on(&mut tasks, &stop);
    workers.spawn_on(&mut tasks, &stop);
    tokio::spawn(async move { while tasks.join_next().await.is_some() {} });
}

/// An Octopush sandbox on its own port, as a stand-in for the real service.
pub async fn spawn_standalone_sandbox(api_login: &str, api_key: &str) -> (String, OctopushSandbox) {
    let sandbox = OctopushSandbox::new(
        SandboxCredentials {
            api_login: api_login.to_owned(),
            api_key: SecretString::from(api_key.to_owned()),
        },
        100.0,
        Arc::new(SystemClock),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/v1/public", listener.local_addr().unwrap());
    let router = Router::new().nest("/v1/public", sandbox.router());
    tokio::spawn(async move { axum::serve(listener, router).await });
    (url, sandbox)
}

/// An Infobip sandbox on its own port, on a clock the test can move forward.
pub async fn spawn_standalone_infobip(api_key: &str) -> (String, InfobipSandbox) {
    spawn_standalone_infobip_with_clock(api_key, Arc::new(SandboxClock::default())).await
}

pub async fn spawn_standalone_infobip_with_clock(
    api_key: &str,
    clock: Arc<SandboxClock>,
) -> (String, InfobipSandbox) {
    let sandbox = InfobipSandbox::new(SecretString::from(api_key.to_owned()), 100.0, clock);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let router = sandbox.router();
    tokio::spawn(async move { axum::serve(listener, router).await });
    (url, sandbox)
}

/// What a server function answered: the raw response, for tests that look at bytes.
pub struct Answer {
    pub status: reqwest::StatusCode,
    pub headers: reqwest::header::HeaderMap,
    /// The body as text (postcard keeps strings as they are, so a secret in it shows here).
    pub body: String,
    /// The body as sent: postcard, the server functions' answer encoding.
    pub bytes: Vec<u8>,
}

impl Answer {
    pub async fn read(response: reqwest::Response) -> Self {
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.bytes().await.unwrap().to_vec();
        Answer {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            bytes,
        }
    }

    pub fn ok<T: DeserializeOwned>(&self) -> T {
        assert!(
            self.status.is_success(),
            "expected success, got {}: {}",
            self.status,
            self.body
        );
        postcard::from_bytes(&self.bytes).expect("a postcard answer")
    }

    pub fn error(&self) -> AppError {
        assert!(
            !self.status.is_success(),
            "expected an error, got {}: {}",
            self.status,
            self.body
        );
        postcard::from_bytes(&self.bytes)
            .unwrap_or_else(|e| panic!("an AppError body ({e}): {}", self.body))
    }
}

/// A call of a server function as the app makes it: a POST with the arguments in JSON, or a GET
/// for the functions without arguments it calls so (the time-zone list).
pub fn server_fn_request(
    http: &reqwest::Client,
    base_url: &str,
    endpoint: &str,
    arguments: &Value,
) -> reqwest::RequestBuilder {
    let url = format!("{base_url}api/{endpoint}");
    let with_get = leptos::server_fn::axum::server_fn_paths().any(|(path, method)| {
        path.rsplit('/').next() == Some(endpoint) && method == reqwest::Method::GET
    });
    if with_get {
        assert_eq!(arguments, &json!({}), "{endpoint} takes no arguments");
        http.get(url)
    } else {
        http.post(url).json(arguments)
    }
}

impl TestApp {
    pub async fn call(&self, endpoint: &str, arguments: Value) -> Answer {
        let response = server_fn_request(&self.http, &self.url, endpoint, &arguments)
            .send()
            .await
            .expect("the server answers");
        Answer::read(response).await
    }

    /// Campaigns the Octopush sandbox has accepted.
    pub fn octopush_campaigns(&self) -> usize {
        self.sandbox
            .as_ref()
            .expect("the Octopush sandbox runs")
            .accepted_campaigns()
            .len()
    }

    /// Nothing has reached the Octopush sandbox.
    pub fn octopush_got_nothing(&self) -> bool {
        self.sandbox
            .as_ref()
            .expect("the Octopush sandbox runs")
            .accepted_campaigns()
            .is_empty()
    }

    pub async fn schedule(&self, request: Value) -> Answer {
        self.call("schedule_sms", json!({ "request": request }))
            .await
    }

    /// Asks the sandboxes to inject `faults` (absent fields: none); their answer as it came.
    pub async fn put_faults(&self, faults: Value) -> reqwest::Response {
        self.http
            .put(format!("{}sandbox/control/faults", self.url))
            .json(&faults)
            .send()
            .await
            .unwrap()
    }

    /// Replaces the faults the sandboxes inject (absent fields: none).
    pub async fn set_faults(&self, faults: Value) {
        let response = self.put_faults(faults).await;
        assert!(response.status().is_success(), "{response:?}");
    }

    /// Every submission's status, oldest first.
    pub async fn submission_statuses(&self) -> Vec<String> {
        sqlx::query_scalar("SELECT status FROM submissions ORDER BY created_at")
            .fetch_all(self.store().await.pool())
            .await
            .unwrap()
    }

    /// The first page of one campaign's detail.
    pub async fn campaign_detail(&self, campaign_id: &str) -> app::models::CampaignDetail {
        self.call("get_campaign", json!({"id": campaign_id, "offset": 0}))
            .await
            .ok()
    }

    /// Moves the sandboxes' clock (the app's clock in the embedded default) `seconds` ahead.
    pub async fn advance_sandbox_clock(&self, seconds: i64) {
        let response = self
            .http
            .post(format!("{}sandbox/control/clock/advance", self.url))
            .json(&json!({ "seconds": seconds }))
            .send()
            .await
            .unwrap();
        assert!(response.status().is_success());
    }

    /// A reconciliation pass once the claims taken so far have lapsed (they last a second).
    pub async fn reconcile(&self) -> ReconcileSummary {
        tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
        self.reconciler.run_once().await.expect("the pass runs")
    }

    pub async fn store(&self) -> Store {
        Store::connect(&self.database_url).await.unwrap()
    }
}

/// A valid form: two French numbers (one national), tomorrow at 10:00 Paris time.
pub fn valid_request() -> Value {
    let tomorrow = (chrono::Utc::now() + chrono::Duration::days(1))
        .format("%Y-%m-%dT10:00")
        .to_string();
    json!({
        "provider": "Octopush",
        "text": "Your parcel arrives tomorrow.",
        "recipients": "06 12 34 56 78\n+33 6 98 76 54 32",
        "campaign_type": "Premium",
        "sender": "ACME",
        "send_at": tomorrow,
        "time_zone": "Europe/Paris",
        "purpose": "Alert"
    })
}

/// `number` opted out by replying STOP to Octopush, as of now.
pub async fn opted_out_by_stop(store: &Store, number: &str) {
    store
        .add_opt_out(
            number,
            sms_scheduler_server::domain::OptOutSource::StopReply,
            None,
            "octopush",
            chrono::Utc::now(),
        )
        .await
        .unwrap();
}
