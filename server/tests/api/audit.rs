//! The audit trail: every action and every attempt refused for lack of rights, with who, when,
//! from where and on what; read (and exported) only by approvers and admins, filtered.

use app::models::{
    AppError, AuditAction, AuditEntry, AuditOutcome, AuditPage, AuditSubject, Field, Problem,
    Right, Role, ScheduleReceipt,
};
use app::services::{Actor, AuditRecord};
use chrono::{TimeZone, Utc};
use reqwest::StatusCode;
use serde_json::{json, Value};
use sms_scheduler_server::storage::{AuditQuery, Store};

use crate::access::{behind_portal, call_as, group_of, THE_TESTS_ARE_THE_PROXY};
use crate::helpers::{spawn_app_with, valid_request, TestApp};

pub async fn trail(app: &TestApp, filter: Value) -> Vec<AuditEntry> {
    let page: AuditPage = call_as(
        app,
        "carol",
        Role::Approver,
        "list_audit",
        json!({"filter": filter, "offset": 0}),
    )
    .await
    .ok();
    page.entries
}

pub fn summary(entries: &[AuditEntry]) -> Vec<(&str, AuditAction, AuditOutcome)> {
    entries
        .iter()
        .map(|e| (e.actor.as_str(), e.action, e.outcome))
        .collect()
}

#[tokio::test]
async fn actions_and_refused_attempts_are_recorded_with_who_what_and_where() {
    let app = spawn_app_with(behind_portal(THE_TESTS_ARE_THE_PROXY)).await;
    // Alice schedules through the portal's proxy, which says where she is.
    let schedule = app
        .http
        .post(format!("{}api/schedule_sms", app.url))
        .header("X-Forwarded-User", "alice")
        .header("X-Forwarded-Groups", group_of(Role::Sender))
        .header("X-Forwarded-For", "198.51.100.9, 203.0.113.7")
        .json(&json!({"request": valid_request()}))
        .send()
        .await
        .unwrap();
    assert_eq!(schedule.status(), StatusCode::OK);
    let campaign = call_as(
        &app,
        "alice",
        Role::Viewer,
        "list_campaigns",
        json!({"before": null, "filter": {}}),
    )
    .await
    .ok::<app::models::CampaignPage>()
    .campaigns[0]
        .id
        .clone();
    let cancel = json!({"id": campaign, "operation": "Cancel"});
    call_as(
        &app,
        "bob",
        Role::Sender,
        "operate_campaign",
        cancel.clone(),
    )
    .await;
    call_as(&app, "alice", Role::Sender, "operate_campaign", cancel).await;
    call_as(
        &app,
        "vera",
        Role::Viewer,
        "schedule_sms",
        json!({"request": valid_request()}),
    )
    .await;
    call_as(
        &app,
        "dan",
        Role::Admin,
        "add_opt_outs",
        json!({"numbers": "+33699999999\n+33699999998", "source": "operator"}),
    )
    .await;
    call_as(
        &app,
        "dan",
        Role::Admin,
        "remove_opt_out",
        json!({"phone": "+33699999999"}),
    )
    .await;
    call_as(
        &app,
        "alice",
        Role::Sender,
        "remove_opt_out",
        json!({"phone": "+33699999998"}),
    )
    .await;
    // A failure that is no refusal changed nothing and is not an action.
    call_as(
        &app,
        "alice",
        Role::Sender,
        "operate_campaign",
        json!({"id": "no-such-campaign", "operation": "Pause"}),
    )
    .await;

    let all = trail(&app, json!({})).await;
    assert_eq!(
        summary(&all),
        [
            (
                "alice",
                AuditAction::RemoveOptOut,
                AuditOutcome::Refused(Right::RemoveOptOut)
            ),
            ("dan", AuditAction::RemoveOptOut, AuditOutcome::Done),
            ("dan", AuditAction::AddOptOuts, AuditOutcome::Done),
            (
                "vera",
                AuditAction::Schedule,
                AuditOutcome::Refused(Right::Send)
            ),
            ("alice", AuditAction::Cancel, AuditOutcome::Done),
            (
                "bob",
                AuditAction::Cancel,
                AuditOutcome::Refused(Right::OperateAny)
            ),
            ("alice", AuditAction::Schedule, AuditOutcome::Done),
        ],
        "newest first"
    );
    let scheduled = &all[6];
    assert_eq!(scheduled.role, Role::Sender);
    assert_eq!(
        scheduled.subject.campaign_id.as_deref(),
        Some(campaign.as_str())
    );
    assert_eq!(scheduled.subject.count, Some(2));
    assert_eq!(
        scheduled.address.as_deref(),
        Some("203.0.113.7 via 127.0.0.1")
    );
    assert_eq!(all[1].subject.phone.as_deref(), Some("+33699999999"));
    // Vera's refused attempt names no campaign: none was made, nor chosen by her page.
    assert_eq!(all[3].subject.campaign_id, None);
    assert_eq!(all[2].subject.count, Some(2));
    assert_eq!(
        all[5].subject.campaign_id.as_deref(),
        Some(campaign.as_str())
    );
    assert_eq!(all[5].address.as_deref(), Some("127.0.0.1"));

    // Filters: person, action, campaign, period (days in the reader's zone).
    assert_eq!(
        summary(&trail(&app, json!({"actor": "dan"})).await).len(),
        2
    );
    assert_eq!(
        summary(&trail(&app, json!({"action": "Cancel"})).await),
        [
            ("alice", AuditAction::Cancel, AuditOutcome::Done),
            (
                "bob",
                AuditAction::Cancel,
                AuditOutcome::Refused(Right::OperateAny)
            ),
        ]
    );
    assert_eq!(trail(&app, json!({"campaign_id": campaign})).await.len(), 3);
    // By the first characters the page shows, in either case.
    let shown = campaign[..8].to_uppercase();
    assert_eq!(trail(&app, json!({"campaign_id": shown})).await.len(), 3);
    let today = chrono::Utc::now().date_naive();
    let today_everywhere = json!({"from": (today - chrono::Days::new(1)).to_string(),
        "until": (today + chrono::Days::new(1)).to_string(), "time_zone": "Pacific/Auckland"});
    assert_eq!(trail(&app, today_everywhere).await.len(), 7);
    let tomorrow_on = json!({"from": (today + chrono::Days::new(2)).to_string()});
    assert!(trail(&app, tomorrow_on).await.is_empty());
    let bad_day = call_as(
        &app,
        "carol",
        Role::Approver,
        "list_audit",
        json!({"filter": {"from": "2026-02-30"}, "offset": 0}),
    )
    .await;
    assert_eq!(bad_day.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        bad_day.error().errors_for(Field::AuditFrom)[0].problem,
        Problem::NotADay("2026-02-30".into())
    );
}

