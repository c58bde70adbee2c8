//! A provider's acceptance recorded in one transaction (`Store::record_acceptance`), with some
//! numbers refused; run by the storage suite on SQLite and on PostgreSQL.

use app::models::{EventSource, RecipientStatus};
use chrono::Utc;
use sms_scheduler_server::domain::ledger_keys::recipient_key;
use sms_scheduler_server::storage::{Acceptance, Store, SubmissionStatus};

use crate::ledger::{campaign, recipient, submission};

pub async fn acceptance_suite(store: &Store) {
    let phones = ["+33611000001", "+33611000002", "+33611000003"];
    let rows: Vec<_> = (0_u32..)
        .zip(phones)
        .map(|(i, phone)| recipient(Some(("acc-s", i)), i + 2, phone, RecipientStatus::Pending))
        .collect();
    store
        .record_campaign(
            &campaign("acc", 3),
            &[submission("acc-s", "acc", &phones)],
            &rows,
        )
        .await
        .unwrap();

    // The provider takes the request but refuses its second number.
    let refused = [(1, "blocked by the operator".to_owned())];
    store
        .record_acceptance(&Acceptance {
            submission_id: "acc-s",
            status: RecipientStatus::Scheduled,
            refused: &refused,
            reference: Some("bulk-acc"),
            total_cost: Some(0.1),
            source: EventSource::Scheduler,
            at: Utc::now(),
        })
        .await
        .unwrap();

    let accepted = store.submission("acc-s").await.unwrap().unwrap();
    assert_eq!(accepted.status, SubmissionStatus::Accepted);
    assert_eq!(accepted.reference.as_deref(), Some("bulk-acc"));
    assert_eq!(accepted.total_cost, Some(0.1));
    let mut counts = store.status_counts("acc").await.unwrap();
    counts.sort_by_key(|(status, _)| status.as_str());
    assert_eq!(
        counts,
        vec![
            (RecipientStatus::Failed, 1),
            (RecipientStatus::Scheduled, 2)
        ]
    );
    let page = store.campaign_recipients("acc", None, 0, 10).await.unwrap();
    let statuses: Vec<_> = page
        .iter()
        .map(|r| (r.phone.as_str(), r.status, r.reason.as_deref()))
        .collect();
    assert_eq!(
        statuses,
        vec![
            ("+33611000001", RecipientStatus::Scheduled, None),
            (
                "+33611000002",
                RecipientStatus::Failed,
                Some("blocked by the operator")
            ),
            ("+33611000003", RecipientStatus::Scheduled, None),
        ]
    );
    // The refused recipient's history: the request handed over, then its own refusal.
    let history = store
        .recipient_history(&recipient_key("acc-s", 1))
        .await
        .unwrap();
    let moves: Vec<_> = history
        .iter()
        .map(|(status, detail, _, _)| (*status, detail.as_deref()))
        .collect();
    assert_eq!(
        moves,
        vec![
            (RecipientStatus::Scheduled, None),
            (RecipientStatus::Failed, Some("blocked by the operator"))
        ]
    );
}

/// Many answers at once, recorded together while the writer is busy: each caller hears its own
/// answer recorded, and the ledger has every one of them as if recorded alone.
pub async fn answers_together_suite(store: &Store) {
    use sms_scheduler_server::exactly_once::answers_together::{AnswersTogether, WaitingAnswer};

    const REQUESTS: usize = 12;
    let mut submissions = Vec::new();
    let mut rows = Vec::new();
    let mut all_phones = Vec::new();
    for r in 0..REQUESTS {
        let phones: Vec<String> = (0..3).map(|i| format!("+336120{r:03}{i:02}")).collect();
        for (i, phone) in (0_u32..).zip(&phones) {
            let id = format!("together-{r}");
            let line = u32::try_from(r * 3).unwrap() + i + 1;
            rows.push(recipient(
                Some((&id, i)),
                line,
                phone,
                RecipientStatus::Pending,
            ));
        }
        all_phones.push(phones);
    }
    for (r, phones) in all_phones.iter().enumerate() {
        let refs: Vec<&str> = phones.iter().map(String::as_str).collect();
        submissions.push(submission(&format!("together-{r}"), "together", &refs));
    }
    store
        .record_campaign(&campaign("together", rows.len()), &submissions, &rows)
        .await
        .unwrap();

    let answers = AnswersTogether::new(store.clone());
    let tasks: Vec<_> = (0..REQUESTS)
        .map(|r| {
            let answers = answers.clone();
            tokio::spawn(async move {
                // Every other request has its first number refused.
                let refused = if r % 2 == 0 {
                    vec![(0, format!("refused in {r}"))]
                } else {
                    Vec::new()
                };
                answers
                    .record(WaitingAnswer {
                        submission_id: format!("together-{r}"),
                        status: RecipientStatus::Scheduled,
                        refused,
                        reference: Some(format!("ref-{r}")),
                        total_cost: None,
                        source: EventSource::Scheduler,
                        at: Utc::now(),
                    })
                    .await
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap().unwrap();
    }
    for r in 0..REQUESTS {
        let recorded = store
            .submission(&format!("together-{r}"))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(recorded.status, SubmissionStatus::Accepted, "request {r}");
        assert_eq!(recorded.reference, Some(format!("ref-{r}")));
    }
    let mut counts = store.status_counts("together").await.unwrap();
    counts.sort_by_key(|(status, _)| status.as_str());
    let refused = (REQUESTS / 2) as u64;
    assert_eq!(
        counts,
        vec![
            (RecipientStatus::Failed, refused),
            (RecipientStatus::Scheduled, (REQUESTS * 3) as u64 - refused)
        ]
    );
    crate::recipient_counts::counts_agree(store).await;
}
