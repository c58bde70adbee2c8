//! Benchmark: 100,000 recipients from a CSV with placeholders, validated, planned against the
//! sending rules, recorded recipient by recipient and handed to the Octopush sandbox in 200
//! requests, through the schedule server function as the browser calls it. Prints the time of the
//! call, the CPU time it used and the process's peak memory (server, sandbox and client together),
//! the database's size, and, in the same run, the time a plain client takes to post the same recipients to the same
//! sandbox in requests built beforehand.
//!
//! The campaign is recorded in a fresh SQLite file; with `SMS_SCHEDULER_BENCH_POSTGRES_URL` (a
//! PostgreSQL server, e.g. the URL `scripts/postgres.sh` prints) in a fresh database created
//! there for the run and dropped after it.
//!
//! Run: `scripts/bench.sh` (or `cargo bench -p sms-scheduler-server --bench campaign_100k`).

use app::models::ScheduleReceipt;
use futures_util::FutureExt;
use secrecy::ExposeSecret;
use serde_json::json;
use sms_scheduler_server::configuration::Settings;
use sms_scheduler_server::startup::Application;
use std::panic::AssertUnwindSafe;
use std::time::Instant;

/// The size unless `SMS_SCHEDULER_BENCH_RECIPIENTS` says otherwise.
const RECIPIENTS: usize = 100_000;

const POSTGRES_URL_VAR: &str = "SMS_SCHEDULER_BENCH_POSTGRES_URL";

/// Where the campaign is recorded.
enum BenchDatabase {
    /// A file in the run's scratch directory.
    Sqlite(std::path::PathBuf),
    /// A database created on the server `admin` reaches, named `name`.
    Postgres {
        admin: String,
        name: String,
        url: String,
    },
}

impl BenchDatabase {
    async fn create(scratch: &std::path::Path) -> Self {
        let Ok(admin) = std::env::var(POSTGRES_URL_VAR) else {
            return Self::Sqlite(scratch.join("bench.db"));
        };
        let mut url = reqwest::Url::parse(&admin)
            .unwrap_or_else(|e| panic!("{POSTGRES_URL_VAR} is not a postgres:// URL: {e}"));
        let name = format!("sms_bench_{}", uuid::Uuid::new_v4().simple());
        Self::on_postgres(&admin, &format!("CREATE DATABASE {name}")).await;
        url.set_path(&name);
        Self::Postgres {
            admin,
            name,
            url: url.to_string(),
        }
    }

    async fn on_postgres(admin: &str, statement: &str) -> Vec<sqlx::any::AnyRow> {
        sqlx::any::install_default_drivers();
        let mut connection = <sqlx::AnyConnection as sqlx::Connection>::connect(admin)
            .await
            .unwrap_or_else(|e| panic!("{POSTGRES_URL_VAR}: PostgreSQL does not answer: {e}"));
        sqlx::Executor::fetch_all(&mut connection, statement)
            .await
            .unwrap_or_else(|e| panic!("{statement}: {e}"))
    }

    /// The file, or the database's name (its URL may hold a password).
    fn name(&self) -> String {
        match self {
            Self::Sqlite(path) => path.display().to_string(),
            Self::Postgres { name, .. } => name.clone(),
        }
    }

    fn url(&self) -> String {
        match self {
            Self::Sqlite(path) => format!("sqlite://{}", path.display()),
            Self::Postgres { url, .. } => url.clone(),
        }
    }

    /// What the database holds now, said in a line.
    async fn size(&self, recipients: usize) -> String {
        let per_recipient = |bytes: u64| bytes as f64 / recipients as f64;
        match self {
            Self::Sqlite(path) => {
                let waited = common::log_copied_in(path).await;
                let file = std::fs::metadata(path).expect("the database file").len();
                // No log is a log of 0 bytes (every connection closed, it was copied in and removed).
                let log =
                    std::fs::metadata(path.with_extension("db-wal")).map_or(0, |log| log.len());
                let database = file + log;
                format!(
                    "{:.1} MB, {:.0} bytes a recipient (the file {:.1} MB, {:.0} bytes a recipient; \
                     its write-ahead log {:.1} MB, {:.1} s after the views were timed: the app copies \
                     it in beside the writer, and empties it or cuts it back to at most 4 MiB)",
                    database as f64 / 1e6,
                    per_recipient(database),
                    file as f64 / 1e6,
                    per_recipient(file),
                    log as f64 / 1e6,
                    waited.as_secs_f64(),
                )
            }
            Self::Postgres { admin, name, .. } => {
                let query = format!("SELECT CAST(pg_database_size('{name}') AS BIGINT) AS bytes");
                let rows = Self::on_postgres(admin, &query).await;
                let bytes: i64 = sqlx::Row::try_get(&rows[0], "bytes").expect("a size");
                let bytes = u64::try_from(bytes).unwrap_or(0);
                format!(
                    "{:.1} MB on PostgreSQL (pg_database_size, the empty schema included), {:.0} bytes a recipient",
                    bytes as f64 / 1e6,
                    per_recipient(bytes),
                )
            }
        }
    }

