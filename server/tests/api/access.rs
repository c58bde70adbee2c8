//! Who may use the app: without sign-in only on a loopback address; behind a portal, the proxy's
//! headers believed only from the proxy; every server function, export and sandbox control
//! checked against the caller's role.

use app::models::{
    AppError, LimitedAction, NotLetIn, Refusal, Right, Role, ScheduleReceipt, SignedIn,
};
use reqwest::StatusCode;
use serde_json::{json, Value};
use sms_scheduler_server::configuration::{AuthSettings, RoleSettings, Settings};
use sms_scheduler_server::startup::Application;

use crate::helpers::{
    server_fn_request, spawn_app_with, test_settings, valid_request, Answer, TestApp,
};

/// Behind a portal whose proxy is at `proxies`; each role has a group of its own.
pub fn behind_portal(proxies: &str) -> Settings {
    let mut settings = test_settings();
    settings.auth = AuthSettings {
        mode: Some("trusted_header".into()),
        user_header: Some("X-Forwarded-User".into()),
        groups_header: Some("X-Forwarded-Groups".into()),
        trusted_proxies: proxies.into(),
        roles: RoleSettings {
            viewer: "staff".into(),
            sender: "senders".into(),
            approver: "approvers".into(),
            admin: "admins".into(),
            default: None,
        },
        ..Default::default()
    };
    settings
}

/// The tests' own address is the proxy's.
pub const THE_TESTS_ARE_THE_PROXY: &str = "127.0.0.1, ::1";

pub fn group_of(role: Role) -> &'static str {
    match role {
        Role::Viewer => "staff",
        Role::Sender => "senders",
        Role::Approver => "approvers",
        Role::Admin => "admins",
    }
}

pub async fn call_as(
    app: &TestApp,
    user: &str,
    role: Role,
    endpoint: &str,
    arguments: Value,
) -> Answer {
    let response = server_fn_request(&app.http, &app.url, endpoint, &arguments)
        .header("X-Forwarded-User", user)
        .header("X-Forwarded-Groups", group_of(role))
        .send()
        .await
        .unwrap();
    Answer::read(response).await
}

#[tokio::test]
async fn without_sign_in_the_server_refuses_to_listen_beyond_loopback() {
    let mut settings = test_settings();
    settings.server.listen = "0.0.0.0:0".parse().unwrap();
    // Built here rather than spawned: a database of its own whatever the suite runs on.
    settings.database.url = crate::helpers::temp_sqlite_url();
    let refused = Application::build(settings.clone())
        .await
        .err()
        .expect("refused");
    assert!(
        refused.to_string().contains("auth.allow_anonymous_network"),
        "{refused}"
    );
    settings.auth.allow_anonymous_network = true;
    assert!(Application::build(settings).await.is_ok());

    let mut old = test_settings();
    old.server.identity_header = Some("X-Forwarded-User".into());
    let refused = Application::build(old).await.err().expect("refused");
    assert!(
        refused
            .to_string()
            .contains("server.identity_header is replaced by [auth]"),
        "{refused}"
    );
}

#[tokio::test]
async fn identity_headers_are_believed_only_from_the_proxy() {
    let app = spawn_app_with(behind_portal("10.0.0.0/8")).await;
    let forged = call_as(&app, "mallory", Role::Admin, "list_campaigns", list_args()).await;
    assert_eq!(forged.status, StatusCode::UNAUTHORIZED, "{}", forged.body);
    assert!(
        forged.body.contains("only from the portal's proxy"),
        "{}",
        forged.body
    );
    let around = app.call("list_campaigns", list_args()).await;
    assert_eq!(around.status, StatusCode::UNAUTHORIZED);
    assert!(
        around.body.contains("sign in through the portal"),
        "{}",
        around.body
    );

    let app = spawn_app_with(behind_portal(THE_TESTS_ARE_THE_PROXY)).await;
    let unknown_group = app
        .http
        .post(format!("{}api/who_am_i", app.url))
        .header("X-Forwarded-User", "bob")
        .header("X-Forwarded-Groups", "finance")
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown_group.status(), StatusCode::FORBIDDEN);
    // The app's own pages, which ask for the server functions' encoding, get an error they can
    // say in the user's language.
    let from_the_page = app
        .http
        .post(format!("{}api/who_am_i", app.url))
        .header("X-Forwarded-User", "bob")
        .header("X-Forwarded-Groups", "finance")
        .header("accept", "application/x-postcard")
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(from_the_page.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        Answer::read(from_the_page).await.error(),
        AppError::NotLetIn(NotLetIn::NoRole("bob".into()))
    );
    let around = app
        .http
        .post(format!("{}api/who_am_i", app.url))
        .header("accept", "application/x-postcard")
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        Answer::read(around).await.error(),
        AppError::NotLetIn(NotLetIn::NotThroughPortal)
    );
    let alice: SignedIn = call_as(&app, "alice", Role::Sender, "who_am_i", json!({}))
        .await
        .ok();
    assert_eq!(
        alice,
        SignedIn {
            name: "alice".into(),
            role: Role::Sender,
            from_sign_in: true,
            can_sign_out: false,
        }
    );
}

