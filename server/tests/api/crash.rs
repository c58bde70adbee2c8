//! The crash test: the real server binary, on SQLite, hands campaigns to `sms-scheduler sandbox`
//! running as another process, and is killed with SIGKILL at random points: before the campaign
//! is recorded, while its batches are in flight, and (in some trials) again while reconciliation
//! resends them after a restart. Counted at the sandbox, each recipient arrives exactly once or,
//! when the kill came before the campaign was recorded, not at all; and the app's final states
//! are the sandbox's. Every other trial's list is an uploaded file, read again from the database
//! at each of the schedule's passes (the recording's included).
//!
//! `SMS_SCHEDULER_CRASH_TRIALS` (default 3 per provider), `SMS_SCHEDULER_CRASH_RECIPIENTS`
//! (default 3000) and `SMS_SCHEDULER_CRASH_SEED` size and replay a run (`scripts/crash-trials.sh`).

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::json;
use sms_scheduler_server::sandbox::received::ReceivedMessage;
use sms_scheduler_server::storage::Store;
use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use crate::handover_task::request_to;
use crate::helpers::{numbers, process_database_url};
use crate::processes::{SandboxProcess, ServerProcess};

fn setting(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .map(|value| value.parse().unwrap_or_else(|_| panic!("{name}={value}")))
        .unwrap_or(default)
}

#[derive(Debug, Clone, Copy)]
enum Provider {
    Octopush,
    Infobip,
}

impl Provider {
    fn name(self) -> &'static str {
        match self {
            Provider::Octopush => "Octopush",
            Provider::Infobip => "Infobip",
        }
    }

    fn batch_size(self) -> usize {
        match self {
            Provider::Octopush => 500,
            Provider::Infobip => 1000,
        }
    }
}

/// What the trials found.
#[derive(Debug, Default)]
struct Tally {
    trials: usize,
    kills: usize,
    recorded: usize,
    recipients: usize,
    duplicates: usize,
    missing: usize,
}

/// Where the first kill lands.
#[derive(Debug, Clone, Copy)]
enum FirstKill {
    /// This long after the schedule request left: the campaign may not be recorded yet, or only
    /// just.
    Early { after_ms: u64 },
    /// Once this many recipients reached the sandbox.
    InFlight { after_recipients: usize },
}

fn not_canceled(messages: Vec<ReceivedMessage>) -> Vec<ReceivedMessage> {
    messages
        .into_iter()
        .filter(|message| !message.canceled)
        .collect()
}

async fn messages(sandbox: &SandboxProcess, provider: Provider) -> Vec<ReceivedMessage> {
    let received = sandbox.received().await;
    not_canceled(match provider {
        Provider::Octopush => received.octopush,
        Provider::Infobip => received.infobip,
    })
}

