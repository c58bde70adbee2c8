//! A campaign longer than one part (about 2,000 recipients) is recorded a part at a time in one
//! transaction, and each batch handed over is read back from the ledger: every provider request
//! carries exactly the numbers recorded under its key, each recipient once, and the recipients
//! left out are recorded beside them.

use app::models::{RecipientStatus, ScheduleReceipt};
use chrono::{DateTime, Utc};
use serde_json::json;
use std::collections::HashMap;

use crate::handover_task::{
    all_accepted, large_campaign_settings, reached_once, request_to, requests_received,
};
use crate::helpers::{opted_out_by_stop, spawn_app_with, TestApp};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_campaign_of_several_parts_is_handed_over_as_recorded() {
    let mut settings = large_campaign_settings();
    settings.sending.submit_concurrency = 4;
    let app = spawn_app_with(settings).await;
    let store = app.store().await;
    // Three of the numbers opted out: they are recorded as left out, in the parts they come in.
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

        carried_as_recorded(&app, provider, &receipt).await;
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_of_two_send_times_filling_across_parts_carry_each_recipient_once() {
    let app = spawn_app_with(large_campaign_settings()).await;
    let store = app.store().await;
    // 10:00 on each recipient's clock: French numbers at 09:00 UTC, British ones at 10:00, one
    // after the other in the list, so that both times' requests fill through several parts.
    let recipients = 4_500;
    let list: Vec<String> = (0..recipients)
        .map(|n| match n % 2 {
            0 => format!("+3361{n:07}"),
            _ => format!("+447400{n:06}"),
        })
        .collect();
    let day = (Utc::now() + chrono::Duration::days(2)).date_naive();
    let mut request = request_to("Octopush", 0);
    request["recipients"] = json!(list.join("\n"));
    request["local_time"] = json!(true);
    request["send_at"] = json!(format!("{day}T10:00"));
    let receipt: ScheduleReceipt = app.schedule(request).await.ok();
    all_accepted("Octopush", &receipt);

    // 2,250 a time: four full requests and one of 250 each, handed over by send time.
    let paris = format!("{day}T09:00:00+00:00");
    let london = format!("{day}T10:00:00+00:00");
    let handed_over: Vec<(String, u32)> = receipt
        .submissions
        .iter()
        .map(|s| {
            let at = s.send_at.as_deref().expect("a send time");
            let at = DateTime::parse_from_rfc3339(at)
                .unwrap()
                .with_timezone(&Utc);
            (at.to_rfc3339(), s.contacts)
        })
        .collect();
    let expected: Vec<(String, u32)> = [(&paris, 5), (&london, 5)]
        .into_iter()
        .flat_map(|(at, requests)| {
            (0..requests).map(move |i| (at.clone(), if i < 4 { 500 } else { 250 }))
        })
        .collect();
    let mut sorted_sizes = handed_over.clone();
    sorted_sizes.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    assert_eq!(sorted_sizes, expected);
    assert!(
        handed_over.windows(2).all(|w| w[0].0 <= w[1].0),
        "handed over by send time: {handed_over:?}"
    );

    // Each request carried what was recorded under its key, numbers of its own time only.
    let carried = carried_as_recorded(&app, "Octopush", &receipt).await;
    for (recorded, (at, _)) in carried.iter().zip(&handed_over) {
        let country = if *at == paris { "+33" } else { "+44" };
        assert!(
            recorded.iter().all(|number| number.starts_with(country)),
            "{at}: {recorded:?}"
        );
    }
    reached_once(&app, "Octopush", recipients);
    let counts = store.status_counts(&receipt.campaign_id).await.unwrap();
    assert_eq!(
        counts,
        vec![(RecipientStatus::Scheduled, recipients as u64)]
    );
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
    // 2,300 of 2,400 opted out: the recipients left out span two parts.
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

/// Each request of `receipt` carried what was recorded under its key; the numbers of each, in
/// the receipt's order.
pub async fn carried_as_recorded(
    app: &TestApp,
    provider: &str,
    receipt: &ScheduleReceipt,
) -> Vec<Vec<String>> {
    let store = app.store().await;
    let received: HashMap<_, _> = requests_received(app, provider).into_iter().collect();
    let mut carried = Vec::new();
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
        carried.push(recorded);
    }
    carried
}
