//! Four-eyes approval end to end: a campaign the rules hold reaches the provider only once
//! another person approves it; rejected or withdrawn, nothing is sent; the approval is refused
//! too close to the send time; approving plans the campaign again as things are then.

use app::models::{
    AppError, Approval, ApprovalReason, AuditAction, AuditOutcome, CampaignActionKind,
    CampaignDetail, CampaignPage, CampaignPreview, CampaignState, DecisionKind, Notice,
    OperationKind, RecipientStatus, Refusal, Right, Role, ScheduleReceipt,
};
use serde_json::{json, Value};
use sms_scheduler_server::configuration::{ApprovalRuleSettings, Settings};

use crate::access::{behind_portal, call_as, THE_TESTS_ARE_THE_PROXY};
use crate::audit::{summary, trail};
use crate::helpers::{spawn_app_with, valid_request, Answer, TestApp};
use crate::reconciliation::app_on_test_clock;

/// Behind a portal, with campaigns of more than one recipient held for approval.
pub fn held_over_one() -> Settings {
    let mut settings = behind_portal(THE_TESTS_ARE_THE_PROXY);
    settings.approval.rules = vec![ApprovalRuleSettings {
        more_recipients_than: Some(1),
        ..Default::default()
    }];
    settings
}

pub async fn alice_schedules(app: &TestApp) -> ScheduleReceipt {
    call_as(
        app,
        "alice",
        Role::Sender,
        "schedule_sms",
        json!({"request": valid_request()}),
    )
    .await
    .ok()
}

pub async fn decide(app: &TestApp, who: (&str, Role), id: &str, decision: Value) -> Answer {
    call_as(
        app,
        who.0,
        who.1,
        "decide_approval",
        json!({"id": id, "decision": decision}),
    )
    .await
}

pub async fn detail_for(app: &TestApp, who: (&str, Role), id: &str) -> CampaignDetail {
    call_as(
        app,
        who.0,
        who.1,
        "get_campaign",
        json!({"id": id, "offset": 0}),
    )
    .await
    .ok()
}

pub const ALICE: (&str, Role) = ("alice", Role::Sender);
pub const BOB: (&str, Role) = ("bob", Role::Approver);

/// The ids of the campaigns in `state`, as an approver lists them, sorted: which campaigns,
/// whatever the order of two made in the same instant.
pub async fn listed_for_bob(app: &TestApp, state: CampaignState) -> Vec<String> {
    let page: CampaignPage = call_as(
        app,
        BOB.0,
        BOB.1,
        "list_campaigns",
        json!({"before": null, "filter": {"state": state}}),
    )
    .await
    .ok();
    let mut ids: Vec<String> = page.campaigns.into_iter().map(|c| c.id).collect();
    ids.sort();
    ids
}

fn refusal_of(detail: &CampaignDetail, decision: DecisionKind) -> Option<Refusal> {
    detail
        .decisions
        .iter()
        .find(|d| d.decision == decision)
        .expect("the decision is listed")
        .refused_because
        .clone()
}

