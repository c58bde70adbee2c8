//! The shell and the server functions under a portal's sub-path.

use app::models::ProviderInfo;
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{spawn_app_with, test_settings};

#[tokio::test]
async fn everything_lives_under_the_base_path() {
    let mut settings = test_settings();
    settings.server.base_path = "/tools/sms".into();
    let app = spawn_app_with(settings).await;
    assert!(app.url.ends_with("/tools/sms/"), "{}", app.url);
    let origin = app.url.trim_end_matches("tools/sms/").to_owned();

    for page in ["", "campaigns/42"] {
        let response = app
            .http
            .get(format!("{}{page}", app.url))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{page}");
        assert_eq!(response.headers()["cache-control"], "no-cache");
        let html = response.text().await.unwrap();
        assert!(
            html.contains(r#"name="sms-scheduler-base-path" content="/tools/sms""#),
            "{html}"
        );
    }
    let missing = app
        .http
        .get(format!("{}missing.js", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);

    let providers: Vec<ProviderInfo> = app.call("list_providers", json!({})).await.ok();
    assert_eq!(providers.len(), 2);
    let outside = app
        .http
        .post(format!("{origin}api/list_providers"))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(outside.status(), StatusCode::NOT_FOUND);

    let health = app
        .http
        .get(format!("{}health", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), StatusCode::OK);
    assert_eq!(health.headers()["x-content-type-options"], "nosniff");
}
