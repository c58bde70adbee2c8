//! A campaign's recipients read back as they were written, every field of every row, across the
//! statements they are written in (on SQLite `ROWS_PER_VALUES` rows a statement, their values
//! bound; on PostgreSQL 10,000 a statement, as JSON: storage::recipient_inserts). On SQLite, and on
//! PostgreSQL when SMS_SCHEDULER_TEST_POSTGRES_URL is set.

use app::models::RecipientStatus;
use chrono::{DateTime, Duration, TimeZone, Utc};
use sms_scheduler_server::domain::ledger_keys::{left_out_key, recipient_key};
use sms_scheduler_server::domain::Encoding;
use sms_scheduler_server::storage::{NewRecipient, RecipientPlace, Store, ROWS_PER_VALUES};

use crate::helpers::temp_sqlite_url;
use crate::ledger::{campaign, submission};
use crate::storage::{drop_postgres, fresh_postgres, POSTGRES_URL_VAR};

const CAMPAIGN: &str = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f";
/// Requests of 500, and one line in ten left out: 4,999 rows, written in three SQLite
/// statements, the last one short.
const REQUESTS: usize = 9;

/// The `n`-th row of the list (on line `n + 2`), each field varying with it.
fn row(n: usize, place: RecipientPlace) -> NewRecipient {
    let in_request = matches!(place, RecipientPlace::InRequest { .. });
    let status = match (in_request, n % 7) {
        (false, _) => RecipientStatus::Excluded,
        (true, 3) => RecipientStatus::Failed,
        (true, _) => RecipientStatus::Pending,
    };
    let at = Utc.with_ymd_and_hms(2026, 12, 7, 8, 0, 0).unwrap() + Duration::minutes(n as i64);
    NewRecipient {
        place,
        line: n as u32 + 2,
        phone: format!("+3361{n:07}"),
        parts: 1 + (n % 3) as u32,
        encoding: if n.is_multiple_of(2) {
            Encoding::Gsm7
        } else {
            Encoding::Ucs2
        },
        send_at: (!n.is_multiple_of(5)).then_some(at),
        marketing: n.is_multiple_of(4),
        status,
        reason: match status {
            RecipientStatus::Excluded => Some(format!("left out, line {n}")),
            RecipientStatus::Failed => Some("the number was refused: \"quoted\", 'é'".to_owned()),
            _ => None,
        },
        warnings: (0..n % 3)
            .map(|w| format!("warning {w} of row {n}"))
            .collect(),
    }
}

async fn every_field_reads_back(url: &str) {
    let store = Store::connect(url).await.unwrap();
    let ids: Vec<String> = (0..REQUESTS)
        .map(|r| format!("0193a5c2-7e4b-7c3d-9f10-{r:012}"))
        .collect();
    let mut rows = Vec::new();
    let mut in_requests: Vec<Vec<String>> = vec![Vec::new(); REQUESTS];
    let mut n = 0;
    while in_requests.last().is_none_or(|numbers| numbers.len() < 500) {
        let place = if n % 10 == 9 {
            RecipientPlace::LeftOut
        } else {
            let request = in_requests.iter().position(|r| r.len() < 500).unwrap();
            in_requests[request].push(format!("+3361{n:07}"));
            RecipientPlace::InRequest {
                submission_id: ids[request].as_str().into(),
                index: in_requests[request].len() as u32 - 1,
            }
        };
        rows.push(row(n, place));
        n += 1;
    }
    // Several of SQLite's statements, the last one short.
    assert!(rows.len() > 2 * ROWS_PER_VALUES && !rows.len().is_multiple_of(ROWS_PER_VALUES));
    let submissions: Vec<_> = ids
        .iter()
        .zip(&in_requests)
        .map(|(id, numbers)| {
            let numbers: Vec<&str> = numbers.iter().map(String::as_str).collect();
            submission(id, CAMPAIGN, &numbers)
        })
        .collect();
    store
        .record_campaign(&campaign(CAMPAIGN, rows.len()), &submissions, &rows)
        .await
        .unwrap();

    let mut read = Vec::new();
    while read.len() < rows.len() {
        let page = store
            .campaign_recipients(CAMPAIGN, None, read.len() as u64, 500)
            .await
            .unwrap();
        assert!(!page.is_empty(), "{} of {} read", read.len(), rows.len());
        read.extend(page);
    }
    assert_eq!(read.len(), rows.len());
    for (written, read) in rows.iter().zip(&read) {
        let id = match &written.place {
            RecipientPlace::InRequest {
                submission_id,
                index,
            } => recipient_key(submission_id, *index as usize),
            RecipientPlace::LeftOut => left_out_key(CAMPAIGN, written.line, &written.phone),
        };
        assert_eq!(read.id, id);
        assert_eq!(read.submission_id.as_deref(), written.submission_id());
        assert_eq!(
            (read.line, &read.phone, read.parts, read.encoding),
            (
                written.line,
                &written.phone,
                written.parts,
                written.encoding
            ),
            "{id}"
        );
        let send_at = read.send_at.as_deref().map(|at| {
            DateTime::parse_from_rfc3339(at)
                .unwrap()
                .with_timezone(&Utc)
        });
        assert_eq!(send_at, written.send_at, "{id}");
        assert_eq!(
            (read.status, &read.reason, &read.warnings),
            (written.status, &written.reason, &written.warnings),
            "{id}"
        );
    }
    let marketing: Vec<(String, i64)> = sqlx::query_as(
        "SELECT phone, marketing FROM recipients WHERE campaign_id = $1 ORDER BY line, phone",
    )
    .bind(CAMPAIGN)
    .fetch_all(store.pool())
    .await
    .unwrap();
    let written: Vec<(String, i64)> = rows
        .iter()
        .map(|r| (r.phone.clone(), i64::from(r.marketing)))
        .collect();
    assert_eq!(marketing, written);
    store.close().await;
}

#[tokio::test]
async fn every_field_of_every_row_reads_back_on_sqlite() {
    every_field_reads_back(&temp_sqlite_url()).await;
}

#[tokio::test]
async fn every_field_of_every_row_reads_back_on_postgres() {
    let Some((url, name)) = fresh_postgres().await else {
        eprintln!("{POSTGRES_URL_VAR} is not set: the PostgreSQL rows test did not run");
        return;
    };
    every_field_reads_back(&url).await;
    drop_postgres(&name).await;
}
