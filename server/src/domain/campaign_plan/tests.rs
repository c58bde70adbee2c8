use super::*;
use crate::domain::order::OrderRules;
use crate::domain::phone::Region;
use crate::domain::{CampaignType, OutsideWindow, Purpose};
use app::models::{ProviderId, ScheduleRequest};
use chrono::TimeZone;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 8, 0, 0).unwrap()
}

fn request(recipients: &str) -> ScheduleRequest {
    ScheduleRequest {
        name: String::new(),
        provider: ProviderId::Infobip,
        text: "Hello {first_name}".into(),
        recipients: recipients.into(),
        recipients_file: None,
        campaign_type: CampaignType::Premium,
        sender: "ACME".into(),
        send_at: String::new(),
        send_now: true,
        time_zone: "Europe/Paris".into(),
        purpose: Purpose::Alert,
        outside_window: OutsideWindow::Defer,
        local_time: false,
        options: Default::default(),
    }
}

fn order(request: &ScheduleRequest) -> SmsOrder {
    let rules = OrderRules {
        default_region: Region::parse("FR").unwrap(),
        max_recipients: 1000,
        infobip_stop_mention: Some("STOP au 36111".into()),
    };
    // The tests that set a time mean it; the others send now.
    let request = ScheduleRequest {
        send_now: request.send_at.is_empty(),
        ..request.clone()
    };
    SmsOrder::parse(&request, &rules, None, now()).unwrap()
}

fn csv(rows: usize) -> String {
    let mut text = "phone,first_name\n".to_owned();
    for i in 0..rows {
        text.push_str(&format!("+3361234{i:04},N{i}\n"));
    }
    text
}

#[test]
fn a_campaign_sent_now_is_split_by_the_provider_limit() {
    let order = order(&request(&csv(5)));
    let plan = CampaignPlan::new(
        &order,
        &SendingPolicies::defaults(),
        &Exclusions::default(),
        now(),
        2,
    );
    let sizes: Vec<_> = plan
        .batches
        .iter()
        .map(|b| (b.send_at, b.members.len()))
        .collect();
    assert_eq!(sizes, vec![(None, 2), (None, 2), (None, 1)]);
    assert_eq!(
        plan.batch_order(&order, &plan.batches[2]).recipients[0]
            .recipient
            .line,
        6
    );
    assert_eq!(order.text_for(&order.recipients[3]).as_str(), "Hello N3");
}

#[test]
fn opted_out_and_capped_numbers_are_left_out_with_the_reason() {
    let order = order(&request(&csv(3)));
    let stop = Notice::OptedOut {
        source: crate::domain::OptOutSource::StopReply,
        since: "2026-11-02".into(),
    };
    let capped = Notice::OverCap {
        sent: 1,
        days: 7,
        at: vec!["2026-11-29T10:00:00+00:00".into()],
        cap: 1,
    };
    let exclusions = Exclusions {
        opted_out: HashMap::from([("+33612340000".to_owned(), stop.clone())]),
        over_cap: HashMap::from([("+33612340001".to_owned(), capped.clone())]),
        cap_action: CapAction::Exclude,
    };
    let plan = CampaignPlan::new(
        &order,
        &SendingPolicies::defaults(),
        &exclusions,
        now(),
        500,
    );
    let excluded: Vec<_> = plan
        .excluded()
        .map(|(r, why)| (r.line, why.clone()))
        .collect();
    assert_eq!(excluded, vec![(2, stop), (3, capped.clone())]);
    assert_eq!(plan.batches.len(), 1);
    assert_eq!(plan.batches[0].members, vec![2]);

    let warn = Exclusions {
        cap_action: CapAction::Warn,
        ..exclusions
    };
    let plan = CampaignPlan::new(&order, &SendingPolicies::defaults(), &warn, now(), 500);
    assert_eq!(plan.excluded().count(), 1);
    assert_eq!(plan.recipients[1].warnings, vec![capped]);
}

#[test]
fn french_marketing_on_sunday_moves_to_monday_morning() {
    let sunday = ScheduleRequest {
        text: "Sale {first_name} STOP au 36111".into(),
        purpose: Purpose::Marketing,
        send_at: "2026-12-06T10:00".into(),
        ..request(&csv(2))
    };
    let plan = CampaignPlan::new(
        &order(&sunday),
        &SendingPolicies::defaults(),
        &Exclusions::default(),
        now(),
        500,
    );
    let monday = Utc.with_ymd_and_hms(2026, 12, 7, 7, 0, 0).unwrap();
    assert_eq!(plan.batches.len(), 1);
    assert_eq!(plan.batches[0].send_at, Some(monday));
    assert!(matches!(
        plan.recipients[0].fate,
        Fate::Send { deferred: true, .. }
    ));
    assert!(!plan.recipients[0].warnings.is_empty());

    let skip = ScheduleRequest {
        outside_window: OutsideWindow::Skip,
        ..sunday
    };
    let plan = CampaignPlan::new(
        &order(&skip),
        &SendingPolicies::defaults(),
        &Exclusions::default(),
        now(),
        500,
    );
    assert!(plan.batches.is_empty());
    assert_eq!(plan.excluded().count(), 2);
}

#[test]
fn local_time_mode_groups_recipients_by_their_zone() {
    let local = ScheduleRequest {
        send_at: "2026-12-02T10:00".into(),
        local_time: true,
        ..request(
            "phone,first_name,time_zone\n+33612345678,A,\n+12125550123,B,America/New_York\n+12125550124,C,\n",
        )
    };
    let plan = CampaignPlan::new(
        &order(&local),
        &SendingPolicies::defaults(),
        &Exclusions::default(),
        now(),
        500,
    );
    let times: Vec<_> = plan
        .batches
        .iter()
        .map(|b| (b.send_at.unwrap().to_rfc3339(), b.members.clone()))
        .collect();
    assert_eq!(
        times,
        vec![
            // Paris 10:00, and the US number without a zone falls back to the campaign's, with a warning.
            ("2026-12-02T09:00:00+00:00".to_owned(), vec![0, 2]),
            ("2026-12-02T15:00:00+00:00".to_owned(), vec![1]),
        ]
    );
    assert!(
        matches!(
            &plan.recipients[2].warnings[0],
            Notice::LocalTimeInCampaignZone { local, .. } if local == "10:00"
        ),
        "{:?}",
        plan.recipients[2].warnings
    );
}

#[test]
fn a_planned_recipient_stays_small() {
    // A million recipients' plan is held while it is recorded: each one's share is kept to its
    // place, number, size, fate and warnings (it was 144 bytes with the text's whole analysis and
    // a second copy of the override's reason).
    assert!(
        std::mem::size_of::<PlannedRecipient>() <= 72,
        "{} bytes",
        std::mem::size_of::<PlannedRecipient>()
    );
}
