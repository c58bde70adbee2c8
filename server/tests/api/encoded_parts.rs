//! A campaign's parts are made ready to write (`PartEncoder::encode`) on the thread that plans
//! them, ahead of the writer: each part is written only if it comes next (the part after the last
//! one written, its requests numbered from where that one's requests end), and a recipient whose
//! request is not in its part is refused when the part is made, the parts after it refused when
//! written. A part of more requests and counts than one statement writes is written whole, each
//! request with its own values.
//! On SQLite, and on PostgreSQL when SMS_SCHEDULER_TEST_POSTGRES_URL is set.

use app::models::RecipientStatus;
use sms_scheduler_server::storage::{NewRecipient, NewSubmission, Store, StoreError};

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
            &no_list(),
        )
        .unwrap();
    let (requests, rows) = one_request(SECOND, 5, "+33612000004");
    let second = encoder.encode(requests, rows, &no_list()).unwrap();
    // Made from where the campaign began, as if the first part had not been counted: it would
    // take the first part's place and keys.
    let (requests, rows) = one_request(BEHIND, 6, "+33612000005");
    let behind = recording
        .encoder()
        .encode(requests, rows, &no_list())
        .unwrap();
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
        &no_list(),
    );
    assert!(stray.is_err());
    let (requests, rows) = one_request(LATE, 8, "+33612000007");
    let late = after_failure.encode(requests, rows, &no_list()).unwrap();
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

/// A request of one recipient for each of `phones`, keyed from `first`, and one recipient left out.
fn one_recipient_requests(first: usize, phones: usize) -> (Vec<NewSubmission>, Vec<NewRecipient>) {
    let pending = RecipientStatus::Pending;
    let mut requests = Vec::new();
    let mut rows = Vec::new();
    for n in first..first + phones {
        let id = request_id(n);
        let phone = format!("+336{n:08}");
        // Values of their own in as many columns as can differ, so that a value written in
        // another request's place or column shows.
        let mut request = submission(&id, CAMPAIGN, &[&phone]);
        request.idempotency_key = format!("key-{n}");
        request.actor = format!("actor-{n}");
        request.message_text = format!("text {n}");
        request.send_at = Some(send_at(n));
        requests.push(request);
        rows.push(recipient(Some((&id, 0)), line(n), &phone, pending));
    }
    let left_out = first + phones;
    let phone = format!("+336{left_out:08}");
    rows.push(recipient(
        None,
        line(left_out),
        &phone,
        RecipientStatus::Excluded,
    ));
    (requests, rows)
}

fn request_id(n: usize) -> String {
    format!("0193a5c2-7e4b-7c3d-9f10-{n:012}")
}

fn send_at(n: usize) -> String {
    format!("2026-12-07T{:02}:{:02}:00+01:00", 9 + n / 60 % 10, n % 60)
}

fn line(n: usize) -> u32 {
    u32::try_from(n).unwrap() + 2
}

async fn parts_longer_than_a_statement_are_written_whole(url: &str) {
    // 1,001 requests, each with its count row: eleven statements of requests, two of counts;
    // then 150: two and one.
    const MADE_AHEAD: usize = 1_001;
    const ADDED: usize = 150;
    let store = Store::connect(url).await.unwrap();
    let total = MADE_AHEAD + ADDED + 2;
    let mut recording = store
        .start_recording(&campaign(CAMPAIGN, total))
        .await
        .unwrap();
    let (requests, rows) = one_recipient_requests(0, MADE_AHEAD);
    let part = recording
        .encoder()
        .encode(requests, rows, &no_list())
        .unwrap();
    recording.add_encoded(part).await.unwrap();
    let (requests, rows) = one_recipient_requests(MADE_AHEAD + 1, ADDED);
    recording.add(&requests, &rows).await.unwrap();
    recording.finish().await.unwrap();

    type Written = (
        String,
        String,
        String,
        String,
        String,
        Option<String>,
        i64,
        String,
        String,
    );
    let written: Vec<Written> = sqlx::query_as(
        "SELECT id, idempotency_key, actor, message_text, recipients, send_at, seq, created_at, \
         updated_at FROM submissions WHERE campaign_id = $1 ORDER BY seq",
    )
    .bind(CAMPAIGN)
    .fetch_all(store.pool())
    .await
    .unwrap();
    let (campaign_seq,): (i64,) = sqlx::query_as("SELECT seq FROM campaigns WHERE id = $1")
        .bind(CAMPAIGN)
        .fetch_one(store.pool())
        .await
        .unwrap();
    let expected: Vec<usize> = (0..MADE_AHEAD)
        .chain(MADE_AHEAD + 1..MADE_AHEAD + 1 + ADDED)
        .collect();
    assert_eq!(written.len(), expected.len());
    for (k, (n, row)) in expected.iter().zip(&written).enumerate() {
        let (id, key, actor, text, phones, at, seq, created, updated) = row;
        assert_eq!(id, &request_id(*n), "request {k}");
        assert_eq!(key, &format!("key-{n}"), "request {k}");
        assert_eq!(actor, &format!("actor-{n}"), "request {k}");
        assert_eq!(text, &format!("text {n}"), "request {k}");
        assert_eq!(phones, &format!("[\"+336{n:08}\"]"), "request {k}");
        assert_eq!(at.as_deref(), Some(send_at(*n).as_str()), "request {k}");
        let place = i64::try_from(k).unwrap() + 1;
        assert_eq!(*seq, campaign_seq * (1 << 32) + place, "request {k}");
        assert_eq!(created, updated, "request {k}");
    }
    let counts: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT submission_id, status, CAST(recipients AS BIGINT) FROM recipient_counts \
         WHERE campaign_id = $1 ORDER BY submission_id, status",
    )
    .bind(CAMPAIGN)
    .fetch_all(store.pool())
    .await
    .unwrap();
    let mut wanted: Vec<(String, String, i64)> = expected
        .iter()
        .map(|n| {
            (
                request_id(*n),
                RecipientStatus::Pending.as_str().to_owned(),
                1,
            )
        })
        .collect();
    wanted.insert(
        0,
        (
            String::new(),
            RecipientStatus::Excluded.as_str().to_owned(),
            2,
        ),
    );
    assert_eq!(counts, wanted);
    store.close().await;
}

#[tokio::test]
async fn parts_longer_than_a_statement_are_written_whole_on_sqlite() {
    parts_longer_than_a_statement_are_written_whole(&temp_sqlite_url()).await;
}

#[tokio::test]
async fn parts_longer_than_a_statement_are_written_whole_on_postgres() {
    let Some((url, name)) = fresh_postgres().await else {
        eprintln!("{POSTGRES_URL_VAR} is not set: the PostgreSQL long parts test did not run");
        return;
    };
    parts_longer_than_a_statement_are_written_whole(&url).await;
    drop_postgres(&name).await;
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

/// A part's kept list with nobody in it: these parts' rows are made by hand.
fn no_list() -> String {
    sms_scheduler_server::domain::list_copy::kept_part(std::iter::empty())
}
