//! What the benchmarks share: their size, the form they schedule, timing a status view as the
//! browser calls it, and waiting for the ledger's log to be copied in before its size is read.

use std::time::Instant;

/// The size unless `SMS_SCHEDULER_BENCH_RECIPIENTS` says otherwise (`make test` runs 1,000, so a
/// change that breaks a benchmark fails there).
pub fn recipients(default: usize) -> usize {
    std::env::var("SMS_SCHEDULER_BENCH_RECIPIENTS")
        .ok()
        .map(|n| {
            n.parse()
                .expect("SMS_SCHEDULER_BENCH_RECIPIENTS is a number")
        })
        .unwrap_or(default)
}

/// Tomorrow 10:00 as the form's `send_at` writes it (`datetime-local`).
pub fn tomorrow_at_ten() -> String {
    (chrono::Utc::now() + chrono::Duration::days(1))
        .format("%Y-%m-%dT10:00")
        .to_string()
}

/// The schedule server function's arguments: an alert for tomorrow 10:00 Paris time through
/// Octopush, whose message uses the `first_name` column, to `recipients` typed in or to the
/// uploaded file `recipients_file`. With `SMS_SCHEDULER_BENCH_PURPOSE=marketing`, a marketing
/// message instead (its opt-out mention, sent at that time even on a day the rules defer it):
/// its recipients are also kept for the frequency cap.
pub fn schedule_arguments(recipients: &str, recipients_file: Option<&str>) -> serde_json::Value {
    let tomorrow = tomorrow_at_ten();
    let mut arguments = serde_json::json!({"request": {
        "provider": "Octopush",
        "text": "Hello {first_name}, your parcel arrives tomorrow.",
        "recipients": recipients,
        "recipients_file": recipients_file,
        "campaign_type": "Premium",
        "sender": "ACME",
        "send_at": tomorrow,
        "time_zone": "Europe/Paris",
        "purpose": "Alert"
    }});
    match std::env::var("SMS_SCHEDULER_BENCH_PURPOSE").as_deref() {
        Err(_) | Ok("alert") => {}
        Ok("marketing") => {
            let request = &mut arguments["request"];
            request["purpose"] = "Marketing".into();
            request["text"] = "Hello {first_name}, -20% this week. STOP au XXXXX".into();
            request["outside_window"] = serde_json::json!({"Override": {"reason": "benchmark"}});
        }
        Ok(other) => panic!("SMS_SCHEDULER_BENCH_PURPOSE is alert or marketing, not {other}"),
    }
    arguments
}

/// Calls of each status view timed.
pub const VIEW_CALLS: usize = 20;

/// Times each view (its name, its server function, the arguments) and prints its figures.
pub async fn time_views(url: &str, views: &[(&str, &str, serde_json::Value)]) {
    for (view, endpoint, arguments) in views {
        let (median, slowest) = time_view(&format!("{url}api/{endpoint}"), arguments).await;
        println!("{view}: {median:.1} ms median, {slowest:.1} ms slowest of {VIEW_CALLS}");
    }
}

/// The median and slowest time of `VIEW_CALLS` calls of a server function, in ms, as the
/// browser makes them (one connection kept open).
async fn time_view(url: &str, arguments: &serde_json::Value) -> (f64, f64) {
    let client = reqwest::Client::new();
    let mut times = Vec::with_capacity(VIEW_CALLS);
    for _ in 0..VIEW_CALLS {
        let started = Instant::now();
        let response = client
            .post(url)
            .json(arguments)
            .send()
            .await
            .expect("the server answers");
        let status = response.status();
        let body = response.bytes().await.expect("an answer");
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        assert!(
            status.is_success(),
            "{url}: {status}: {}",
            String::from_utf8_lossy(&body)
        );
    }
    times.sort_by(f64::total_cmp);
    (times[VIEW_CALLS / 2], times[VIEW_CALLS - 1])
}

/// Waits (30 s at most) until the app has copied the write-ahead log of the database at `path`
/// into it, as it does a second at most after a write (`storage::checkpoints`); how long it took.
pub async fn log_copied_in(path: &std::path::Path) -> std::time::Duration {
    let started = Instant::now();
    let log = path.with_extension("db-wal");
    let most = 4 * 1024 * 1024;
    while std::fs::metadata(&log).map_or(0, |log| log.len()) > most {
        if started.elapsed() > std::time::Duration::from_secs(30) {
            println!(
                "the write-ahead log was not copied in within 30 s: its size is read as it is"
            );
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    started.elapsed()
}

/// The time each phase of the campaigns the app at `url` has scheduled took, from its metrics
/// (summed: a benchmark schedules one campaign an app). Fails when the app does not serve them.
pub async fn campaign_phases(url: &str) -> String {
    let text = reqwest::get(format!("{url}metrics"))
        .await
        .and_then(reqwest::Response::error_for_status)
        .expect("the app serves its metrics")
        .text()
        .await
        .expect("the metrics' text");
    let seconds = |phase: &str| -> f64 {
        text.lines()
            .filter(|line| line.starts_with("sms_scheduler_campaign_phase_duration_seconds_sum{"))
            .find(|line| line.contains(&format!("phase=\"{phase}\"")))
            .and_then(|line| line.rsplit(' ').next())
            .and_then(|value| value.parse().ok())
            .unwrap_or_else(|| panic!("the metrics time the {phase} phase: {text}"))
    };
    format!(
        "planning {:.2} s, recording {:.2} s, hand-over {:.2} s",
        seconds("planning"),
        seconds("recording"),
        seconds("hand_over")
    )
}
