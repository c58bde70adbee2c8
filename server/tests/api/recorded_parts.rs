//! A campaign longer than one part (about 2,000 recipients) is recorded a part at a time in one
//! transaction, and each batch handed over is read back from the ledger: every provider request
//! carries exactly the numbers recorded under its key, each recipient once, and the recipients
//! left out are recorded beside them.

use app::models::{RecipientStatus, ScheduleReceipt};
use std::collections::HashMap;

use crate::handover_task::{
    all_accepted, large_campaign_settings, reached_once, request_to, requests_received,
};
use crate::helpers::{opted_out_by_stop, spawn_app_with};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_campaign_of_several_parts_is_handed_over_as_recorded() {
    let mut settings = large_campaign_settings();
    settings.sending.submit_concurrency = 4;
    let app = spawn_app_with(settings).await;
    let store = app.store().await;
    // Three of the numbers opted out: they are recorded as left out, in a part of their own.
    let opted_out = ["+33610000007", "+33610002500", "+33610004320"];
    for number in opted_out {
        opted_out_by_stop(&store, number).await;
    }
    let recipients = 4_321;
    // Octopush: 9 requests of up to 500 (parts of 4, 4 and 1); Infobip: 5 of up to 1,000.
    for (provider, requests) in [("Octopush", 9), ("Infobip", 5)] {
        let receipt: ScheduleReceipt = app.schedule(request_to(provider, recipients)).await.ok();
        assert_eq!(receipt.submissions.len(), requests, "{provider}");
        all_accepted(provider, &receipt);
        assert_eq!(receipt.excluded.len(), opted_out.len(), "{provider}");

        let received: HashMap<_, _> = requests_received(&app, provider).into_iter().collect();
        for submission in &receipt.submissions {
            let (_, recorded) = store
                .recorded_request(&submission.submission_id)
                .await
                .unwrap()
                .expect("every request is recorded");
            assert_eq!(
                received.get(&submission.submission_id),
                Some(&recorded),
                "{provider}: request {} carried what was recorded",
                submission.submission_id
            );
        }
        reached_once(&app, provider, recipients - opted_out.len());
        let counts = store.status_counts(&receipt.campaign_id).await.unwrap();
        assert_eq!(
            counts,
            vec![
                (
                    RecipientStatus::Scheduled,
                    (recipients - opted_out.len()) as u64
                ),
                (RecipientStatus::Excluded, opted_out.len() as u64),
            ],
            "{provider}"
        );
    }
}

#[tokio::test]
async fn a_receipt_names_the_first_hundred_left_out_and_counts_the_rest() {
    let app = spawn_app_with(large_campaign_settings()).await;
    let store = app.store().await;
    // `numbers` writes +3361 and the index on seven digits: the first 150 opted out.
    for n in 0..150 {
        opted_out_by_stop(&store, &format!("+3361{n:07}")).await;
    }
    let receipt: ScheduleReceipt = app.schedule(request_to("Octopush", 200)).await.ok();
    assert_eq!(
        (
            receipt.excluded.len(),
            receipt.more_excluded,
            receipt.contacts
        ),
        (100, 50, 50)
    );
    assert_eq!(receipt.excluded[0].number, "+33610000000");
    let counts = store.status_counts(&receipt.campaign_id).await.unwrap();
    assert_eq!(
        counts,
        vec![
            (RecipientStatus::Scheduled, 50),
            (RecipientStatus::Excluded, 150)
        ]
    );
}

#[tokio::test]
async fn recipients_left_out_beyond_one_part_are_all_recorded_with_why() {
    let app = spawn_app_with(large_campaign_settings()).await;
    let store = app.store().await;
    // 2,300 of 2,400 opted out: the recipients left out take two parts (2,000 and 300).
    let left_out = 2_300;
    for n in 0..left_out {
        opted_out_by_stop(&store, &format!("+3361{n:07}")).await;
    }
    let receipt: ScheduleReceipt = app.schedule(request_to("Octopush", 2_400)).await.ok();
    assert_eq!(
        (
            receipt.excluded.len(),
            receipt.more_excluded,
            receipt.contacts
        ),
        (100, 2_200, 100)
    );
    all_accepted("Octopush", &receipt);

    let mut excluded = Vec::new();
    for page in 0..5 {
        let rows = store
            .campaign_recipients(&receipt.campaign_id, None, page * 500, 500)
            .await
            .unwrap();
        for row in rows {
            if row.status == RecipientStatus::Excluded {
                assert!(row.reason.is_some(), "{} left out without why", row.phone);
                excluded.push(row.phone);
            }
        }
    }
    let expected: Vec<String> = (0..left_out).map(|n| format!("+3361{n:07}")).collect();
    excluded.sort();
    assert_eq!(excluded, expected, "every recipient left out, once each");
    assert_eq!(
        store.status_counts(&receipt.campaign_id).await.unwrap(),
        vec![
            (RecipientStatus::Scheduled, 100),
            (RecipientStatus::Excluded, left_out as u64)
        ]
    );
}
