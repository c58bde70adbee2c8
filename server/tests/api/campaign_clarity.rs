//! Campaigns said clearly: an optional name given in the composer, kept, listed with the send
//! time and the sender, and found by the list's search; the preview's totals say a caution
//! shared by many recipients once, and count those over the frequency cap; a moved campaign's
//! recipients lose the notes about their former time; a number that does not usually receive SMS
//! (a landline, often another country's mobile written without its country code) is cautioned; so is a send time the clocks go back through.

use app::models::{
    AppError, CampaignPage, CampaignPreview, ClockChange, Field, Notice, NumberKind, Problem,
    ScheduleReceipt,
};
use serde_json::{json, Value};

use crate::helpers::{spawn_app, valid_request, TestApp};

async fn listed(app: &TestApp, search: &str) -> CampaignPage {
    app.call(
        "list_campaigns",
        json!({"before": null, "filter": {"search": search}}),
    )
    .await
    .ok()
}

#[tokio::test]
async fn a_named_campaign_is_kept_listed_with_its_sender_and_found_by_its_name() {
    let app = spawn_app().await;
    let mut named = valid_request();
    named["name"] = json!("  Winter sale, week 1 ");
    named["sender"] = json!("ACME");
    let receipt: ScheduleReceipt = app.schedule(named).await.ok();
    let mut unnamed = valid_request();
    unnamed["sender"] = json!("");
    let _: ScheduleReceipt = app.schedule(unnamed).await.ok();

    let detail = app.campaign_detail(&receipt.campaign_id).await;
    assert_eq!(detail.summary.name.as_deref(), Some("Winter sale, week 1"));
    assert_eq!(detail.summary.sender.as_deref(), Some("ACME"));
    assert!(detail.summary.requested_send_at.is_some());

    let found = listed(&app, "WINTER sale").await;
    assert_eq!(found.campaigns.len(), 1);
    assert_eq!(found.campaigns[0].id, receipt.campaign_id);
    let all = listed(&app, "").await;
    assert_eq!(all.campaigns.len(), 2);
    // The other has no name, and the provider's default sender.
    let other = all
        .campaigns
        .iter()
        .find(|c| c.id != receipt.campaign_id)
        .unwrap();
    assert_eq!(other.name, None);
    assert_eq!(other.sender, None);
}

#[tokio::test]
async fn a_name_longer_than_the_limit_is_refused_next_to_its_field() {
    let app = spawn_app().await;
    let mut long = valid_request();
    long["name"] = json!("n".repeat(81));
    let AppError::Invalid(errors) = app.schedule(long).await.error() else {
        panic!("expected field errors")
    };
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].field, Field::Name);
    assert_eq!(
        errors[0].problem,
        Problem::NameTooLong {
            length: 81,
            max: 80
        }
    );
}

async fn preview(app: &TestApp, request: Value) -> CampaignPreview {
    app.call("preview_campaign", json!({"request": request, "offset": 0}))
        .await
        .ok()
}

#[tokio::test]
async fn the_preview_counts_each_caution_once_and_those_over_the_frequency_cap() {
    let app = spawn_app().await;
    let mut marketing = valid_request();
    marketing["purpose"] = json!("Marketing");
    marketing["text"] = json!("Sale -20% this week. STOP au XXXXX");
    marketing["recipients"] = json!("+33 6 12 34 56 78");
    marketing["outside_window"] = json!({"Override": {"reason": "test"}});
    let _: ScheduleReceipt = app.schedule(marketing.clone()).await.ok();

    // German numbers at 22:00: outside the business hours the rules advise, the same caution
    // for each of them; the French one is over the cap as well.
    let mut again = marketing;
    again["recipients"] = json!("+33 6 12 34 56 78\n+49 151 23456701\n+49 151 23456702");
    again["send_at"] = json!(valid_request()["send_at"]
        .as_str()
        .unwrap()
        .replace("T10:00", "T22:00"));
    let preview = preview(&app, again).await;
    assert_eq!(preview.over_cap, 1);
    assert_eq!(preview.countries, ["FR", "DE"]);
    let outside: Vec<_> = preview
        .warnings
        .iter()
        .filter(|(notice, _)| {
            notice
                .to_string()
                .starts_with("outside Business hours (advice)")
        })
        .collect();
    assert_eq!(outside.len(), 1, "{:?}", preview.warnings);
    assert_eq!(outside[0].1, 2);
    // Each distinct caution once.
    for (i, (notice, _)) in preview.warnings.iter().enumerate() {
        assert!(!preview.warnings[i + 1..]
            .iter()
            .any(|(other, _)| other == notice));
    }
}

#[tokio::test]
async fn numbers_that_do_not_usually_receive_sms_are_sent_with_a_caution() {
    let app = spawn_app().await;
    let mut request = valid_request();
    // A New Zealand mobile written without its country code reads as a French landline; then a
    // French landline, a French mobile and a New York number (mobile or landline, it cannot say).
    request["recipients"] = json!("021 123 4567\n01 44 55 66 77\n06 12 34 56 78\n+1 212 736 5000");
    let preview = preview(&app, request.clone()).await;
    let landline = Notice::NotMobile {
        kind: NumberKind::Landline,
    };
    assert!(
        preview.warnings.contains(&(landline.clone(), 2)),
        "{:?}",
        preview.warnings
    );
    let cautioned: Vec<(&str, bool)> = preview
        .recipients
        .iter()
        .map(|r| (r.number.as_str(), r.warnings.contains(&landline)))
        .collect();
    assert_eq!(
        cautioned,
        [
            ("+33211234567", true),
            ("+33144556677", true),
            ("+33612345678", false),
            ("+12127365000", false),
        ]
    );
    // Sent all the same: the caution is a warning, not an error.
    assert_eq!(preview.to_send, 4);
    let receipt: ScheduleReceipt = app.schedule(request).await.ok();
    assert_eq!(receipt.contacts, 4);
}

