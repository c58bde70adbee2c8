//! Nothing goes out that the user did not mean: options only where a provider has them, and a
//! simulation that sends nothing and counts for nothing.

use app::models::{
    AppError, CampaignPreview, CampaignState, Field, Notice, OperationKind, OptOutImport,
    OptOutPage, Problem, ProviderId, RecipientStatus, ScheduleReceipt,
};
use serde_json::json;

use crate::helpers::{spawn_app, spawn_app_with, test_settings, valid_request};

#[tokio::test]
async fn an_infobip_campaign_is_never_recorded_as_a_simulation() {
    let app = spawn_app().await;
    // Infobip has no simulation mode: asked for one, nothing is recorded and nothing is sent.
    for option in ["simulation", "with_replies"] {
        let mut infobip = valid_request();
        infobip["provider"] = json!("Infobip");
        infobip["options"] = json!({ option: true });
        let AppError::Invalid(errors) = app.schedule(infobip).await.error() else {
            panic!("expected field errors")
        };
        assert_eq!(errors[0].field, Field::ProviderOptions);
        assert!(matches!(
            errors[0].problem,
            Problem::OptionNotOffered {
                provider: ProviderId::Infobip,
                ..
            }
        ));
    }
    // A flag where this version does not read it is refused, not dropped.
    let mut stale = valid_request();
    stale["provider"] = json!("Infobip");
    stale["simulation"] = json!(true);
    app.schedule(stale).await.error();

    assert!(app.infobip.as_ref().unwrap().bulks().is_empty());
    let simulated: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM campaigns")
        .fetch_one(app.store().await.pool())
        .await
        .unwrap();
    assert_eq!(simulated, 0);
}

#[tokio::test]
async fn a_simulation_is_finished_at_once_and_counts_for_no_frequency_cap() {
    let app = spawn_app().await;
    let mut marketing = valid_request();
    marketing["purpose"] = json!("Marketing");
    marketing["text"] = json!("Sale -20% this week. STOP au XXXXX");
    // Whatever day tomorrow is, the time goes; the rules' deferral is not what is tested here.
    marketing["outside_window"] = json!({"Override": {"reason": "test"}});
    let mut simulated = marketing.clone();
    simulated["options"] = json!({"simulation": true});

    let receipt: ScheduleReceipt = app.schedule(simulated).await.ok();
    assert!(receipt.simulation);
    let detail = app.campaign_detail(&receipt.campaign_id).await;
    assert_eq!(detail.summary.count(RecipientStatus::Simulated), 2);
    assert_eq!(detail.summary.state(), CampaignState::Finished);

    // The same numbers a day later are under the cap: the simulation sent nothing.
    let preview: CampaignPreview = app
        .call(
            "preview_campaign",
            json!({"request": marketing, "offset": 0}),
        )
        .await
        .ok();
    let over_cap = preview
        .recipients
        .iter()
        .flat_map(|r| r.warnings.iter().chain(r.excluded.iter()))
        .filter(|notice| matches!(notice, Notice::OverCap { .. }))
        .count();
    assert_eq!(over_cap, 0, "{preview:?}");

    // A real campaign does count.
    let real: ScheduleReceipt = app.schedule(marketing.clone()).await.ok();
    assert!(!real.simulation);
    let preview: CampaignPreview = app
        .call(
            "preview_campaign",
            json!({"request": marketing, "offset": 0}),
        )
        .await
        .ok();
    assert!(preview.recipients.iter().all(|r| r
        .warnings
        .iter()
        .chain(r.excluded.iter())
        .any(|n| matches!(n, Notice::OverCap { .. }))));
}

#[tokio::test]
async fn a_number_that_opts_out_after_its_campaign_was_handed_over_is_said_to_be_still_scheduled() {
    let app = spawn_app().await;
    let receipt: ScheduleReceipt = app.schedule(valid_request()).await.ok();
    let added: OptOutImport = app
        .call(
            "add_opt_outs",
            json!({"numbers": "06 98 76 54 32\n06 11 11 11 11", "source": "operator"}),
        )
        .await
        .ok();
    assert_eq!(added.added, 2);
    assert_eq!(added.still_scheduled.len(), 1, "{added:?}");
    let held = &added.still_scheduled[0];
    assert_eq!(
        (
            held.phone.as_str(),
            held.campaign_id.as_str(),
            held.provider
        ),
        (
            "+33698765432",
            receipt.campaign_id.as_str(),
            ProviderId::Octopush
        )
    );
    assert!(held.send_at.is_some());

    // The list says it too, for a number added any way (a STOP reply included).
    let page: OptOutPage = app
        .call("list_opt_outs", json!({"offset": 0, "search": ""}))
        .await
        .ok();
    let entry = |phone: &str| page.entries.iter().find(|e| e.phone == phone).unwrap();
    assert_eq!(entry("+33698765432").still_scheduled.len(), 1);
    assert!(entry("+33611111111").still_scheduled.is_empty());

    // Once the campaign is canceled, nothing holds it.
    let _: app::models::OperationReport = app
        .call(
            "operate_campaign",
            json!({"id": receipt.campaign_id, "operation": "Cancel"}),
        )
        .await
        .ok();
    let page: OptOutPage = app
        .call("list_opt_outs", json!({"offset": 0, "search": ""}))
        .await
        .ok();
    assert!(page.entries.iter().all(|e| e.still_scheduled.is_empty()));
}

