//! What the pages poll is not sent again while it has not changed: an answer carries a tag of its
//! bytes, and a call naming that tag is answered `304 Not Modified` without a body, until the
//! campaign changes. The time-zone list is asked for with GET, which the browser's cache keeps
//! and asks about again each time.

use reqwest::header::{ALLOW, CACHE_CONTROL, ETAG, IF_NONE_MATCH};
use reqwest::StatusCode;
use serde_json::{json, Value};

use app::models::ScheduleReceipt;

use crate::helpers::{spawn_app, valid_request, TestApp};

async fn post(
    app: &TestApp,
    endpoint: &str,
    arguments: &Value,
    tag: Option<&str>,
) -> reqwest::Response {
    let mut request = app
        .http
        .post(format!("{}api/{endpoint}", app.url))
        .json(arguments);
    if let Some(tag) = tag {
        request = request.header(IF_NONE_MATCH, tag);
    }
    request.send().await.unwrap()
}

fn tag_of(response: &reqwest::Response) -> String {
    response
        .headers()
        .get(ETAG)
        .expect("a successful answer is tagged")
        .to_str()
        .unwrap()
        .to_owned()
}

/// The first answer (tagged), then the same call naming its tag: not modified, no body.
async fn unchanged_is_not_sent_again(app: &TestApp, endpoint: &str, arguments: &Value) -> String {
    let first = post(app, endpoint, arguments, None).await;
    assert_eq!(first.status(), StatusCode::OK, "{endpoint}");
    let tag = tag_of(&first);
    assert!(!first.bytes().await.unwrap().is_empty());

    let again = post(app, endpoint, arguments, Some(&tag)).await;
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED, "{endpoint}");
    assert_eq!(tag_of(&again), tag);
    assert!(
        again.bytes().await.unwrap().is_empty(),
        "{endpoint}: no body"
    );
    tag
}

#[tokio::test]
async fn a_polled_campaign_and_the_list_are_sent_again_only_once_changed() {
    let app = spawn_app().await;
    let receipt: ScheduleReceipt = app.schedule(valid_request()).await.ok();
    let campaign = json!({"id": receipt.campaign_id, "offset": 0});
    let list = json!({"before": null, "filter": {}});

    let campaign_tag = unchanged_is_not_sent_again(&app, "get_campaign", &campaign).await;
    let list_tag = unchanged_is_not_sent_again(&app, "list_campaigns", &list).await;

    // Another campaign's answer is never taken for the one held.
    let other: ScheduleReceipt = app.schedule(valid_request()).await.ok();
    let other_campaign = json!({"id": other.campaign_id, "offset": 0});
    let answer = post(&app, "get_campaign", &other_campaign, Some(&campaign_tag)).await;
    assert_eq!(answer.status(), StatusCode::OK);
    assert_ne!(tag_of(&answer), campaign_tag);

    // The list has a campaign more; the first campaign, once canceled, has changed.
    let answer = post(&app, "list_campaigns", &list, Some(&list_tag)).await;
    assert_eq!(answer.status(), StatusCode::OK, "a campaign was added");
    let cancel = json!({"id": receipt.campaign_id, "operation": "Cancel"});
    let _: app::models::OperationReport = app.call("operate_campaign", cancel).await.ok();
    let answer = post(&app, "get_campaign", &campaign, Some(&campaign_tag)).await;
    assert_eq!(answer.status(), StatusCode::OK, "the campaign was canceled");
    let new_tag = tag_of(&answer);
    assert_ne!(new_tag, campaign_tag);
    let detail: app::models::CampaignDetail =
        postcard::from_bytes(&answer.bytes().await.unwrap()).unwrap();
    assert_eq!(detail.summary.id, receipt.campaign_id);
    let answer = post(&app, "get_campaign", &campaign, Some(&new_tag)).await;
    assert_eq!(answer.status(), StatusCode::NOT_MODIFIED);

    // An error is not tagged, whatever the call names.
    let missing = json!({"id": "no-such-campaign", "offset": 0});
    let answer = post(&app, "get_campaign", &missing, Some(&campaign_tag)).await;
    assert_eq!(answer.status(), StatusCode::NOT_FOUND);
    assert!(answer.headers().get(ETAG).is_none());
}

#[tokio::test]
async fn the_time_zone_list_is_asked_for_with_get_and_not_sent_again_unchanged() {
    let app = spawn_app().await;
    let url = format!("{}api/list_time_zones", app.url);
    let answer = app
        .http
        .get(&url)
        .header("Sec-Fetch-Site", "same-origin")
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), StatusCode::OK);
    // Kept, but never reused without asking: a new version of the server is never read with
    // an old answer.
    assert_eq!(answer.headers()[CACHE_CONTROL], "no-cache");
    let tag = tag_of(&answer);
    let zones: Vec<app::models::ZoneChoice> =
        postcard::from_bytes(&answer.bytes().await.unwrap()).unwrap();
    assert!(zones.iter().any(|zone| zone.name == "Europe/Paris"));

    let again = app
        .http
        .get(&url)
        .header(IF_NONE_MATCH, &tag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);

    // Another site's page cannot have it read, and a POST is not how it is called.
    let cross = app
        .http
        .get(&url)
        .header("Sec-Fetch-Site", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(cross.status(), StatusCode::FORBIDDEN);
    let posted = app.http.post(&url).json(&json!({})).send().await.unwrap();
    assert_eq!(posted.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(posted.headers()[ALLOW], "GET");
}
