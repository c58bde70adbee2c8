//! Benchmark: a recipient file uploaded to the app (`POST …/recipient-files`), read and checked as
//! it arrives and written in parts to its database, then scheduled (the schedule server function
//! naming the file: planned, recorded and handed to the sandbox, a process of its own), at several
//! sizes: the time of each call and the app process's peak memory after each (a fresh process
//! for each size, its memory before the upload printed beside), against the same bytes read by
//! the same reader in this process alone (what checking the numbers costs, without HTTP or the
//! database). The file is a CSV with a phone column and two placeholder columns (about 39 bytes a
//! row); the message uses one of them.
//!
//! Run: `scripts/bench.sh` (or `cargo bench -p sms-scheduler-server --bench recipient_upload`);
//! `SMS_SCHEDULER_BENCH_SIZES` sets the sizes (comma-separated recipients; default
//! 10000,100000,1000000).

use std::time::{Duration, Instant};

use sms_scheduler_server::domain::phone::Region;
use sms_scheduler_server::domain::recipients::{read_repeats_last, Recipient, RecipientSink};

#[path = "../tests/api/processes.rs"]
#[allow(dead_code)]
mod processes;

// Each benchmark uses part of what they share.
#[allow(dead_code)]
mod common;

use processes::{SandboxProcess, ServerProcess};

const DEFAULT_SIZES: &str = "10000,100000,1000000";

fn sizes() -> Vec<usize> {
    let sizes = std::env::var("SMS_SCHEDULER_BENCH_SIZES").unwrap_or_else(|_| DEFAULT_SIZES.into());
    let sizes: Vec<usize> = sizes
        .split(',')
        .map(|size| {
            size.trim()
                .parse()
                .unwrap_or_else(|_| panic!("SMS_SCHEDULER_BENCH_SIZES: {size:?} is not a count"))
        })
        .collect();
    assert!(sizes.iter().all(|size| *size > 0), "sizes must be above 0");
    sizes
}

/// `rows` distinct French mobile numbers with a first name and a parameter.
fn csv(rows: usize) -> Vec<u8> {
    let mut file = b"phone,first_name,param1\n".to_vec();
    for n in 0..rows {
        file.extend_from_slice(format!("+336{n:08},Client{n},ref-{n:08}\n").as_bytes());
    }
    file
}

/// A process's peak resident memory (VmHWM), in MiB.
fn peak_mib(pid: u32) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("a Linux process");
    let kib: f64 = status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM in /proc/<pid>/status");
    kib / 1024.0
}

struct Counted(u64);

impl RecipientSink for Counted {
    fn recipient(&mut self, _: Recipient) {
        self.0 += 1;
    }

    fn repeats(&mut self, rows: sms_scheduler_server::domain::row_set::RowSet) {
        self.0 -= rows.len();
    }
}

