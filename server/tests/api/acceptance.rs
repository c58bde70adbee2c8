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
