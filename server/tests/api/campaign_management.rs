//! The status views and operations through the server functions: list, detail, history, cancel,
//! move, pause and resume where the provider can (refused with the reason where it cannot), the
//! opt-out list by hand, and the preview.

use app::models::{
    AppError, CampaignActionKind, CampaignDetail, CampaignPage, CampaignPreview, Field, Notice,
    OperationKind, OperationReport, OptOutImport, OptOutPage, Problem, RecipientStatus, Refusal,
    ScheduleReceipt,
};
use chrono::{Datelike, Duration, Utc, Weekday};
use secrecy::SecretString;
use serde_json::{json, Value};
use sms_scheduler_server::domain::parse_errors::SendTimeError;
use sms_scheduler_server::domain::{Encoding, OptOutSource};

use crate::helpers::{spawn_app, spawn_app_with, test_settings, valid_request, TestApp};

fn infobip_request() -> Value {
    let mut request = valid_request();
    request["provider"] = json!("Infobip");
    request
}

async fn detail(app: &TestApp, id: &str) -> CampaignDetail {
    app.call("get_campaign", json!({"id": id, "offset": 0}))
        .await
        .ok()
}

async fn operate(app: &TestApp, id: &str, operation: Value) -> crate::helpers::Answer {
    app.call(
        "operate_campaign",
        json!({"id": id, "operation": operation}),
    )
    .await
}

fn refusal(detail: &CampaignDetail, operation: OperationKind) -> Option<Refusal> {
    detail
        .operations
        .iter()
        .find(|o| o.operation == operation)
        .unwrap()
        .refused_because
        .clone()
}

/// A day at least three days ahead that falls on `weekday`, as `YYYY-MM-DD`.
fn next(weekday: Weekday) -> String {
    let mut day = Utc::now().date_naive() + Duration::days(3);
    while day.weekday() != weekday {
        day += Duration::days(1);
    }
    day.format("%Y-%m-%d").to_string()
}

