//! "In each recipient's own time" through the server: the wall-clock time asked for is read on
//! each recipient's clock, so recipients in different zones get different instants, each 10:00 at
//! home; and a recipient list's errors are listed up to 100, the rest counted.

use app::models::{AppError, Field, Problem};
use chrono::{NaiveTime, Utc};
use chrono_tz::Tz;
use serde_json::json;

use crate::helpers::{spawn_app, valid_request};

#[tokio::test]
async fn each_recipient_gets_the_time_on_their_own_clock() {
    let app = spawn_app().await;
    let mut request = valid_request();
    request["recipients"] = json!("+33612345678\n+819012345678\n+447400123456");
    request["local_time"] = json!(true);
    let day = (Utc::now() + chrono::Duration::days(2)).date_naive();
    request["send_at"] = json!(format!("{day}T10:00"));
    app.schedule(request)
        .await
        .ok::<app::models::ScheduleReceipt>();

    let campaigns = app.sandbox.as_ref().unwrap().accepted_campaigns();
    let mut seen: Vec<(String, String)> = campaigns
        .iter()
        .flat_map(|campaign| {
            let at = campaign.send_at.expect("scheduled, not sent at once");
            campaign.phone_numbers.iter().map(move |number| {
                let zone: Tz = match &number[..3] {
                    "+33" => "Europe/Paris",
                    "+81" => "Asia/Tokyo",
                    _ => "Europe/London",
                }
                .parse()
                .unwrap();
                let local = at.with_timezone(&zone);
                assert_eq!(local.date_naive(), day, "{number}: {at}");
                assert_eq!(
                    local.time(),
                    NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
                    "{number}: {at}"
                );
                (number.clone(), at.with_timezone(&Utc).to_rfc3339())
            })
        })
        .collect();
    seen.sort();
    assert_eq!(seen.len(), 3, "{seen:?}");
    let instants: std::collections::BTreeSet<_> = seen.iter().map(|(_, at)| at.clone()).collect();
    assert_eq!(instants.len(), 3, "three zones, three instants: {seen:?}");
    assert_eq!(campaigns.len(), 3, "one campaign per send time");
}

#[tokio::test]
async fn a_list_with_many_errors_lists_the_first_100_and_counts_the_rest() {
    let app = spawn_app().await;
    let mut request = valid_request();
    let lines: Vec<String> = (0..250).map(|n| format!("not a number {n}")).collect();
    request["recipients"] = json!(format!("0612345678\n{}", lines.join("\n")));
    let AppError::Invalid(errors) = app.schedule(request).await.error() else {
        panic!("expected field errors")
    };
    assert_eq!(errors.len(), 101, "100 listed, then a count");
    let listed: Vec<Option<u32>> = errors[..100].iter().map(|e| e.line).collect();
    let expected: Vec<Option<u32>> = (2..102).map(Some).collect();
    assert_eq!(listed, expected, "the first 100, in line order");
    assert!(errors[..100].iter().all(|e| e.field == Field::Recipients));
    assert_eq!(errors[100].field, Field::Recipients);
    assert_eq!(errors[100].problem, Problem::MoreLineErrors(150));
    assert!(app.octopush_got_nothing());
}
