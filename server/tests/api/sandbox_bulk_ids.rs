//! The Infobip sandbox takes a `bulkId` once, even when the same request arrives many times at once:
//! a double send by the app must show at the sandbox as a refusal, never as two bulks.

use futures_util::future::join_all;
use serde_json::{json, Value};

use crate::helpers::spawn_standalone_infobip;

/// Concurrent copies of one request.
const COPIES: usize = 50;
/// Destinations per request: validating them keeps each request busy long enough for the copies
/// to overlap, and every round stays within the sandbox's credit (100 × 0.045 EUR a round).
const DESTINATIONS: usize = 100;

fn send_request(bulk_id: &str) -> Value {
    let destinations: Vec<Value> = (0..DESTINATIONS)
        .map(|n| json!({ "to": format!("3361{n:07}"), "messageId": format!("{bulk_id}-{n}") }))
        .collect();
    json!({
        "messages": [{
            "sender": "ACME",
            "destinations": destinations,
            "content": { "text": "Your parcel arrives tomorrow." }
        }],
        "options": { "schedule": { "bulkId": bulk_id } }
    })
}

/// Rounds of concurrent copies, each under its own bulkId: a check-then-insert race shows only
/// when two copies meet between the two steps, so it is given many chances.
const ROUNDS: usize = 20;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_same_bulk_id_sent_many_times_at_once_is_accepted_once() {
    let (url, sandbox) = spawn_standalone_infobip("key").await;
    let http = reqwest::Client::new();
    for round in 0..ROUNDS {
        let body = send_request(&format!("bulk-race-{round}"));
        let answers = join_all((0..COPIES).map(|_| {
            http.post(format!("{url}/sms/3/messages"))
                .header("Authorization", "App key")
                .json(&body)
                .send()
        }))
        .await;

        let mut accepted = 0;
        let mut already_used = 0;
        for answer in answers {
            let answer = answer.expect("the sandbox answers");
            let status = answer.status();
            let text = answer.text().await.unwrap();
            match status.as_u16() {
                200 => accepted += 1,
                400 if text.contains("options.schedule.bulkId")
                    && text.contains("already used") =>
                {
                    already_used += 1
                }
                other => panic!("unexpected answer {other}: {text}"),
            }
        }
        assert_eq!(accepted, 1, "round {round}: one copy accepted");
        assert_eq!(
            already_used,
            COPIES - 1,
            "round {round}: every other copy refused"
        );
    }
    assert_eq!(
        sandbox.bulks().len(),
        ROUNDS,
        "one bulk a round at the sandbox"
    );
}
