use app::models::{
    AppError, Balance, CampaignDetail, CampaignPreview, Field, Problem, ProviderId, ProviderInfo,
    ProviderOption, ProviderOptions, ScheduleReceipt, SubmissionOutcome, Support,
};
use serde_json::json;
use sms_scheduler_server::storage::SubmissionStatus;

use crate::helpers::{spawn_app, spawn_app_with, test_settings, valid_request};

#[tokio::test]
async fn a_valid_form_reaches_the_sandbox_and_is_recorded() {
    let app = spawn_app().await;
    let receipt: ScheduleReceipt = app.schedule(valid_request()).await.ok();

    assert!(
        receipt.submissions[0]
            .reference
            .as_deref()
            .unwrap()
            .starts_with("sms_"),
        "{:?}",
        receipt.submissions[0].reference
    );
    assert_eq!(receipt.contacts, 2);
    assert!(
        receipt
            .send_at
            .as_deref()
            .unwrap()
            .ends_with("T10:00:00+01:00")
            || receipt
                .send_at
                .as_deref()
                .unwrap()
                .ends_with("T10:00:00+02:00")
    );
    let campaigns = app.sandbox.as_ref().unwrap().accepted_campaigns();
    assert_eq!(campaigns.len(), 1);
    assert_eq!(
        campaigns[0].phone_numbers,
        vec!["+33612345678", "+33698765432"]
    );
    assert_eq!(
        campaigns[0].request_id.as_deref(),
        Some(receipt.submissions[0].submission_id.as_str())
    );

    let record = app
        .store()
        .await
        .submission(&receipt.submissions[0].submission_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(record.status, SubmissionStatus::Accepted);
    assert_eq!(
        record.reference.as_deref(),
        receipt.submissions[0].reference.as_deref()
    );
    assert_eq!(record.actor, "local-operator");
    assert_eq!(record.recipients, vec!["+33612345678", "+33698765432"]);
}

#[tokio::test]
async fn bad_input_is_reported_per_field_and_nothing_is_sent() {
    let app = spawn_app().await;
    let mut request = valid_request();
    request["text"] = json!("");
    request["sender"] = json!("AB");
    request["recipients"] = json!("+33612345678\n06 12");
    request["send_at"] = json!("2020-01-01T10:00");

    let AppError::Invalid(errors) = app.schedule(request).await.error() else {
        panic!("expected field errors")
    };
    let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        vec![Field::Text, Field::Recipients, Field::Sender, Field::SendAt]
    );
    assert_eq!(errors[1].line, Some(2));
    assert!(app.octopush_got_nothing());
}

#[tokio::test]
async fn duplicates_are_sent_once_and_reported() {
    let app = spawn_app().await;
    let mut request = valid_request();
    request["recipients"] = json!("06 12 34 56 78\n+33612345678");
    let receipt: ScheduleReceipt = app.schedule(request).await.ok();
    assert_eq!(receipt.contacts, 1);
    assert_eq!(receipt.duplicates.len(), 1);
    assert_eq!(
        (receipt.duplicates[0].line, receipt.duplicates[0].first_line),
        (2, 1)
    );
}

#[tokio::test]
async fn a_provider_refusal_keeps_its_code_and_is_recorded() {
    let mut settings = test_settings();
    settings.sandbox.octopush.initial_balance = 0.0;
    // Priced at nothing, the campaign passes the credit check; the provider refuses it.
    settings.octopush.premium_price = Some(0.0);
    let app = spawn_app_with(settings).await;

    let error = app.schedule(valid_request()).await.error();
    let AppError::Provider { code, message, .. } = &error else {
        panic!("expected a refusal, got {error:?}")
    };
    assert_eq!(code.as_deref(), Some("104"));
    assert!(message.contains("not have enough credit"), "{message}");
}