/// Waits until every recorded submission is accepted (none recorded counts as settled).
async fn settled(store: &Store) {
    let started = Instant::now();
    loop {
        let statuses: Vec<String> = sqlx::query_scalar("SELECT status FROM submissions")
            .fetch_all(store.pool())
            .await
            .unwrap();
        if statuses.iter().all(|status| status == "accepted") {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "not reconciled: {statuses:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The schedule's arguments for `recipients`: typed, or (odd trials) uploaded first as a file the
/// request names.
async fn schedule_arguments(
    server: &ServerProcess,
    provider: Provider,
    recipients: usize,
    index: usize,
) -> serde_json::Value {
    let mut request = request_to(provider.name(), recipients);
    if index % 2 == 1 {
        let uploaded: serde_json::Value = reqwest::Client::new()
            .post(format!("{}recipient-files?name=crash.csv", server.url))
            .header("Content-Type", "text/csv")
            .body(numbers(recipients))
            .send()
            .await
            .expect("the app answers")
            .json()
            .await
            .expect("a summary");
        assert_eq!(uploaded["recipients"], recipients, "{uploaded}");
        request["recipients"] = json!("");
        request["recipients_file"] = uploaded["id"].clone();
    }
    json!({ "request": request })
}

/// Trial `index`: the kinds of kill take turns (in flight with a second kill during
/// reconciliation, before recording with a second kill, in flight alone), and so do typed lists
/// and files; the moments are random.
async fn trial(
    provider: Provider,
    index: usize,
    recipients: usize,
    rng: &mut StdRng,
    tally: &mut Tally,
) {
    let sandbox = SandboxProcess::start().await;
    // About two seconds of hand-over, whatever the size.
    let batches = recipients.div_ceil(provider.batch_size()) as u64;
    sandbox.set_latency((2000 / batches).max(20)).await;
    let database_url = process_database_url().await;
    let server = ServerProcess::start(&database_url, &sandbox).await;

    let first_kill = if index % 3 == 1 {
        // While the list is read and planned, while the campaign's transaction runs, or just after.
        FirstKill::Early {
            after_ms: rng.gen_range(0..1000),
        }
    } else {
        FirstKill::InFlight {
            after_recipients: rng.gen_range(1..recipients),
        }
    };
    let arguments = schedule_arguments(&server, provider, recipients, index).await;
    let schedule = tokio::spawn(
        reqwest::Client::new()
            .post(format!("{}api/schedule_sms", server.url))
            .json(&arguments)
            .send(),
    );
    match first_kill {
        FirstKill::Early { after_ms } => tokio::time::sleep(Duration::from_millis(after_ms)).await,
        FirstKill::InFlight { after_recipients } => {
            let started = Instant::now();
            while messages(&sandbox, provider).await.len() < after_recipients
                && !schedule.is_finished()
            {
                assert!(started.elapsed() < Duration::from_secs(60), "no progress");
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        }
    }
    server.kill().await;
    tally.kills += 1;
    let _ = schedule.await;

    // Restarted, and in two trials of three killed again while reconciliation may be resending.
    let mut server = ServerProcess::start(&database_url, &sandbox).await;
    if index % 3 != 2 {
        tokio::time::sleep(Duration::from_millis(rng.gen_range(0..4000))).await;
        server.kill().await;
        tally.kills += 1;
        server = ServerProcess::start(&database_url, &sandbox).await;
    }
    let store = Store::connect(&database_url).await.unwrap();
    settled(&store).await;
    server.kill().await;

    let list = if index % 2 == 1 { "file" } else { "typed" };
    let context = format!("{provider:?} trial {index} ({list} list), first kill {first_kill:?}");
    let received = messages(&sandbox, provider).await;
    let mut times: HashMap<String, usize> = HashMap::new();
    for message in &received {
        *times
            .entry(message.to.trim_start_matches('+').to_owned())
            .or_default() += 1;
    }
    tally.duplicates += times.values().filter(|&&n| n > 1).count();

    // The app's own view: each scheduled recipient with its submission's key and reference.
    let rows: Vec<(String, String, String, Option<String>)> = sqlx::query_as(
        "SELECT r.phone, r.submission_id || '-' || r.position, s.idempotency_key, s.provider_reference \
         FROM recipients r JOIN submissions s ON s.id = r.submission_id \
         WHERE r.status = 'scheduled'",
    )
    .fetch_all(store.pool())
    .await
    .unwrap();
    let recorded: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM recipients")
        .fetch_one(store.pool())
        .await
        .unwrap();
    tally.trials += 1;
    if recorded == 0 {
        assert!(received.is_empty(), "{context}: sent but never recorded");
        return;
    }
    assert_eq!(recorded as usize, recipients, "{context}: recorded whole");
    tally.recorded += 1;
    tally.recipients += recipients;
    tally.missing += recipients.saturating_sub(times.len());
    let sandbox_view: HashSet<(String, String)> = received
        .iter()
        .map(|m| {
            (
                m.to.trim_start_matches('+').to_owned(),
                m.key.clone().unwrap_or_default(),
            )
        })
        .collect();
    let app_view: HashSet<(String, String)> = rows
        .iter()
        .map(|(phone, _, key, _)| (phone.trim_start_matches('+').to_owned(), key.clone()))
        .collect();
    assert_eq!(
        sandbox_view, app_view,
        "{context}: the app and the sandbox agree"
    );
    let references: HashMap<&str, &str> = received
        .iter()
        .map(|m| (m.key.as_deref().unwrap_or_default(), m.reference.as_str()))
        .collect();
    for (_, id, key, reference) in &rows {
        match provider {
            // Infobip's messageId is the recipient's own id.
            Provider::Infobip => assert!(
                received.iter().any(|m| &m.reference == id),
                "{context}: {id} unknown to the sandbox"
            ),
            // An Octopush ticket, once known, is the one the sandbox gave.
            Provider::Octopush => {
                if let Some(ticket) = reference {
                    assert_eq!(
                        Some(&ticket.as_str()),
                        references.get(key.as_str()),
                        "{context}"
                    )
                }
            }
        }
    }
}

async fn trials(provider: Provider) {
    let count = setting("SMS_SCHEDULER_CRASH_TRIALS", 3);
    let recipients = setting("SMS_SCHEDULER_CRASH_RECIPIENTS", 3000) as usize;
    let seed = setting("SMS_SCHEDULER_CRASH_SEED", rand::random::<u32>() as u64);
    let mut rng = StdRng::seed_from_u64(seed);
    let mut tally = Tally::default();
    for index in 0..count as usize {
        trial(provider, index, recipients, &mut rng, &mut tally).await;
    }
    println!(
        "crash trials, {provider:?} (seed {seed}): {} trials, {} kills, {} campaigns recorded, \
         {} recipients, {} duplicates, {} missing",
        tally.trials,
        tally.kills,
        tally.recorded,
        tally.recipients,
        tally.duplicates,
        tally.missing
    );
    assert_eq!(
        (tally.duplicates, tally.missing),
        (0, 0),
        "seed {seed}: {tally:?}"
    );
    assert!(
        tally.recorded > 0,
        "seed {seed}: no trial recorded its campaign"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn octopush_campaigns_killed_at_random_points_reach_each_recipient_once() {
    trials(Provider::Octopush).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn infobip_campaigns_killed_at_random_points_reach_each_recipient_once() {
    trials(Provider::Infobip).await;
}