#[tokio::test]
async fn a_campaign_the_balance_would_not_cover_is_refused_before_anything_is_recorded() {
    let mut settings = test_settings();
    // Two SMS at 0.055 EUR: 0.11 EUR against 0.10.
    settings.sandbox.octopush.initial_balance = 0.1;
    let app = spawn_app_with(settings).await;

    let AppError::Invalid(errors) = app.schedule(valid_request()).await.error() else {
        panic!("expected the credit check's refusal")
    };
    assert_eq!(errors[0].field, Field::Provider);
    assert!(matches!(
        &errors[0].problem,
        Problem::OverBalance { provider: ProviderId::Octopush, currency, .. } if currency == "EUR"
    ));
    assert_eq!(
        errors[0].problem.to_string(),
        "The estimated cost, 0.11 EUR, is more than the Octopush balance, 0.10 EUR: Octopush would \
         send part of the campaign and refuse the rest. Add credit, or send to fewer recipients."
    );
    assert!(app.octopush_got_nothing());
    let campaigns: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM campaigns")
        .fetch_one(app.store().await.pool())
        .await
        .unwrap();
    assert_eq!(campaigns, 0);

    // One recipient fits; a simulation costs nothing.
    let mut one = valid_request();
    one["recipients"] = json!("06 12 34 56 78");
    let receipt: ScheduleReceipt = app.schedule(one).await.ok();
    assert_eq!(receipt.contacts, 1);
    let mut simulated = valid_request();
    simulated["options"] = json!({"simulation": true});
    let receipt: ScheduleReceipt = app.schedule(simulated).await.ok();
    assert!(receipt.simulation);
}

#[tokio::test]
async fn french_marketing_through_infobip_carries_the_accounts_opt_out_mention() {
    let app = spawn_app().await;
    let mut marketing = valid_request();
    marketing["provider"] = json!("Infobip");
    marketing["purpose"] = json!("Marketing");
    marketing["outside_window"] = json!({"Override": {"reason": "test"}});
    marketing["text"] = json!("Sale -20% this week.");
    let AppError::Invalid(errors) = app.schedule(marketing.clone()).await.error() else {
        panic!("expected the mention to be asked for")
    };
    assert_eq!(
        (errors[0].field, &errors[0].problem),
        (
            Field::Text,
            &Problem::StopMentionMissing {
                provider: ProviderId::Infobip,
                mention: "STOP au 36111".into()
            }
        )
    );
    assert!(app.infobip.as_ref().unwrap().bulks().is_empty());

    // Outside French law, it is not asked for; with it, the campaign goes.
    let mut german = marketing.clone();
    german["recipients"] = json!("+4915123456789");
    let _: ScheduleReceipt = app.schedule(german).await.ok();
    marketing["text"] = json!("Sale -20% this week. STOP au 36111");
    let receipt: ScheduleReceipt = app.schedule(marketing).await.ok();
    assert_eq!(receipt.contacts, 2);
}

#[tokio::test]
async fn without_a_configured_mention_french_marketing_through_the_real_infobip_is_refused() {
    let mut settings = test_settings();
    settings.infobip.base_url = Some("http://127.0.0.1:9".into());
    settings.infobip.api_key = Some(secrecy::SecretString::from("key".to_owned()));
    let app = spawn_app_with(settings).await;
    let mut marketing = valid_request();
    marketing["provider"] = json!("Infobip");
    marketing["purpose"] = json!("Marketing");
    marketing["text"] = json!("Sale -20% this week. STOP au 36111");
    let AppError::Invalid(errors) = app
        .call(
            "preview_campaign",
            json!({"request": marketing, "offset": 0}),
        )
        .await
        .error()
    else {
        panic!("expected the missing configuration to be said")
    };
    assert_eq!(errors[0].problem, Problem::StopMentionNotConfigured);
}

#[tokio::test]
async fn an_octopush_cancel_is_not_offered_where_octopush_would_refuse_it() {
    let app = spawn_app().await;
    let cancel_refusal = |detail: &app::models::CampaignDetail| {
        detail
            .operations
            .iter()
            .find(|o| o.operation == OperationKind::Cancel)
            .unwrap()
            .refused_because
            .clone()
    };
    let two: ScheduleReceipt = app.schedule(valid_request()).await.ok();
    assert_eq!(
        cancel_refusal(&app.campaign_detail(&two.campaign_id).await),
        None
    );

    let mut three = valid_request();
    three["recipients"] = json!("0612345678\n0698765432\n0611111111");
    let three: ScheduleReceipt = app.schedule(three).await.ok();
    assert_eq!(
        cancel_refusal(&app.campaign_detail(&three.campaign_id).await),
        Some(app::models::Refusal::CancelTooManyRecipients(2))
    );

    let mut soon = valid_request();
    let in_five_minutes =
        chrono::Utc::now().with_timezone(&chrono_tz::Europe::Paris) + chrono::Duration::minutes(5);
    soon["send_at"] = json!(in_five_minutes.format("%Y-%m-%dT%H:%M").to_string());
    let soon: ScheduleReceipt = app.schedule(soon).await.ok();
    assert_eq!(
        cancel_refusal(&app.campaign_detail(&soon.campaign_id).await),
        Some(app::models::Refusal::CancelTooLate(10))
    );
}

#[tokio::test]
async fn a_placeholder_left_unclosed_is_refused_not_sent_as_written() {
    let app = spawn_app().await;
    let mut typo = valid_request();
    typo["text"] = json!("Hello {first_name, your parcel arrives tomorrow.");
    typo["recipients"] = json!("phone,first_name\n+33612345678,Ann");
    let AppError::Invalid(errors) = app.schedule(typo).await.error() else {
        panic!("expected the unclosed placeholder to be refused")
    };
    assert_eq!(
        (errors[0].field, &errors[0].problem),
        (
            Field::Text,
            &Problem::Placeholder(app::domain::placeholders::PlaceholderError::Unclosed(
                "first_name".into()
            ))
        )
    );
    assert!(app.octopush_got_nothing());
}
