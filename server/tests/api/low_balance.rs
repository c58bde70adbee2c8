//! The navigation's low-balance warning: a provider whose balance would not pay for its last
//! campaign again is named, with both amounts; one with enough credit, or no campaign yet, is not.

use app::models::{Amount, LowBalance, ProviderId, ScheduleReceipt};
use serde_json::json;

use crate::helpers::{numbers, spawn_app_with, test_settings, valid_request};

#[tokio::test]
async fn a_balance_below_the_last_campaigns_cost_is_named() {
    let mut settings = test_settings();
    // 10 recipients at 0.055 EUR: 0.55 EUR a campaign, out of 1.00 EUR.
    settings.sandbox.octopush.initial_balance = 1.0;
    let app = spawn_app_with(settings).await;
    let low: Vec<LowBalance> = app.call("low_balances", json!({})).await.ok();
    assert!(low.is_empty(), "no campaign yet: {low:?}");

    let mut request = valid_request();
    request["recipients"] = json!(numbers(10));
    let receipt: ScheduleReceipt = app.schedule(request).await.ok();
    let low: Vec<LowBalance> = app.call("low_balances", json!({})).await.ok();
    assert_eq!(low.len(), 1, "{low:?}");
    assert_eq!(low[0].balance.provider, ProviderId::Octopush);
    assert_eq!(
        Amount::from_units(low[0].balance.amount),
        Amount::from_units(0.45)
    );
    assert_eq!(
        (low[0].recipients, low[0].cost),
        (10, Amount::from_units(0.55))
    );
    assert_eq!(low[0].campaign_id, receipt.campaign_id);
}

#[tokio::test]
async fn enough_credit_and_simulations_raise_no_warning() {
    let mut settings = test_settings();
    settings.sandbox.octopush.initial_balance = 1.0;
    let app = spawn_app_with(settings).await;
    let mut request = valid_request();
    request["recipients"] = json!(numbers(4));
    app.schedule(request.clone()).await.ok::<ScheduleReceipt>();
    // 0.78 EUR left for a 0.22 EUR campaign; a simulation costs nothing and is not counted.
    request["recipients"] = json!(numbers(30));
    request["options"] = json!({"simulation": true});
    app.schedule(request).await.ok::<ScheduleReceipt>();
    let low: Vec<LowBalance> = app.call("low_balances", json!({})).await.ok();
    assert!(low.is_empty(), "{low:?}");
}
