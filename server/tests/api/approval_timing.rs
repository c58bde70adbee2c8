//! A campaign the rules would hold is not held when no approval could hand it over in time.

use app::models::{AppError, CampaignPage, Field, Problem, ScheduleReceipt};
use serde_json::json;

use crate::access::call_as;
use crate::approval::{held_over_one, ALICE};
use crate::helpers::{spawn_app_with, valid_request};

#[tokio::test]
async fn a_campaign_no_approval_could_hand_over_in_time_is_not_held() {
    let app = spawn_app_with(held_over_one()).await;
    let mut soon = valid_request();
    let in_three_minutes = chrono::Utc::now() + chrono::Duration::minutes(3);
    soon["send_at"] = json!(in_three_minutes.format("%Y-%m-%dT%H:%M").to_string());
    soon["time_zone"] = json!("UTC");
    // The preview says it before the confirm step, and scheduling refuses it: held, it could
    // only wait past its time for an approval that must come too late.
    for endpoint in ["preview_campaign", "schedule_sms"] {
        let refused = call_as(
            &app,
            ALICE.0,
            ALICE.1,
            endpoint,
            json!({"request": soon, "offset": 0}),
        )
        .await
        .error();
        let AppError::Invalid(errors) = &refused else {
            panic!("{endpoint}: {refused:?}")
        };
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].field, Field::SendAt);
        assert_eq!(
            errors[0].problem,
            Problem::TooSoonForApproval { minutes_needed: 6 },
            "5 minutes' notice and a second's hand-over"
        );
    }
    let list: CampaignPage = call_as(
        &app,
        ALICE.0,
        ALICE.1,
        "list_campaigns",
        json!({"before": null, "filter": {}}),
    )
    .await
    .ok();
    assert!(list.campaigns.is_empty(), "{list:?}");

    // Sent now, it goes as soon as it is approved: held.
    soon["send_at"] = json!("");
    soon["send_now"] = json!(true);
    let receipt: ScheduleReceipt = call_as(
        &app,
        ALICE.0,
        ALICE.1,
        "schedule_sms",
        json!({"request": soon}),
    )
    .await
    .ok();
    assert!(!receipt.held_for_approval.is_empty(), "{receipt:?}");
    assert!(app.octopush_got_nothing());
}