#[tokio::main]
async fn main() {
    let sandbox = SandboxProcess::start().await;
    let http = reqwest::Client::new();
    println!(
        "| recipients | file | reader alone | upload call | app peak memory (before) | preview call (next page) | app peak memory | schedule call | app peak memory | database |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    let mut phases = Vec::new();
    for rows in sizes() {
        let file = csv(rows);
        let bytes = file.len();

        let started = Instant::now();
        let mut counted = Counted(0);
        let region = Region::parse("FR").expect("a region");
        read_repeats_last(&file[..], region, 100, &mut counted).expect("read from memory");
        let alone = started.elapsed();
        assert_eq!(counted.0, rows as u64);

        let database =
            std::env::temp_dir().join(format!("bench-upload-{}.db", uuid::Uuid::new_v4()));
        let url = format!("sqlite://{}", database.display());
        let app = ServerProcess::start_with(
            &url,
            &sandbox,
            &[
                (
                    "SMS_SCHEDULER__SENDING__MAX_FILE_MEGABYTES",
                    "1024".to_owned(),
                ),
                ("SMS_SCHEDULER__SENDING__MAX_RECIPIENTS", rows.to_string()),
                // As the app runs by default: four provider requests at once, claims of two
                // minutes (renewed every 40 s) and reconciliation every minute, not the process
                // tests' two seconds and one.
                ("SMS_SCHEDULER__SENDING__SUBMIT_CONCURRENCY", "4".to_owned()),
                ("SMS_SCHEDULER__SENDING__CLAIM_SECONDS", "120".to_owned()),
                ("SMS_SCHEDULER__SENDING__RECONCILE_SECONDS", "60".to_owned()),
            ],
        )
        .await;
        let before = peak_mib(app.pid());
        let started = Instant::now();
        let response = http
            .post(format!("{}recipient-files?name=bench.csv", app.url))
            .header("Content-Type", "text/csv")
            .body(file)
            .timeout(Duration::from_secs(600))
            .send()
            .await
            .expect("the app answers");
        let status = response.status();
        let summary: serde_json::Value = response.json().await.expect("a JSON answer");
        let upload = started.elapsed();
        assert!(status.is_success(), "{status}: {summary}");
        assert_eq!(summary["recipients"], rows, "{summary}");
        let peak = peak_mib(app.pid());
        let file_id = summary["id"].as_str().expect("the file's id").to_owned();
        // Each call's own peak: the process's is brought back to what it holds now.
        reset_peak(app.pid());
        let previewed = preview(&http, &app, &file_id, rows, 0).await;
        let next_page = preview(&http, &app, &file_id, rows, rows.saturating_sub(100)).await;
        let preview_peak = peak_mib(app.pid());
        reset_peak(app.pid());
        let (scheduled, scheduled_peak) = schedule(&http, &app, &file_id, rows).await;
        phases.push((rows, common::campaign_phases(&app.url).await));
        common::log_copied_in(&database).await;
        let stored = std::fs::metadata(&database).map_or(0, |m| m.len())
            + std::fs::metadata(database.with_extension("db-wal")).map_or(0, |m| m.len());
        app.kill().await;
        let _ = std::fs::remove_file(&database);
        let _ = std::fs::remove_file(database.with_extension("db-wal"));
        let _ = std::fs::remove_file(database.with_extension("db-shm"));
        println!(
            "| {rows} | {:.1} MB | {:.2} s | {:.2} s | {peak:.0} MiB ({before:.0} MiB) | {:.2} s ({:.2} s) | {preview_peak:.0} MiB | {:.2} s | {scheduled_peak:.0} MiB | {:.1} MB |",
            bytes as f64 / 1e6,
            alone.as_secs_f64(),
            upload.as_secs_f64(),
            previewed.as_secs_f64(),
            next_page.as_secs_f64(),
            scheduled.as_secs_f64(),
            stored as f64 / 1e6,
        );
    }
    println!();
    for (rows, phases) in phases {
        println!("schedule call of {rows}, phase by phase (the app's metrics): {phases}");
    }
}

/// Brings a process's peak resident memory back to what it holds now (Linux's `clear_refs`).
fn reset_peak(pid: u32) {
    std::fs::write(format!("/proc/{pid}/clear_refs"), "5").expect("the peak can be reset");
}

/// Calls server function `name` with `arguments`; its answer (postcard) and the call's time.
async fn call<T: serde::de::DeserializeOwned>(
    http: &reqwest::Client,
    app: &ServerProcess,
    name: &str,
    arguments: &serde_json::Value,
) -> (T, Duration) {
    let started = Instant::now();
    let response = http
        .post(format!("{}api/{name}", app.url))
        .json(arguments)
        .timeout(Duration::from_secs(600))
        .send()
        .await
        .expect("the app answers");
    let status = response.status();
    let body = response.bytes().await.expect("an answer");
    let elapsed = started.elapsed();
    assert!(
        status.is_success(),
        "{name} was refused ({status}): {}",
        String::from_utf8_lossy(&body)
    );
    (postcard::from_bytes(&body).expect("an answer"), elapsed)
}

/// Previews the uploaded file from `offset` as the composer does; the call's time. The preview
/// must count every recipient.
async fn preview(
    http: &reqwest::Client,
    app: &ServerProcess,
    file_id: &str,
    rows: usize,
    offset: usize,
) -> Duration {
    let mut request = common::schedule_arguments("", Some(file_id));
    request["offset"] = serde_json::json!(offset);
    let (preview, elapsed): (app::models::CampaignPreview, _) =
        call(http, app, "preview_campaign", &request).await;
    assert_eq!(preview.total as usize, rows, "every recipient counted");
    assert_eq!(preview.recipients.len(), rows.min(100), "a page");
    elapsed
}

/// Schedules the uploaded file for tomorrow 10:00 Paris time through the schedule server
/// function; the call's time and the app's peak memory after it. Every recipient must be handed
/// over.
async fn schedule(
    http: &reqwest::Client,
    app: &ServerProcess,
    file_id: &str,
    rows: usize,
) -> (Duration, f64) {
    let request = common::schedule_arguments("", Some(file_id));
    let (receipt, elapsed): (app::models::ScheduleReceipt, _) =
        call(http, app, "schedule_sms", &request).await;
    assert_eq!(
        receipt.contacts as usize, rows,
        "every recipient handed over"
    );
    (elapsed, peak_mib(app.pid()))
}