#[tokio::test]
async fn an_infobip_campaign_is_paused_resumed_moved_and_canceled_with_each_step_recorded() {
    let app = spawn_app().await;
    let receipt: ScheduleReceipt = app.schedule(infobip_request()).await.ok();
    let id = receipt.campaign_id.clone();

    let page: CampaignPage = app
        .call("list_campaigns", json!({"before": null, "filter": {}}))
        .await
        .ok();
    assert_eq!(page.campaigns.len(), 1);
    assert_eq!(page.campaigns[0].count(RecipientStatus::Scheduled), 2);
    assert_eq!(page.next_before, None);

    let before = detail(&app, &id).await;
    assert_eq!(refusal(&before, OperationKind::Cancel), None);
    assert_eq!(refusal(&before, OperationKind::Pause), None);
    assert_eq!(
        refusal(&before, OperationKind::Resume),
        Some(Refusal::NotPaused)
    );

    let paused: OperationReport = operate(&app, &id, json!("Pause")).await.ok();
    assert_eq!((paused.done, paused.refused.len()), (1, 0));
    assert!(detail(&app, &id).await.summary.paused);
    let _: OperationReport = operate(&app, &id, json!("Resume")).await.ok();
    assert!(!detail(&app, &id).await.summary.paused);

    let new_time = format!("{}T11:30", next(Weekday::Wed));
    let moved: OperationReport = operate(&app, &id, json!({"Reschedule": {"send_at": new_time}}))
        .await
        .ok();
    assert_eq!(moved.recipients_moved, 2);
    let after_move = detail(&app, &id).await;
    let expected = chrono::NaiveDateTime::parse_from_str(&new_time, "%Y-%m-%dT%H:%M").unwrap();
    let expected = sms_scheduler_server::domain::send_time::SendTime::at_local(
        expected,
        chrono_tz::Europe::Paris,
    )
    .with_timezone(&Utc)
    .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    assert!(after_move
        .recipients
        .iter()
        .all(|r| r.send_at.as_deref() == Some(expected.as_str())));
    // The campaign's own send time follows, on its own clock, and so does its history.
    let requested = after_move.summary.requested_send_at.clone().unwrap();
    assert!(
        requested.starts_with(&format!("{new_time}:00+0")),
        "{requested}"
    );
    let move_said = after_move
        .actions
        .iter()
        .find(|a| a.action == CampaignActionKind::Operation(OperationKind::Reschedule))
        .and_then(|a| a.detail.clone())
        .map(|notice| notice.to_string())
        .unwrap_or_default();
    assert!(
        move_said.contains(&format!("{} Europe/Paris", new_time.replace('T', " "))),
        "{move_said}"
    );
    // Each recipient's history says the move the same way, as data (each page's language).
    let history: Vec<app::models::RecipientEvent> = app
        .call(
            "recipient_history",
            json!({"recipient_id": after_move.recipients[0].id}),
        )
        .await
        .ok();
    assert_eq!(
        history.last().and_then(|event| event.detail.clone()),
        Some(Notice::MovedTo {
            at: format!("{} Europe/Paris", new_time.replace('T', " ")),
            refused: Vec::new(),
        })
    );
    let bulk = &app.infobip.as_ref().unwrap().bulks()[0];
    assert_eq!(
        bulk.send_time()
            .unwrap()
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        expected,
        "the provider holds the new time"
    );

    let canceled: OperationReport = operate(&app, &id, json!("Cancel")).await.ok();
    assert_eq!(canceled.recipients_moved, 2);
    let after_cancel = detail(&app, &id).await;
    assert!(after_cancel
        .recipients
        .iter()
        .all(|r| r.status == RecipientStatus::Canceled));
    // Who canceled it, as data: each page says it in its language.
    let canceled_by = Notice::CanceledBy {
        actor: "local-operator".into(),
    };
    assert!(
        after_cancel
            .recipients
            .iter()
            .all(|r| r.reason.as_ref() == Some(&canceled_by)),
        "{:?}",
        after_cancel.recipients
    );
    let actions: Vec<(&str, &str)> = after_cancel
        .actions
        .iter()
        .map(|a| (a.action.as_str(), a.actor.as_str()))
        .collect();
    assert_eq!(
        actions,
        [
            ("schedule", "local-operator"),
            ("pause", "local-operator"),
            ("resume", "local-operator"),
            ("reschedule", "local-operator"),
            ("cancel", "local-operator")
        ]
    );
    match operate(&app, &id, json!("Cancel")).await.error() {
        AppError::NotAllowed(why) => assert_eq!(why, Refusal::NothingWaiting),
        other => panic!("expected a refusal, got {other:?}"),
    }
    // One reason for every operation, resume's "not paused" included.
    let after = detail(&app, &id).await;
    for operation in OperationKind::ALL {
        assert_eq!(
            refusal(&after, operation),
            Some(Refusal::NothingWaiting),
            "{operation:?}"
        );
    }
    crate::recipient_counts::counts_agree(&app.store().await).await;
}

#[tokio::test]
async fn what_a_provider_cannot_do_is_refused_with_its_reason() {
    let app = spawn_app().await;
    let receipt: ScheduleReceipt = app.schedule(valid_request()).await.ok();
    let octopush = detail(&app, &receipt.campaign_id).await;
    assert_eq!(
        refusal(&octopush, OperationKind::Reschedule),
        Some(Refusal::OctopushCannotMove)
    );
    match operate(&app, &receipt.campaign_id, json!("Pause"))
        .await
        .error()
    {
        AppError::NotAllowed(why) => assert_eq!(why, Refusal::OctopushCannotPause),
        other => panic!("expected a refusal, got {other:?}"),
    }
    match app
        .call(
            "get_campaign",
            json!({"id": "no-such-campaign", "offset": 0}),
        )
        .await
        .error()
    {
        AppError::NotFound(why) => {
            assert_eq!(why, Refusal::NoSuchCampaign("no-such-campaign".into()))
        }
        other => panic!("expected not found, got {other:?}"),
    }
}

