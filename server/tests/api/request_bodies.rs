//! The provider request kept with each submission (for a resend after a lost answer) is stored
//! deflated; one kept as text before is read back as it was, and both are handed to the
//! reconciler whole. On SQLite, and on PostgreSQL when SMS_SCHEDULER_TEST_POSTGRES_URL is set.

use app::models::ProviderId;
use chrono::{Duration, Utc};
use sms_scheduler_server::storage::{Claim, NewSubmission, Store};

use crate::helpers::{migrated_before, temp_sqlite_url};
use crate::storage::{drop_postgres, fresh_postgres, POSTGRES_URL_VAR};

/// The migration that stored requests deflated.
const DEFLATED: &str = "20261209000000_request_bodies_deflated.sql";

const OLD_BODY: &str = r#"{"text":"Hello","recipients":[{"phone_number":"+33612345678"}]}"#;

async fn bodies_read_back_whole(url: &str) {
    let pool = migrated_before(url, DEFLATED).await;
    sqlx::query(
        "INSERT INTO submissions (id, provider, idempotency_key, actor, status, message_text, \
         recipients, recipient_count, simulation, created_at, updated_at, request_body) \
         VALUES ('kept-as-text', 'octopush', 'kept-as-text', 'ann', 'unknown', 'Hello', \
         '[\"+33612345678\"]', 1, 0, '2026-12-01T10:00:00Z', '2026-12-01T10:00:00Z', $1)",
    )
    .bind(OLD_BODY)
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
    let store = Store::connect(url).await.expect("the ledger migrates");

    let recipients: Vec<String> = (0..500).map(|n| format!("+336{:08}", n * 7919)).collect();
    let body = format!(
        r#"{{"text":"Hi","recipients":[{}]}}"#,
        recipients
            .iter()
            .map(|r| format!(r#"{{"phone_number":"{r}"}}"#))
            .collect::<Vec<_>>()
            .join(",")
    );
    let now = Utc::now();
    store
        .insert_submission(&NewSubmission {
            id: "kept-deflated".into(),
            campaign_id: None,
            provider: ProviderId::Octopush,
            idempotency_key: "kept-deflated".into(),
            actor: "ann".into(),
            message_text: "Hi".into(),
            recipients,
            send_at: None,
            time_zone: None,
            simulation: false,
            created_at: now,
            request_body: Some(body.as_str().into()),
            claim: None,
        })
        .await
        .unwrap();
    let (text, stored): (Option<String>, i64) = sqlx::query_as(
        "SELECT request_body, CAST(LENGTH(request_deflated) AS BIGINT) FROM submissions \
         WHERE id = 'kept-deflated'",
    )
    .fetch_one(store.pool())
    .await
    .unwrap();
    assert_eq!(text, None);
    assert!(stored * 3 < body.len() as i64, "{stored} of {}", body.len());

    let claim = Claim {
        holder: "reconciler".into(),
        until: now + Duration::minutes(2),
    };
    let mut claimed = store.claim_unfinished(&claim, now, 10).await.unwrap();
    claimed.sort_by(|a, b| a.id.cmp(&b.id));
    let bodies: Vec<(&str, Option<&str>)> = claimed
        .iter()
        .map(|s| (s.id.as_str(), s.request_body.as_deref()))
        .collect();
    assert_eq!(
        bodies,
        [
            ("kept-as-text", Some(OLD_BODY)),
            ("kept-deflated", Some(body.as_str()))
        ]
    );
    store.close().await;
}

#[tokio::test]
async fn request_bodies_read_back_whole_on_sqlite() {
    bodies_read_back_whole(&temp_sqlite_url()).await;
}

#[tokio::test]
async fn request_bodies_read_back_whole_on_postgres() {
    let Some((url, name)) = fresh_postgres().await else {
        eprintln!("{POSTGRES_URL_VAR} is not set: the PostgreSQL request-body test did not run");
        return;
    };
    bodies_read_back_whole(&url).await;
    drop_postgres(&name).await;
}
