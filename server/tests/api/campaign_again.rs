//! "Schedule this campaign again": a campaign already scheduled comes back as a form for a new
//! campaign, with its list as it was read (placeholder values, time zones, recipients left out
//! included) in line order; a held campaign comes back as the form it was held with; a campaign
//! recorded before lists were kept, with its numbers alone. The refused recipients come back
//! with their values too.

use app::models::{CampaignDraft, CampaignPreview, OperationReport, Role, ScheduleReceipt};
use serde_json::{json, Value};

use crate::access::call_as;
use crate::approval::{alice_schedules, decide, held_over_one, ALICE, BOB};
use crate::helpers::{spawn_app, spawn_app_with, test_settings, valid_request, TestApp};

const TEXT: &str = "Hello {first_name}, your parcel {param1} arrives tomorrow.";

/// A personalised list: a value with a comma, one over two lines, a zone, an opted-out number.
const LIST: &str = "phone;first_name;param1;time_zone\n\
    06 12 34 56 01;Ann;\"A-1, B\";Europe/Paris\n\
    +1 212 555 0102;Bob;B-2;America/New_York\n\
    06 12 34 56 03;\"Zoé\nDupont\";C-3;\n\
    06 12 34 56 04;Dan;D-4;\n";

/// On Infobip, which cancels a scheduled campaign (Octopush cannot).
fn personalised() -> Value {
    let mut request = valid_request();
    request["provider"] = json!("Infobip");
    request["text"] = json!(TEXT);
    request["recipients"] = json!(LIST);
    request
}

/// `count` personalised rows (`+3361…,Name<n>,P<n>`) and the request scheduling them.
fn numbered_rows(count: usize) -> (Vec<String>, Value) {
    let rows: Vec<String> = (0..count)
        .map(|n| format!("+3361{n:07},Name{n},P{n}"))
        .collect();
    let mut request = valid_request();
    request["text"] = json!(TEXT);
    request["recipients"] = json!(format!("phone,first_name,param1\n{}", rows.join("\n")));
    (rows, request)
}

async fn again(app: &TestApp, endpoint: &str, id: &str) -> CampaignDraft {
    app.call(endpoint, json!({"id": id})).await.ok()
}

/// Each recipient's number and text, as the preview of `request` plans them.
async fn texts(app: &TestApp, request: Value) -> Vec<(String, String)> {
    let preview: CampaignPreview = app
        .call("preview_campaign", json!({"request": request, "offset": 0}))
        .await
        .ok();
    preview
        .recipients
        .into_iter()
        .map(|r| (r.number, r.text))
        .collect()
}

#[tokio::test]
async fn a_canceled_campaign_comes_back_with_its_values_zones_and_left_out_recipients() {
    let app = spawn_app().await;
    crate::helpers::opted_out_by_stop(&app.store().await, "+33612345604").await;
    let original = personalised();
    let receipt: ScheduleReceipt = app.schedule(original.clone()).await.ok();
    assert_eq!(receipt.contacts, 3);
    let canceled: OperationReport = app
        .call(
            "operate_campaign",
            json!({"id": receipt.campaign_id, "operation": "Cancel"}),
        )
        .await
        .ok();
    assert!(canceled.refused.is_empty(), "{canceled:?}");

    let draft = again(&app, "campaign_again", &receipt.campaign_id).await;
    assert_eq!(draft.recipients, 4);
    assert_eq!(
        draft.request.recipients,
        "phone,first_name,param1,time_zone\n\
         +33612345601,Ann,\"A-1, B\",Europe/Paris\n\
         +12125550102,Bob,B-2,America/New_York\n\
         +33612345603,\"Zoé\nDupont\",C-3,\n\
         +33612345604,Dan,D-4,"
    );
    assert_eq!(draft.request.text, TEXT);
    assert_eq!(draft.request.sender, "ACME");
    // Still ahead: the send time is kept, never "now".
    assert_eq!(draft.request.send_at, original["send_at"].as_str().unwrap());
    assert!(!draft.request.send_now);

    // Planned again, each recipient gets what the first campaign would have sent them.
    let draft = serde_json::to_value(&draft.request).unwrap();
    assert_eq!(
        texts(&app, draft.clone()).await,
        texts(&app, original).await
    );
    let copy: ScheduleReceipt = app.schedule(draft).await.ok();
    assert_ne!(copy.campaign_id, receipt.campaign_id);
    // The opted-out number is left out again by the new campaign's own rules.
    assert_eq!(copy.contacts, 3);
}

