//! Inputs meant to hurt: large lists keep the server answering, an oversized body is refused with
//! 413 before it is read, and the answer's size does not grow with repeated numbers.

use app::models::CampaignPreview;
use serde_json::json;
use std::time::{Duration, Instant};

use crate::helpers::{spawn_app, valid_request};

const LIST_BYTES: usize = 10 * 1024 * 1024;

/// One number on every line, ten megabytes of it.
fn repeated_number_request() -> serde_json::Value {
    let line = "+33612345678\n";
    let mut request = valid_request();
    request["recipients"] = json!(line.repeat(LIST_BYTES / line.len()));
    request
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_keeps_answering_while_four_large_lists_are_read() {
    let app = spawn_app().await;
    let body =
        serde_json::to_vec(&json!({"request": repeated_number_request(), "offset": 0})).unwrap();
    let previews: Vec<_> = (0..4)
        .map(|_| {
            let (http, url, body) = (app.http.clone(), app.url.clone(), body.clone());
            tokio::spawn(async move {
                let response = http
                    .post(format!("{url}api/preview_campaign"))
                    .header("content-type", "application/json")
                    .body(body)
                    .send()
                    .await
                    .unwrap();
                assert!(response.status().is_success(), "{}", response.status());
                response.bytes().await.unwrap()
            })
        })
        .collect();

    let mut latencies = Vec::new();
    while previews.iter().any(|p| !p.is_finished()) {
        let asked = Instant::now();
        let health = app
            .http
            .get(format!("{}health", app.url))
            .send()
            .await
            .unwrap();
        assert!(health.status().is_success());
        latencies.push(asked.elapsed());
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    for preview in previews {
        let answer = preview.await.unwrap();
        // One recipient and a count of the rest, not a list of 800,000 duplicates.
        assert!(answer.len() < 64 * 1024, "{} bytes", answer.len());
        let preview: CampaignPreview = postcard::from_bytes(&answer).unwrap();
        let lines = (LIST_BYTES / "+33612345678\n".len()) as u64;
        assert_eq!(preview.total, 1);
        assert_eq!(
            preview.duplicates.len() as u64 + preview.more_duplicates,
            lines - 1
        );
    }
    latencies.sort();
    assert!(latencies.len() >= 3, "the previews took some time");
    let median = latencies[latencies.len() / 2];
    let slowest = latencies[latencies.len() - 1];
    assert!(
        median < Duration::from_millis(100) && slowest < Duration::from_secs(1),
        "/health answered in {latencies:?}"
    );
}

#[tokio::test]
async fn an_oversized_body_is_refused_with_413_before_it_is_read() {
    let app = spawn_app().await;
    let too_large = vec![b' '; 49 * 1024 * 1024];
    let response = app
        .http
        .post(format!("{}api/preview_campaign", app.url))
        .header("content-type", "application/json")
        .body(too_large)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), reqwest::StatusCode::PAYLOAD_TOO_LARGE);
}
