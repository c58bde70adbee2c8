//! A campaign's parts are made ready to write (`PartNumbering::encode`) on the thread that plans
//! them, ahead of the writer: each part is numbered where the one before it ends, a part made
//! from a numbering that has fallen behind is refused before anything of it is written, and a
//! recipient whose request is not in its part is refused when the part is made. On SQLite, and
//! on PostgreSQL when SMS_SCHEDULER_TEST_POSTGRES_URL is set.

use app::models::RecipientStatus;
use sms_scheduler_server::storage::Store;

use crate::helpers::temp_sqlite_url;
use crate::ledger::{campaign, recipient, submission};
use crate::storage::{drop_postgres, fresh_postgres, POSTGRES_URL_VAR};

const CAMPAIGN: &str = "6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d";
const FIRST: &str = "0193a5c2-7e4b-7c3d-9f10-000000000001";
const SECOND: &str = "0193a5c2-7e4b-7c3d-9f10-000000000002";
const BEHIND: &str = "0193a5c2-7e4b-7c3d-9f10-000000000003";

async fn parts_made_ahead_are_written_in_order(url: &str) {
    let store = Store::connect(url).await.unwrap();
    let mut recording = store.start_recording(&campaign(CAMPAIGN, 5)).await.unwrap();
    let mut numbering = recording.numbering();
    let pending = RecipientStatus::Pending;

    // A recipient whose request is not in its part: refused, and the numbering does not move.
    let stray = vec![recipient(Some((FIRST, 0)), 2, "+33612000001", pending)];
    assert!(numbering.encode(Vec::new(), stray).is_err());

    // Both parts made before either is written, as the planning thread runs ahead.
    let first = numbering
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
    let second = numbering
        .encode(
            vec![submission(SECOND, CAMPAIGN, &["+33612000004"])],
            vec![recipient(Some((SECOND, 0)), 5, "+33612000004", pending)],
        )
        .unwrap();
    // Made from where the campaign began, as if the first part had not been counted: it would
    // take the first part's keys.
    let behind = recording
        .numbering()
        .encode(
            vec![submission(BEHIND, CAMPAIGN, &["+33612000005"])],
            vec![recipient(Some((BEHIND, 0)), 6, "+33612000005", pending)],
        )
        .unwrap();
    assert_eq!(first.recipient_count(), 3);

    recording.add_encoded(first).await.unwrap();
    let refused = recording.add_encoded(behind).await;
    assert!(refused.is_err(), "a part numbered behind was written");
    recording.add_encoded(second).await.unwrap();
    recording.finish().await.unwrap();

    let requests: Vec<(String, i64)> =
        sqlx::query_as("SELECT id, seq FROM submissions WHERE campaign_id = $1 ORDER BY seq")
            .bind(CAMPAIGN)
            .fetch_all(store.pool())
            .await
            .unwrap();
    let ids: Vec<&str> = requests.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, [FIRST, SECOND]);
    assert_eq!(requests[1].1, requests[0].1 + 1);
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