fn list_args() -> Value {
    json!({"before": null, "filter": {}})
}

/// Every server function with arguments it accepts, and the right it needs.
fn endpoints(campaign: &str) -> Vec<(&'static str, Value, Option<Right>)> {
    vec![
        ("who_am_i", json!({}), None),
        ("list_campaigns", list_args(), Some(Right::Read)),
        (
            "get_campaign",
            json!({"id": campaign, "offset": 0}),
            Some(Right::Read),
        ),
        (
            "read_schedule_progress",
            json!({"campaign_id": campaign}),
            Some(Right::Read),
        ),
        (
            "list_opt_outs",
            json!({"offset": 0, "search": ""}),
            Some(Right::Read),
        ),
        ("list_providers", json!({}), Some(Right::Read)),
        (
            "check_balance",
            json!({"provider": "Octopush"}),
            Some(Right::Read),
        ),
        (
            "refresh_balance",
            json!({"provider": "Octopush"}),
            Some(Right::Read),
        ),
        (
            "check_balance_details",
            json!({"provider": "Octopush", "country": "fr"}),
            Some(Right::Read),
        ),
        ("low_balances", json!({}), Some(Right::Read)),
        ("list_time_zones", json!({}), Some(Right::Read)),
        ("read_settings", json!({}), Some(Right::Read)),
        ("read_sandbox_clock", json!({}), Some(Right::Read)),
        (
            "preview_campaign",
            json!({"request": valid_request(), "offset": 0}),
            Some(Right::Send),
        ),
        (
            "schedule_sms",
            json!({"request": valid_request()}),
            Some(Right::Send),
        ),
        ("refused_again", json!({"id": campaign}), Some(Right::Send)),
        ("campaign_again", json!({"id": campaign}), Some(Right::Send)),
        (
            "add_opt_outs",
            json!({"numbers": "+33699999999", "source": "operator"}),
            Some(Right::Send),
        ),
        (
            "remove_opt_out",
            json!({"phone": "+33699999999"}),
            Some(Right::RemoveOptOut),
        ),
        (
            "advance_sandbox_clock",
            json!({"seconds": 60}),
            Some(Right::SandboxControl),
        ),
        (
            "operate_campaign",
            json!({"id": campaign, "operation": "Pause"}),
            Some(Right::OperateOwn),
        ),
        (
            "list_audit",
            json!({"filter": {}, "offset": 0}),
            Some(Right::ReadAudit),
        ),
        (
            "held_preview",
            json!({"id": campaign, "offset": 0}),
            Some(Right::Read),
        ),
        ("awaiting_approval", json!({}), Some(Right::Read)),
        (
            "decide_approval",
            json!({"id": campaign, "decision": "Approve"}),
            Some(Right::Approve),
        ),
        (
            "decide_approval",
            json!({"id": campaign, "decision": {"Reject": {"reason": "not now"}}}),
            Some(Right::Approve),
        ),
        (
            "decide_approval",
            json!({"id": campaign, "decision": "Withdraw"}),
            Some(Right::OperateOwn),
        ),
    ]
}

#[tokio::test]
async fn every_server_function_checks_the_role_of_whoever_calls_it() {
    let app = spawn_app_with(behind_portal(THE_TESTS_ARE_THE_PROXY)).await;
    for role in Role::ALL {
        // A campaign of the caller's own, where they may schedule one, so that operating it
        // is a matter of role only.
        let scheduler = if role.may(Right::Send) {
            role
        } else {
            Role::Admin
        };
        let user = format!("{}-user", role.as_str());
        let owner = if scheduler == role {
            user.as_str()
        } else {
            "someone-else"
        };
        let receipt: ScheduleReceipt = call_as(
            &app,
            owner,
            scheduler,
            "schedule_sms",
            json!({"request": valid_request()}),
        )
        .await
        .ok();
        for (endpoint, arguments, right) in endpoints(&receipt.campaign_id) {
            let answer = call_as(&app, &user, role, endpoint, arguments).await;
            let may = right.is_none_or(|right| role.may(right));
            if may {
                assert_ne!(
                    answer.status,
                    StatusCode::FORBIDDEN,
                    "{role:?} {endpoint}: {}",
                    answer.body
                );
                assert_ne!(
                    answer.status,
                    StatusCode::UNAUTHORIZED,
                    "{role:?} {endpoint}"
                );
            } else {
                assert_eq!(
                    answer.status,
                    StatusCode::FORBIDDEN,
                    "{role:?} {endpoint}: {}",
                    answer.body
                );
                let right = right.expect("refused for a right");
                assert_eq!(
                    answer.error(),
                    AppError::Forbidden(Refusal::NoRight { role, right })
                );
            }
        }
    }
}