#[tokio::test]
async fn a_marketing_campaign_cannot_be_moved_outside_the_sending_rules() {
    let app = spawn_app().await;
    let mut request = infobip_request();
    request["purpose"] = json!("Marketing");
    request["text"] = json!("Sale -20% this week. STOP au 36111");
    request["send_at"] = json!(format!("{}T10:00", next(Weekday::Wed)));
    let receipt: ScheduleReceipt = app.schedule(request).await.ok();
    let sunday = format!("{}T10:00", next(Weekday::Sun));
    match operate(
        &app,
        &receipt.campaign_id,
        json!({"Reschedule": {"send_at": sunday}}),
    )
    .await
    .error()
    {
        AppError::Invalid(errors) => {
            assert_eq!(errors[0].field, Field::NewSendAt);
            let Problem::TimeBreaksRules { count, named } = &errors[0].problem else {
                panic!("expected the rules' refusal, got {:?}", errors[0].problem);
            };
            assert_eq!(*count, 2);
            assert_eq!(
                (named[0].line, named[0].phone.as_str()),
                (1, "+33612345678")
            );
            assert!(
                errors[0].to_string().contains("line 1 (+33612345678)"),
                "{}",
                errors[0]
            );
        }
        other => panic!("expected the rules to refuse, got {other:?}"),
    }
    match operate(
        &app,
        &receipt.campaign_id,
        json!({"Reschedule": {"send_at": "2020-01-01T10:00"}}),
    )
    .await
    .error()
    {
        AppError::Invalid(errors) => assert!(
            matches!(
                errors[0].problem,
                Problem::SendTime(SendTimeError::InPast { .. })
            ),
            "{:?}",
            errors[0]
        ),
        other => panic!("expected a past time to be refused, got {other:?}"),
    }
}

#[tokio::test]
async fn the_opt_out_list_is_kept_by_hand_with_errors_by_line() {
    let app = spawn_app().await;
    match app
        .call(
            "add_opt_outs",
            json!({"numbers": "06 12 34 56 78\nnot a number\n", "source": "operator"}),
        )
        .await
        .error()
    {
        AppError::Invalid(errors) => {
            assert_eq!(
                (errors[0].field, errors[0].line),
                (Field::OptOutNumbers, Some(2))
            );
        }
        other => panic!("expected line errors, got {other:?}"),
    }
    let empty: OptOutPage = app
        .call("list_opt_outs", json!({"offset": 0, "search": ""}))
        .await
        .ok();
    assert!(empty.entries.is_empty(), "a list with errors adds nothing");

    let added: OptOutImport = app
        .call(
            "add_opt_outs",
            json!({"numbers": "phone\n06 12 34 56 78\n+33612345678\n+33698765432\n", "source": "import"}),
        )
        .await
        .ok();
    // A number written twice in one list is counted once, and said to be repeated.
    assert_eq!(
        (added.added, added.already_listed, added.repeated),
        (2, 0, 1)
    );
    let again: OptOutImport = app
        .call(
            "add_opt_outs",
            json!({"numbers": "+33612345678", "source": "operator"}),
        )
        .await
        .ok();
    assert_eq!((again.added, again.already_listed), (0, 1));

    let _: () = app
        .call("remove_opt_out", json!({"phone": "06 12 34 56 78"}))
        .await
        .ok();
    match app
        .call("remove_opt_out", json!({"phone": "+33612345678"}))
        .await
        .error()
    {
        AppError::NotFound(why) => assert_eq!(why, Refusal::NotOptedOut("+33612345678".into())),
        other => panic!("expected not found, got {other:?}"),
    }
    let page: OptOutPage = app
        .call("list_opt_outs", json!({"offset": 0, "search": ""}))
        .await
        .ok();
    let phones: Vec<&str> = page.entries.iter().map(|e| e.phone.as_str()).collect();
    assert_eq!(phones, ["+33698765432"]);
    assert_eq!(page.entries[0].source, OptOutSource::Import);
    assert_eq!(page.entries[0].actor, "local-operator");
    // Searched by a whole number in national format, or by some of its digits; letters alone
    // match no number (not the whole list).
    let searches = [
        ("06 98 76 54 32", 1),
        ("765", 1),
        ("0612345678", 0),
        ("abc", 0),
        ("  ", 1),
    ];
    for (search, found) in searches {
        let page: OptOutPage = app
            .call("list_opt_outs", json!({"offset": 0, "search": search}))
            .await
            .ok();
        assert_eq!(page.entries.len(), found, "{search}");
    }
}

