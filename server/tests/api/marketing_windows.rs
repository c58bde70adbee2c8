//! The frequency cap finds marketing sends through each marketing campaign's first and last send
//! times. A ledger written before campaigns kept them is migrated: each marketing campaign gains
//! them from its recipients, and its sends are found as before; an alert campaign's are not. A
//! marketing campaign recorded without them (by an earlier version sharing the database) is read
//! whole, one recorded in parts keeps the times of every part, and one whose recipients were all
//! left out keeps times all the same. On SQLite, and on PostgreSQL when
//! SMS_SCHEDULER_TEST_POSTGRES_URL is set.

use app::models::RecipientStatus;
use chrono::{DateTime, Duration, Utc};
use sms_scheduler_server::storage::{NewRecipient, Store};

use crate::helpers::{migrated_before, request_written_before, temp_sqlite_url};
use crate::ledger::{campaign, recipient, submission};
use crate::storage::{drop_postgres, fresh_postgres, POSTGRES_URL_VAR};

/// The migration that gave campaigns their marketing window.
const WINDOWS: &str = "20261211000000_marketing_windows.sql";

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

/// Two campaigns as the ledger kept them before `WINDOWS`: a marketing one with recipients
/// sent at two times (one of them failed), and an alert one.
async fn ledger_before_windows(url: &str) {
    let pool = migrated_before(url, WINDOWS).await;
    for (id, purpose) in [("marketing-1", "marketing"), ("alert-1", "alert")] {
        sqlx::query(
            "INSERT INTO campaigns (id, provider, actor, message_text, sender, purpose, \
             campaign_type, requested_send_at, time_zone, local_time, outside_window, \
             override_reason, simulation, recipient_count, created_at) \
             VALUES ($1, 'octopush', 'alice', 'Sale', NULL, $2, 'premium', NULL, 'Europe/Paris', \
             0, 'defer', NULL, 0, 3, '2026-12-01T10:00:00Z')",
        )
        .bind(id)
        .bind(purpose)
        .execute(&pool)
        .await
        .unwrap();
        request_written_before(&pool, &format!("{id}-request"), id, "2026-12-01T10:00:00Z").await;
    }
    let rows = [
        (
            "marketing-1",
            0,
            "+33612345678",
            "2026-12-03T09:00:00Z",
            1,
            "scheduled",
        ),
        (
            "marketing-1",
            1,
            "+33612345679",
            "2026-12-10T09:00:00Z",
            1,
            "scheduled",
        ),
        (
            "marketing-1",
            2,
            "+33612345670",
            "2026-12-10T09:00:00Z",
            1,
            "failed",
        ),
        (
            "alert-1",
            0,
            "+33612345678",
            "2026-12-03T09:00:00Z",
            0,
            "scheduled",
        ),
    ];
    for (campaign, position, phone, send_at, marketing, status) in rows {
        sqlx::query(
            "INSERT INTO recipients (campaign_id, submission_id, position, line, phone, parts, \
             encoding, send_at, marketing, status, reason, warnings) \
             VALUES ($1, $2, $3, $4, $5, 1, 'gsm7', $6, $7, $8, NULL, NULL)",
        )
        .bind(campaign)
        .bind(format!("{campaign}-request"))
        .bind(position)
        .bind(position + 1)
        .bind(phone)
        .bind(send_at)
        .bind(marketing)
        .bind(status)
        .execute(&pool)
        .await
        .unwrap();
    }
    pool.close().await;
}

