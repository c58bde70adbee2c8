//! A recipient's ledger id is made from its place (its request and position, or the line and
//! number it was left out at), not stored. A ledger written while ids were stored is migrated:
//! every id reads back as it was (a recipient left out when ids named its line alone gains its
//! number), its history follows it, and a report naming it is applied. On SQLite, and on
//! PostgreSQL when SMS_SCHEDULER_TEST_POSTGRES_URL is set.

use app::models::{EventSource, RecipientStatus};
use chrono::Utc;
use sms_scheduler_server::domain::ledger_keys::{left_out_key, recipient_key};
use sms_scheduler_server::storage::{ReportKey, ReportOutcome, StatusReport, Store};

use crate::helpers::{campaign_written_before, migrated_before, temp_sqlite_url};
use crate::storage::{drop_postgres, fresh_postgres, POSTGRES_URL_VAR};

/// The migration that stopped storing ids.
const PLACES: &str = "20261208000000_recipient_places.sql";

const CAMPAIGN: &str = "5f0e8a3c-1d2b-4c5d-8e9f-0a1b2c3d4e5f";
const REQUEST: &str = "0193a5c2-7e4b-7c3d-9f10-2b3c4d5e6f70";

/// The database at `url` migrated up to the migration before `PLACES`, with a campaign's
/// recipients written as they were then: one in a request, one left out, and one left out when
/// its id was its line alone.
async fn ledger_with_stored_ids(url: &str) -> (String, String) {
    let pool = migrated_before(url, PLACES).await;
    campaign_written_before(&pool, CAMPAIGN, Some(REQUEST)).await;

    // The ids as the ledger's Rust rule makes them: read back, they show the SQL rule agrees.
    let in_request = recipient_key(REQUEST, 7);
    let left_out = left_out_key(CAMPAIGN, 12, "+33698765432");
    let left_out_by_line = format!("{CAMPAIGN}-line3");
    for (id, submission, line, phone, status) in [
        (&in_request, Some(REQUEST), 9, "+33612345678", "scheduled"),
        (&left_out, None, 12, "+33698765432", "excluded"),
        (&left_out_by_line, None, 3, "+33611111111", "excluded"),
    ] {
        sqlx::query(
            "INSERT INTO recipients (id, campaign_id, submission_id, line, phone, parts, encoding, \
             send_at, marketing, status, reason, warnings, updated_at) \
             VALUES ($1, $2, $3, $4, $5, 1, 'gsm7', NULL, 0, $6, NULL, NULL, '2026-12-01T10:00:00Z')",
        )
        .bind(id.as_str())
        .bind(CAMPAIGN)
        .bind(submission)
        .bind(line)
        .bind(phone)
        .bind(status)
        .execute(&pool)
        .await
        .unwrap();
    }
    sqlx::query(
        "INSERT INTO recipient_counts (campaign_id, submission_id, status, recipients) \
         SELECT campaign_id, COALESCE(submission_id, ''), status, COUNT(*) FROM recipients \
         GROUP BY campaign_id, COALESCE(submission_id, ''), status",
    )
    .execute(&pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO recipient_events (recipient_id, status, detail, source, occurred_at, recorded_at) \
         VALUES ($1, 'scheduled', 'moved to 2026-12-02T09:00:00Z', 'operator', '2026-12-01T10:05:00Z', '2026-12-01T10:05:00Z')",
    )
    .bind(in_request.as_str())
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
    (in_request, left_out)
}

async fn ids_read_back_as_they_were_stored(url: &str) {
    let (in_request, left_out) = ledger_with_stored_ids(url).await;
    let store = Store::connect(url).await.expect("the ledger migrates");

    let page = store
        .campaign_recipients(CAMPAIGN, None, 0, 10)
        .await
        .unwrap();
    let ids: Vec<&str> = page.iter().map(|r| r.id.as_str()).collect();
    let left_out_by_line = left_out_key(CAMPAIGN, 3, "+33611111111");
    assert_eq!(
        ids,
        [
            left_out_by_line.as_str(),
            in_request.as_str(),
            left_out.as_str()
        ]
    );

    let history = store.recipient_history(&in_request).await.unwrap();
    assert_eq!(history.len(), 1, "{history:?}");
    assert_eq!(history[0].0, RecipientStatus::Scheduled);

    let delivered = StatusReport {
        key: ReportKey::RecipientId(in_request.clone()),
        status: RecipientStatus::Delivered,
        detail: None,
        source: EventSource::InfobipWebhook,
        occurred_at: Utc::now(),
    };
    assert_eq!(
        store.apply_report(&delivered).await.unwrap(),
        ReportOutcome::Applied
    );
    let page = store
        .campaign_recipients(CAMPAIGN, None, 0, 10)
        .await
        .unwrap();
    assert_eq!(page[1].status, RecipientStatus::Delivered);
    // An id of no recipient of ours names nothing.
    for stranger in [
        format!("{REQUEST}-8"),
        format!("{REQUEST}-07"),
        "x".to_owned(),
    ] {
        let report = StatusReport {
            key: ReportKey::RecipientId(stranger),
            ..delivered.clone()
        };
        assert_eq!(
            store.apply_report(&report).await.unwrap(),
            ReportOutcome::Unknown
        );
    }
    store.close().await;
}

#[tokio::test]
async fn stored_ids_read_back_after_the_migration_on_sqlite() {
    ids_read_back_as_they_were_stored(&temp_sqlite_url()).await;
}

#[tokio::test]
async fn stored_ids_read_back_after_the_migration_on_postgres() {
    let Some((url, name)) = fresh_postgres().await else {
        eprintln!("{POSTGRES_URL_VAR} is not set: the PostgreSQL migration test did not run");
        return;
    };
    ids_read_back_as_they_were_stored(&url).await;
    drop_postgres(&name).await;
}