#[tokio::test]
async fn an_unreachable_provider_leaves_the_submission_unknown() {
    let mut settings = test_settings();
    settings.octopush.api_login = Some("me@example.com".into());
    settings.octopush.api_key = Some("key".to_owned().into());
    // Nothing listens on port 9 (discard) of loopback here.
    settings.octopush.base_url = "http://127.0.0.1:9/v1/public".into();
    settings.octopush.timeout_seconds = 2;
    let app = spawn_app_with(settings).await;

    // Recorded, with the outcome left to reconciliation; the user is told not to schedule it again.
    let receipt: ScheduleReceipt = app.schedule(valid_request()).await.ok();
    assert!(
        matches!(&receipt.submissions[0].outcome,
            SubmissionOutcome::Unknown(why) if why.to_string().contains("do not schedule it again")),
        "{receipt:?}"
    );
    let status: String = sqlx::query_scalar("SELECT status FROM submissions")
        .fetch_one(app.store().await.pool())
        .await
        .unwrap();
    assert_eq!(status, "unknown");
}

#[tokio::test]
async fn simulation_prices_without_spending() {
    let app = spawn_app().await;
    let mut request = valid_request();
    request["options"] = json!({"simulation": true});
    let receipt: ScheduleReceipt = app.schedule(request).await.ok();
    assert!(receipt.simulation);
    assert!(app.octopush_got_nothing());
    let balance: Balance = app
        .call("check_balance", json!({"provider": "Octopush"}))
        .await
        .ok();
    assert_eq!(balance.amount, 100.0);
}

#[tokio::test]
async fn the_balance_goes_down_with_what_is_sent() {
    let app = spawn_app().await;
    let before: Balance = app
        .call("check_balance", json!({"provider": "Octopush"}))
        .await
        .ok();
    assert_eq!((before.amount, before.unit.as_str()), (100.0, "EUR"));
    let receipt: ScheduleReceipt = app.schedule(valid_request()).await.ok();
    let after: Balance = app
        .call("check_balance", json!({"provider": "Octopush"}))
        .await
        .ok();
    let spent = receipt.total_cost.unwrap();
    assert!(spent > 0.0);
    assert_eq!(receipt.currency.as_deref(), Some("EUR"));
    assert!(
        (before.amount - spent - after.amount).abs() < 1e-9,
        "{before:?} - {spent} != {after:?}"
    );
}

#[tokio::test]
async fn providers_say_whether_they_are_sandboxes() {
    let app = spawn_app().await;
    let providers: Vec<ProviderInfo> = app.call("list_providers", json!({})).await.ok();
    let ids: Vec<ProviderId> = providers.iter().map(|p| p.id).collect();
    assert_eq!(ids, vec![ProviderId::Octopush, ProviderId::Infobip]);
    assert!(providers.iter().all(|p| p.sandbox));
    assert_eq!(providers[1].capabilities.cancel, Support::Yes);
    assert!(matches!(
        providers[0].capabilities.reschedule,
        Support::No(_)
    ));
    let zones: Vec<app::models::ZoneChoice> = app.call("list_time_zones", json!({})).await.ok();
    let paris = zones.iter().find(|z| z.name == "Europe/Paris").unwrap();
    assert_eq!(paris.countries, ["FR"]);
    // Only the zones of countries: no alias of another zone.
    for alias in ["Africa/Asmera", "GB-Eire", "Zulu"] {
        assert!(zones.iter().all(|z| z.name != alias), "{alias}");
    }
}

