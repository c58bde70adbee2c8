use super::*;
use crate::domain::order::OrderRules;
use crate::domain::phone::Region;
use crate::domain::{CampaignType, OutsideWindow, Purpose};
use app::models::{ProviderId, ScheduleRequest};
use chrono::TimeZone;
use parts::RECIPIENTS_PER_PART;
use std::ops::ControlFlow;

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
        max_recipients: 10_000,
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

/// The plan's recipients and requests, as its second pass gives them to be recorded.
struct Planned {
    plan: CampaignPlan,
    recipients: Vec<PlannedRecipient>,
    batches: Vec<PlannedBatch>,
    left_out: Vec<LeftOut>,
}

fn plan(order: &SmsOrder, exclusions: &Exclusions, batch_size: usize) -> Planned {
    let plan = CampaignPlan::new(
        order,
        SendingPolicies::defaults(),
        exclusions.clone(),
        now(),
        batch_size,
    )
    .unwrap();
    let recipients = listed(order)
        .iter()
        .map(|recipient| plan.recipient(order, recipient))
        .collect();
    let (mut batches, mut left_out) = (Vec::new(), Vec::new());
    for part in parts(&plan, order) {
        batches.extend(part.batches);
        left_out.extend(part.left_out);
    }
    Planned {
        plan,
        recipients,
        batches,
        left_out,
    }
}

/// The plan's parts, as they are recorded.
fn parts(plan: &CampaignPlan, order: &SmsOrder) -> Vec<PlanPart> {
    let mut parts = Vec::new();
    plan.each_part(order, |part| {
        parts.push(part);
        ControlFlow::Continue(())
    })
    .unwrap();
    parts
}

fn listed(order: &SmsOrder) -> &[PersonalisedRecipient] {
    order.recipients.listed().expect("a typed list")
}

/// The places in the list (a CSV's, its header on line 1) of a request's recipients.
fn indices(batch: &PlannedBatch) -> Vec<usize> {
    let place = |m: &Member| m.recipient.recipient.line as usize - 2;
    batch.members.iter().map(place).collect()
}

#[test]
fn a_campaign_sent_now_is_split_by_the_provider_limit() {
    let order = order(&request(&csv(5)));
    let planned = plan(&order, &Exclusions::default(), 2);
    let sizes: Vec<_> = planned
        .batches
        .iter()
        .map(|b| (b.send_at, b.members.len()))
        .collect();
    assert_eq!(sizes, vec![(None, 2), (None, 2), (None, 1)]);
    assert_eq!(planned.plan.summary.requests, 3);
    assert_eq!(
        listed(&CampaignPlan::batch_order(&order, &planned.batches[2]))[0]
            .recipient
            .line,
        6
    );
    assert_eq!(order.text_for(&listed(&order)[3]).as_str(), "Hello N3");
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
    let planned = plan(&order, &exclusions, 500);
    let excluded: Vec<_> = planned
        .left_out
        .iter()
        .map(|left_out| {
            let fate = Fate::Excluded {
                reason: Box::new(left_out.reason.clone()),
            };
            assert_eq!(left_out.planned.fate, fate, "the reason is the fate's");
            (left_out.planned.line, left_out.reason.clone())
        })
        .collect();
    assert_eq!(excluded, vec![(2, stop), (3, capped.clone())]);
    let summarised: Vec<_> = planned
        .plan
        .summary
        .excluded
        .iter()
        .map(|e| (e.line, e.reason.clone()))
        .collect();
    assert_eq!(summarised, excluded);
    assert_eq!(planned.batches.len(), 1);
    assert_eq!(indices(&planned.batches[0]), vec![2]);

    let warn = Exclusions {
        cap_action: CapAction::Warn,
        ..exclusions
    };
    let planned = plan(&order, &warn, 500);
    assert_eq!(planned.left_out.len(), 1);
    assert_eq!(planned.recipients[1].warnings, vec![capped]);
    assert_eq!(planned.plan.summary.over_cap, 1);
}

#[test]
fn french_marketing_on_sunday_moves_to_monday_morning() {
    let sunday = ScheduleRequest {
        text: "Sale {first_name} STOP au 36111".into(),
        purpose: Purpose::Marketing,
        send_at: "2026-12-06T10:00".into(),
        ..request(&csv(2))
    };
    let planned = plan(&order(&sunday), &Exclusions::default(), 500);
    let monday = Utc.with_ymd_and_hms(2026, 12, 7, 7, 0, 0).unwrap();
    assert_eq!(planned.batches.len(), 1);
    assert_eq!(planned.batches[0].send_at, Some(monday));
    assert!(matches!(
        planned.recipients[0].fate,
        Fate::Send { deferred: true, .. }
    ));
    assert!(!planned.recipients[0].warnings.is_empty());
    assert_eq!(planned.plan.summary.deferred, 2);

    let skip = ScheduleRequest {
        outside_window: OutsideWindow::Skip,
        ..sunday
    };
    let planned = plan(&order(&skip), &Exclusions::default(), 500);
    assert!(planned.batches.is_empty());
    assert_eq!(planned.left_out.len(), 2);
    assert_eq!(planned.plan.summary.requests, 0);
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
    let planned = plan(&order(&local), &Exclusions::default(), 500);
    let times: Vec<_> = planned
        .batches
        .iter()
        .map(|b| (b.send_at.unwrap().to_rfc3339(), indices(b)))
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
            &planned.recipients[2].warnings[0],
            Notice::LocalTimeInCampaignZone { local, .. } if local == "10:00"
        ),
        "{:?}",
        planned.recipients[2].warnings
    );
}

