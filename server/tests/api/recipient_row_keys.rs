//! A recipient's row names its campaign and its request by integer keys (migration
//! `recipient_row_keys`). A ledger written with their ids in every row is migrated: each
//! recipient reads back with its id and status, moves as before, and campaigns recorded after it
//! take the next keys; a row whose request is missing stops the migration with the ledger as it
//! was. On SQLite, and on PostgreSQL when SMS_SCHEDULER_TEST_POSTGRES_URL is set.

use app::models::{EventSource, RecipientStatus};
use chrono::Utc;
use sms_scheduler_server::domain::ledger_keys::{left_out_key, recipient_key};
use sms_scheduler_server::storage::{ReportKey, ReportOutcome, StatusReport, Store};

use crate::helpers::{
    campaign_written_before, migrated_before, request_written_before, temp_sqlite_url,
};
use crate::ledger::{campaign, recipient, submission};
use crate::storage::{drop_postgres, fresh_postgres, POSTGRES_URL_VAR};

const KEYS: &str = "20261214000000_recipient_row_keys.sql";
const OLDER: &str = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
const CAMPAIGN: &str = "8a1e2f3c-4d5b-4c6d-9e7f-1a2b3c4d5e6f";
const FIRST: &str = "0193a5c2-7e4b-7c3d-9f10-3c4d5e6f7081";
const SECOND: &str = "0193a5c2-7e4b-7c3d-9f10-3c4d5e6f7082";

/// Writes a recipient row as the ledger held it before the migration.
async fn row_before(
    pool: &sqlx::AnyPool,
    campaign: &str,
    request: Option<&str>,
    (position, line): (Option<i64>, i64),
    phone: &str,
    status: Option<&str>,
) {
    sqlx::query(
        "INSERT INTO recipient_rows (campaign_id, submission_id, position, line, phone, parts, \
         encoding, send_at, marketing, status, reason, warnings) \
         VALUES ($1, $2, $3, $4, $5, 1, 'gsm7', '2026-12-02T09:00:00Z', 0, $6, NULL, NULL)",
    )
    .bind(campaign)
    .bind(request)
    .bind(position)
    .bind(line)
    .bind(phone)
    .bind(status)
    .execute(pool)
    .await
    .unwrap();
}

/// Two campaigns as the ledger held them before the migration. The newer has two requests: the
/// first's recipient follows its request (scheduled), the second's has a status of its own
/// (delivered), and one recipient was left out; the older has one left out.
async fn ledger_before(url: &str) {
    let pool = migrated_before(url, KEYS).await;
    campaign_written_before(&pool, OLDER, None).await;
    campaign_written_before(&pool, CAMPAIGN, Some(FIRST)).await;
    sqlx::query("UPDATE campaigns SET created_at = '2026-12-01T11:00:00Z' WHERE id = $1")
        .bind(CAMPAIGN)
        .execute(&pool)
        .await
        .unwrap();
    request_written_before(&pool, SECOND, CAMPAIGN, "2026-12-01T11:00:01Z").await;
    row_before(
        &pool,
        OLDER,
        None,
        (None, 2),
        "+33611111111",
        Some("excluded"),
    )
    .await;
    row_before(
        &pool,
        CAMPAIGN,
        Some(FIRST),
        (Some(0), 2),
        "+33612345670",
        None,
    )
    .await;
    row_before(
        &pool,
        CAMPAIGN,
        Some(SECOND),
        (Some(0), 3),
        "+33612345671",
        Some("delivered"),
    )
    .await;
    row_before(
        &pool,
        CAMPAIGN,
        None,
        (None, 4),
        "+33612345672",
        Some("excluded"),
    )
    .await;
    sqlx::query(
        "INSERT INTO request_recipients (submission_id, campaign_id, status) \
         VALUES ($1, $2, 'scheduled')",
    )
    .bind(FIRST)
    .bind(CAMPAIGN)
    .execute(&pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO recipient_counts (campaign_id, submission_id, status, recipients) VALUES \
         ($1, '', 'excluded', 1), ($2, $3, 'scheduled', 1), ($2, $4, 'delivered', 1), \
         ($2, '', 'excluded', 1)",
    )
    .bind(OLDER)
    .bind(CAMPAIGN)
    .bind(FIRST)
    .bind(SECOND)
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
}

async fn page(store: &Store, id: &str) -> Vec<(String, RecipientStatus)> {
    store
        .campaign_recipients(id, None, 0, 10)
        .await
        .unwrap()
        .into_iter()
        .map(|r| (r.id, r.status))
        .collect()
}

