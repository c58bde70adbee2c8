//! A campaign's requests go to the provider `submit_concurrency` at a time, taking their slots
//! in the order they were recorded, and a slot takes the next request as soon as the provider
//! has answered: the answer is recorded meanwhile, by the ledger's one writer, with those of the
//! other slots. At most `BATCHES_UNDER_WAY_PER_SLOT` requests a slot are under way, answered or
//! not. On SQLite only: there the ledger's writes go through one connection, which the test
//! holds (on PostgreSQL they share a pool of several).

use app::models::{Balance, ProviderInfo};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use secrecy::SecretString;
use sms_scheduler_server::clock::{SharedClock, SystemClock};
use sms_scheduler_server::domain::order::SmsOrder;
use sms_scheduler_server::domain::CampaignType;
use sms_scheduler_server::exactly_once::claim_keeper::KeptClaims;
use sms_scheduler_server::exactly_once::handover::{
    Batch, Handover, HandoverLimits, Handovers, BATCHES_UNDER_WAY_PER_SLOT,
};
use sms_scheduler_server::providers::octopush::{OctopushClient, OctopushProvider};
use sms_scheduler_server::providers::{
    Accepted, Lookup, PartPrice, PreparedRequest, ProviderError, SmsProvider,
};
use sms_scheduler_server::storage::{Claims, NewSubmission, Store, SubmissionStatus};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::campaign_list::campaign;
use crate::helpers::temp_sqlite_url;
use crate::storage::submission;

/// A provider that takes every request after a short while, and notes how many were in flight at
/// most and in which order they came. What else a provider does is Octopush's (never called here).
struct Watched {
    octopush: OctopushProvider,
    in_flight: AtomicUsize,
    most_in_flight: AtomicUsize,
    received: Mutex<Vec<String>>,
}

impl Watched {
    fn new() -> Self {
        let client = OctopushClient::new(
            "http://127.0.0.1:9/",
            "login".into(),
            SecretString::from("key".to_owned()),
            Duration::from_secs(1),
        );
        Self {
            octopush: OctopushProvider::new(client, true),
            in_flight: AtomicUsize::new(0),
            most_in_flight: AtomicUsize::new(0),
            received: Mutex::default(),
        }
    }

    fn received(&self) -> Vec<String> {
        self.received.lock().unwrap().clone()
    }
}

#[async_trait]
impl SmsProvider for Watched {
    fn info(&self) -> ProviderInfo {
        self.octopush.info()
    }
    fn part_price(&self, campaign_type: CampaignType) -> Option<PartPrice> {
        self.octopush.part_price(campaign_type)
    }
    fn prepare(&self, order: &SmsOrder, key: &str) -> PreparedRequest {
        self.octopush.prepare(order, key)
    }
    async fn send(&self, request: &PreparedRequest) -> Result<Accepted, ProviderError> {
        let now = self.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
        self.most_in_flight.fetch_max(now, Ordering::SeqCst);
        self.received.lock().unwrap().push(request.key.clone());
        tokio::time::sleep(Duration::from_millis(15)).await;
        self.in_flight.fetch_sub(1, Ordering::SeqCst);
        Ok(Accepted {
            reference: Some(format!("ticket-{}", request.key)),
            contacts: request.contacts,
            sms_needed: None,
            total_cost: None,
            currency: None,
            residual_credit: None,
            rejected: Vec::new(),
        })
    }
    async fn find(&self, key: &str, age: chrono::Duration) -> Result<Lookup, ProviderError> {
        self.octopush.find(key, age).await
    }
    fn repeat_window(&self) -> Option<chrono::Duration> {
        self.octopush.repeat_window()
    }
    async fn balance(&self) -> Result<Balance, ProviderError> {
        self.octopush.balance().await
    }
    async fn cancel(&self, reference: &str) -> Result<(), ProviderError> {
        self.octopush.cancel(reference).await
    }
    async fn reschedule(&self, reference: &str, at: DateTime<Utc>) -> Result<(), ProviderError> {
        self.octopush.reschedule(reference, at).await
    }
    async fn pause(&self, reference: &str) -> Result<(), ProviderError> {
        self.octopush.pause(reference).await
    }
    async fn resume(&self, reference: &str) -> Result<(), ProviderError> {
        self.octopush.resume(reference).await
    }
}