    async fn remove(self) {
        if let Self::Postgres { admin, name, .. } = self {
            Self::on_postgres(&admin, &format!("DROP DATABASE {name} WITH (FORCE)")).await;
        }
    }
}

fn csv_list(recipients: usize) -> String {
    let mut list = String::with_capacity(recipients * 32);
    list.push_str("phone,first_name\n");
    for i in 0..recipients {
        list.push_str(&format!("+336{i:08},Name{i}\n"));
    }
    list
}

/// The process's peak resident memory so far (Linux `VmHWM`), in MiB.
fn peak_memory_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// The CPU time the process has used so far (user and system, every thread; Linux
/// `/proc/self/stat`, in the kernel's clock ticks of 1/100 s), in seconds.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command's name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat
        .get(stat.rfind(')')? + 1..)?
        .split_whitespace()
        .collect();
    // `utime` and `stime`, the 14th and 15th fields of the line.
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(ticks as f64 / 100.0)
}

/// The CPU a timed part used, and the least time it could take on this machine's cores: what
/// parallel work can win back, and what only less work can.
fn cpu_line(cpu: f64, elapsed: std::time::Duration) -> String {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    format!(
        "CPU time: {cpu:.2} s (server, sandbox and client together), {:.1} of {cores} cores busy on average; at least {:.2} s with every core busy",
        cpu / elapsed.as_secs_f64(),
        cpu / cores as f64
    )
}

mod common;

