//! Claims on unfinished submissions, part of the storage suite (SQLite and PostgreSQL): of two
//! instances claiming at once each submission goes to one, a claim holds until it lapses or is
//! released, and settled submissions are never claimed.

use app::models::ProviderId;
use chrono::{DateTime, Duration, Utc};
use sms_scheduler_server::storage::{Claim, NewSubmission, Store};
use std::collections::HashSet;

use crate::campaign_list::campaign;

const COUNT: usize = 20;

fn unfinished(id: &str, now: DateTime<Utc>) -> NewSubmission {
    NewSubmission {
        id: id.to_owned(),
        campaign_id: None,
        provider: ProviderId::Octopush,
        idempotency_key: id.to_owned(),
        actor: "alice".into(),
        message_text: "Hello".into(),
        recipients: vec!["+33612345678".into()],
        send_at: None,
        time_zone: None,
        simulation: false,
        created_at: now,
        request_body: Some("{}".into()),
        claim: None,
    }
}

fn claim(holder: &str, until: DateTime<Utc>) -> Claim {
    Claim {
        holder: holder.to_owned(),
        until,
    }
}

/// The ids of this suite's submissions among `claimed`.
async fn claimed_ids(store: &Store, instance: &str, now: DateTime<Utc>) -> HashSet<String> {
    store
        .claim_unfinished(&claim(instance, now + Duration::minutes(2)), now, 100)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.id)
        .filter(|id| id.starts_with("claim-"))
        .collect()
}

pub async fn claims_suite(store: &Store) {
    let now = Utc::now();
    for n in 0..COUNT {
        store
            .insert_submission(&unfinished(&format!("claim-{n}"), now))
            .await
            .unwrap();
    }

    // Two instances at once: every submission claimed, none by both.
    let (a, b) = tokio::join!(
        claimed_ids(store, "instance-a", now),
        claimed_ids(store, "instance-b", now)
    );
    assert!(a.is_disjoint(&b), "claimed twice: {:?}", a.intersection(&b));
    assert_eq!(a.len() + b.len(), COUNT);

    // Held: nobody else gets them, and only the holder renews.
    assert!(claimed_ids(store, "instance-c", now).await.is_empty());
    let (holder, held) = if a.is_empty() {
        ("instance-b", b.iter().next().unwrap().clone())
    } else {
        ("instance-a", a.iter().next().unwrap().clone())
    };
    let later = now + Duration::minutes(5);
    assert!(!store
        .renew_claim(&held, &claim("instance-c", later))
        .await
        .unwrap());
    assert!(store
        .renew_claim(&held, &claim(holder, later))
        .await
        .unwrap());

    // Read before a send: held by the holder until then or later, not by a stranger, and not
    // beyond the renewal's end.
    assert!(store.holds_claim(&held, holder, later).await.unwrap());
    assert!(store.holds_claim(&held, holder, now).await.unwrap());
    assert!(!store.holds_claim(&held, "instance-c", now).await.unwrap());
    assert!(!store
        .holds_claim(&held, holder, later + Duration::seconds(1))
        .await
        .unwrap());

    // A holder renews all it holds at once (other suites' submissions too); a stranger nothing.
    let (mine, others, other_holder) = if holder == "instance-a" {
        (&a, &b, "instance-b")
    } else {
        (&b, &a, "instance-a")
    };
    let renewed = store
        .renew_claims(&claim(other_holder, later))
        .await
        .unwrap();
    assert!(renewed >= others.len() as u64, "{renewed}");
    assert_eq!(
        store
            .renew_claims(&claim("instance-x", later))
            .await
            .unwrap(),
        0
    );

    // Lapsed claims are taken over; the renewed ones are not.
    let taken_over = claimed_ids(store, "instance-c", now + Duration::minutes(3)).await;
    let lapsed: HashSet<String> = mine.iter().filter(|id| **id != held).cloned().collect();
    assert_eq!(taken_over, lapsed);

    // Released: free at once.
    store.release_claim(&held, holder).await.unwrap();
    let released = claimed_ids(store, "instance-d", now + Duration::minutes(3)).await;
    assert_eq!(released, HashSet::from([held.clone()]));

    // Settled: never claimed again.
    store
        .mark_accepted(&held, Some("ticket"), None, now)
        .await
        .unwrap();
    let much_later = claimed_ids(store, "instance-e", now + Duration::hours(1)).await;
    assert_eq!(much_later.len(), COUNT - 1);
    assert!(!much_later.contains(&held));

    recorded_claims_count_from_the_commit(store).await;
}