#[tokio::test]
async fn the_refused_recipients_come_back_with_their_values() {
    let mut settings = test_settings();
    // Priced far below Octopush's charge: the credit check passes, then Octopush refuses the
    // 500-recipient request it cannot cover and takes the 100 it can.
    settings.octopush.premium_price = Some(0.001);
    settings.sandbox.octopush.initial_balance = 10.0;
    let app = spawn_app_with(settings).await;
    let (rows, request) = numbered_rows(600);
    let receipt: ScheduleReceipt = app.schedule(request).await.ok();
    assert_eq!(receipt.contacts, 100, "{receipt:?}");

    let draft = again(&app, "refused_again", &receipt.campaign_id).await;
    assert_eq!(draft.recipients, 500);
    assert_eq!(
        draft.request.recipients,
        format!("phone,first_name,param1\n{}", rows[..500].join("\n"))
    );
}

#[tokio::test]
async fn a_rejected_campaign_comes_back_as_the_form_it_was_held_with() {
    let app = spawn_app_with(held_over_one()).await;
    let held = alice_schedules(&app).await.campaign_id;
    let reason = json!({"Reject": {"reason": "Wrong list"}});
    decide(&app, BOB, &held, reason)
        .await
        .ok::<app::models::Approval>();

    let draft: CampaignDraft = call_as(
        &app,
        ALICE.0,
        Role::Sender,
        "campaign_again",
        json!({"id": held}),
    )
    .await
    .ok();
    let form = valid_request();
    assert_eq!(
        draft.request.recipients,
        form["recipients"].as_str().unwrap()
    );
    assert_eq!(draft.recipients, 2);
    assert_eq!(draft.request.send_at, form["send_at"].as_str().unwrap());
}

#[tokio::test]
async fn a_list_of_several_parts_comes_back_whole_and_one_missing_a_part_as_numbers() {
    let mut settings = test_settings();
    settings.sandbox.octopush.initial_balance = 1000.0;
    let app = spawn_app_with(settings).await;
    // 2,500 recipients: two parts of the recording, each with its own kept list.
    let (rows, request) = numbered_rows(2500);
    let receipt: ScheduleReceipt = app.schedule(request).await.ok();
    let store = app.store().await;
    let parts: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM campaign_list_parts")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert!(parts >= 2, "{parts} parts");

    let draft = again(&app, "campaign_again", &receipt.campaign_id).await;
    assert_eq!(draft.recipients, 2500);
    assert_eq!(
        draft.request.recipients,
        format!("phone,first_name,param1\n{}", rows.join("\n"))
    );

    // A part gone: the list would lack its recipients, so the numbers come alone, all of them.
    sqlx::query("DELETE FROM campaign_list_parts WHERE part = 0")
        .execute(store.writes())
        .await
        .unwrap();
    let draft = again(&app, "campaign_again", &receipt.campaign_id).await;
    assert_eq!(draft.recipients, 2500);
    let numbers: Vec<&str> = rows.iter().map(|row| &row[..12]).collect();
    assert_eq!(draft.request.recipients, numbers.join("\n"));
}

#[tokio::test]
async fn a_campaign_recorded_before_lists_were_kept_comes_back_with_its_numbers() {
    let app = spawn_app().await;
    let receipt: ScheduleReceipt = app.schedule(personalised()).await.ok();
    let store = app.store().await;
    sqlx::query("DELETE FROM campaign_list_parts")
        .execute(store.writes())
        .await
        .unwrap();

    let draft = again(&app, "campaign_again", &receipt.campaign_id).await;
    assert_eq!(
        draft.request.recipients,
        "+33612345601\n+12125550102\n+33612345603\n+33612345604"
    );
    assert_eq!(draft.recipients, 4);
    let missing = app.call("campaign_again", json!({"id": "no-such"})).await;
    assert_eq!(missing.status, reqwest::StatusCode::NOT_FOUND);
}