#[tokio::test]
async fn a_held_campaign_reaches_the_provider_only_once_another_person_approves_it() {
    let app = spawn_app_with(held_over_one()).await;
    let held = [ApprovalReason::MoreRecipientsThan { limit: 1, count: 2 }];
    // The preview (and so the confirm step) says so before anything is scheduled.
    let preview: CampaignPreview = call_as(
        &app,
        ALICE.0,
        ALICE.1,
        "preview_campaign",
        json!({"request": valid_request(), "offset": 0}),
    )
    .await
    .ok();
    assert_eq!(preview.held_for_approval, held);
    let receipt = alice_schedules(&app).await;
    assert_eq!(receipt.held_for_approval, held);
    assert_eq!(receipt.contacts, 0);
    // What goes once approved: the receipt says it, not the zero handed over.
    assert_eq!((receipt.to_send, receipt.planned_parts), (2, 2));
    assert!(app.octopush_got_nothing());
    let id = receipt.campaign_id.as_str();

    let seen_by_alice = detail_for(&app, ALICE, id).await;
    assert_eq!(
        seen_by_alice.summary.state(),
        CampaignState::AwaitingApproval
    );
    assert_eq!(seen_by_alice.approval_reasons, receipt.held_for_approval);
    assert!(seen_by_alice.recipients.is_empty());
    for operation in &seen_by_alice.operations {
        assert_eq!(operation.refused_because, Some(Refusal::AwaitingApproval));
    }
    assert_eq!(
        refusal_of(&seen_by_alice, DecisionKind::Approve),
        Some(Refusal::OwnCampaign)
    );
    assert_eq!(refusal_of(&seen_by_alice, DecisionKind::Withdraw), None);
    let seen_by_bob = detail_for(&app, BOB, id).await;
    assert_eq!(refusal_of(&seen_by_bob, DecisionKind::Approve), None);
    let seen_by_viewer = detail_for(&app, ("vera", Role::Viewer), id).await;
    assert_eq!(
        refusal_of(&seen_by_viewer, DecisionKind::Approve),
        Some(Refusal::NoRight {
            role: Role::Viewer,
            right: Right::Approve
        })
    );

    let awaiting = |who: (&'static str, Role)| {
        let app = &app;
        async move {
            call_as(app, who.0, who.1, "awaiting_approval", json!({}))
                .await
                .ok::<u64>()
        }
    };
    assert_eq!(awaiting(BOB).await, 1);
    assert_eq!(awaiting(ALICE).await, 0, "a sender approves nothing");
    let preview: CampaignPreview = call_as(
        &app,
        BOB.0,
        BOB.1,
        "held_preview",
        json!({"id": id, "offset": 0}),
    )
    .await
    .ok();
    assert_eq!((preview.total, preview.to_send), (2, 2));

    // Alice cannot approve her own, nor cancel what is not at the provider.
    let own = decide(&app, ("alice", Role::Admin), id, json!("Approve")).await;
    assert_eq!(own.error(), AppError::NotAllowed(Refusal::OwnCampaign));
    let cancel = call_as(
        &app,
        ALICE.0,
        ALICE.1,
        "operate_campaign",
        json!({"id": id, "operation": "Cancel"}),
    )
    .await;
    assert_eq!(
        cancel.error(),
        AppError::NotAllowed(Refusal::AwaitingApproval)
    );
    assert!(app.octopush_got_nothing());

    let approved: Approval = decide(&app, BOB, id, json!("Approve")).await.ok();
    assert_eq!(approved, Approval::Approved);
    assert_eq!(app.octopush_campaigns(), 1);
    let again = decide(&app, ("carol", Role::Admin), id, json!("Approve")).await;
    assert_eq!(
        again.error(),
        AppError::NotAllowed(Refusal::NotAwaitingApproval(Approval::Approved))
    );
    assert_eq!(app.octopush_campaigns(), 1, "approved once, sent once");

    let detail = detail_for(&app, ALICE, id).await;
    assert_eq!(detail.summary.approval, Approval::Approved);
    assert_eq!(detail.summary.count(RecipientStatus::Scheduled), 2);
    assert!(detail.decisions.is_empty());
    let actions: Vec<(&str, CampaignActionKind)> = detail
        .actions
        .iter()
        .map(|a| (a.actor.as_str(), a.action))
        .collect();
    assert_eq!(
        actions,
        [
            ("alice", CampaignActionKind::Schedule),
            ("bob", CampaignActionKind::Decision(DecisionKind::Approve))
        ]
    );
    let cancel = detail
        .operations
        .iter()
        .find(|o| o.operation == OperationKind::Cancel)
        .unwrap();
    assert_eq!(cancel.refused_because, None, "at the provider now");
    let trail = trail(&app, json!({"campaign_id": id})).await;
    assert!(summary(&trail).contains(&("bob", AuditAction::Approve, AuditOutcome::Done)));
    assert_eq!(awaiting(BOB).await, 0);
}

