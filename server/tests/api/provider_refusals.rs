//! A campaign the provider refuses whole: recorded, in the audit trail, and each recipient told
//! why in the reader's language.

use app::models::{AppError, AuditAction, AuditOutcome, Notice, ProviderId, Role};
use serde_json::{json, Value};

use crate::access::{behind_portal, call_as, THE_TESTS_ARE_THE_PROXY};
use crate::audit::{summary, trail};
use crate::helpers::{spawn_app_with, valid_request, Answer, TestApp};

async fn alice_schedules(app: &TestApp, arguments: Value) -> Answer {
    call_as(app, "alice", Role::Sender, "schedule_sms", arguments).await
}

#[tokio::test]
async fn a_campaign_the_provider_refused_whole_is_in_the_trail_and_one_never_recorded_is_not() {
    let mut settings = behind_portal(THE_TESTS_ARE_THE_PROXY);
    settings.sandbox.octopush.initial_balance = 0.0;
    let app = spawn_app_with(settings.clone()).await;
    // Refused by our own credit check before anything is recorded: not an action.
    let before = alice_schedules(&app, json!({"request": valid_request()}))
        .await
        .error();
    assert!(matches!(before, AppError::Invalid(_)), "{before:?}");
    assert_eq!(summary(&trail(&app, json!({})).await), []);

    // Priced at nothing, the campaign passes that check, is recorded, and the provider refuses
    // it whole (no credit): the trail says so, with the campaign and the provider's code, whether
    // the browser chose the campaign's id or not.
    settings.octopush.premium_price = Some(0.0);
    let app = spawn_app_with(settings).await;
    let chosen = "5E3A8F0C-1B2D-4C5E-8F90-A1B2C3D4E5F6";
    for campaign_id in [Some(chosen), None] {
        let request = json!({"request": valid_request(), "campaign_id": campaign_id});
        let refused = alice_schedules(&app, request).await.error();
        assert!(
            matches!(&refused, AppError::Provider { code, .. } if code.as_deref() == Some("104")),
            "{refused:?}"
        );
    }
    let lines = trail(&app, json!({})).await;
    assert_eq!(
        summary(&lines),
        [
            (
                "alice",
                AuditAction::Schedule,
                AuditOutcome::ProviderRefused
            ),
            (
                "alice",
                AuditAction::Schedule,
                AuditOutcome::ProviderRefused
            ),
        ]
    );
    assert_eq!(
        lines[1].subject.campaign_id.as_deref(),
        Some(chosen.to_lowercase().as_str())
    );
    for line in &lines {
        assert_eq!(line.subject.detail.as_deref(), Some("Octopush 104"));
        let campaign = line.subject.campaign_id.as_deref().expect("a campaign");
        let recorded: app::models::CampaignDetail = call_as(
            &app,
            "alice",
            Role::Viewer,
            "get_campaign",
            json!({"id": campaign, "offset": 0}),
        )
        .await
        .ok();
        // Each recipient failed, with the provider's code: said in the reader's language.
        assert_eq!(recorded.recipients.len(), 2);
        for recipient in &recorded.recipients {
            assert_eq!(recipient.status, app::models::RecipientStatus::Failed);
            let Some(Notice::RequestRefused { provider, code, .. }) = &recipient.reason else {
                panic!("{:?}", recipient.reason)
            };
            assert_eq!(
                (*provider, code.as_deref()),
                (ProviderId::Octopush, Some("104"))
            );
        }
    }
}
