//! Recipients that stand where their request put it take its status; one moved on its own keeps
//! its own until a move of its request is further along (storage::recipient_moves). Part of the
//! storage suite (SQLite and PostgreSQL).

use app::models::{EventSource, RecipientStatus};
use chrono::Utc;
use sms_scheduler_server::storage::{ReportKey, ReportOutcome, Store};

use crate::ledger::{campaign, recipient, report, submission};
use crate::recipient_counts::counts_agree;

/// Each recipient's status and why, in list order.
async fn standing(store: &Store, campaign: &str) -> Vec<(RecipientStatus, Option<String>)> {
    store
        .campaign_recipients(campaign, None, 0, 100)
        .await
        .unwrap()
        .into_iter()
        .map(|r| (r.status, r.reason))
        .collect()
}

async fn move_request(store: &Store, id: &str, status: RecipientStatus, why: &str) -> u64 {
    store
        .set_submission_recipients(id, status, Some(why), EventSource::Scheduler, Utc::now())
        .await
        .unwrap()
}

async fn report_on(store: &Store, id: &str, status: RecipientStatus) -> ReportOutcome {
    let mut reported = report(ReportKey::RecipientId(id.into()), status, 1);
    reported.detail = Some(format!("{} by report", status.as_str()));
    store.apply_report(&reported).await.unwrap()
}

async fn record(store: &Store, id: &str, request: &str, size: usize) -> Vec<String> {
    let phones: Vec<String> = (0..size).map(|i| format!("+3365{i:07}")).collect();
    let refs: Vec<&str> = phones.iter().map(String::as_str).collect();
    let rows: Vec<_> = phones
        .iter()
        .enumerate()
        .map(|(i, phone)| {
            let index = u32::try_from(i).unwrap();
            recipient(
                Some((request, index)),
                index + 1,
                phone,
                RecipientStatus::Pending,
            )
        })
        .collect();
    store
        .record_campaign(
            &campaign(id, size),
            &[submission(request, id, &refs)],
            &rows,
        )
        .await
        .unwrap();
    (0..size).map(|i| format!("{request}-{i}")).collect()
}

pub async fn request_moves_suite(store: &Store) {
    use RecipientStatus::{Canceled, Delivered, Pending, Scheduled, Sent};
    let ids = record(store, "follow", "follow-s", 4).await;
    assert_eq!(standing(store, "follow").await, vec![(Pending, None); 4]);

    // A report that comes before the request's answer: that recipient goes ahead on its own.
    assert_eq!(
        report_on(store, &ids[0], Delivered).await,
        ReportOutcome::Applied
    );
    assert_eq!(
        move_request(store, "follow-s", Scheduled, "at the provider").await,
        3
    );
    let why = |text: &str| Some(text.to_owned());
    assert_eq!(
        standing(store, "follow").await,
        vec![
            (Delivered, why("delivered by report")),
            (Scheduled, why("at the provider")),
            (Scheduled, why("at the provider")),
            (Scheduled, why("at the provider")),
        ]
    );
    counts_agree(store).await;

    // One sent, then the request canceled: every recipient behind "canceled" is canceled, the
    // delivered one stays delivered.
    assert_eq!(
        report_on(store, &ids[1], Sent).await,
        ReportOutcome::Applied
    );
    assert_eq!(
        report_on(store, &ids[1], Scheduled).await,
        ReportOutcome::Kept
    );
    assert_eq!(
        move_request(store, "follow-s", Canceled, "canceled by bob").await,
        3
    );
    let canceled = (Canceled, why("canceled by bob"));
    assert_eq!(
        standing(store, "follow").await,
        vec![
            (Delivered, why("delivered by report")),
            canceled.clone(),
            canceled.clone(),
            canceled.clone(),
        ]
    );
    // Nothing moves back: not the request, not a recipient.
    assert_eq!(move_request(store, "follow-s", Scheduled, "again").await, 0);
    assert_eq!(report_on(store, &ids[2], Sent).await, ReportOutcome::Kept);
    assert_eq!(standing(store, "follow").await[2], canceled);
    counts_agree(store).await;

    // A move no further than the request's status moves nobody ("accepted" is as far along as
    // "scheduled"); a further one moves those behind it, not one already there on its own.
    let ids = record(store, "ahead", "ahead-s", 3).await;
    assert_eq!(
        move_request(store, "ahead-s", Scheduled, "at the provider").await,
        3
    );
    assert_eq!(
        report_on(store, &ids[0], Sent).await,
        ReportOutcome::Applied
    );
    assert_eq!(
        move_request(store, "ahead-s", RecipientStatus::Accepted, "accepted").await,
        0
    );
    assert_eq!(move_request(store, "ahead-s", Sent, "sent, all").await, 2);
    // The one already sent keeps its own reason.
    let all = (Sent, why("sent, all"));
    assert_eq!(
        standing(store, "ahead").await,
        vec![(Sent, why("sent by report")), all.clone(), all]
    );
    counts_agree(store).await;

    // A request's answer and reports about its recipients at once, many times over: every
    // recipient ends at the furthest, and the counts follow (PostgreSQL runs them side by side).
    for round in 0..5 {
        let (id, request) = (format!("race-{round}"), format!("race-{round}-s"));
        let ids = record(store, &id, &request, 10).await;
        let answer = {
            let (store, request) = (store.clone(), request.clone());
            tokio::spawn(async move { move_request(&store, &request, Scheduled, "answer").await })
        };
        let reports: Vec<_> = ids
            .iter()
            .enumerate()
            .map(|(i, recipient)| {
                let (store, recipient) = (store.clone(), recipient.clone());
                let status = if i % 2 == 0 { Delivered } else { Sent };
                tokio::spawn(async move { report_on(&store, &recipient, status).await })
            })
            .collect();
        answer.await.unwrap();
        for reported in reports {
            assert_eq!(reported.await.unwrap(), ReportOutcome::Applied);
        }
        let statuses: Vec<_> = standing(store, &id)
            .await
            .into_iter()
            .map(|s| s.0)
            .collect();
        let furthest: Vec<_> = (0..10)
            .map(|i| if i % 2 == 0 { Delivered } else { Sent })
            .collect();
        assert_eq!(statuses, furthest, "round {round}");
    }
    counts_agree(store).await;
}
