//! French law on marketing SMS in the French overseas territories, whose numbers libphonenumber
//! reads as countries of their own: the French window, on the territory's own clock.

use app::models::{Closed, Notice, ScheduleReceipt, Then};
use chrono::{Datelike, Duration, NaiveDate, Utc, Weekday};
use serde_json::json;

use crate::helpers::{spawn_app, valid_request};

/// The next Monday in February, within a year: no public holiday, French or overseas, falls in
/// February or on 1 March, and Paris is then on UTC+1 while Réunion is always on UTC+4.
fn february_monday() -> NaiveDate {
    let mut day = Utc::now().date_naive() + Duration::days(3);
    while !(day.month() == 2 && day.weekday() == Weekday::Mon) {
        day += Duration::days(1);
    }
    day
}

#[tokio::test]
async fn french_marketing_to_a_reunion_number_waits_for_the_morning_there() {
    let app = spawn_app().await;
    let monday = february_monday();
    let tuesday = monday + Duration::days(1);
    let mut request = valid_request();
    request["purpose"] = json!("Marketing");
    request["text"] = json!("Winter sale -20% STOP au XXXXX");
    request["recipients"] = json!("06 12 34 56 78\n+262 692 12 34 56");
    // 18:00 in Paris, inside the window there; 21:00 in Réunion, outside it.
    request["send_at"] = json!(format!("{monday}T18:00"));
    let receipt: ScheduleReceipt = app.schedule(request).await.ok();

    assert_eq!(receipt.deferred, 1);
    assert!(receipt.excluded.is_empty(), "{:?}", receipt.excluded);
    // The Paris number at the time asked; the Réunion one on Tuesday at 08:00 in Réunion, 05:00
    // in Paris.
    let mut send_times: Vec<String> = receipt
        .submissions
        .iter()
        .filter_map(|s| s.send_at.clone())
        .collect();
    send_times.sort();
    assert_eq!(
        send_times,
        [
            format!("{monday}T18:00:00+01:00"),
            format!("{tuesday}T05:00:00+01:00")
        ]
    );

    assert_eq!(receipt.warnings.len(), 1, "{:?}", receipt.warnings);
    let warning = &receipt.warnings[0];
    assert_eq!(
        (warning.line, warning.number.as_str()),
        (2, "+262692123456")
    );
    match &warning.notice {
        Notice::Outside {
            policy,
            window,
            closed,
            then,
        } => {
            assert_eq!(policy, "French overseas marketing");
            assert!(window.french_holidays && window.territory_holidays);
            assert_eq!(
                closed,
                &Closed::Hours {
                    time: "21:00".into(),
                    start: "08:00".into(),
                    end: "20:00".into(),
                    zone: "Indian/Reunion".into(),
                }
            );
            assert_eq!(then, &Then::Deferred);
        }
        other => panic!("expected the Réunion number outside its window, got {other:?}"),
    }

    // What the provider was asked: each number at its own time.
    let mut accepted: Vec<(String, Vec<String>)> = app
        .sandbox
        .as_ref()
        .unwrap()
        .accepted_campaigns()
        .into_iter()
        .map(|c| (c.send_at.unwrap().to_rfc3339(), c.phone_numbers))
        .collect();
    accepted.sort();
    assert_eq!(
        accepted,
        [
            (
                format!("{monday}T18:00:00+01:00"),
                vec!["+33612345678".to_owned()]
            ),
            (
                format!("{tuesday}T05:00:00+01:00"),
                vec!["+262692123456".to_owned()]
            ),
        ]
    );
}
