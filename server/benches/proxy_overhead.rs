//! Benchmark: what the app adds to a provider call. The sandbox runs as a process of its own (as a
//! real provider is away from the app), the app as another, with the balance read anew on every
//! call (`balance_cache_seconds = 0`). 50 clients at once ask the balance, in turns: straight from
//! the Octopush sandbox (the request the app sends it), then through the app's `check_balance`
//! server function (which sends that request): first each client calling every 20 ms (what one
//! call costs), then each calling as soon as answered (the two cores, shared by the three
//! processes, kept busy). Prints each side's median and 99th percentile and what the app adds.
//!
//! Run: `scripts/bench.sh` (or `cargo bench -p sms-scheduler-server --bench proxy_overhead`);
//! `SMS_SCHEDULER_BENCH_CALLS` sets the calls per client and side (default 400).

use serde_json::json;
use std::time::{Duration, Instant};

#[path = "../tests/api/processes.rs"]
#[allow(dead_code)]
mod processes;

use processes::{SandboxProcess, ServerProcess};

const CLIENTS: usize = 50;
const DEFAULT_CALLS: usize = 400;
/// Each side's turn, so a slow moment of the machine falls on both alike.
const TURNS: usize = 4;
/// A paced client's period: 50 clients make 2,500 calls a second.
const PACED_EVERY: Duration = Duration::from_millis(20);

/// One side of the comparison: how a client makes one call.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Sandbox,
    App,
}

struct Target {
    balance_url: String,
    login: String,
    key: String,
    server_fn_url: String,
}

impl Target {
    async fn call(&self, http: &reqwest::Client, side: Side) -> Duration {
        let started = Instant::now();
        let response = match side {
            Side::Sandbox => http
                .get(&self.balance_url)
                .header("api-login", &self.login)
                .header("api-key", &self.key)
                .send()
                .await
                .expect("the sandbox answers"),
            Side::App => http
                .post(&self.server_fn_url)
                .json(&json!({"provider": "Octopush"}))
                .send()
                .await
                .expect("the app answers"),
        };
        let status = response.status();
        let body = response.bytes().await.expect("a whole answer");
        assert!(status.is_success(), "{status}: {body:?}");
        started.elapsed()
    }
}

/// How each client calls.
#[derive(Clone, Copy)]
enum Pace {
    /// Each call as soon as the last one is answered: the machine is kept busy.
    BackToBack,
    /// One call every `PACED_EVERY`, as people clicking would: what one call costs.
    Every(Duration),
}

/// `CLIENTS` clients at once, `calls` each, one connection each kept open: every call's time.
async fn load(
    target: &std::sync::Arc<Target>,
    side: Side,
    calls: usize,
    pace: Pace,
) -> Vec<Duration> {
    let mut clients = tokio::task::JoinSet::new();
    for client in 0..CLIENTS {
        let target = target.clone();
        clients.spawn(async move {
            let http = reqwest::Client::new();
            let mut times = Vec::with_capacity(calls);
            let mut next = tokio::time::Instant::now();
            if let Pace::Every(every) = pace {
                // Spread over the period, not all on the same tick.
                next += every * client as u32 / CLIENTS as u32;
            }
            for _ in 0..calls {
                if let Pace::Every(every) = pace {
                    tokio::time::sleep_until(next).await;
                    // After a slow call, the next one a period later, not at once to catch up.
                    next = (next + every).max(tokio::time::Instant::now());
                }
                times.push(target.call(&http, side).await);
            }
            times
        });
    }
    let mut times = Vec::with_capacity(CLIENTS * calls);
    while let Some(client) = clients.join_next().await {
        times.extend(client.expect("a client ran to its end"));
    }
    times
}

/// Both sides, in turns, at `pace`; prints their percentiles and the difference.
async fn compare(target: &std::sync::Arc<Target>, calls: usize, pace: Pace, label: &str) {
    let per_turn = calls.div_ceil(TURNS);
    let (mut direct, mut through_app) = (Vec::new(), Vec::new());
    for _ in 0..TURNS {
        direct.extend(load(target, Side::Sandbox, per_turn, pace).await);
        through_app.extend(load(target, Side::App, per_turn, pace).await);
    }
    direct.sort();
    through_app.sort();
    let (direct_p50, direct_p99) = (percentile(&direct, 0.5), percentile(&direct, 0.99));
    let (app_p50, app_p99) = (
        percentile(&through_app, 0.5),
        percentile(&through_app, 0.99),
    );
    println!(
        "proxy overhead, {label}: {CLIENTS} clients at once, {} balance calls each side",
        direct.len()
    );
    println!("| balance asked | p50 | p99 |");
    println!("|---|---|---|");
    println!("| from the sandbox directly | {direct_p50:.2} ms | {direct_p99:.2} ms |");
    println!("| through the app's check_balance | {app_p50:.2} ms | {app_p99:.2} ms |");
    println!(
        "| added by the app (target: p50 < 0.5 ms, p99 < 2 ms) | {:.2} ms | {:.2} ms |",
        app_p50 - direct_p50,
        app_p99 - direct_p99
    );
}

fn percentile(sorted: &[Duration], fraction: f64) -> f64 {
    let index = ((sorted.len() - 1) as f64 * fraction).round() as usize;
    sorted[index].as_secs_f64() * 1000.0
}

#[tokio::main]
async fn main() {
    let calls = std::env::var("SMS_SCHEDULER_BENCH_CALLS")
        .ok()
        .map(|calls| {
            calls
                .parse()
                .expect("SMS_SCHEDULER_BENCH_CALLS is a number")
        })
        .unwrap_or(DEFAULT_CALLS);
    assert!(calls > 0, "SMS_SCHEDULER_BENCH_CALLS is at least 1");
    let scratch = std::env::temp_dir().join(format!("sms-scheduler-proxy-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("a scratch directory");
    let database = format!("sqlite://{}", scratch.join("app.db").display());

    let sandbox = SandboxProcess::start().await;
    let app = ServerProcess::start_with(
        &database,
        &sandbox,
        &[(
            "SMS_SCHEDULER__OCTOPUSH__BALANCE_CACHE_SECONDS",
            "0".to_owned(),
        )],
    )
    .await;
    let target = std::sync::Arc::new(Target {
        balance_url: format!("{}/wallet/check-balance", sandbox.octopush_url),
        login: sandbox.octopush_login.clone(),
        key: sandbox.octopush_key.clone(),
        server_fn_url: format!("{}api/check_balance", app.url),
    });

    // Connections opened and code paths warmed on both sides first.
    load(&target, Side::Sandbox, 5, Pace::BackToBack).await;
    load(&target, Side::App, 5, Pace::BackToBack).await;

    compare(
        &target,
        calls,
        Pace::Every(PACED_EVERY),
        "each client every 20 ms",
    )
    .await;
    compare(&target, calls, Pace::BackToBack, "back to back").await;
    drop(app);
    let _ = std::fs::remove_dir_all(&scratch);
}
