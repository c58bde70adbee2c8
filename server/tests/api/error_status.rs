//! Server-function errors over HTTP: a refusal is a 4xx, a fault a 5xx, both with the typed error
//! the browser decodes, and no answer names a provider's URL.

use app::models::{AppError, ScheduleReceipt};
use secrecy::SecretString;
use serde_json::json;

use crate::helpers::{spawn_app, spawn_app_with, test_settings, valid_request};

#[tokio::test]
async fn refusals_are_answered_4xx_with_the_typed_error() {
    let app = spawn_app().await;

    let missing = app
        .call(
            "get_campaign",
            json!({"id": "no-such-campaign", "offset": 0}),
        )
        .await;
    assert_eq!(missing.status, reqwest::StatusCode::NOT_FOUND);
    assert!(matches!(missing.error(), AppError::NotFound(_)));

    let mut request = valid_request();
    request["text"] = json!("");
    let invalid = app.schedule(request).await;
    assert_eq!(invalid.status, reqwest::StatusCode::BAD_REQUEST);
    assert!(matches!(invalid.error(), AppError::Invalid(_)));

    let receipt: ScheduleReceipt = app.schedule(valid_request()).await.ok();
    let pause = app
        .call(
            "operate_campaign",
            json!({"id": receipt.campaign_id, "operation": "Pause"}),
        )
        .await;
    assert_eq!(
        pause.status,
        reqwest::StatusCode::CONFLICT,
        "{}",
        pause.body
    );
    assert!(matches!(pause.error(), AppError::NotAllowed(_)));

    let unreadable = app.call("get_campaign", json!({"id": 12})).await;
    assert_eq!(unreadable.status, reqwest::StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_provider_that_does_not_answer_is_a_5xx_that_does_not_name_its_url() {
    let nothing_listens = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    // Recognisable parts of an account's own base URL.
    let account_path = "acme-private-account";
    let base_url = format!("http://{nothing_listens}/{account_path}");
    let mut settings = test_settings();
    settings.octopush.base_url = base_url.clone();
    settings.octopush.api_login = Some("someone@example.com".into());
    settings.octopush.api_key = Some(SecretString::from("octopush-key".to_owned()));
    settings.infobip.base_url = Some(base_url.clone());
    settings.infobip.api_key = Some(SecretString::from("infobip-key".to_owned()));
    let app = spawn_app_with(settings).await;

    let mut answers = Vec::new();
    for provider in ["Octopush", "Infobip"] {
        let balance = app
            .call("check_balance", json!({ "provider": provider }))
            .await;
        assert_eq!(
            balance.status,
            reqwest::StatusCode::BAD_GATEWAY,
            "{provider}"
        );
        assert!(
            matches!(balance.error(), AppError::Unreachable { .. }),
            "{provider}"
        );
        answers.push(balance);
        let mut request = valid_request();
        request["provider"] = json!(provider);
        answers.push(app.schedule(request).await);
    }
    let campaigns = app
        .call("list_campaigns", json!({"before": null, "filter": {}}))
        .await;
    answers.push(campaigns);
    for answer in &answers {
        for part in [
            base_url.as_str(),
            account_path,
            &nothing_listens.to_string(),
        ] {
            assert!(!answer.body.contains(part), "{part} in {}", answer.body);
        }
    }
}

#[tokio::test]
async fn a_provider_that_asks_to_slow_down_is_a_429_that_passes_its_wait_on() {
    let app = spawn_app().await;
    app.set_faults(json!({"rate_limit_share": 1.0, "retry_after_seconds": 30}))
        .await;
    for provider in ["Octopush", "Infobip"] {
        let balance = app
            .call("check_balance", json!({ "provider": provider }))
            .await;
        assert_eq!(
            balance.status,
            reqwest::StatusCode::TOO_MANY_REQUESTS,
            "{provider}: {}",
            balance.body
        );
        assert_eq!(
            balance.headers.get("retry-after").map(|v| v.as_bytes()),
            Some(&b"30"[..]),
            "{provider}"
        );
        assert!(
            matches!(
                balance.error(),
                AppError::Busy {
                    retry_after_seconds: Some(30),
                    ..
                }
            ),
            "{provider}: {:?}",
            balance.error()
        );
    }
}
