//! A batch whose recorded request cannot be read back when its turn comes is not sent: the
//! hand-over leaves it to reconciliation, which sends what the ledger holds, once.

use app::models::{Notice, SubmissionOutcome};
use chrono::Utc;
use secrecy::SecretString;
use sms_scheduler_server::clock::{SharedClock, SystemClock};
use sms_scheduler_server::exactly_once::claim_keeper::KeptClaims;
use sms_scheduler_server::exactly_once::handover::{
    Batch, BatchResult, Handover, HandoverLimits, Handovers,
};
use sms_scheduler_server::providers::octopush::{OctopushClient, OctopushProvider};
use sms_scheduler_server::providers::SmsProvider;
use sms_scheduler_server::sandbox::octopush::OctopushSandbox;
use sms_scheduler_server::storage::{Claims, Store};
use std::sync::Arc;
use std::time::Duration;

use crate::helpers::{spawn_standalone_sandbox, temp_sqlite_url};

/// Hands over one batch, recorded under no key of the ledger, with `store`; its result and the
/// sandbox that would have received it.
async fn hand_over_unrecorded(store: Store) -> (BatchResult, OctopushSandbox) {
    let (url, sandbox) = spawn_standalone_sandbox("login", "key").await;
    let client = OctopushClient::new(
        &url,
        "login".into(),
        SecretString::from("key".to_owned()),
        Duration::from_secs(5),
    );
    let provider: Arc<dyn SmsProvider> = Arc::new(OctopushProvider::new(client, true));
    let clock: SharedClock = Arc::new(SystemClock);
    let limits = HandoverLimits {
        at_once: 1,
        concurrency: 1,
        rate_limit_patience: Duration::from_secs(1),
    };
    let handovers = Handovers::new(store.clone(), clock.clone(), &limits);
    let claims = Claims {
        instance: "read-back-test".into(),
        lease: chrono::Duration::seconds(60),
    };
    let holder = claims.new_holder();
    let kept = KeptClaims::start(store, clock, claims, holder);
    let batch = Batch {
        key: "never-recorded".into(),
        contacts: 1,
        send_at: None,
        due: Utc::now(),
        simulation: false,
    };
    let mut results = handovers
        .run(Handover {
            provider,
            batches: vec![batch],
            claims: kept,
        })
        .await
        .unwrap();
    assert_eq!(results.len(), 1);
    (results.remove(0), sandbox)
}

fn left_to_reconciliation(result: &BatchResult) -> bool {
    matches!(
        &result.receipt.outcome,
        SubmissionOutcome::Unknown(why) if **why == Notice::LeftToReconciliation
    ) && result.accepted.is_none()
}

#[tokio::test]
async fn a_batch_missing_from_the_ledger_is_not_sent() {
    let store = Store::connect(&temp_sqlite_url()).await.unwrap();
    let (result, sandbox) = hand_over_unrecorded(store).await;
    assert!(left_to_reconciliation(&result));
    assert!(sandbox.accepted_campaigns().is_empty(), "nothing was sent");
}

#[tokio::test]
async fn a_batch_whose_request_cannot_be_read_is_not_sent() {
    let store = Store::connect(&temp_sqlite_url()).await.unwrap();
    // The database is gone for this process: reading the request back fails.
    store.close().await;
    let (result, sandbox) = hand_over_unrecorded(store).await;
    assert!(left_to_reconciliation(&result));
    assert!(sandbox.accepted_campaigns().is_empty(), "nothing was sent");
}
