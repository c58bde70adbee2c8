//! Server functions answer only what the app's own pages send: another origin's page, a form or a
//! `text/plain` body (which browsers send across origins without asking), and a GET are refused
//! before any work, and nothing reaches a provider.

use serde_json::json;

use crate::helpers::{spawn_app, valid_request};

#[tokio::test]
async fn requests_other_pages_could_send_are_refused_and_do_nothing() {
    let app = spawn_app().await;
    let url = format!("{}api/schedule_sms", app.url);
    let body = json!({ "request": valid_request() }).to_string();
    let client = reqwest::Client::new();

    let forged = client
        .post(&url)
        .header("Origin", "http://evil.test")
        .header("Content-Type", "application/json")
        .body(body.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), reqwest::StatusCode::FORBIDDEN);
    let cross_site = client
        .post(&url)
        .header("Sec-Fetch-Site", "cross-site")
        .header("Content-Type", "application/json")
        .body(body.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(cross_site.status(), reqwest::StatusCode::FORBIDDEN);
    let plain = client
        .post(&url)
        .header("Content-Type", "text/plain")
        .body(body.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(plain.status(), reqwest::StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let form = client
        .post(&url)
        .form(&[("request", body.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(form.status(), reqwest::StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let link = client
        .get(format!("{}api/list_campaigns", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(link.status(), reqwest::StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(link.headers()["allow"], "POST");
    assert!(app.octopush_got_nothing());

    // The app's own page: its origin is the host it called.
    let host = app.url.trim_start_matches("http://").trim_end_matches('/');
    let own = client
        .post(&url)
        .header("Origin", format!("http://{host}"))
        .header("Content-Type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    assert!(own.status().is_success(), "{}", own.status());
    assert!(!app.octopush_got_nothing());
}