#[tokio::test]
async fn only_approvers_and_admins_read_the_trail_and_its_export_follows_the_filter() {
    let app = spawn_app_with(behind_portal(THE_TESTS_ARE_THE_PROXY)).await;
    let receipt: ScheduleReceipt = call_as(
        &app,
        "alice",
        Role::Sender,
        "schedule_sms",
        json!({"request": valid_request()}),
    )
    .await
    .ok();
    call_as(
        &app,
        "alice",
        Role::Sender,
        "remove_opt_out",
        json!({"phone": "+33699999998"}),
    )
    .await;
    for role in [Role::Viewer, Role::Sender] {
        let refused = call_as(
            &app,
            "x",
            role,
            "list_audit",
            json!({"filter": {}, "offset": 0}),
        )
        .await;
        assert_eq!(
            refused.error(),
            AppError::Forbidden(app::models::Refusal::NoRight {
                role,
                right: Right::ReadAudit
            })
        );
    }
    let export = |role: Role, query: &str| {
        app.http
            .get(format!("{}export/audit.csv{query}", app.url))
            .header("X-Forwarded-User", "reader")
            .header("X-Forwarded-Groups", group_of(role))
            .send()
    };
    assert_eq!(
        export(Role::Sender, "").await.unwrap().status(),
        StatusCode::FORBIDDEN
    );
    let csv = export(Role::Admin, "?action=schedule&time_zone=Europe%2FParis")
        .await
        .unwrap();
    assert_eq!(csv.status(), StatusCode::OK);
    assert!(csv.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains("audit.csv"));
    let text = csv.text().await.unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "at,actor,role,action,outcome,refused_right,campaign_id,phone,count,detail,address"
    );
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines[1].contains(&format!(
            ",alice,sender,schedule,done,,{},,2,,127.0.0.1",
            receipt.campaign_id
        )),
        "{text}"
    );
    let everything = export(Role::Approver, "")
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        everything.contains(",alice,sender,remove-opt-out,refused,remove-opt-out,,'+33699999998,"),
        "{everything}"
    );

    let unknown = export(Role::Admin, "?action=delete").await.unwrap();
    assert_eq!(unknown.status(), StatusCode::BAD_REQUEST);
    assert!(unknown
        .text()
        .await
        .unwrap()
        .contains("expected one of schedule, cancel"));
    let bad_day = export(Role::Admin, "?until=31/12/2026").await.unwrap();
    assert_eq!(bad_day.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        bad_day.text().await.unwrap(),
        "audit-until: \"31/12/2026\" is not a day written YYYY-MM-DD."
    );
}

