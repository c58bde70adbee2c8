//! The shell and the server functions under a portal's sub-path.

use app::models::ProviderInfo;
use reqwest::StatusCode;
use serde_json::json;
use sms_scheduler_server::domain::Purpose;

use crate::helpers::{spawn_app_with, test_settings, Answer};

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

#[tokio::test]
async fn the_page_may_be_framed_only_by_the_configured_portal() {
    let mut settings = test_settings();
    settings.server.frame_ancestors = "https://portal.example.com".into();
    let app = spawn_app_with(settings).await;
    let response = app.http.get(&app.url).send().await.unwrap();
    let policy = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        policy.ends_with("frame-ancestors https://portal.example.com"),
        "{policy}"
    );
    assert!(policy.contains("default-src 'self'"), "{policy}");

    let mut framed_by_nobody = test_settings();
    framed_by_nobody.server.frame_ancestors = "https://a.example; script-src *".into();
    match sms_scheduler_server::startup::Application::build(framed_by_nobody).await {
        Err(error) => assert!(error.to_string().contains("frame_ancestors"), "{error}"),
        Ok(_) => panic!("a policy-breaking origin was accepted"),
    }
}

#[tokio::test]
async fn the_settings_say_what_is_in_force_and_never_a_secret() {
    let mut settings = test_settings();
    settings.server.frame_ancestors = "https://portal.example.com".into();
    settings.auth.mode = Some("trusted_header".into());
    settings.auth.user_header = Some("X-Forwarded-User".into());
    settings.auth.trusted_proxies = "127.0.0.1 ::1".into();
    settings.auth.roles.default = Some("viewer".into());
    let app = spawn_app_with(settings).await;
    let answer = Answer::read(
        app.http
            .post(format!("{}api/read_settings", app.url))
            .header("X-Forwarded-User", "victor")
            .json(&json!({}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let shown: app::models::ServerSettings = answer.ok();
    let backend = if app.database_url.starts_with("postgres") {
        "PostgreSQL"
    } else {
        "SQLite"
    };
    assert_eq!(shown.database, backend);
    assert_eq!(shown.frame_ancestors, ["https://portal.example.com"]);
    assert_eq!(shown.identity_header.as_deref(), Some("X-Forwarded-User"));
    assert!(shown.sandbox);
    assert!(shown.providers.iter().all(|p| p.sandbox));
    assert!(shown
        .policies
        .iter()
        .any(|p| p.countries == Some(vec!["FR".into()]) && p.purpose == Purpose::Marketing));
    assert!(
        !answer.body.to_lowercase().contains("key"),
        "{}",
        answer.body
    );
}

#[tokio::test]
async fn the_sandbox_clock_moves_forward_from_the_browser() {
    let app = spawn_app_with(test_settings()).await;
    let before: app::models::SandboxClockView =
        app.call("read_sandbox_clock", json!({})).await.ok();
    assert_eq!(before.offset_seconds, 0);
    let moved: app::models::SandboxClockView = app
        .call("advance_sandbox_clock", json!({"seconds": 3600}))
        .await
        .ok();
    assert_eq!(moved.offset_seconds, 3600);
    match app
        .call("advance_sandbox_clock", json!({"seconds": -5}))
        .await
        .error()
    {
        app::models::AppError::NotAllowed(why) => assert!(
            matches!(why, app::models::Refusal::ClockStepOutOfRange { .. }),
            "{why:?}"
        ),
        other => panic!("expected a refusal, got {other:?}"),
    }
}
