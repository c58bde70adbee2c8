//! Answers worth compressing come in gzip to a browser that takes it, and decode to the same
//! bytes; small ones and clients that do not ask come as they are.

use reqwest::header::{ACCEPT_ENCODING, CONTENT_ENCODING};
use serde_json::json;
use std::io::Read;

use app::models::ScheduleReceipt;

use crate::handover_task::{large_campaign_settings, request_to};
use crate::helpers::{spawn_app_with, TestApp};

async fn post(app: &TestApp, endpoint: &str, gzip: bool) -> reqwest::Response {
    let mut request = reqwest::Client::new()
        .post(format!("{}api/{endpoint}", app.url))
        .json(&json!({}));
    if gzip {
        request = request.header(ACCEPT_ENCODING, "gzip, deflate, br");
    }
    request.send().await.unwrap()
}

async fn get(app: &TestApp, path: &str, gzip: bool) -> reqwest::Response {
    let mut request = reqwest::Client::new().get(format!("{}{path}", app.url));
    if gzip {
        request = request.header(ACCEPT_ENCODING, "gzip");
    }
    request.send().await.unwrap()
}

fn encoding(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get(CONTENT_ENCODING)
        .map(|v| v.to_str().unwrap().to_owned())
}

/// The body of a gzip answer, decoded, and its size as sent.
async fn gunzip(response: reqwest::Response) -> (Vec<u8>, usize) {
    assert!(response.status().is_success(), "{}", response.status());
    assert_eq!(encoding(&response).as_deref(), Some("gzip"));
    let sent = response.bytes().await.unwrap();
    let mut decoded = Vec::new();
    flate2::read::GzDecoder::new(&sent[..])
        .read_to_end(&mut decoded)
        .unwrap();
    (decoded, sent.len())
}

#[tokio::test]
async fn large_answers_come_compressed_and_decode_to_the_same_bytes() {
    let app = spawn_app_with(large_campaign_settings()).await;

    // The time-zone list (the app asks for it with GET): several kilobytes.
    let plain = get(&app, "api/list_time_zones", false).await;
    assert_eq!(encoding(&plain), None, "not asked for: not compressed");
    let plain = plain.bytes().await.unwrap();
    let (decoded, sent) = gunzip(get(&app, "api/list_time_zones", true).await).await;
    assert_eq!(decoded, plain);
    assert!(
        sent * 2 < plain.len(),
        "{sent} B sent for {} B",
        plain.len()
    );

    // A small answer is not worth it.
    let small = post(&app, "who_am_i", true).await;
    assert!(small.status().is_success());
    assert_eq!(encoding(&small), None);

    // A campaign's export.
    let receipt: ScheduleReceipt = app.schedule(request_to("Octopush", 300)).await.ok();
    let path = format!("export/campaigns/{}/recipients.csv", receipt.campaign_id);
    let plain = get(&app, &path, false).await.bytes().await.unwrap();
    let (decoded, sent) = gunzip(get(&app, &path, true).await).await;
    assert_eq!(decoded, plain);
    assert!(String::from_utf8(decoded).unwrap().lines().count() > 300);
    assert!(
        sent * 2 < plain.len(),
        "{sent} B sent for {} B",
        plain.len()
    );
}
