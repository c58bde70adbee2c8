//! The campaign list's filters and the recipients' status filter, run by the storage suite on
//! SQLite and on PostgreSQL (LIKE, LOWER and EXISTS must mean the same on both).

use app::models::{CampaignState, ProviderId, RecipientStatus};
use chrono::{Duration, Utc};
use sms_scheduler_server::domain::{CampaignType, Encoding, OutsideWindow, Purpose};
use sms_scheduler_server::storage::{
    CampaignListQuery, NewCampaign, NewRecipient, RecipientPlace, Store,
};

pub fn campaign(id: &str, provider: &str, text: &str, minutes_ago: i64) -> NewCampaign {
    NewCampaign {
        id: id.into(),
        name: None,
        provider: ProviderId::parse(provider).expect("a provider's name"),
        actor: "alice".into(),
        message_text: text.into(),
        sender: None,
        purpose: Purpose::Alert,
        campaign_type: CampaignType::Premium,
        requested_send_at: None,
        time_zone: "Europe/Paris".into(),
        local_time: false,
        outside_window: OutsideWindow::Defer,
        simulation: false,
        recipient_count: 2,
        created_at: Utc::now() - Duration::minutes(minutes_ago),
        options: Default::default(),
        approval: Default::default(),
        approval_reasons: Vec::new(),
        held_request: None,
    }
}

fn recipient(line: u32, phone: &str, status: RecipientStatus) -> NewRecipient {
    NewRecipient {
        place: RecipientPlace::LeftOut,
        line,
        phone: phone.into(),
        parts: 1,
        encoding: Encoding::Gsm7,
        send_at: None,
        marketing: false,
        status,
        reason: None,
        warnings: Vec::new(),
    }
}

async fn listed(store: &Store, query: CampaignListQuery) -> Vec<String> {
    store
        .campaigns(10, &query)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.id)
        .collect()
}

/// Runs on an empty store.
pub async fn campaign_list_suite(store: &Store) {
    use RecipientStatus::{Accepted, Canceled, Delivered, Excluded, Failed, Scheduled};
    let campaigns = [
        (
            "off",
            "octopush",
            "Soirée reportée",
            6,
            [Canceled, Excluded],
        ),
        // Some went, the rest canceled: finished, not canceled.
        (
            "partly",
            "octopush",
            "Concert maintenu",
            7,
            [Canceled, Delivered],
        ),
        (
            "going",
            "octopush",
            "Livraison aujourd'hui",
            5,
            [Accepted, Delivered],
        ),
        (
            "live",
            "octopush",
            "Rappel : RDV demain à 9h",
            4,
            [Scheduled, Delivered],
        ),
        (
            "done",
            "infobip",
            "Promo 50% OFF_today",
            3,
            [Delivered, Failed],
        ),
        (
            "held",
            "infobip",
            "Maintenance tonight",
            2,
            [Scheduled, Scheduled],
        ),
    ];
    for (id, provider, text, minutes_ago, statuses) in campaigns {
        let recipients = [
            recipient(1, &format!("+3361234{}", 5670 + minutes_ago), statuses[0]),
            recipient(2, "+33698765432", statuses[1]),
        ];
        let named = NewCampaign {
            name: match id {
                "done" => Some("Black Friday".into()),
                "held" => Some("Ops notice".into()),
                _ => None,
            },
            ..campaign(id, provider, text, minutes_ago)
        };
        store
            .record_campaign(&named, &[], &recipients)
            .await
            .unwrap();
    }
    store.set_paused("held", true).await.unwrap();

    assert_eq!(
        listed(store, CampaignListQuery::default()).await,
        ["held", "done", "live", "going", "off", "partly"]
    );
    let state = |state| CampaignListQuery {
        state: Some(state),
        ..Default::default()
    };
    // Some recipient on its way now; every one still to go waiting for its time at the provider.
    assert_eq!(
        listed(store, state(CampaignState::InProgress)).await,
        ["going"]
    );
    assert_eq!(
        listed(store, state(CampaignState::Scheduled)).await,
        ["live"]
    );
    assert_eq!(listed(store, state(CampaignState::Paused)).await, ["held"]);
    assert_eq!(
        listed(store, state(CampaignState::Finished)).await,
        ["done", "partly"]
    );
    // Canceled before any message went: not counted as finished.
    assert_eq!(listed(store, state(CampaignState::Canceled)).await, ["off"]);
    let infobip = CampaignListQuery {
        provider: Some(ProviderId::Infobip),
        ..Default::default()
    };
    assert_eq!(listed(store, infobip.clone()).await, ["held", "done"]);
    assert_eq!(
        listed(
            store,
            CampaignListQuery {
                state: Some(CampaignState::Finished),
                ..infobip
            }
        )
        .await,
        ["done"]
    );

    let text = |words: &str| CampaignListQuery {
        text: Some(words.into()),
        ..Default::default()
    };
    // Any case; LIKE's own characters are literal.
    assert_eq!(listed(store, text("rdv DEMAIN")).await, ["live"]);
    assert_eq!(listed(store, text("50% off_")).await, ["done"]);
    assert!(listed(store, text("50%%")).await.is_empty());
    assert!(listed(store, text("_OFF")).await.is_empty());
    // Or words of the campaign's name.
    assert_eq!(listed(store, text("black FRIDAY")).await, ["done"]);
    assert_eq!(listed(store, text("ops")).await, ["held"]);
    assert_eq!(
        store
            .campaign("held")
            .await
            .unwrap()
            .unwrap()
            .name
            .as_deref(),
        Some("Ops notice")
    );
    // A number matches the campaigns that have it as a recipient, or words that contain it.
    let number = |phone: &str| CampaignListQuery {
        text: Some(phone.into()),
        phone: Some(phone.into()),
        ..Default::default()
    };
    assert_eq!(listed(store, number("+33612345673")).await, ["done"]);
    assert_eq!(
        listed(store, number("+33698765432")).await,
        ["held", "done", "live", "going", "off", "partly"]
    );
    // Paging goes on from the last one shown, filter kept.
    let older = CampaignListQuery {
        before: Some(store.campaign("held").await.unwrap().unwrap().created_at),
        phone: Some("+33698765432".into()),
        ..Default::default()
    };
    assert_eq!(
        listed(store, older).await,
        ["done", "live", "going", "off", "partly"]
    );

    // The recipients of one status, in list order.
    let scheduled = store
        .campaign_recipients("live", Some(Scheduled), 0, 10)
        .await
        .unwrap();
    assert_eq!(scheduled.len(), 1);
    assert_eq!(scheduled[0].line, 1);
    assert_eq!(
        store
            .campaign_recipients("live", None, 0, 10)
            .await
            .unwrap()
            .len(),
        2
    );
}
