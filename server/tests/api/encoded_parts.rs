//! A campaign's parts are made ready to write (`PartEncoder::encode`) on the thread that plans
//! them, ahead of the writer: each part is written only if it comes next (the part after the last
//! one written, its requests numbered from where that one's requests end), and a recipient whose
//! request is not in its part is refused when the part is made, the parts after it refused when
//! written.
//! On SQLite, and on PostgreSQL when SMS_SCHEDULER_TEST_POSTGRES_URL is set.

use app::models::RecipientStatus;
use sms_scheduler_server::storage::{Store, StoreError};

use crate::helpers::temp_sqlite_url;
use crate::ledger::{campaign, recipient, submission};
use crate::storage::{drop_postgres, fresh_postgres, POSTGRES_URL_VAR};

const CAMPAIGN: &str = "6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d";
const FIRST: &str = "0193a5c2-7e4b-7c3d-9f10-000000000001";
const SECOND: &str = "0193a5c2-7e4b-7c3d-9f10-000000000002";
const BEHIND: &str = "0193a5c2-7e4b-7c3d-9f10-000000000003";
const OTHER: &str = "0193a5c2-7e4b-7c3d-9f10-000000000004";
const LATE: &str = "0193a5c2-7e4b-7c3d-9f10-000000000005";

fn out_of_order(written: Result<(), StoreError>) -> bool {
    matches!(written, Err(StoreError::PartOutOfOrder { .. }))
}

async fn parts_made_ahead_are_written_in_order(url: &str) {
    let store = Store::connect(url).await.unwrap();
    let mut recording = store.start_recording(&campaign(CAMPAIGN, 4)).await.unwrap();
    let pending = RecipientStatus::Pending;
    let one_request = |id: &str, line: u32, phone: &str| {
        (
            vec![submission(id, CAMPAIGN, &[phone])],
            vec![recipient(Some((id, 0)), line, phone, pending)],
        )
    };

    // Both parts made before either is written, as the planning thread runs ahead.
    let mut encoder = recording.encoder();
    let first = encoder
        .encode(
            vec![submission(
                FIRST,
                CAMPAIGN,
                &["+33612000001", "+33612000002"],
            )],
            vec![
                recipient(Some((FIRST, 0)), 2, "+33612000001", pending),
                recipient(Some((FIRST, 1)), 3, "+33612000002", pending),
                recipient(None, 4, "+33612000003", RecipientStatus::Excluded),
            ],
        )
        .unwrap();
    let (requests, rows) = one_request(SECOND, 5, "+33612000004");
    let second = encoder.encode(requests, rows).unwrap();
    // Made from where the campaign began, as if the first part had not been counted: it would
    // take the first part's place and keys.
    let (requests, rows) = one_request(BEHIND, 6, "+33612000005");
    let behind = recording.encoder().encode(requests, rows).unwrap();
    assert_eq!(first.recipient_count(), 3);

    recording.add_encoded(first).await.unwrap();
    assert!(out_of_order(recording.add_encoded(behind).await));
    recording.add_encoded(second).await.unwrap();

    // A recipient whose request is not in its part: refused when made, and the part made after
    // it refused when written.
    let mut after_failure = recording.encoder();
    let stray = after_failure.encode(
        vec![submission(OTHER, CAMPAIGN, &["+33612000006"])],
        vec![recipient(Some((FIRST, 2)), 7, "+33612000006", pending)],
    );
    assert!(stray.is_err());
    let (requests, rows) = one_request(LATE, 8, "+33612000007");
    let late = after_failure.encode(requests, rows).unwrap();
    assert!(out_of_order(recording.add_encoded(late).await));
    recording.finish().await.unwrap();

    let requests: Vec<(String, i64)> =
        sqlx::query_as("SELECT id, seq FROM submissions WHERE campaign_id = $1 ORDER BY seq")
            .bind(CAMPAIGN)
            .fetch_all(store.pool())
            .await
            .unwrap();
    let ids: Vec<&str> = requests.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, [FIRST, SECOND]);
    let (campaign_seq,): (i64,) = sqlx::query_as("SELECT seq FROM campaigns WHERE id = $1")
        .bind(CAMPAIGN)
        .fetch_one(store.pool())
        .await
        .unwrap();
    let first_key = campaign_seq * (1 << 32) + 1;
    assert_eq!((requests[0].1, requests[1].1), (first_key, first_key + 1));
    let rows: Vec<(Option<String>, String)> = sqlx::query_as(
        "SELECT submission_id, phone FROM recipients WHERE campaign_id = $1 ORDER BY line",
    )
    .bind(CAMPAIGN)
    .fetch_all(store.pool())
    .await
    .unwrap();
    let in_request = |id: &str, phone: &str| (Some(id.to_owned()), phone.to_owned());
    assert_eq!(
        rows,
        [
            in_request(FIRST, "+33612000001"),
            in_request(FIRST, "+33612000002"),
            (None, "+33612000003".to_owned()),
            in_request(SECOND, "+33612000004"),
        ]
    );
    let counted: (i64,) = sqlx::query_as(
        "SELECT CAST(SUM(recipients) AS BIGINT) FROM recipient_counts WHERE campaign_id = $1",
    )
    .bind(CAMPAIGN)
    .fetch_one(store.pool())
    .await
    .unwrap();
    assert_eq!(counted.0, 4);
    store.close().await;
}

#[tokio::test]
async fn parts_made_ahead_are_written_in_order_on_sqlite() {
    parts_made_ahead_are_written_in_order(&temp_sqlite_url()).await;
}

#[tokio::test]
async fn parts_made_ahead_are_written_in_order_on_postgres() {
    let Some((url, name)) = fresh_postgres().await else {
        eprintln!("{POSTGRES_URL_VAR} is not set: the PostgreSQL parts test did not run");
        return;
    };
    parts_made_ahead_are_written_in_order(&url).await;
    drop_postgres(&name).await;
}