#[tokio::main]
async fn main() {
    let recipients = common::recipients(RECIPIENTS);
    let scratch = std::env::temp_dir().join(format!("sms-scheduler-bench-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("a scratch directory");
    let database = BenchDatabase::create(&scratch).await;
    // Whatever becomes of the run, its database goes (a PostgreSQL one would outlive it).
    let run = AssertUnwindSafe(run(recipients, &scratch, &database))
        .catch_unwind()
        .await;
    // `SMS_SCHEDULER_BENCH_KEEP=1` keeps the database for a look at where its bytes go (README).
    if std::env::var_os("SMS_SCHEDULER_BENCH_KEEP").is_some() && run.is_ok() {
        println!("database kept: {}", database.name());
    } else {
        database.remove().await;
        let _ = std::fs::remove_dir_all(&scratch);
    }
    if let Err(panic) = run {
        std::panic::resume_unwind(panic);
    }
}

async fn run(recipients: usize, scratch: &std::path::Path, database: &BenchDatabase) {
    let mut settings = Settings::embedded_default().expect("defaults are valid");
    settings.server.listen = "127.0.0.1:0".parse().unwrap();
    settings.server.site_root = scratch.join("no-site");
    settings.database.url = database.url();
    settings.sandbox.octopush.initial_balance = 10_000_000.0;
    // Larger lists than the default allows are measured with the limit raised to them.
    settings.sending.max_recipients = settings.sending.max_recipients.max(recipients);
    // `SMS_SCHEDULER_BENCH_METRICS=off` measures the same without metrics (`scripts/bench.sh`
    // runs both).
    settings.metrics.enabled = std::env::var("SMS_SCHEDULER_BENCH_METRICS").as_deref() != Ok("off");
    let metrics = settings.metrics.enabled;
    let application = Application::build(settings).await.expect("the app starts");
    let url = application.url();
    let sandbox = application
        .octopush_sandbox()
        .cloned()
        .expect("the sandbox");
    // Never cancelled: the bench's runtime ends the tasks.
    let stop = tokio_util::sync::CancellationToken::new();
    let mut tasks = tokio::task::JoinSet::new();
    let (api, workers, _drain) = application.into_parts();
    api.spawn_on(&mut tasks, &stop);
    workers.spawn_on(&mut tasks, &stop);
    tokio::spawn(async move { while tasks.join_next().await.is_some() {} });

    let tomorrow = common::tomorrow_at_ten();
    let request = common::schedule_arguments(&csv_list(recipients), None);
    let before = peak_memory_mib();
    let cpu_before = cpu_seconds();
    let started = Instant::now();
    let response = reqwest::Client::new()
        .post(format!("{url}api/schedule_sms"))
        .json(&request)
        .send()
        .await
        .expect("the server answers");
    let status = response.status();
    // Server functions answer in postcard.
    let body = response.bytes().await.expect("an answer");
    let elapsed = started.elapsed();
    let cpu = cpu_seconds()
        .zip(cpu_before)
        .map(|(after, before)| after - before);
    let peak = peak_memory_mib();

    assert!(
        status.is_success(),
        "the campaign was refused ({status}): {}",
        String::from_utf8_lossy(&body)
    );
    let receipt: ScheduleReceipt = postcard::from_bytes(&body).expect("a receipt");
    let contacts = receipt.contacts;
    let requests = receipt.submissions.len();
    let reached: usize = sandbox
        .accepted_campaigns()
        .iter()
        .map(|c| c.phone_numbers.len())
        .sum();
    assert_eq!(contacts as usize, recipients, "every recipient accepted");
    assert_eq!(reached, recipients, "every recipient reached the sandbox");
    println!("recipients: {recipients}");
    println!("metrics: {}", if metrics { "on" } else { "off" });
    println!("provider requests: {requests}");
    println!("schedule call: {:.2} s", elapsed.as_secs_f64());
    if let Some(cpu) = cpu {
        println!("{}", cpu_line(cpu, elapsed));
    }
    if let (Some(before), Some(peak)) = (before, peak) {
        println!("peak memory: {peak:.0} MiB (before the call: {before:.0} MiB)");
    }
    if metrics {
        println!(
            "phases (the app's metrics): {}",
            common::campaign_phases(&url).await
        );
    }
    let id = &receipt.campaign_id;
    let views = [
        (
            "campaign page poll",
            "get_campaign",
            json!({"id": id, "status": null, "offset": 0}),
        ),
        (
            "campaign page, failed only",
            "get_campaign",
            json!({"id": id, "status": "failed", "offset": 0}),
        ),
        (
            "campaign list",
            "list_campaigns",
            json!({"before": null, "filter": {}}),
        ),
    ];
    common::time_views(&url, &views).await;

    println!("database: {}", database.size(recipients).await);
    let credentials = sandbox.credentials();
    let cpu_before = cpu_seconds();
    let plain = plain_client(
        &format!("{url}sandbox/octopush/v1/public/sms-campaign/send"),
        &credentials.api_login,
        credentials.api_key.expose_secret(),
        recipients,
        &tomorrow,
    )
    .await;
    println!(
        "plain client, same sandbox ({} pre-built requests of {PLAIN_REQUEST}, one after another): {:.2} s; the schedule call takes {:.1}x that",
        recipients.div_ceil(PLAIN_REQUEST),
        plain.as_secs_f64(),
        elapsed.as_secs_f64() / plain.as_secs_f64()
    );
    if let Some(cpu) = cpu_seconds()
        .zip(cpu_before)
        .map(|(after, before)| after - before)
    {
        println!("plain client's {}", cpu_line(cpu, plain));
    }
}

/// Recipients in each of the plain client's requests (as many as the app puts in one).
const PLAIN_REQUEST: usize = 500;

/// The baseline: the same recipients and text posted to the same sandbox in requests built
/// beforehand, one after another, with nothing recorded: the least any client could take.
async fn plain_client(
    send_url: &str,
    login: &str,
    key: &str,
    recipients: usize,
    tomorrow: &str,
) -> std::time::Duration {
    let send_at = format!("{tomorrow}:00+01:00");
    let bodies: Vec<String> = (0..recipients)
        .collect::<Vec<_>>()
        .chunks(PLAIN_REQUEST)
        .map(|chunk| {
            let recipients: Vec<_> = chunk
                .iter()
                .map(|i| json!({"phone_number": format!("+336{i:08}"), "first_name": format!("Name{i}")}))
                .collect();
            json!({
                "text": "Hello {first_name}, your parcel arrives tomorrow.",
                "recipients": recipients,
                "type": "sms_premium",
                "sender": "ACME",
                "purpose": "alert",
                "send_at": send_at,
            })
            .to_string()
        })
        .collect();
    let http = reqwest::Client::new();
    let started = Instant::now();
    for body in bodies {
        let answer = http
            .post(send_url)
            .header("api-login", login)
            .header("api-key", key)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .expect("the sandbox answers");
        let status = answer.status();
        assert_eq!(status, 201, "{}", answer.text().await.unwrap_or_default());
    }
    started.elapsed()
}