/// A campaign recorded a part at a time: its submissions, claimed as each part is written, are
/// claimed anew when the recording commits, so a recording longer than a lease does not leave them
/// free to be taken the moment they become visible; and each request reads back as written.
async fn recorded_claims_count_from_the_commit(store: &Store) {
    let now = Utc::now();
    let mut recorded = campaign("claim-campaign", "octopush", "Hello", 0);
    recorded.recipient_count = 1;
    let mut recording = store.start_recording(&recorded).await.unwrap();
    let mut written = unfinished("claim-recorded", now);
    written.campaign_id = Some(recorded.id.clone());
    written.request_body = Some(r#"{"text":"Hello"}"#.into());
    // Written with a claim that lapsed while the rest of the campaign was being written.
    written.claim = Some(claim("instance-r", now - Duration::seconds(1)));
    recording.add(&[written], &[]).await.unwrap();
    recording
        .finish_claimed(&claim("instance-r", now + Duration::minutes(2)))
        .await
        .unwrap();
    assert!(!claimed_ids(store, "instance-s", now)
        .await
        .contains("claim-recorded"));
    // A recording that never commits (an error in a later part, a crash) leaves nothing.
    let mut unfinished_campaign = campaign("claim-unfinished", "octopush", "Hello", 0);
    unfinished_campaign.recipient_count = 1;
    let mut recording = store.start_recording(&unfinished_campaign).await.unwrap();
    let mut part = unfinished("claim-never-recorded", now);
    part.campaign_id = Some(unfinished_campaign.id.clone());
    recording.add(&[part], &[]).await.unwrap();
    drop(recording);
    assert!(store.campaign("claim-unfinished").await.unwrap().is_none());
    assert!(store
        .submission("claim-never-recorded")
        .await
        .unwrap()
        .is_none());
    assert_eq!(
        store.recorded_request("claim-recorded").await.unwrap(),
        Some((
            r#"{"text":"Hello"}"#.to_owned(),
            vec!["+33612345678".to_owned()]
        ))
    );
}

/// When a submission's claim ends, as stored.
async fn claimed_until(store: &Store, id: &str) -> String {
    sqlx::query_scalar("SELECT claimed_until FROM submissions WHERE id = $1")
        .bind(id)
        .fetch_one(store.pool())
        .await
        .unwrap()
}

#[tokio::test]
async fn a_send_reads_a_claim_with_half_a_lease_left_and_renews_a_shorter_one() {
    use sms_scheduler_server::clock::SystemClock;
    use sms_scheduler_server::exactly_once::claim_keeper::KeptClaims;
    use sms_scheduler_server::storage::Claims;
    use std::sync::Arc;

    let store = Store::connect(&crate::helpers::temp_sqlite_url())
        .await
        .unwrap();
    let claims = Claims {
        instance: "instance-h".into(),
        lease: Duration::seconds(120),
    };
    let holder = claims.new_holder();
    let now = Utc::now();
    let mut held = unfinished("held-for-send", now);
    held.claim = Some(claim(&holder, now + Duration::seconds(100)));
    store.insert_submission(&held).await.unwrap();
    let kept = KeptClaims::start(
        store.clone(),
        Arc::new(SystemClock),
        claims.clone(),
        holder.clone(),
    );

    // More than half a lease left: read, not written.
    let before = claimed_until(&store, "held-for-send").await;
    assert!(kept.hold_for_send(&store, "held-for-send").await.unwrap());
    assert_eq!(claimed_until(&store, "held-for-send").await, before);

    // Less: renewed for a whole lease.
    let short = claim(&holder, now + Duration::seconds(30));
    assert!(store.renew_claim("held-for-send", &short).await.unwrap());
    assert!(kept.hold_for_send(&store, "held-for-send").await.unwrap());
    let renewed = claimed_until(&store, "held-for-send").await;
    let renewed = DateTime::parse_from_rfc3339(&renewed).unwrap();
    assert!(renewed >= now + Duration::seconds(119), "{renewed}");

    // Taken by another task once lapsed: not this one's to send, and not taken back.
    let far = now + Duration::days(1);
    let taken = store
        .claim_unfinished(&claim("instance-z", far + Duration::days(1)), far, 10)
        .await
        .unwrap();
    assert_eq!(taken.len(), 1);
    assert!(!kept.hold_for_send(&store, "held-for-send").await.unwrap());
    store.close().await;
}