#[tokio::test]
async fn the_preview_shows_each_recipients_text_fate_and_sends_nothing() {
    let app = spawn_app().await;
    let store = app.store().await;
    store
        .add_opt_out(
            "+33698765432",
            OptOutSource::Operator,
            None,
            "bob",
            Utc::now(),
        )
        .await
        .unwrap();
    let mut request = valid_request();
    request["text"] = json!("Bonjour {first_name}, votre colis arrive demain.");
    request["recipients"] = json!("phone,first_name\n+33612345678,Zoé\n+33698765432,Luc\n");
    let preview: CampaignPreview = app
        .call("preview_campaign", json!({"request": request, "offset": 0}))
        .await
        .ok();
    assert_eq!(
        (
            preview.total,
            preview.to_send,
            preview.excluded,
            preview.submissions
        ),
        (2, 1, 1, 1)
    );
    let first = &preview.recipients[0];
    assert_eq!(first.text, "Bonjour Zoé, votre colis arrive demain.");
    assert_eq!((first.encoding, first.parts), (Encoding::Gsm7, 1));
    assert!(first.send_at.is_some());
    // Premium Octopush at the sandbox's price per part; nothing for the recipient left out.
    assert_eq!(first.cost, Some(0.055));
    assert_eq!(preview.recipients[1].cost, None);
    assert_eq!(
        (preview.cost, preview.currency.as_deref()),
        (Some(0.055), Some("EUR"))
    );
    assert!(matches!(
        preview.recipients[1].excluded,
        Some(Notice::OptedOut { .. })
    ));
    assert!(app.octopush_got_nothing());
    let page: CampaignPage = app
        .call("list_campaigns", json!({"before": null, "filter": {}}))
        .await
        .ok();
    assert!(page.campaigns.is_empty(), "a preview records nothing");
}

#[tokio::test]
async fn the_preview_prices_with_the_configured_price_and_only_with_one() {
    let mut settings = test_settings();
    settings.infobip.part_price = Some(0.07);
    settings.infobip.currency = "USD".into();
    let app = spawn_app_with(settings).await;
    let mut request = valid_request();
    request["provider"] = json!("Infobip");
    // Two parts of UCS-2 each (over 70 characters with an emoji).
    request["text"] = json!(format!("{} 😀", "a".repeat(70)));
    let preview: CampaignPreview = app
        .call("preview_campaign", json!({"request": request, "offset": 0}))
        .await
        .ok();
    assert_eq!(preview.parts, 4);
    assert_eq!(preview.recipients[0].cost, Some(0.14));
    assert_eq!(
        (preview.cost, preview.currency.as_deref()),
        (Some(0.28), Some("USD"))
    );

    // The real service without a configured price: no estimate rather than a made-up one.
    let mut settings = test_settings();
    settings.infobip.base_url = Some("http://127.0.0.1:9".into());
    settings.infobip.api_key = Some(SecretString::from("key".to_owned()));
    let app = spawn_app_with(settings).await;
    let preview: CampaignPreview = app
        .call("preview_campaign", json!({"request": request, "offset": 0}))
        .await
        .ok();
    assert_eq!((preview.cost, preview.currency), (None, None));
    assert_eq!(preview.recipients[0].cost, None);
}

#[tokio::test]
async fn a_list_of_several_megabytes_is_taken() {
    let app = spawn_app().await;
    let mut list = String::from("phone,first_name\n");
    for i in 0..100_000 {
        list.push_str(&format!("+336{i:08},Name{i}\n"));
    }
    assert!(list.len() > 2 * 1024 * 1024, "over axum's default limit");
    let mut request = valid_request();
    request["text"] = json!("Hello {first_name}");
    request["recipients"] = json!(list);
    let preview: CampaignPreview = app
        .call(
            "preview_campaign",
            json!({"request": request, "offset": 99_999}),
        )
        .await
        .ok();
    assert_eq!((preview.total, preview.recipients.len()), (100_000, 1));
    assert_eq!(preview.recipients[0].text, "Hello Name99999");
}
