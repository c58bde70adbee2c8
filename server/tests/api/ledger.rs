//! The campaign ledger's storage, run by the storage suite on SQLite and on PostgreSQL.

use app::models::{CampaignActionKind, EventSource, OperationKind, ProviderId, RecipientStatus};
use chrono::{Duration, TimeZone, Utc};
use sms_scheduler_server::domain::{CampaignType, Encoding, OptOutSource, OutsideWindow, Purpose};
use sms_scheduler_server::storage::{
    CampaignOptions, InboundMessage, NewCampaign, NewRecipient, NewSubmission, OptOutChange,
    RecipientPlace, ReportKey, ReportOutcome, StatusReport, Store,
};

pub fn campaign(id: &str, recipients: usize) -> NewCampaign {
    NewCampaign {
        id: id.into(),
        name: None,
        provider: ProviderId::Octopush,
        actor: "alice".into(),
        message_text: "Sale STOP au XXXXX".into(),
        sender: Some("ACME".into()),
        purpose: Purpose::Marketing,
        campaign_type: CampaignType::Premium,
        requested_send_at: Some("2026-12-07T09:00:00+01:00".into()),
        time_zone: "Europe/Paris".into(),
        local_time: false,
        outside_window: OutsideWindow::Defer,
        simulation: false,
        recipient_count: recipients,
        created_at: Utc::now(),
        options: Default::default(),
        approval: Default::default(),
        approval_reasons: Vec::new(),
        held_request: None,
    }
}

/// A recipient row: the `index`-th of request `submission` (its id `<submission>-<index>`), or
/// left out when `None`.
pub fn recipient(
    submission: Option<(&str, u32)>,
    line: u32,
    phone: &str,
    status: RecipientStatus,
) -> NewRecipient {
    NewRecipient {
        place: match submission {
            Some((id, index)) => RecipientPlace::InRequest {
                submission_id: id.into(),
                index,
            },
            None => RecipientPlace::LeftOut,
        },
        line,
        phone: phone.into(),
        parts: 1,
        encoding: Encoding::Gsm7,
        send_at: Some(Utc.with_ymd_and_hms(2026, 12, 7, 8, 0, 0).unwrap()),
        marketing: true,
        status,
        reason: (status == RecipientStatus::Excluded).then(|| "opted out".to_owned()),
        warnings: vec!["moved to the next allowed time".into()],
    }
}

pub fn submission(id: &str, campaign: &str, phones: &[&str]) -> NewSubmission {
    NewSubmission {
        id: id.into(),
        campaign_id: Some(campaign.into()),
        provider: ProviderId::Octopush,
        idempotency_key: id.into(),
        actor: "alice".into(),
        message_text: "Sale STOP au XXXXX".into(),
        recipients: phones.iter().map(|p| p.to_string()).collect(),
        send_at: Some("2026-12-07T09:00:00+01:00".into()),
        time_zone: Some("Europe/Paris".into()),
        simulation: false,
        created_at: Utc::now(),
        request_body: None,
        claim: None,
    }
}

pub fn report(key: ReportKey, status: RecipientStatus, minute: u32) -> StatusReport {
    StatusReport {
        key,
        status,
        detail: None,
        source: EventSource::OctopushWebhook,
        occurred_at: Utc.with_ymd_and_hms(2026, 12, 7, 8, minute, 0).unwrap(),
    }
}

async fn apply(
    store: &Store,
    key: ReportKey,
    status: RecipientStatus,
    minute: u32,
) -> ReportOutcome {
    store
        .apply_report(&report(key, status, minute))
        .await
        .unwrap()
}

