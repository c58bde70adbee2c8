//! A send time where the clocks change: sent at the time `SendTime` gives, and said.

use super::*;

#[test]
fn a_time_the_clocks_go_back_through_is_sent_at_its_first_and_says_so() {
    // 02:30 on 31 October 2027 happens twice in Paris: at +02:00, then at +01:00.
    let twice = ScheduleRequest {
        send_at: "2027-10-31T02:30".into(),
        ..request("phone,first_name\n+33612345678,A\n+33698765432,B\n")
    };
    let planned = plan(&order(&twice), &Exclusions::default(), 500);
    let expected = Notice::ClockChange {
        local: "2027-10-31 02:30".into(),
        zone: "Europe/Paris".into(),
        change: ClockChange::HappensTwice {
            offset: "+02:00".into(),
            later_offset: "+01:00".into(),
        },
    };
    for recipient in &planned.recipients {
        assert_eq!(recipient.warnings, std::slice::from_ref(&expected));
    }
    let first = Utc.with_ymd_and_hms(2027, 10, 31, 0, 30, 0).unwrap();
    assert_eq!(planned.batches[0].send_at, Some(first));
    // Any other time says nothing.
    let plain = ScheduleRequest {
        send_at: "2027-10-31T04:30".into(),
        ..twice
    };
    let planned = plan(&order(&plain), &Exclusions::default(), 500);
    assert!(planned.recipients.iter().all(|r| r.warnings.is_empty()));
}

#[test]
fn in_each_recipient_s_own_time_a_time_their_clocks_skip_is_sent_after_it_and_says_so() {
    // 14 March 2027: New York's clocks go from 02:00 to 03:00; Paris's do not change.
    let local = ScheduleRequest {
        send_at: "2027-03-14T02:30".into(),
        local_time: true,
        ..request("phone,first_name,time_zone\n+33612345678,A,\n+12125550123,B,America/New_York\n")
    };
    let planned = plan(&order(&local), &Exclusions::default(), 500);
    assert!(planned.recipients[0].warnings.is_empty());
    assert_eq!(
        planned.recipients[1].warnings,
        [Notice::ClockChange {
            local: "2027-03-14 02:30".into(),
            zone: "America/New_York".into(),
            change: ClockChange::DoesNotHappen {
                sent: "03:00".into()
            },
        }]
    );
    let times: Vec<_> = planned.batches.iter().map(|b| b.send_at.unwrap()).collect();
    assert!(times.contains(&Utc.with_ymd_and_hms(2027, 3, 14, 7, 0, 0).unwrap()));
}

#[test]
fn a_recipient_the_rules_move_from_such_a_time_is_not_told_of_it() {
    // French marketing at 02:30 on the night the clocks go back: outside 08:00–20:00, moved to
    // the morning; the night's clock change is not the time it goes.
    let marketing = ScheduleRequest {
        send_at: "2027-10-31T02:30".into(),
        purpose: Purpose::Marketing,
        text: "Soldes {first_name}. STOP au 36111".into(),
        ..request("phone,first_name\n+33612345678,A\n")
    };
    let planned = plan(&order(&marketing), &Exclusions::default(), 500);
    let warnings = &planned.recipients[0].warnings;
    assert!(
        !warnings
            .iter()
            .any(|w| matches!(w, Notice::ClockChange { .. })),
        "{warnings:?}"
    );
    assert!(
        planned.batches[0].send_at > Some(Utc.with_ymd_and_hms(2027, 10, 31, 6, 0, 0).unwrap())
    );
}