/// Polls `condition` every 5 ms for up to 10 s; whether it came true.
async fn comes_true(condition: impl Fn() -> bool) -> bool {
    for _ in 0..2_000 {
        if condition() {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    condition()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slot_sends_the_next_request_while_its_answer_waits_for_the_ledger() {
    let store = Store::connect(&temp_sqlite_url()).await.unwrap();
    let clock: SharedClock = Arc::new(SystemClock);
    let claims = Claims {
        instance: "slots-test".into(),
        lease: chrono::Duration::seconds(60),
    };
    let holder = claims.new_holder();
    let slots = 2;
    let keys: Vec<String> = (0..12).map(|n| format!("slots-{n:02}")).collect();
    let submissions: Vec<NewSubmission> = keys
        .iter()
        .map(|key| NewSubmission {
            campaign_id: Some("slots-campaign".into()),
            request_body: Some(Arc::from("{}")),
            claim: Some(claims.taken_at(&holder, Utc::now())),
            ..submission(key)
        })
        .collect();
    store
        .record_campaign(
            &campaign("slots-campaign", "octopush", "Slots", 0),
            &submissions,
            &[],
        )
        .await
        .unwrap();

    let provider = Arc::new(Watched::new());
    let limits = HandoverLimits {
        at_once: 1,
        concurrency: slots,
        rate_limit_patience: Duration::from_secs(1),
    };
    let handovers = Handovers::new(store.clone(), clock.clone(), &limits);
    let kept = KeptClaims::start(store.clone(), clock, claims, holder);
    let batches = keys
        .iter()
        .map(|key| Batch {
            key: key.clone(),
            contacts: 2,
            send_at: None,
            due: Utc::now(),
            simulation: false,
        })
        .collect();
    // The ledger's writer is taken: no answer can be recorded until it is let go.
    let writer = store.writes().acquire().await.unwrap();
    let handing_over = tokio::spawn({
        let provider: Arc<dyn SmsProvider> = provider.clone();
        async move {
            handovers
                .run(Handover {
                    provider,
                    batches,
                    claims: kept,
                })
                .await
        }
    });
    let under_way_at_most = slots * BATCHES_UNDER_WAY_PER_SLOT;
    assert!(
        comes_true(|| provider.received().len() >= under_way_at_most).await,
        "expected the slots to go on sending while the answers wait; sent: {:?}",
        provider.received()
    );
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(
        provider.received().len(),
        under_way_at_most,
        "expected no more requests sent while that many answers wait"
    );

    drop(writer);
    let results = handing_over.await.unwrap().unwrap();
    let received = provider.received();
    let mut each_once = received.clone();
    each_once.sort();
    assert_eq!(each_once, keys, "each sent once");
    // Slots are taken in the order recorded: a request takes one only once all but `slots - 1`
    // of those before it have been answered, so it is never sent more than `slots - 1` places
    // early. (It may be sent later than that: it reads its request back and checks its claim in
    // its slot, while the other slots go on.)
    for (place, key) in received.iter().enumerate() {
        let recorded = keys.iter().position(|k| k == key).unwrap();
        assert!(recorded < place + slots, "{key} sent early: {received:?}");
    }
    let most_in_flight = provider.most_in_flight.load(Ordering::SeqCst);
    assert!(
        most_in_flight <= slots,
        "expected at most {slots} requests in flight, saw {most_in_flight}"
    );
    for (result, key) in results.iter().zip(&keys) {
        assert_eq!(
            &result.receipt.submission_id, key,
            "results in the batches' order"
        );
        assert!(result.accepted.is_some(), "{key}");
        let recorded = store.submission(key).await.unwrap().unwrap();
        assert_eq!(recorded.status, SubmissionStatus::Accepted, "{key}");
        assert_eq!(recorded.reference, Some(format!("ticket-{key}")));
    }
}
