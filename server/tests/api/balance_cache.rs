//! A balance is read from the provider at most once per `balance_cache_seconds`, read anew when
//! the user asks, and after the app hands a campaign over.

use app::models::{Balance, ScheduleReceipt};
use secrecy::ExposeSecret;
use serde_json::json;

use crate::helpers::{spawn_app, spawn_app_with, test_settings, valid_request, TestApp};

async fn balance(app: &TestApp, endpoint: &str) -> f64 {
    let balance: Balance = app
        .call(endpoint, json!({"provider": "Octopush"}))
        .await
        .ok();
    balance.amount
}

/// Another client of the same account sends a campaign: the provider's balance moves without
/// the app knowing.
async fn spend_elsewhere(app: &TestApp) {
    let credentials = app.sandbox.as_ref().unwrap().credentials();
    let sent = reqwest::Client::new()
        .post(format!(
            "{}sandbox/octopush/v1/public/sms-campaign/send",
            app.url
        ))
        .header("api-login", &credentials.api_login)
        .header("api-key", credentials.api_key.expose_secret())
        .json(&json!({
            "text": "Sent by another tool", "recipients": [{"phone_number": "+33612345678"}],
            "type": "sms_premium", "sender": "ACME", "purpose": "alert"
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status(), 201, "{}", sent.text().await.unwrap());
}

#[tokio::test]
async fn the_balance_is_kept_for_a_while_read_anew_on_demand_and_after_a_campaign() {
    let app = spawn_app().await;
    let first = balance(&app, "check_balance").await;
    spend_elsewhere(&app).await;
    assert_eq!(balance(&app, "check_balance").await, first, "kept");

    let now = balance(&app, "refresh_balance").await;
    assert!(now < first, "read anew: {now} after {first}");
    assert_eq!(balance(&app, "check_balance").await, now);

    let _: ScheduleReceipt = app.schedule(valid_request()).await.ok();
    let after = balance(&app, "check_balance").await;
    assert!(after < now, "read after the campaign: {after} after {now}");
}

#[tokio::test]
async fn with_no_time_to_keep_it_every_read_asks_the_provider() {
    let mut settings = test_settings();
    settings.octopush.balance_cache_seconds = 0;
    let app = spawn_app_with(settings).await;
    let first = balance(&app, "check_balance").await;
    spend_elsewhere(&app).await;
    assert!(balance(&app, "check_balance").await < first);
}