/// What the parts carry agrees with the first pass's totals, each recipient once.
fn assert_parts_agree_with_the_summary(order: &SmsOrder, planned: &Planned) {
    let summary = &planned.plan.summary;
    assert_eq!(planned.batches.len() as u64, summary.requests);
    let sent: Vec<&PlannedRecipient> = planned
        .batches
        .iter()
        .flat_map(|b| b.members.iter().map(|m| &m.planned))
        .collect();
    assert_eq!(sent.len() as u64, summary.to_send);
    let parts: u64 = sent.iter().map(|r| u64::from(r.size.parts)).sum();
    assert_eq!(parts, summary.parts);
    assert_eq!(
        planned.left_out.len() as u64,
        summary.excluded.len() as u64 + summary.more_excluded
    );
    let mut lines: Vec<u32> = sent.iter().map(|r| r.line).collect();
    lines.extend(planned.left_out.iter().map(|r| r.planned.line));
    lines.sort_unstable();
    let every: Vec<u32> = listed(order).iter().map(|r| r.recipient.line).collect();
    assert_eq!(lines, every);
    let place: HashMap<u32, usize> = every.iter().enumerate().map(|(i, l)| (*l, i)).collect();
    for batch in &planned.batches {
        for member in &batch.members {
            let index = place[&member.recipient.recipient.line];
            assert_eq!(member.recipient, listed(order)[index]);
            assert_eq!(member.planned, planned.recipients[index]);
        }
    }
}

#[test]
fn parts_carry_about_two_thousand_recipients_in_full_requests() {
    let order = order(&request(&csv(5_100)));
    let opted_out: HashMap<String, Notice> = (0..5_100)
        .step_by(10)
        .map(|i| (format!("+3361234{i:04}"), Notice::Words("out".into())))
        .collect();
    let exclusions = Exclusions {
        opted_out,
        ..Exclusions::default()
    };
    let whole = CampaignPlan::new(
        &order,
        SendingPolicies::defaults(),
        exclusions.clone(),
        now(),
        500,
    )
    .unwrap();
    let sizes: Vec<(usize, usize)> = parts(&whole, &order)
        .into_iter()
        .map(|part| {
            let sent: usize = part.batches.iter().map(|b| b.members.len()).sum();
            (sent, part.left_out.len())
        })
        .collect();
    // 4,590 sent in 9 full requests and one of 90, 510 left out, in parts of at least 2,000
    // (the last one what is left).
    let totals: Vec<usize> = sizes.iter().map(|(sent, out)| sent + out).collect();
    assert!(totals[..totals.len() - 1]
        .iter()
        .all(|n| (RECIPIENTS_PER_PART..RECIPIENTS_PER_PART + 500).contains(n)));
    assert_eq!(totals.iter().sum::<usize>(), 5_100);
    let planned = plan(&order, &exclusions, 500);
    let requests: Vec<usize> = planned.batches.iter().map(|b| b.members.len()).collect();
    assert_eq!(requests, [vec![500; 9], vec![90]].concat());
    assert_parts_agree_with_the_summary(&order, &planned);
}

#[test]
fn requests_of_each_send_time_fill_across_parts() {
    let mut text = "phone,first_name,time_zone\n".to_owned();
    for i in 0..3_001 {
        match i % 2 {
            0 => text.push_str(&format!("+3361234{i:04},P{i},\n")),
            _ => text.push_str(&format!("+1212555{i:04},N{i},America/New_York\n")),
        }
    }
    let local = ScheduleRequest {
        send_at: "2026-12-02T10:00".into(),
        local_time: true,
        ..request(&text)
    };
    let order = order(&local);
    let planned = plan(&order, &Exclusions::default(), 500);
    let times: Vec<(String, usize)> = planned
        .batches
        .iter()
        .map(|b| (b.send_at.unwrap().to_rfc3339(), b.members.len()))
        .collect();
    let paris = "2026-12-02T09:00:00+00:00".to_owned();
    let new_york = "2026-12-02T15:00:00+00:00".to_owned();
    // Full requests as they fill, then the last of each time, the earliest first.
    assert_eq!(
        times,
        vec![
            (paris.clone(), 500),
            (new_york.clone(), 500),
            (paris.clone(), 500),
            (new_york.clone(), 500),
            (paris.clone(), 500),
            (new_york.clone(), 500),
            (paris, 1),
        ]
    );
    for batch in &planned.batches {
        for member in &batch.members {
            let Fate::Send { at, .. } = member.planned.fate else {
                panic!("line {} is left out", member.planned.line);
            };
            assert_eq!(Some(at), batch.send_at);
        }
    }
    assert_parts_agree_with_the_summary(&order, &planned);
}

#[test]
fn a_planned_recipient_stays_small() {
    // A part's recipients and the requests still filling are held while they are recorded: each
    // one's share is kept to its place, number, size, fate and warnings (it was 144 bytes with
    // the text's whole analysis and a second copy of the override's reason; 72 with the number
    // behind a pointer, 80 with its 22 bytes in place and nothing on the heap).
    assert!(
        std::mem::size_of::<PlannedRecipient>() <= 80,
        "{} bytes",
        std::mem::size_of::<PlannedRecipient>()
    );
}

mod clock_changes;
mod reread;
