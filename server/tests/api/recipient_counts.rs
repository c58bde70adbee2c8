//! The counts the status views read agree with the recipients themselves, after every kind of
//! write and under concurrent reports (run by the storage suite on SQLite and on PostgreSQL).

use app::models::{EventSource, RecipientStatus};
use chrono::Utc;
use sms_scheduler_server::storage::{ReportKey, Store};
use sqlx::Row;
use std::collections::BTreeMap;

use crate::ledger::{campaign, recipient, report, submission};

type Counts = BTreeMap<(String, String, String), i64>;

async fn counted(store: &Store, sql: &str) -> Counts {
    sqlx::query(sql)
        .fetch_all(store.pool())
        .await
        .unwrap()
        .iter()
        .map(|row| {
            let key = (
                row.get::<String, _>(0),
                row.get::<String, _>(1),
                row.get::<String, _>(2),
            );
            (key, row.get::<i64, _>(3))
        })
        .collect()
}

/// Every campaign's kept counts equal its recipients counted one by one, and none is negative.
pub async fn counts_agree(store: &Store) {
    let kept = counted(
        store,
        "SELECT campaign_id, submission_id, status, recipients FROM recipient_counts WHERE recipients <> 0",
    )
    .await;
    let recounted = counted(
        store,
        "SELECT campaign_id, COALESCE(submission_id, ''), status, COUNT(*) FROM recipients \
         GROUP BY campaign_id, COALESCE(submission_id, ''), status",
    )
    .await;
    assert!(!recounted.is_empty(), "recipients to count");
    assert_eq!(kept, recounted);
}

/// Many reports about the same recipients at once, in every order: each recipient ends at the
/// furthest status reported, and the counts follow.
pub async fn concurrent_reports_suite(store: &Store) {
    let phones: Vec<String> = (0..20).map(|i| format!("+3362{i:07}")).collect();
    let refs: Vec<&str> = phones.iter().map(String::as_str).collect();
    let rows: Vec<_> = phones
        .iter()
        .enumerate()
        .map(|(i, p)| {
            recipient(
                Some(("race-s", i as u32)),
                i as u32 + 1,
                p,
                RecipientStatus::Pending,
            )
        })
        .collect();
    store
        .record_campaign(
            &campaign("race", phones.len()),
            &[submission("race-s", "race", &refs)],
            &rows,
        )
        .await
        .unwrap();
    store
        .set_submission_recipients(
            "race-s",
            RecipientStatus::Scheduled,
            None,
            EventSource::Scheduler,
            Utc::now(),
        )
        .await
        .unwrap();
    // Scheduled recipients: "accepted" is no further, "sent" is, and a final status the furthest.
    let statuses = [
        RecipientStatus::Sent,
        RecipientStatus::Delivered,
        RecipientStatus::Accepted,
        RecipientStatus::Sent,
    ];
    let mut reports = Vec::new();
    for i in 0..phones.len() {
        for (minute, status) in statuses.iter().enumerate() {
            let key = ReportKey::RecipientId(format!("race-s-{i}"));
            let mut sent = report(key, *status, minute as u32);
            sent.detail = Some(format!("{i}-{minute}"));
            reports.push(sent);
        }
    }
    let furthest = statuses
        .iter()
        .max_by_key(|s| s.progress())
        .copied()
        .unwrap();
    let tasks: Vec<_> = reports
        .into_iter()
        .map(|sent| {
            let store = store.clone();
            tokio::spawn(async move { store.apply_report(&sent).await.unwrap() })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    let counts = store.status_counts("race").await.unwrap();
    assert_eq!(counts, vec![(furthest, phones.len() as u64)]);
    counts_agree(store).await;
}

/// Pages of one status are the same whichever way they are read: in list order (a status many
/// are in), through their requests (a status few are in), those left out, and a status no one is in.
pub async fn filtered_pages_suite(store: &Store) {
    // Three requests of 20, their lines interleaved, and two left out.
    let requests = ["pages-a", "pages-b", "pages-c"];
    let mut rows = Vec::new();
    let mut phones: Vec<Vec<String>> = vec![Vec::new(); 3];
    for line in 1..=60_u32 {
        let request = (line % 3) as usize;
        let phone = format!("+3363{line:07}");
        let index = u32::try_from(phones[request].len()).unwrap();
        phones[request].push(phone.clone());
        rows.push(recipient(
            Some((requests[request], index)),
            line,
            &phone,
            RecipientStatus::Pending,
        ));
    }
    for line in [61, 62] {
        let phone = format!("+3364{line:07}");
        rows.push(recipient(None, line, &phone, RecipientStatus::Excluded));
    }
    let submissions: Vec<_> = requests
        .iter()
        .zip(&phones)
        .map(|(id, phones)| {
            let refs: Vec<&str> = phones.iter().map(String::as_str).collect();
            submission(id, "pages", &refs)
        })
        .collect();
    store
        .record_campaign(&campaign("pages", rows.len()), &submissions, &rows)
        .await
        .unwrap();
    for id in requests {
        store
            .set_submission_recipients(
                id,
                RecipientStatus::Scheduled,
                None,
                EventSource::Scheduler,
                Utc::now(),
            )
            .await
            .unwrap();
    }
    // Two delivered, in two requests: 2 of 62 (lines 4 and 59, the second of request b and
    // the twentieth of request c).
    for id in ["pages-b-1", "pages-c-19"] {
        let key = ReportKey::RecipientId(id.into());
        store
            .apply_report(&report(key, RecipientStatus::Delivered, 1))
            .await
            .unwrap();
    }
    let lines = |status, offset, limit| async move {
        store
            .campaign_recipients("pages", Some(status), offset, limit)
            .await
            .unwrap()
            .into_iter()
            .map(|r| {
                assert_eq!(r.status, status);
                r.line
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(lines(RecipientStatus::Delivered, 0, 10).await, vec![4, 59]);
    assert_eq!(lines(RecipientStatus::Delivered, 1, 10).await, vec![59]);
    assert_eq!(lines(RecipientStatus::Excluded, 0, 10).await, vec![61, 62]);
    let scheduled: Vec<u32> = (1..=60).filter(|l| ![4, 59].contains(l)).collect();
    assert_eq!(lines(RecipientStatus::Scheduled, 0, 100).await, scheduled);
    assert_eq!(
        lines(RecipientStatus::Scheduled, 10, 5).await,
        scheduled[10..15]
    );
    assert!(lines(RecipientStatus::Canceled, 0, 10).await.is_empty());
    counts_agree(store).await;
}