async fn rows_keep_their_ids_and_move_as_before(url: &str) {
    ledger_before(url).await;
    let store = Store::connect(url).await.expect("the ledger migrates");
    let first = recipient_key(FIRST, 0);
    let second = recipient_key(SECOND, 0);
    let left_out = left_out_key(CAMPAIGN, 4, "+33612345672");
    assert_eq!(
        page(&store, CAMPAIGN).await,
        [
            (first.clone(), RecipientStatus::Scheduled),
            (second.clone(), RecipientStatus::Delivered),
            (left_out, RecipientStatus::Excluded),
        ]
    );
    assert_eq!(
        page(&store, OLDER).await,
        [(
            left_out_key(OLDER, 2, "+33611111111"),
            RecipientStatus::Excluded
        )]
    );
    // Numbered in order of creation; a campaign's requests from its own number.
    let keys: Vec<(String, Option<i64>)> =
        sqlx::query_as("SELECT id, seq FROM submissions ORDER BY id")
            .fetch_all(store.pool())
            .await
            .unwrap();
    assert_eq!(
        keys,
        [
            (FIRST.to_owned(), Some((2 << 32) + 1)),
            (SECOND.to_owned(), Some((2 << 32) + 2))
        ]
    );

    // A report about the one following its request moves it alone.
    let delivered = StatusReport {
        key: ReportKey::RecipientId(first.clone()),
        status: RecipientStatus::Delivered,
        detail: None,
        source: EventSource::InfobipWebhook,
        occurred_at: Utc::now(),
    };
    assert_eq!(
        store.apply_report(&delivered).await.unwrap(),
        ReportOutcome::Applied
    );
    assert_eq!(
        page(&store, CAMPAIGN).await[..2],
        [
            (first, RecipientStatus::Delivered),
            (second, RecipientStatus::Delivered),
        ]
    );
    let counts = store.status_counts(CAMPAIGN).await.unwrap();
    assert!(
        counts.contains(&(RecipientStatus::Delivered, 2)),
        "{counts:?}"
    );

    // A campaign recorded now takes the next number, and its rows read back under its id.
    let request = "0193a5c2-7e4b-7c3d-9f10-3c4d5e6f7083";
    let next = "9b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e";
    store
        .record_campaign(
            &campaign(next, 1),
            &[submission(request, next, &["+33612345673"])],
            &[recipient(
                Some((request, 0)),
                2,
                "+33612345673",
                RecipientStatus::Pending,
            )],
        )
        .await
        .unwrap();
    assert_eq!(
        page(&store, next).await,
        [(recipient_key(request, 0), RecipientStatus::Pending)]
    );
    let seq: Option<i64> = sqlx::query_scalar("SELECT seq FROM campaigns WHERE id = $1")
        .bind(next)
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(seq, Some(3));
    store.close().await;
}

/// A row whose request is not in the ledger: the migration stops, and the ledger keeps the row.
async fn a_row_without_its_request_stops_the_migration(url: &str) {
    let pool = migrated_before(url, KEYS).await;
    campaign_written_before(&pool, CAMPAIGN, None).await;
    row_before(
        &pool,
        CAMPAIGN,
        Some(FIRST),
        (Some(0), 2),
        "+33612345670",
        None,
    )
    .await;
    pool.close().await;
    assert!(Store::connect(url).await.is_err(), "the migration ran");
    let pool = migrated_before(url, KEYS).await;
    let kept: Vec<(String, Option<String>)> =
        sqlx::query_as("SELECT campaign_id, submission_id FROM recipient_rows")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(kept, [(CAMPAIGN.to_owned(), Some(FIRST.to_owned()))]);
    pool.close().await;
}

#[tokio::test]
async fn rows_keyed_by_number_after_the_migration_on_sqlite() {
    rows_keep_their_ids_and_move_as_before(&temp_sqlite_url()).await;
    a_row_without_its_request_stops_the_migration(&temp_sqlite_url()).await;
}

#[tokio::test]
async fn rows_keyed_by_number_after_the_migration_on_postgres() {
    let Some((url, name)) = fresh_postgres().await else {
        eprintln!("{POSTGRES_URL_VAR} is not set: the PostgreSQL migration test did not run");
        return;
    };
    rows_keep_their_ids_and_move_as_before(&url).await;
    drop_postgres(&name).await;
    let (url, name) = fresh_postgres().await.expect("a second database");
    a_row_without_its_request_stops_the_migration(&url).await;
    drop_postgres(&name).await;
}