/// The first wall-clock hour from three to 360 days ahead (within any provider's horizon) that
/// happens twice in New York or, failing that, Auckland (their clocks go back in November and in
/// April: one of them within any such span), as `YYYY-MM-DDTHH:30`, with its zone and the offsets
/// of its two occurrences.
fn next_hour_happening_twice() -> (chrono_tz::Tz, String, String, String) {
    use chrono::{TimeZone, Timelike};
    let start = chrono::Utc::now().naive_utc() + chrono::Duration::days(3);
    [chrono_tz::America::New_York, chrono_tz::Pacific::Auckland]
        .into_iter()
        .find_map(|zone| {
            (0..24 * 357)
                .map(|hours| start + chrono::Duration::hours(hours))
                .find_map(|local| {
                    let local = local.with_minute(30)?.with_second(0)?;
                    match zone.from_local_datetime(&local) {
                        chrono::LocalResult::Ambiguous(first, second) => Some((
                            zone,
                            local.format("%Y-%m-%dT%H:%M").to_string(),
                            first.format("%:z").to_string(),
                            second.format("%:z").to_string(),
                        )),
                        _ => None,
                    }
                })
        })
        .expect("New York's or Auckland's clocks go back within any 357 days")
}

#[tokio::test]
async fn a_send_time_that_happens_twice_is_said_on_the_preview_for_every_recipient() {
    let app = spawn_app().await;
    let (zone, local, offset, later_offset) = next_hour_happening_twice();
    let mut request = valid_request();
    request["time_zone"] = json!(zone.name());
    request["send_at"] = json!(local);
    request["recipients"] = json!("+33612345678\n+33698765432");
    let preview = preview(&app, request).await;
    let expected = Notice::ClockChange {
        local: local.replace('T', " "),
        zone: zone.name().into(),
        change: ClockChange::HappensTwice {
            offset,
            later_offset,
        },
    };
    assert!(
        preview.warnings.contains(&(expected, 2)),
        "{:?}",
        preview.warnings
    );
}

/// A day at least three days ahead that falls on `weekday`, as `YYYY-MM-DD`.
fn next(weekday: chrono::Weekday) -> String {
    use chrono::Datelike;
    let mut day = chrono::Utc::now().date_naive() + chrono::Duration::days(3);
    while day.weekday() != weekday {
        day += chrono::Duration::days(1);
    }
    day.format("%Y-%m-%d").to_string()
}

#[tokio::test]
async fn a_moved_campaign_forgets_the_notes_about_its_former_time() {
    use app::models::{CampaignDetail, Notice, OperationReport};
    let app = spawn_app().await;
    let mut sunday = valid_request();
    sunday["provider"] = json!("Infobip");
    sunday["purpose"] = json!("Marketing");
    sunday["text"] = json!("Sale -20% this week. STOP au 36111");
    sunday["send_at"] = json!(format!("{}T10:00", next(chrono::Weekday::Sun)));
    let receipt: ScheduleReceipt = app.schedule(sunday).await.ok();
    let outside = |detail: &CampaignDetail| {
        detail
            .recipients
            .iter()
            .filter(|r| {
                r.warnings
                    .iter()
                    .any(|w| matches!(w, Notice::Outside { .. }))
            })
            .count()
    };
    assert_eq!(outside(&app.campaign_detail(&receipt.campaign_id).await), 2);

    let report: OperationReport = app
        .call(
            "operate_campaign",
            json!({"id": receipt.campaign_id, "operation": {"Reschedule": {"send_at": format!("{}T11:00", next(chrono::Weekday::Thu))}}}),
        )
        .await
        .ok();
    assert_eq!(report.recipients_moved, 2);
    assert_eq!(outside(&app.campaign_detail(&receipt.campaign_id).await), 0);
}

#[tokio::test]
async fn octopush_says_what_its_credit_buys_of_each_product_in_a_country() {
    use app::models::ProductCredit;
    use sms_scheduler_server::domain::CampaignType;
    let app = spawn_app().await;
    let credits: Vec<ProductCredit> = app
        .call(
            "check_balance_details",
            json!({"provider": "Octopush", "country": "fr"}),
        )
        .await
        .ok();
    // The sandbox's 100 EUR at its prices per SMS.
    assert_eq!(
        credits,
        [
            ProductCredit {
                country: "FR".into(),
                product: CampaignType::Premium,
                sms: (100.0_f64 / 0.055).floor(),
            },
            ProductCredit {
                country: "FR".into(),
                product: CampaignType::LowCost,
                sms: (100.0_f64 / 0.035).floor(),
            },
        ]
    );
    // Infobip gives no such detail; a country that is none is refused.
    let infobip: Vec<ProductCredit> = app
        .call(
            "check_balance_details",
            json!({"provider": "Infobip", "country": "FR"}),
        )
        .await
        .ok();
    assert!(infobip.is_empty());
    let AppError::Invalid(errors) = app
        .call(
            "check_balance_details",
            json!({"provider": "Octopush", "country": "Atlantis"}),
        )
        .await
        .error()
    else {
        panic!("expected the country to be refused")
    };
    assert_eq!(errors[0].field, Field::Provider);
}
