//! The write-ahead log copied into the database beside the writer (`storage::checkpoints`): a
//! commit leaves its log as it is, and the checkpoints copy it in and empty it, without losing or
//! holding back anything.

use app::models::RecipientStatus;
use sms_scheduler_server::storage::{Checkpointed, NewRecipient, Store};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::helpers::temp_sqlite_url;
use crate::ledger::{campaign, recipient, submission};
use crate::storage::{drop_postgres, fresh_postgres, POSTGRES_URL_VAR};

const MIB: u64 = 1024 * 1024;

/// The store on a fresh SQLite file, the file's path and its log's.
async fn sqlite_store() -> (Store, PathBuf, PathBuf) {
    let url = temp_sqlite_url();
    let path = PathBuf::from(url.trim_start_matches("sqlite://"));
    let store = Store::connect(&url).await.unwrap();
    let log = path.with_extension("db-wal");
    (store, path, log)
}

fn size(file: &PathBuf) -> u64 {
    std::fs::metadata(file).map_or(0, |m| m.len())
}

/// The recipients of `record_large_campaign`.
const LARGE: i64 = 40_000;

/// Records campaign `id` of `LARGE` recipients in requests of 500: more than 4 MiB of log.
async fn record_large_campaign(store: &Store, id: &str) {
    let phones: Vec<String> = (0..LARGE).map(|i| format!("+3361{i:07}")).collect();
    let requests: Vec<(String, &[String])> = phones
        .chunks(500)
        .enumerate()
        .map(|(n, chunk)| (format!("{id}-request-{n}"), chunk))
        .collect();
    let submissions: Vec<_> = requests
        .iter()
        .map(|(request, chunk)| {
            let numbers: Vec<&str> = chunk.iter().map(String::as_str).collect();
            submission(request, id, &numbers)
        })
        .collect();
    let rows: Vec<NewRecipient> = requests
        .iter()
        .flat_map(|(request, chunk)| {
            chunk.iter().enumerate().map(move |(index, phone)| {
                let place = Some((request.as_str(), index as u32));
                recipient(place, 0, phone, RecipientStatus::Pending)
            })
        })
        .enumerate()
        .map(|(line, row)| NewRecipient {
            line: line as u32 + 2,
            ..row
        })
        .collect();
    store
        .record_campaign(&campaign(id, rows.len()), &submissions, &rows)
        .await
        .unwrap();
}

/// Waits until the writes' connection is back in its pool. A connection let go is handed back by
/// a task of the pool's, and a round that finds it away leaves the cut to the next round
/// (`CopiedNotCut`), as a round does while a write is under way.
async fn writes_connection_back(store: &Store) {
    let started = Instant::now();
    while store.writes().num_idle() == 0 {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "the writes' connection was not handed back to its pool"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

async fn recipients_of(store: &Store, id: &str) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM recipients WHERE campaign_id = $1")
        .bind(id)
        .fetch_one(store.pool())
        .await
        .unwrap()
}

#[tokio::test]
async fn a_commit_leaves_its_log_and_a_checkpoint_copies_it_in_and_empties_it() {
    let (store, database, log) = sqlite_store().await;
    // The migrations' log, then nothing: an idle store's rounds cut nothing.
    writes_connection_back(&store).await;
    assert_eq!(
        store.checkpoint().await.unwrap(),
        Some(Checkpointed::Emptied)
    );
    assert_eq!(
        store.checkpoint().await.unwrap(),
        Some(Checkpointed::NothingToCopy)
    );
    let empty = size(&database);
    record_large_campaign(&store, "big").await;
    // The campaign is in the log alone: the writer's commit did not copy it in.
    assert!(size(&log) > 4 * MIB, "{} bytes of log", size(&log));
    assert_eq!(size(&database), empty, "the commit copied its log in");
    assert_eq!(recipients_of(&store, "big").await, LARGE);

    writes_connection_back(&store).await;
    assert_eq!(
        store.checkpoint().await.unwrap(),
        Some(Checkpointed::Emptied)
    );
    assert_eq!(size(&log), 0, "the log was not emptied");
    assert!(size(&database) > 4 * MIB, "the log was not copied in");
    assert_eq!(recipients_of(&store, "big").await, LARGE);
    // Writes go on as before on the emptied log.
    record_large_campaign(&store, "next").await;
    assert_eq!(recipients_of(&store, "next").await, LARGE);
}

#[tokio::test]
async fn a_reader_on_the_log_keeps_it_until_it_is_done() {
    let (store, _, log) = sqlite_store().await;
    record_large_campaign(&store, "big").await;
    // A read under way, on the snapshot the log holds.
    // A connection of its own, closed once read: back in the pool, it could still be on its
    // way there (reset in a task of the pool's) when the next checkpoint runs.
    let mut reader = store.pool().acquire().await.unwrap();
    let mut reading = sqlx::Connection::begin(&mut *reader).await.unwrap();
    let seen: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM recipient_rows")
        .fetch_one(&mut *reading)
        .await
        .unwrap();
    assert_eq!(seen, LARGE);
    // Back from the recording: the round below leaves the log for the reader alone.
    writes_connection_back(&store).await;
    let checkpointed = store.checkpoint().await.unwrap();
    assert_eq!(
        checkpointed,
        Some(Checkpointed::CopiedNotCut),
        "every frame copied, the log kept for the reader"
    );
    assert!(size(&log) > 4 * MIB, "the log was cut under a reader");
    let still: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM recipient_rows")
        .fetch_one(&mut *reading)
        .await
        .unwrap();
    assert_eq!(still, LARGE);
    reading.commit().await.unwrap();
    reader.close().await.unwrap();
    // The previous round held the writes' connection for its cut.
    writes_connection_back(&store).await;
    assert_eq!(
        store.checkpoint().await.unwrap(),
        Some(Checkpointed::Emptied)
    );
    assert_eq!(size(&log), 0);
}

#[tokio::test]
async fn the_worker_empties_a_recorded_campaigns_log_by_itself() {
    let (store, database, log) = sqlite_store().await;
    let worker = tokio::spawn(
        store
            .checkpoint_worker()
            .expect("SQLite has a log to copy in"),
    );
    record_large_campaign(&store, "big").await;
    let started = Instant::now();
    while size(&log) > 0 {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the log was not emptied: {} bytes",
            size(&log)
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(size(&database) > 4 * MIB, "the log was not copied in");
    assert_eq!(recipients_of(&store, "big").await, LARGE);
    worker.abort();
}

#[tokio::test]
async fn postgresql_has_no_log_to_copy_in() {
    let Some((url, name)) = fresh_postgres().await else {
        eprintln!("{POSTGRES_URL_VAR} is not set: the PostgreSQL checkpoints test did not run");
        return;
    };
    let store = Store::connect(&url).await.unwrap();
    assert_eq!(store.checkpoint().await.unwrap(), None);
    assert!(store.checkpoint_worker().is_none());
    store.close().await;
    drop_postgres(&name).await;
}
