//! Recipients written before their request's status was kept once (migration
//! `recipients_follow_requests`) keep their own statuses, and move as they did: a move of their
//! request takes those behind it along, a report one of them. On SQLite, and on PostgreSQL when
//! SMS_SCHEDULER_TEST_POSTGRES_URL is set.

use app::models::{EventSource, RecipientStatus};
use chrono::Utc;
use sms_scheduler_server::domain::ledger_keys::recipient_key;
use sms_scheduler_server::storage::{ReportKey, ReportOutcome, StatusReport, Store};

use crate::helpers::{campaign_written_before, migrated_before, temp_sqlite_url};
use crate::recipient_counts::counts_agree;
use crate::storage::{drop_postgres, fresh_postgres, POSTGRES_URL_VAR};

const FOLLOW: &str = "20261212000000_recipients_follow_requests.sql";
const CAMPAIGN: &str = "8a1e2f3c-4d5b-4c6d-9e7f-1a2b3c4d5e6f";
const REQUEST: &str = "0193a5c2-7e4b-7c3d-9f10-3c4d5e6f7081";

/// Four recipients of one request as the ledger held them before the migration: three
/// scheduled, one delivered, each with its status in its row, and their counts.
async fn ledger_before(url: &str) {
    let pool = migrated_before(url, FOLLOW).await;
    campaign_written_before(&pool, CAMPAIGN, Some(REQUEST)).await;
    for position in 0..4_i64 {
        let status = if position == 3 {
            "delivered"
        } else {
            "scheduled"
        };
        sqlx::query(
            "INSERT INTO recipients (campaign_id, submission_id, position, line, phone, parts, \
             encoding, send_at, marketing, status, reason, warnings) \
             VALUES ($1, $2, $3, $4, $5, 1, 'gsm7', '2026-12-02T09:00:00Z', 0, $6, NULL, NULL)",
        )
        .bind(CAMPAIGN)
        .bind(REQUEST)
        .bind(position)
        .bind(position + 1)
        .bind(format!("+3361234567{position}"))
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
    pool.close().await;
}

async fn statuses(store: &Store) -> Vec<RecipientStatus> {
    store
        .campaign_recipients(CAMPAIGN, None, 0, 10)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.status)
        .collect()
}

async fn earlier_rows_move_as_before(url: &str) {
    use RecipientStatus::{Canceled, Delivered, Scheduled, Sent};
    ledger_before(url).await;
    let store = Store::connect(url).await.expect("the ledger migrates");
    assert_eq!(
        statuses(&store).await,
        [Scheduled, Scheduled, Scheduled, Delivered]
    );

    let sent = StatusReport {
        key: ReportKey::RecipientId(recipient_key(REQUEST, 0)),
        status: Sent,
        detail: None,
        source: EventSource::OctopushWebhook,
        occurred_at: Utc::now(),
    };
    assert_eq!(
        store.apply_report(&sent).await.unwrap(),
        ReportOutcome::Applied
    );
    let canceled = store
        .set_submission_recipients(
            REQUEST,
            Canceled,
            Some("canceled by bob"),
            EventSource::Operator,
            Utc::now(),
        )
        .await
        .unwrap();
    assert_eq!(canceled, 3, "the scheduled and the sent, not the delivered");
    let page = store
        .campaign_recipients(CAMPAIGN, None, 0, 10)
        .await
        .unwrap();
    let seen: Vec<_> = page
        .iter()
        .map(|r| (r.status, r.reason.as_deref()))
        .collect();
    let why = Some("canceled by bob");
    assert_eq!(
        seen,
        [
            (Canceled, why),
            (Canceled, why),
            (Canceled, why),
            (Delivered, None)
        ]
    );
    assert_eq!(
        store.apply_report(&sent).await.unwrap(),
        ReportOutcome::Duplicate
    );
    counts_agree(&store).await;
    store.close().await;
}

#[tokio::test]
async fn earlier_rows_move_as_before_on_sqlite() {
    earlier_rows_move_as_before(&temp_sqlite_url()).await;
}

#[tokio::test]
async fn earlier_rows_move_as_before_on_postgres() {
    let Some((url, name)) = fresh_postgres().await else {
        eprintln!("{POSTGRES_URL_VAR} is not set: the PostgreSQL migration test did not run");
        return;
    };
    earlier_rows_move_as_before(&url).await;
    drop_postgres(&name).await;
}