#[tokio::test]
async fn rejected_or_withdrawn_nothing_is_sent_and_a_rejection_says_why() {
    let app = spawn_app_with(held_over_one()).await;
    let rejected = alice_schedules(&app).await.campaign_id;
    let withdrawn = alice_schedules(&app).await.campaign_id;
    let list = |state| listed_for_bob(&app, state);
    let mut both = [withdrawn.clone(), rejected.clone()];
    both.sort();
    assert_eq!(list(CampaignState::AwaitingApproval).await, both);

    let no_reason = decide(&app, BOB, &rejected, json!({"Reject": {"reason": "  "}})).await;
    assert_eq!(
        no_reason.error(),
        AppError::NotAllowed(Refusal::RejectionReasonNeeded { max: 500 })
    );
    let reason = json!({"Reject": {"reason": " Wrong list "}});
    let done: Approval = decide(&app, BOB, &rejected, reason).await.ok();
    assert_eq!(done, Approval::Rejected);
    let detail = detail_for(&app, ALICE, &rejected).await;
    // Said as rejected, not "finished": nothing went.
    assert_eq!(detail.summary.state(), CampaignState::Rejected);
    let rejection = detail.actions.last().unwrap();
    assert_eq!(
        (
            rejection.actor.as_str(),
            rejection.action,
            rejection.detail.clone()
        ),
        (
            "bob",
            CampaignActionKind::Decision(DecisionKind::Reject),
            Some(Notice::Words("Wrong list".into()))
        )
    );
    let late = decide(&app, BOB, &rejected, json!("Approve")).await;
    assert_eq!(
        late.error(),
        AppError::NotAllowed(Refusal::NotAwaitingApproval(Approval::Rejected))
    );

    let viewer = decide(&app, ("vera", Role::Viewer), &withdrawn, json!("Withdraw")).await;
    assert_eq!(
        viewer.error(),
        AppError::Forbidden(Refusal::NoRight {
            role: Role::Viewer,
            right: Right::OperateOwn
        })
    );
    let other_sender = decide(&app, ("dan", Role::Sender), &withdrawn, json!("Withdraw")).await;
    assert!(matches!(
        other_sender.error(),
        AppError::Forbidden(Refusal::NotYourCampaign { .. })
    ));
    let done: Approval = decide(&app, ALICE, &withdrawn, json!("Withdraw"))
        .await
        .ok();
    assert_eq!(done, Approval::Withdrawn);
    let late = decide(&app, BOB, &withdrawn, json!("Approve")).await;
    assert_eq!(
        late.error(),
        AppError::NotAllowed(Refusal::NotAwaitingApproval(Approval::Withdrawn))
    );
    assert!(list(CampaignState::AwaitingApproval).await.is_empty());
    assert_eq!(
        list(CampaignState::Rejected).await,
        std::slice::from_ref(&rejected)
    );
    assert_eq!(
        list(CampaignState::Withdrawn).await,
        std::slice::from_ref(&withdrawn)
    );
    assert_eq!(
        detail_for(&app, ALICE, &withdrawn).await.summary.state(),
        CampaignState::Withdrawn
    );
    assert!(list(CampaignState::Finished).await.is_empty());
    assert!(app.octopush_got_nothing());
}

#[tokio::test]
async fn approval_is_refused_when_the_send_time_is_too_close_to_hand_it_over() {
    let (app, clock) = app_on_test_clock(held_over_one()).await;
    let receipt = alice_schedules(&app).await;
    let due = chrono::DateTime::parse_from_rfc3339(receipt.send_at.as_deref().unwrap()).unwrap();
    let until_due = due.with_timezone(&chrono::Utc) - chrono::Utc::now();
    clock.advance(until_due - chrono::Duration::minutes(3));

    let detail = detail_for(&app, BOB, &receipt.campaign_id).await;
    let Some(Refusal::TooLateToApprove {
        due,
        minutes_needed,
    }) = refusal_of(&detail, DecisionKind::Approve)
    else {
        panic!("approving is refused: {:?}", detail.decisions);
    };
    assert!(due.ends_with("10:00 Europe/Paris"), "{due}");
    assert_eq!(
        minutes_needed, 6,
        "5 minutes' notice and a second's hand-over"
    );
    let approve = decide(&app, BOB, &receipt.campaign_id, json!("Approve")).await;
    assert!(matches!(
        approve.error(),
        AppError::NotAllowed(Refusal::TooLateToApprove { .. })
    ));
    assert_eq!(refusal_of(&detail, DecisionKind::Withdraw), None);
    assert!(app.octopush_got_nothing());
}

#[tokio::test]
async fn approving_plans_the_campaign_again_so_a_number_opted_out_meanwhile_is_left_out() {
    let app = spawn_app_with(held_over_one()).await;
    let id = alice_schedules(&app).await.campaign_id;
    call_as(
        &app,
        ALICE.0,
        ALICE.1,
        "add_opt_outs",
        json!({"numbers": "+33612345678", "source": "operator"}),
    )
    .await
    .ok::<app::models::OptOutImport>();
    let _: Approval = decide(&app, BOB, &id, json!("Approve")).await.ok();
    let detail = detail_for(&app, BOB, &id).await;
    assert_eq!(detail.summary.count(RecipientStatus::Scheduled), 1);
    assert_eq!(detail.summary.count(RecipientStatus::Excluded), 1);
    let sent = app.sandbox.as_ref().unwrap().accepted_campaigns();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].phone_numbers, ["+33698765432"]);
    crate::recipient_counts::counts_agree(&app.store().await).await;
}
