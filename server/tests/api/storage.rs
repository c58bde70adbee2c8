//! The storage suite, run on SQLite always and on PostgreSQL when SMS_SCHEDULER_TEST_POSTGRES_URL is set.

use app::models::ProviderId;
use chrono::Utc;
use sms_scheduler_server::storage::{Acceptance, NewSubmission, Store, SubmissionStatus};

use crate::helpers::temp_sqlite_url;

pub const POSTGRES_URL_VAR: &str = "SMS_SCHEDULER_TEST_POSTGRES_URL";

/// A fresh, empty PostgreSQL database on the configured server (its URL and name), or `None`
/// when none is configured.
pub async fn fresh_postgres() -> Option<(String, String)> {
    let base = std::env::var(POSTGRES_URL_VAR).ok()?;
    let mut url = reqwest::Url::parse(&base)
        .unwrap_or_else(|e| panic!("{POSTGRES_URL_VAR}={base:?} is not a postgres:// URL: {e}"));
    let name = format!("sms_test_{}", uuid::Uuid::new_v4().simple());
    sqlx::any::install_default_drivers();
    let mut admin = <sqlx::AnyConnection as sqlx::Connection>::connect(&base)
        .await
        .expect("PostgreSQL answers");
    sqlx::Executor::execute(&mut admin, format!("CREATE DATABASE {name}").as_str())
        .await
        .unwrap();
    url.set_path(&name);
    Some((url.to_string(), name))
}

pub fn submission(id: &str) -> NewSubmission {
    NewSubmission {
        id: id.to_owned(),
        campaign_id: None,
        provider: ProviderId::Octopush,
        idempotency_key: format!("key-{id}"),
        actor: "alice".into(),
        message_text: "Bonjour Michał".into(),
        recipients: vec!["+33612345678".into(), "+12125550123".into()],
        send_at: Some("2026-12-01T10:00:00+01:00".into()),
        time_zone: Some("Europe/Paris".into()),
        simulation: false,
        created_at: Utc::now(),
        request_body: None,
        claim: None,
    }
}

async fn storage_suite(store: Store) {
    crate::campaign_list::campaign_list_suite(&store).await;
    crate::progress::progress_suite(&store).await;
    store.insert_submission(&submission("a")).await.unwrap();
    let pending = store.submission("a").await.unwrap().unwrap();
    assert_eq!(pending.status, SubmissionStatus::Pending);
    assert_eq!(pending.message_text, "Bonjour Michał");
    assert_eq!(pending.recipients, vec!["+33612345678", "+12125550123"]);
    assert_eq!(pending.time_zone.as_deref(), Some("Europe/Paris"));
    assert!(!pending.simulation);

    store
        .mark_accepted("a", Some("sms_0123456789abc"), Some(0.11), Utc::now())
        .await
        .unwrap();
    let accepted = store.submission("a").await.unwrap().unwrap();
    assert_eq!(accepted.status, SubmissionStatus::Accepted);
    assert_eq!(accepted.reference.as_deref(), Some("sms_0123456789abc"));
    assert_eq!(accepted.total_cost, Some(0.11));

    store.insert_submission(&submission("b")).await.unwrap();
    store
        .mark_failed(
            "b",
            SubmissionStatus::Refused,
            Some("106"),
            "bad sender",
            Utc::now(),
        )
        .await
        .unwrap();
    let refused = store.submission("b").await.unwrap().unwrap();
    assert_eq!(refused.status, SubmissionStatus::Refused);
    assert_eq!(
        (
            refused.error_code.as_deref(),
            refused.error_message.as_deref()
        ),
        (Some("106"), Some("bad sender"))
    );

    // The idempotency key is unique: the same hand-over cannot be recorded twice.
    let mut again = submission("c");
    again.idempotency_key = "key-a".into();
    assert!(store.insert_submission(&again).await.is_err());
    assert!(store.submission("missing").await.unwrap().is_none());

    crate::ledger::ledger_suite(&store).await;
    crate::acceptance::acceptance_suite(&store).await;
    crate::acceptance::answers_together_suite(&store).await;
    crate::claims::claims_suite(&store).await;
    crate::audit::audit_storage_suite(&store).await;
    crate::recipient_counts::counts_agree(&store).await;
    crate::recipient_counts::concurrent_reports_suite(&store).await;
    crate::recipient_counts::filtered_pages_suite(&store).await;
    crate::request_moves::request_moves_suite(&store).await;
    crate::files_read_again::stored_file_reader_suite(&store).await;
}

#[tokio::test]
async fn storage_on_sqlite() {
    storage_suite(Store::connect(&temp_sqlite_url()).await.unwrap()).await;
}