/// The trail's storage, on each database: lines read back whole, newest first, filtered and paged.
pub async fn audit_storage_suite(store: &Store) {
    let at = |minute: u32| Utc.with_ymd_and_hms(2026, 12, 1, 9, minute, 0).unwrap();
    let record = |name: &str, action: AuditAction, outcome: AuditOutcome| AuditRecord {
        actor: Actor {
            name: name.into(),
            role: Role::Sender,
            address: Some("192.0.2.1".into()),
        },
        action,
        outcome,
        subject: AuditSubject {
            campaign_id: Some("c-1".into()),
            phone: None,
            count: Some(3),
            detail: Some("2026-12-05T10:00".into()),
        },
    };
    let lines = [
        record("ann", AuditAction::Schedule, AuditOutcome::Done),
        record(
            "bob",
            AuditAction::Reschedule,
            AuditOutcome::Refused(Right::OperateAny),
        ),
        record("ann", AuditAction::Reschedule, AuditOutcome::Done),
    ];
    for (minute, line) in lines.iter().enumerate() {
        store
            .append_audit_event(line, at(minute as u32))
            .await
            .unwrap();
    }
    // Two lines in one second keep their order.
    store
        .append_audit_event(
            &record("ann", AuditAction::Schedule, AuditOutcome::ProviderRefused),
            at(2) + chrono::Duration::milliseconds(1),
        )
        .await
        .unwrap();
    let all = store
        .audit_events(&AuditQuery::default(), 0, None)
        .await
        .unwrap();
    let read: Vec<(&str, AuditAction, AuditOutcome)> = all
        .iter()
        .map(|e| (e.actor.as_str(), e.action, e.outcome))
        .collect();
    assert_eq!(
        read,
        [
            ("ann", AuditAction::Schedule, AuditOutcome::ProviderRefused),
            ("ann", AuditAction::Reschedule, AuditOutcome::Done),
            (
                "bob",
                AuditAction::Reschedule,
                AuditOutcome::Refused(Right::OperateAny)
            ),
            ("ann", AuditAction::Schedule, AuditOutcome::Done),
        ]
    );
    assert_eq!(all[3].at, "2026-12-01T09:00:00.000000Z");
    assert_eq!(all[3].subject, lines[0].subject);
    assert_eq!(all[3].address.as_deref(), Some("192.0.2.1"));
    let query = AuditQuery {
        actor: Some("ann".into()),
        action: Some(AuditAction::Reschedule),
        campaign_prefix: Some("c-".into()),
        from: Some(at(1)),
        before: Some(at(3)),
    };
    assert_eq!(store.audit_events(&query, 0, None).await.unwrap().len(), 1);
    // A prefix is text, not a pattern: `_` and `%` stand for themselves.
    for (prefix, lines) in [
        ("c-1", 4),
        ("c", 4),
        ("c_", 0),
        ("%", 0),
        ("c\\", 0),
        ("c-2", 0),
    ] {
        let query = AuditQuery {
            campaign_prefix: Some(prefix.into()),
            ..Default::default()
        };
        let read = store.audit_events(&query, 0, None).await.unwrap();
        assert_eq!(read.len(), lines, "{prefix}");
    }
    let second_page = store
        .audit_events(&AuditQuery::default(), 1, Some(2))
        .await
        .unwrap();
    assert_eq!(second_page, all[1..3]);
}