async fn sends_are_found_after_the_migration(url: &str) {
    ledger_before_windows(url).await;
    let store = Store::connect(url).await.expect("the ledger migrates");
    let sends = |from: &str, to: &str| store.marketing_sends_between(at(from), at(to));
    // Around each of its two times, and across both.
    assert_eq!(
        sends("2026-12-02T00:00:00Z", "2026-12-04T00:00:00Z")
            .await
            .unwrap(),
        [("+33612345678".to_owned(), "2026-12-03T09:00:00Z".to_owned())]
    );
    assert_eq!(
        sends("2026-12-09T00:00:00Z", "2026-12-11T00:00:00Z")
            .await
            .unwrap(),
        [("+33612345679".to_owned(), "2026-12-10T09:00:00Z".to_owned())]
    );
    let across = sends("2026-12-01T00:00:00Z", "2026-12-31T00:00:00Z")
        .await
        .unwrap();
    assert_eq!(across.len(), 2, "{across:?}");
    // Between them, and after both: none.
    let between = at("2026-12-05T00:00:00Z");
    assert!(store
        .marketing_sends_between(between, between + Duration::days(2))
        .await
        .unwrap()
        .is_empty());
    assert!(sends("2026-12-11T00:00:00Z", "2026-12-31T00:00:00Z")
        .await
        .unwrap()
        .is_empty());

    // Recorded after the migration by an earlier version, without its times: read whole.
    sqlx::query("UPDATE campaigns SET marketing_from = NULL, marketing_until = NULL")
        .execute(store.writes())
        .await
        .unwrap();
    let found = sends("2026-12-09T00:00:00Z", "2026-12-11T00:00:00Z")
        .await
        .unwrap();
    assert_eq!(
        found,
        [("+33612345679".to_owned(), "2026-12-10T09:00:00Z".to_owned())]
    );
    store.close().await;
}

/// A campaign recorded in two parts sent at two times: the sends of each are found around it.
async fn parts_keep_their_times(url: &str) {
    let store = Store::connect(url).await.unwrap();
    let mut recording = store.start_recording(&campaign("parts", 4)).await.unwrap();
    let times = [
        ("p1", "2027-01-04T09:00:00Z"),
        ("p2", "2027-02-01T09:00:00Z"),
    ];
    for (part, (request, send_at)) in times.into_iter().enumerate() {
        let phones = [format!("+3361{part}000001"), format!("+3361{part}000002")];
        let rows: Vec<NewRecipient> = phones
            .iter()
            .enumerate()
            .map(|(index, phone)| NewRecipient {
                send_at: Some(at(send_at)),
                ..recipient(
                    Some((request, index as u32)),
                    1,
                    phone,
                    RecipientStatus::Pending,
                )
            })
            .collect();
        let refs = [phones[0].as_str(), phones[1].as_str()];
        let requests = [submission(request, "parts", &refs)];
        recording.add(&requests, &rows).await.unwrap();
    }
    recording.finish().await.unwrap();
    for (_, send_at) in times {
        let (from, to) = (
            at(send_at) - Duration::days(1),
            at(send_at) + Duration::days(1),
        );
        let found = store.marketing_sends_between(from, to).await.unwrap();
        assert_eq!(found.len(), 2, "{send_at}: {found:?}");
    }
    // Every recipient left out (no send time): times kept all the same, so that the cap does not
    // read it at every call as a campaign recorded without them.
    let left_out = recipient(None, 1, "+33612345678", RecipientStatus::Excluded);
    let rows = [NewRecipient {
        send_at: None,
        ..left_out
    }];
    store
        .record_campaign(&campaign("all-left-out", 1), &[], &rows)
        .await
        .unwrap();
    let kept: Option<String> =
        sqlx::query_scalar("SELECT marketing_until FROM campaigns WHERE id = 'all-left-out'")
            .fetch_one(store.pool())
            .await
            .unwrap();
    assert!(kept.is_some());
    store.close().await;
}

#[tokio::test]
async fn a_campaign_recorded_in_parts_keeps_the_times_of_every_part_on_sqlite() {
    parts_keep_their_times(&temp_sqlite_url()).await;
}

#[tokio::test]
async fn a_campaign_recorded_in_parts_keeps_the_times_of_every_part_on_postgres() {
    let Some((url, name)) = fresh_postgres().await else {
        eprintln!("{POSTGRES_URL_VAR} is not set: the PostgreSQL parts test did not run");
        return;
    };
    parts_keep_their_times(&url).await;
    drop_postgres(&name).await;
}

#[tokio::test]
async fn marketing_sends_are_found_after_the_migration_on_sqlite() {
    sends_are_found_after_the_migration(&temp_sqlite_url()).await;
}

#[tokio::test]
async fn marketing_sends_are_found_after_the_migration_on_postgres() {
    let Some((url, name)) = fresh_postgres().await else {
        eprintln!("{POSTGRES_URL_VAR} is not set: the PostgreSQL migration test did not run");
        return;
    };
    sends_are_found_after_the_migration(&url).await;
    drop_postgres(&name).await;
}