#[tokio::test]
async fn storage_on_postgres() {
    let Some((url, name)) = fresh_postgres().await else {
        eprintln!("{POSTGRES_URL_VAR} is not set: the PostgreSQL storage suite did not run");
        return;
    };
    let store = Store::connect(&url).await.unwrap();
    storage_suite(store.clone()).await;
    store.close().await;
    drop_postgres(&name).await;
}

/// Drops a database `fresh_postgres` made.
pub async fn drop_postgres(name: &str) {
    let base = std::env::var(POSTGRES_URL_VAR).unwrap();
    let mut admin = <sqlx::AnyConnection as sqlx::Connection>::connect(&base)
        .await
        .unwrap();
    sqlx::Executor::execute(
        &mut admin,
        format!("DROP DATABASE {name} WITH (FORCE)").as_str(),
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn reopening_keeps_the_data_and_does_not_migrate_twice() {
    let url = temp_sqlite_url();
    Store::connect(&url)
        .await
        .unwrap()
        .insert_submission(&submission("kept"))
        .await
        .unwrap();
    let reopened = Store::connect(&url).await.unwrap();
    assert!(reopened.submission("kept").await.unwrap().is_some());
}

#[tokio::test]
async fn sqlite_commits_reach_the_disk_before_they_are_reported() {
    let store = Store::connect(&temp_sqlite_url()).await.unwrap();
    // Every connection of the pools held at once: each one is set up, not only the first, the
    // writes' own too.
    let mut connections = vec![store.writes().acquire().await.unwrap()];
    for _ in 0..4 {
        connections.push(store.pool().acquire().await.unwrap());
    }
    for (index, connection) in connections.iter_mut().enumerate() {
        let query_only: i64 = sqlx::query_scalar("PRAGMA query_only")
            .fetch_one(&mut **connection)
            .await
            .unwrap();
        assert_eq!(
            query_only,
            i64::from(index > 0),
            "reads only, but on the writes' connection"
        );
        let journal: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(&mut **connection)
            .await
            .unwrap();
        let synchronous: i64 = sqlx::query_scalar("PRAGMA synchronous")
            .fetch_one(&mut **connection)
            .await
            .unwrap();
        let wal_kept: i64 = sqlx::query_scalar("PRAGMA journal_size_limit")
            .fetch_one(&mut **connection)
            .await
            .unwrap();
        let copies_its_log: i64 = sqlx::query_scalar("PRAGMA wal_autocheckpoint")
            .fetch_one(&mut **connection)
            .await
            .unwrap();
        // The writer leaves its log to the checkpoints up to 64 MiB (`checkpoints.rs`); readers
        // write none.
        assert_eq!(copies_its_log, if index == 0 { 16_384 } else { 1000 });
        assert_eq!(journal, "wal");
        assert_eq!(synchronous, 2, "FULL: a power loss cannot undo a commit");
        assert_eq!(
            wal_kept,
            4 * 1024 * 1024,
            "the log cut back after a large campaign"
        );
    }
    drop(connections);
    // A write through the reads' pool fails rather than skip the writes' queue.
    let skipped = sqlx::query("DELETE FROM submissions")
        .execute(store.pool())
        .await;
    assert!(skipped.is_err(), "a write went through the reads' pool");
    sqlx::query("DELETE FROM submissions")
        .execute(store.writes())
        .await
        .unwrap();
}

/// A provider that gives no cost, then one that does, on the one connection of the pool: the
/// second answer is recorded with its cost (on PostgreSQL, the statement prepared for a missing
/// cost must not be reused for a cost).
async fn costs_after_no_cost(url: &str) -> Store {
    let store = Store::connect_with(url, 1).await.unwrap();
    for (id, cost) in [
        ("no-cost", None),
        ("cost", Some(0.11)),
        ("no-cost-again", None),
        ("cost-again", Some(0.5)),
    ] {
        store.insert_submission(&submission(id)).await.unwrap();
        // As the hand-over records an answer (`record_acceptance`, in its transaction).
        store
            .record_acceptance(&Acceptance {
                submission_id: id,
                status: app::models::RecipientStatus::Scheduled,
                refused: &[],
                reference: Some("ticket"),
                total_cost: cost,
                source: app::models::EventSource::Scheduler,
                at: Utc::now(),
            })
            .await
            .unwrap_or_else(|error| panic!("{id}: {error}"));
        assert_eq!(
            store.submission(id).await.unwrap().unwrap().total_cost,
            cost
        );
    }
    store
}

#[tokio::test]
async fn a_cost_after_none_is_recorded_on_sqlite() {
    costs_after_no_cost(&temp_sqlite_url()).await;
}

#[tokio::test]
async fn a_cost_after_none_is_recorded_on_postgres() {
    let Some((url, name)) = fresh_postgres().await else {
        eprintln!("{POSTGRES_URL_VAR} is not set: the PostgreSQL cost test did not run");
        return;
    };
    costs_after_no_cost(&url).await.close().await;
    drop_postgres(&name).await;
}