#[tokio::test]
async fn the_portals_sign_in_names_who_scheduled() {
    let mut settings = test_settings();
    settings.auth.mode = Some("trusted_header".into());
    settings.auth.user_header = Some("X-Forwarded-User".into());
    settings.auth.trusted_proxies = "127.0.0.1 ::1".into();
    settings.auth.roles.default = Some("sender".into());
    let app = spawn_app_with(settings).await;
    let response = app
        .http
        .post(format!("{}api/schedule_sms", app.url))
        .header("X-Forwarded-User", "alice@example.com")
        .json(&json!({"request": valid_request()}))
        .send()
        .await
        .unwrap();
    let receipt: ScheduleReceipt = postcard::from_bytes(&response.bytes().await.unwrap()).unwrap();
    let record = app
        .store()
        .await
        .submission(&receipt.submissions[0].submission_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(record.actor, "alice@example.com");
}

#[tokio::test]
async fn a_valid_form_reaches_the_infobip_sandbox_under_our_bulk_id() {
    let app = spawn_app().await;
    let mut request = valid_request();
    request["provider"] = json!("Infobip");
    let receipt: ScheduleReceipt = app.schedule(request).await.ok();

    assert_eq!(
        receipt.submissions[0].reference.as_deref(),
        Some(receipt.submissions[0].submission_id.as_str()),
        "the bulkId is our key"
    );
    assert_eq!((receipt.contacts, receipt.sms_needed), (2, Some(2)));
    let bulks = app.infobip.as_ref().unwrap().bulks();
    assert_eq!(bulks.len(), 1);
    let ids: Vec<&str> = bulks[0]
        .messages
        .iter()
        .map(|m| m.message_id.as_str())
        .collect();
    let expected = [
        format!("{}-0", receipt.submissions[0].submission_id),
        format!("{}-1", receipt.submissions[0].submission_id),
    ];
    assert_eq!(ids, expected.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(bulks[0].messages[0].to, "33612345678");
    assert!(bulks[0].send_at.is_some());

    let record = app
        .store()
        .await
        .submission(&receipt.submissions[0].submission_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (record.provider.as_str(), record.status),
        ("infobip", SubmissionStatus::Accepted)
    );
    let balance: Balance = app
        .call("check_balance", json!({"provider": "Infobip"}))
        .await
        .ok();
    assert_eq!(
        (balance.amount, balance.unit.as_str()),
        (100.0 - 2.0 * 0.045, "EUR")
    );
}

#[tokio::test]
async fn infobip_refuses_more_than_180_days_ahead_before_any_call() {
    let app = spawn_app().await;
    let mut request = valid_request();
    request["provider"] = json!("Infobip");
    request["send_at"] = json!((chrono::Utc::now() + chrono::Duration::days(200))
        .format("%Y-%m-%dT10:00")
        .to_string());
    let AppError::Invalid(errors) = app.schedule(request).await.error() else {
        panic!("expected field errors")
    };
    assert_eq!(errors[0].field, Field::SendAt);
    assert!(app.infobip.as_ref().unwrap().bulks().is_empty());
}

#[tokio::test]
async fn the_sandbox_clock_moves_forward_on_request_only() {
    let app = spawn_app().await;
    let clock: serde_json::Value = app
        .http
        .get(format!("{}sandbox/control/clock", app.url))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(clock["offset_seconds"], 0);
    let moved = app
        .http
        .post(format!("{}sandbox/control/clock/advance", app.url))
        .json(&json!({"seconds": 3600}))
        .send()
        .await
        .unwrap();
    let moved: serde_json::Value = moved.json().await.unwrap();
    assert_eq!(moved["offset_seconds"], 3600);
    for bad in [0, -5, 400 * 86_400] {
        let refused = app
            .http
            .post(format!("{}sandbox/control/clock/advance", app.url))
            .json(&json!({"seconds": bad}))
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), reqwest::StatusCode::BAD_REQUEST, "{bad}");
    }
}