pub async fn ledger_suite(store: &Store) {
    // A campaign of 1,203 recipients (more than one multi-row insert), one left out.
    let phones: Vec<String> = (0..1203).map(|i| format!("+3361{i:07}")).collect();
    let mut rows: Vec<NewRecipient> = phones
        .iter()
        .enumerate()
        .map(|(i, p)| {
            recipient(
                Some(("s1", i as u32)),
                i as u32 + 1,
                p,
                RecipientStatus::Pending,
            )
        })
        .collect();
    rows.push(recipient(
        None,
        1204,
        "+33699999999",
        RecipientStatus::Excluded,
    ));
    let phone_refs: Vec<&str> = phones.iter().map(String::as_str).collect();
    let with_options = NewCampaign {
        options: CampaignOptions {
            remove_blacklisted: false,
            flash: true,
            validity_minutes: Some(90),
        },
        name: Some("Soldes d'hiver".into()),
        ..campaign("c1", 1204)
    };
    store
        .record_campaign(&with_options, &[submission("s1", "c1", &phone_refs)], &rows)
        .await
        .unwrap();
    let recorded = store.campaign("c1").await.unwrap().unwrap();
    assert_eq!(recorded.recipient_count, 1204);
    assert_eq!(recorded.options, with_options.options);
    assert_eq!(recorded.name.as_deref(), Some("Soldes d'hiver"));
    assert_eq!(recorded.sender.as_deref(), Some("ACME"));
    let page = store
        .campaign_recipients("c1", None, 1200, 10)
        .await
        .unwrap();
    assert_eq!(
        page.iter().map(|r| r.line).collect::<Vec<_>>(),
        vec![1201, 1202, 1203, 1204]
    );
    assert_eq!(page[3].status, RecipientStatus::Excluded);
    assert_eq!(page[3].reason.as_deref(), Some("opted out"));
    assert_eq!(
        page[0].warnings,
        vec!["moved to the next allowed time".to_owned()]
    );

    // The provider takes the submission: every recipient moves, the excluded one stays. At a
    // fixed time before the reports below (`report`, 08:01 on): a recipient's history is in the
    // order of its times, whatever the day the test runs.
    let taken_at = Utc.with_ymd_and_hms(2026, 12, 7, 8, 0, 0).unwrap();
    let moved = store
        .set_submission_recipients(
            "s1",
            RecipientStatus::Scheduled,
            None,
            EventSource::Scheduler,
            taken_at,
        )
        .await
        .unwrap();
    assert_eq!(moved, 1203);
    assert_eq!(
        store.status_counts("c1").await.unwrap(),
        vec![
            (RecipientStatus::Scheduled, 1203),
            (RecipientStatus::Excluded, 1)
        ]
    );

    // Reports by reference: the ticket is learnt from the first one, a repeat changes nothing,
    // and a late "sent" does not move a delivered recipient back.
    let by_ticket = |phone: &str| ReportKey::Reference {
        provider: ProviderId::Octopush,
        reference: "sms_abc".into(),
        phone: phone.into(),
    };
    store
        .mark_accepted("s1", None, None, taken_at)
        .await
        .unwrap();
    assert_eq!(
        apply(store, by_ticket(&phones[0]), RecipientStatus::Delivered, 5).await,
        ReportOutcome::Applied
    );
    assert_eq!(
        store
            .submission("s1")
            .await
            .unwrap()
            .unwrap()
            .reference
            .as_deref(),
        Some("sms_abc")
    );
    assert_eq!(
        apply(store, by_ticket(&phones[0]), RecipientStatus::Delivered, 5).await,
        ReportOutcome::Duplicate
    );
    assert_eq!(
        apply(store, by_ticket(&phones[0]), RecipientStatus::Sent, 1).await,
        ReportOutcome::Kept
    );
    assert_eq!(
        apply(
            store,
            ReportKey::RecipientId("s1-1".into()),
            RecipientStatus::Failed,
            6
        )
        .await,
        ReportOutcome::Applied
    );
    assert_eq!(
        apply(
            store,
            by_ticket("+15550000000"),
            RecipientStatus::Delivered,
            5
        )
        .await,
        ReportOutcome::Unknown
    );
    let history: Vec<_> = store
        .recipient_history("s1-0")
        .await
        .unwrap()
        .into_iter()
        .map(|h| h.0)
        .collect();
    assert_eq!(
        history,
        vec![
            RecipientStatus::Scheduled,
            RecipientStatus::Sent,
            RecipientStatus::Delivered
        ]
    );
    let first = &store.campaign_recipients("c1", None, 0, 2).await.unwrap();
    assert_eq!(
        (first[0].status, first[1].status),
        (RecipientStatus::Delivered, RecipientStatus::Failed)
    );

    // Marketing sends near a time, for the frequency cap.
    let at = Utc.with_ymd_and_hms(2026, 12, 7, 8, 0, 0).unwrap();
    let near = store
        .marketing_sends_between(at - Duration::days(7), at + Duration::days(7))
        .await
        .unwrap();
    assert_eq!(
        near.len(),
        1202,
        "the failed and the excluded recipients do not count"
    );
    assert!(store
        .marketing_sends_between(at + Duration::days(1), at + Duration::days(8))
        .await
        .unwrap()
        .is_empty());
    // Its request moved ten days later, those still waiting are found there, and only there.
    let later = at + Duration::days(10);
    let moved = store
        .move_submission("s1", later, "moved", EventSource::Operator, Utc::now())
        .await
        .unwrap();
    assert!(moved > 1_000, "{moved} moved");
    let around_later = store
        .marketing_sends_between(later - Duration::days(1), later + Duration::days(1))
        .await
        .unwrap();
    assert_eq!(around_later.len() as u64, moved);
    let near = store
        .marketing_sends_between(at - Duration::days(7), at + Duration::days(7))
        .await
        .unwrap();
    assert_eq!(near.len() as u64, 1202 - moved);
    // Moved back before its first time, they are found there, and no longer ten days later.
    let earlier = at - Duration::days(3);
    let moved_back = store
        .move_submission("s1", earlier, "moved", EventSource::Operator, Utc::now())
        .await
        .unwrap();
    assert_eq!(moved_back, moved);
    let around_earlier = store
        .marketing_sends_between(earlier - Duration::days(1), earlier + Duration::days(1))
        .await
        .unwrap();
    assert_eq!(around_earlier.len() as u64, moved);
    assert!(store
        .marketing_sends_between(later - Duration::days(1), later + Duration::days(1))
        .await
        .unwrap()
        .is_empty());

    // Opt-outs keep their first source.
    assert!(store
        .add_opt_out(
            "+33612345678",
            OptOutSource::StopReply,
            Some("STOP"),
            "octopush",
            Utc::now()
        )
        .await
        .unwrap());
    assert!(!store
        .add_opt_out(
            "+33612345678",
            OptOutSource::Operator,
            None,
            "bob",
            Utc::now()
        )
        .await
        .unwrap());
    let listed = store.opt_outs(0, 10, "").await.unwrap();
    assert_eq!(
        (listed.len(), listed[0].source),
        (1, OptOutSource::StopReply)
    );
    assert_eq!(store.opt_outs(0, 10, "1234").await.unwrap().len(), 1);
    assert!(store.opt_outs(0, 10, "4321").await.unwrap().is_empty());
    assert_eq!(
        store.opt_out_reasons().await.unwrap()["+33612345678"].source,
        OptOutSource::StopReply
    );
    assert!(store
        .remove_opt_out("+33612345678", "carol", Utc::now())
        .await
        .unwrap());
    assert!(!store
        .remove_opt_out("+33612345678", "carol", Utc::now())
        .await
        .unwrap());
    assert!(store.opt_outs(0, 10, "").await.unwrap().is_empty());
    let changes: Vec<(OptOutChange, String)> = store
        .opt_out_changes("+33612345678")
        .await
        .unwrap()
        .into_iter()
        .map(|(change, _, actor, _)| (change, actor))
        .collect();
    assert_eq!(
        changes,
        [
            (OptOutChange::Add, "octopush".into()),
            (OptOutChange::Remove, "carol".into())
        ],
        "who added and who removed are kept, the refused second add is not"
    );

    // Replies are stored once however often they are delivered.
    let reply = InboundMessage {
        id: "octopush:sms_1:+33612345678:2030-01-01 10:00:00:1".into(),
        provider: ProviderId::Octopush,
        phone: "+33612345678".into(),
        text: "STOP".into(),
        reference: Some("sms_1".into()),
        opt_out: true,
        received_at: Utc::now(),
    };
    assert!(store.record_inbound(&reply, Utc::now()).await.unwrap());
    assert!(!store.record_inbound(&reply, Utc::now()).await.unwrap());
    let replies = store.inbound_messages(0, 10).await.unwrap();
    assert_eq!((replies.len(), replies[0].opt_out), (1, true));

    store
        .record_action(
            "c1",
            "bob",
            CampaignActionKind::Operation(OperationKind::Cancel),
            Some("wrong list"),
            Utc::now(),
        )
        .await
        .unwrap();
    assert_eq!(
        store.campaigns(10, &Default::default()).await.unwrap()[0].id,
        "c1"
    );
}
