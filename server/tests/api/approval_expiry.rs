//! A held campaign whose send time passes with no decision is closed as expired: nothing is
//! sent, it no longer counts as awaiting approval, and its history says who closed it.

use app::models::{AppError, Approval, CampaignActionKind, CampaignState, Refusal};
use serde_json::json;

use crate::access::call_as;
use crate::approval::{
    alice_schedules, decide, detail_for, held_over_one, listed_for_bob, ALICE, BOB,
};
use crate::helpers::{valid_request, TestApp};
use crate::reconciliation::app_on_test_clock;

async fn awaiting_for_bob(app: &TestApp) -> u64 {
    call_as(app, BOB.0, BOB.1, "awaiting_approval", json!({}))
        .await
        .ok()
}

#[tokio::test]
async fn a_held_campaign_past_its_send_time_expires_and_nothing_is_sent() {
    let (app, clock) = app_on_test_clock(held_over_one()).await;
    let timed = alice_schedules(&app).await.campaign_id;
    // Held to go as soon as approved: no send time to pass.
    let mut at_once = valid_request();
    at_once["send_at"] = json!("");
    at_once["send_now"] = json!(true);
    let at_once: app::models::ScheduleReceipt = call_as(
        &app,
        ALICE.0,
        ALICE.1,
        "schedule_sms",
        json!({"request": at_once}),
    )
    .await
    .ok();
    let at_once = at_once.campaign_id;
    assert_eq!(awaiting_for_bob(&app).await, 2);

    // Before its time, a pass leaves it awaiting.
    app.held_expiry.run_once().await.unwrap();
    let state = |app, id| async move { detail_for(app, ALICE, id).await.summary.state() };
    assert_eq!(state(&app, &timed).await, CampaignState::AwaitingApproval);

    // The app's clock (nothing went to the sandbox, whose clock a portal's user may not move).
    clock.advance(chrono::Duration::hours(48));
    app.held_expiry.run_once().await.unwrap();
    let detail = detail_for(&app, ALICE, &timed).await;
    assert_eq!(detail.summary.approval, Approval::Expired);
    assert_eq!(detail.summary.state(), CampaignState::Expired);
    assert!(detail.decisions.is_empty(), "{:?}", detail.decisions);
    let closed = detail.actions.last().unwrap();
    assert_eq!(
        (closed.actor.as_str(), closed.action),
        ("server", CampaignActionKind::Expire)
    );
    // Said once: a later pass finds nothing more to close.
    assert!(app.held_expiry.run_once().await.unwrap().is_empty());
    let expiries = detail_for(&app, ALICE, &timed).await.actions;
    let expiries = expiries
        .iter()
        .filter(|a| a.action == CampaignActionKind::Expire);
    assert_eq!(expiries.count(), 1);

    let approve = decide(&app, BOB, &timed, json!("Approve")).await;
    assert_eq!(
        approve.error(),
        AppError::NotAllowed(Refusal::NotAwaitingApproval(Approval::Expired))
    );
    assert_eq!(state(&app, &at_once).await, CampaignState::AwaitingApproval);
    assert_eq!(awaiting_for_bob(&app).await, 1);
    assert_eq!(
        listed_for_bob(&app, CampaignState::Expired).await,
        vec![timed]
    );
    assert_eq!(
        listed_for_bob(&app, CampaignState::AwaitingApproval).await,
        vec![at_once]
    );
    assert!(app.octopush_got_nothing());
}