/// A campaign the sender alice scheduled.
async fn alice_schedules(app: &TestApp) -> ScheduleReceipt {
    let request = json!({"request": valid_request()});
    call_as(app, "alice", Role::Sender, "schedule_sms", request)
        .await
        .ok()
}

#[tokio::test]
async fn a_sender_operates_only_their_own_campaigns_and_an_approver_anyones() {
    let app = spawn_app_with(behind_portal(THE_TESTS_ARE_THE_PROXY)).await;
    let receipt = alice_schedules(&app).await;
    let pause = json!({"id": receipt.campaign_id, "operation": "Pause"});
    let bob = call_as(&app, "bob", Role::Sender, "operate_campaign", pause.clone()).await;
    assert_eq!(bob.status, StatusCode::FORBIDDEN);
    assert_eq!(
        bob.error(),
        AppError::Forbidden(Refusal::NotYourCampaign {
            sender: "alice".into()
        })
    );
    assert!(bob
        .error()
        .to_string()
        .starts_with("Only alice, who scheduled this campaign"));
    let carol = call_as(
        &app,
        "carol",
        Role::Approver,
        "operate_campaign",
        pause.clone(),
    )
    .await;
    assert_ne!(carol.status, StatusCode::FORBIDDEN, "{}", carol.body);
    let resume = json!({"id": receipt.campaign_id, "operation": "Resume"});
    let alice = call_as(&app, "alice", Role::Sender, "operate_campaign", resume).await;
    assert_ne!(alice.status, StatusCode::FORBIDDEN, "{}", alice.body);
}

#[tokio::test]
async fn exports_and_sandbox_controls_are_checked_too() {
    let app = spawn_app_with(behind_portal(THE_TESTS_ARE_THE_PROXY)).await;
    let receipt = alice_schedules(&app).await;
    let export = format!(
        "{}export/campaigns/{}/recipients.csv",
        app.url, receipt.campaign_id
    );
    let anonymous = app.http.get(&export).send().await.unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    let viewer = app
        .http
        .get(&export)
        .header("X-Forwarded-User", "victor")
        .header("X-Forwarded-Groups", "staff")
        .send()
        .await
        .unwrap();
    assert_eq!(viewer.status(), StatusCode::OK);

    let clock = format!("{}sandbox/control/clock/advance", app.url);
    let advance = |role: Role| {
        app.http
            .post(&clock)
            .header("X-Forwarded-User", "someone")
            .header("X-Forwarded-Groups", group_of(role))
            .json(&json!({"seconds": 60}))
            .send()
    };
    let by_sender = advance(Role::Sender).await.unwrap();
    assert_eq!(by_sender.status(), StatusCode::FORBIDDEN);
    assert!(by_sender
        .text()
        .await
        .unwrap()
        .contains("does not allow controlling the sandboxes"));
    assert!(advance(Role::Admin).await.unwrap().status().is_success());
}

#[tokio::test]
async fn each_person_may_preview_and_schedule_only_so_often() {
    let mut settings = behind_portal(THE_TESTS_ARE_THE_PROXY);
    settings.limits.previews_per_minute = std::num::NonZeroU32::new(3).unwrap();
    settings.limits.schedules_per_minute = std::num::NonZeroU32::new(2).unwrap();
    let app = spawn_app_with(settings).await;
    let schedule = || json!({"request": valid_request()});

    for _ in 0..2 {
        alice_schedules(&app).await;
    }
    let refused = call_as(&app, "alice", Role::Sender, "schedule_sms", schedule()).await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    let AppError::Throttled {
        action: LimitedAction::Schedule,
        per_minute: 2,
        retry_after_seconds,
    } = refused.error()
    else {
        panic!("not throttled: {:?}", refused.error());
    };
    assert!((1..=30).contains(&retry_after_seconds));
    assert_eq!(
        refused.headers["retry-after"].to_str().unwrap(),
        retry_after_seconds.to_string()
    );
    assert!(refused
        .error()
        .to_string()
        .contains("nothing was done. Try again in"));
    assert_eq!(app.octopush_campaigns(), 2, "the third was not handed over");

    // Someone else's allowance is their own; a call refused for the role is not counted.
    call_as(&app, "bob", Role::Sender, "schedule_sms", schedule())
        .await
        .ok::<ScheduleReceipt>();
    let preview = json!({"request": valid_request(), "offset": 0});
    for _ in 0..3 {
        let viewer = call_as(
            &app,
            "alice",
            Role::Viewer,
            "preview_campaign",
            preview.clone(),
        )
        .await;
        assert_eq!(viewer.status, StatusCode::FORBIDDEN);
    }
    for attempt in 0..4 {
        let answer = call_as(
            &app,
            "alice",
            Role::Sender,
            "preview_campaign",
            preview.clone(),
        )
        .await;
        if attempt < 3 {
            assert!(answer.status.is_success(), "{}", answer.body);
        } else {
            assert!(matches!(
                answer.error(),
                AppError::Throttled {
                    action: LimitedAction::Preview,
                    per_minute: 3,
                    ..
                }
            ));
        }
    }
}