#[tokio::test]
async fn infobip_delivery_reports_arrive_once_after_the_send_time() {
    use sms_scheduler_server::providers::infobip::InfobipClient;
    let app = spawn_app().await;
    let mut request = valid_request();
    request["provider"] = json!("Infobip");
    // The first number ends in 01: the sandbox makes it undeliverable.
    request["recipients"] = json!("06 12 34 56 01\n06 12 34 56 78");
    let receipt: ScheduleReceipt = app.schedule(request).await.ok();

    let sandbox = app.infobip.as_ref().unwrap();
    let client = InfobipClient::new(
        &format!("{}sandbox/infobip", app.url),
        sandbox.api_key().clone(),
        std::time::Duration::from_secs(5),
    );
    assert!(
        client
            .reports(receipt.submissions[0].reference.as_deref(), 50)
            .await
            .unwrap()
            .results
            .is_empty(),
        "nothing before the send time"
    );
    let logs = client
        .logs(receipt.submissions[0].reference.as_deref(), 50)
        .await
        .unwrap()
        .results;
    assert_eq!(logs.len(), 2);
    assert_eq!(
        logs[0].status.as_ref().unwrap().name.as_deref(),
        Some("PENDING_ACCEPTED")
    );

    let two_days = json!({"seconds": 2 * 86_400});
    app.http
        .post(format!("{}sandbox/control/clock/advance", app.url))
        .json(&two_days)
        .send()
        .await
        .unwrap();
    let reports = client
        .reports(receipt.submissions[0].reference.as_deref(), 50)
        .await
        .unwrap()
        .results;
    let outcomes: Vec<(String, String)> = reports
        .iter()
        .map(|r| {
            (
                r.to.clone().unwrap(),
                r.status.as_ref().unwrap().group_name.clone().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        outcomes,
        vec![
            ("33612345601".to_owned(), "UNDELIVERABLE".to_owned()),
            ("33612345678".to_owned(), "DELIVERED".to_owned())
        ]
    );
    assert_eq!(
        reports[0].message_id.as_deref(),
        Some(format!("{}-0", receipt.submissions[0].submission_id).as_str())
    );
    assert_eq!(reports[0].error.as_ref().unwrap().permanent, Some(true));
    assert!(
        client.reports(None, 50).await.unwrap().results.is_empty(),
        "each report is served once"
    );
    let logs = client
        .logs(receipt.submissions[0].reference.as_deref(), 50)
        .await
        .unwrap()
        .results;
    assert_eq!(
        logs[1].status.as_ref().unwrap().name.as_deref(),
        Some("DELIVERED_TO_HANDSET")
    );
}

#[tokio::test]
async fn the_octopush_blacklist_costs_its_fee_in_the_estimate_and_the_bill() {
    let app = spawn_app().await;
    let mut plain = valid_request();
    plain["options"] = json!({"simulation": true});
    let mut with_blacklist = plain.clone();
    with_blacklist["options"]["remove_blacklisted"] = json!(true);

    let estimate = |answer: CampaignPreview| answer.cost.unwrap();
    let plain_estimate = estimate(
        app.call("preview_campaign", json!({"request": plain, "offset": 0}))
            .await
            .ok(),
    );
    let fee_estimate = estimate(
        app.call(
            "preview_campaign",
            json!({"request": with_blacklist.clone(), "offset": 0}),
        )
        .await
        .ok(),
    );
    // One request of two recipients: one fee.
    assert!((fee_estimate - plain_estimate - 0.01).abs() < 1e-9);

    let receipt: ScheduleReceipt = app.schedule(with_blacklist).await.ok();
    assert!((receipt.total_cost.unwrap() - fee_estimate).abs() < 1e-9);
}

#[tokio::test]
async fn infobip_takes_a_flash_sms_with_a_validity_period() {
    let app = spawn_app().await;
    let mut request = valid_request();
    request["provider"] = json!("Infobip");
    request["options"] = json!({"flash": true, "validity_minutes": "90"});
    let receipt: ScheduleReceipt = app.schedule(request).await.ok();
    assert_eq!(receipt.contacts, 2);
    let bulks = app.infobip.as_ref().unwrap().bulks();
    assert_eq!(bulks.len(), 1);

    // The campaign keeps them, for its page.
    let detail: CampaignDetail = app
        .call(
            "get_campaign",
            json!({"id": receipt.campaign_id, "offset": 0}),
        )
        .await
        .ok();
    assert_eq!(
        detail.options,
        ProviderOptions {
            remove_blacklisted: false,
            flash: true,
            validity_minutes: "90".into(),
            ..ProviderOptions::default()
        }
    );
}

#[tokio::test]
async fn provider_options_are_checked_before_any_call() {
    let app = spawn_app().await;
    let mut infobip = valid_request();
    infobip["provider"] = json!("Infobip");
    infobip["options"] = json!({"validity_minutes": "2h"});
    let AppError::Invalid(errors) = app.schedule(infobip).await.error() else {
        panic!("expected field errors")
    };
    assert_eq!(
        errors
            .iter()
            .map(|e| (e.field, &e.problem))
            .collect::<Vec<_>>(),
        vec![(
            Field::ProviderOptions,
            &Problem::ValidityNotMinutes("2h".into())
        )]
    );

    let mut octopush = valid_request();
    octopush["options"] = json!({"flash": true});
    let AppError::Invalid(errors) = app.schedule(octopush).await.error() else {
        panic!("expected field errors")
    };
    assert_eq!(
        errors[0].problem,
        Problem::OptionNotOffered {
            provider: ProviderId::Octopush,
            option: ProviderOption::Flash
        }
    );
    assert!(app.infobip.as_ref().unwrap().bulks().is_empty());
    assert!(app.octopush_got_nothing());
}
