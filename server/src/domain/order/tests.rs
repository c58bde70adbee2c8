use super::*;
use crate::domain::placeholders::PlaceholderError;
use crate::domain::recipients::{find_repeats, parse_recipients, read_each, ListReport};
use crate::domain::send_time::SendTimeError;
use app::models::{Field, FieldError, ScheduleRequest};
use chrono::TimeZone;
use std::ops::ControlFlow;
use std::sync::Arc;

fn rules() -> OrderRules {
    OrderRules {
        default_region: Region::parse("FR").unwrap(),
        max_recipients: 3,
        infobip_stop_mention: Some("STOP au 36111".into()),
    }
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 8, 0, 0).unwrap()
}

fn request() -> ScheduleRequest {
    ScheduleRequest {
        name: String::new(),
        provider: ProviderId::Octopush,
        text: "Your parcel arrives tomorrow.".into(),
        recipients: "06 12 34 56 78\n+33 6 98 76 54 32".into(),
        recipients_file: None,
        campaign_type: CampaignType::Premium,
        sender: "ACME".into(),
        send_at: "2026-06-02T10:00".into(),
        send_now: false,
        time_zone: "Europe/Paris".into(),
        purpose: Purpose::Alert,
        outside_window: OutsideWindow::Defer,
        local_time: false,
        options: Default::default(),
    }
}

fn fields(errors: &[FieldError]) -> Vec<Field> {
    errors.iter().map(|e| e.field).collect()
}

#[test]
fn a_good_form_becomes_an_order() {
    let order = SmsOrder::parse(&request(), &rules(), None, now()).unwrap();
    assert_eq!(order.recipients.count(), 2);
    assert_eq!(order.sender.unwrap().as_str(), "ACME");
    assert_eq!(
        order.send_at.unwrap().instant.to_rfc3339(),
        "2026-06-02T10:00:00+02:00"
    );
}

#[test]
fn now_is_a_choice_and_empty_sender_means_default() {
    let order = SmsOrder::parse(
        &ScheduleRequest {
            send_at: " ".into(),
            send_now: true,
            sender: "".into(),
            ..request()
        },
        &rules(),
        None,
        now(),
    )
    .unwrap();
    assert!(order.send_at.is_none() && order.sender.is_none());
}

#[test]
fn an_empty_send_time_is_never_read_as_now() {
    let problem = |request: ScheduleRequest| {
        let errors = SmsOrder::parse(&request, &rules(), None, now()).unwrap_err();
        assert_eq!(fields(&errors), vec![Field::SendAt]);
        errors[0].problem.clone()
    };
    // What a half-typed datetime field gives the page: an empty value.
    assert_eq!(
        problem(ScheduleRequest {
            send_at: "".into(),
            ..request()
        }),
        Problem::SendTime(SendTimeError::Missing)
    );
    assert_eq!(
        problem(ScheduleRequest {
            send_now: true,
            ..request()
        }),
        Problem::SendTime(SendTimeError::NowAndTime)
    );
}

#[test]
fn every_bad_field_is_reported_at_once() {
    let bad = ScheduleRequest {
        text: "".into(),
        recipients: "06 12".into(),
        sender: "AB".into(),
        send_at: "2026-05-01T10:00".into(),
        ..request()
    };
    let errors = SmsOrder::parse(&bad, &rules(), None, now()).unwrap_err();
    assert_eq!(
        fields(&errors),
        vec![Field::Text, Field::Recipients, Field::Sender, Field::SendAt]
    );
    assert_eq!(errors[1].line, Some(1));
}

#[test]
fn marketing_through_octopush_needs_the_stop_mention() {
    let marketing = ScheduleRequest {
        purpose: Purpose::Marketing,
        ..request()
    };
    assert_eq!(
        fields(&SmsOrder::parse(&marketing, &rules(), None, now()).unwrap_err()),
        vec![Field::Text]
    );
    let with_mention = ScheduleRequest {
        text: "Sale -20% STOP au XXXXX".into(),
        ..marketing
    };
    assert!(SmsOrder::parse(&with_mention, &rules(), None, now()).is_ok());
}

#[test]
fn the_providers_horizon_bounds_the_send_time() {
    let far = ScheduleRequest {
        provider: ProviderId::Infobip,
        send_at: "2026-12-01T10:00".into(),
        ..request()
    };
    assert_eq!(
        fields(&SmsOrder::parse(&far, &rules(), Some(180), now()).unwrap_err()),
        vec![Field::SendAt]
    );
    let near = ScheduleRequest {
        provider: ProviderId::Infobip,
        send_at: "2026-11-20T10:00".into(),
        ..request()
    };
    assert!(SmsOrder::parse(&near, &rules(), Some(180), now()).is_ok());
}

#[test]
fn recipient_limits_and_unknown_zones_are_reported() {
    let none = ScheduleRequest {
        recipients: "\n \n".into(),
        ..request()
    };
    assert_eq!(
        fields(&SmsOrder::parse(&none, &rules(), None, now()).unwrap_err()),
        vec![Field::Recipients]
    );
    let many = ScheduleRequest {
        recipients: "0612345671\n0612345672\n0612345673\n0612345674".into(),
        ..request()
    };
    assert_eq!(
        fields(&SmsOrder::parse(&many, &rules(), None, now()).unwrap_err()),
        vec![Field::Recipients]
    );
    let zone = ScheduleRequest {
        time_zone: "Nowhere/Land".into(),
        ..request()
    };
    assert_eq!(
        fields(&SmsOrder::parse(&zone, &rules(), None, now()).unwrap_err()),
        vec![Field::TimeZone]
    );
}

fn set_aside(request: &ScheduleRequest) -> Result<(SmsOrder, Vec<FieldError>), Vec<FieldError>> {
    let list = parse_recipients(&request.recipients, rules().default_region);
    SmsOrder::parse_setting_aside(request, list, &rules(), None, now())
}

#[test]
fn lines_in_error_are_set_aside_only_when_they_are_the_only_errors() {
    let with_bad_line = ScheduleRequest {
        recipients: "06 12 34 56 78\nnot a number\n+33 6 98 76 54 32".into(),
        ..request()
    };
    // The right lines make an order, and the bad one comes with it…
    let (order, errors) = set_aside(&with_bad_line).unwrap();
    let listed = order.recipients.listed().unwrap();
    let lines: Vec<u32> = listed.iter().map(|r| r.recipient.line).collect();
    assert_eq!(lines, vec![1, 3]);
    assert_eq!(fields(&errors), vec![Field::Recipients]);
    assert_eq!(errors[0].line, Some(2));
    // …which is never scheduled as it is.
    let strict = SmsOrder::parse(&with_bad_line, &rules(), None, now()).unwrap_err();
    assert_eq!(strict, errors);

    // With another field wrong, every error is the answer, in the form's order.
    let also_bad_sender = ScheduleRequest {
        text: String::new(),
        sender: "A sender far too long".into(),
        ..with_bad_line.clone()
    };
    let errors = set_aside(&also_bad_sender).unwrap_err();
    assert_eq!(
        fields(&errors),
        vec![Field::Text, Field::Recipients, Field::Sender]
    );
    assert_eq!(
        errors,
        SmsOrder::parse(&also_bad_sender, &rules(), None, now()).unwrap_err()
    );

    // With no right line, there is nothing to preview.
    let only_bad = ScheduleRequest {
        recipients: "not a number\nnor this".into(),
        ..request()
    };
    let errors = set_aside(&only_bad).unwrap_err();
    assert_eq!(
        errors.iter().map(|e| e.line).collect::<Vec<_>>(),
        vec![Some(1), Some(2)]
    );
}

#[test]
fn a_list_becomes_the_order_s_recipients_where_it_lies() {
    // A million recipients' list is not copied to make the order: the order's recipients are
    // collected in the list's own memory, lines in error left out. This rests on the standard
    // library collecting in place (an optimisation it does not promise): if that stops, this
    // fails, rather than the list silently being held twice.
    let list = parse_recipients(
        "phone,first_name\n0612345678,Ann\n0698765432,\n0611111111,Cy\n",
        rules().default_region,
    );
    let before = list.recipients.as_ptr() as usize;
    let request = ScheduleRequest {
        text: "Hello {first_name}".into(),
        ..request()
    };
    let (order, errors) = SmsOrder::fields(&request, None, now())
        .with_list(&request, list, &rules())
        .unwrap();
    let recipients = order.recipients.listed().unwrap();
    assert_eq!(recipients.as_ptr() as usize, before);
    let lines: Vec<u32> = recipients.iter().map(|r| r.recipient.line).collect();
    assert_eq!(lines, vec![2, 4]);
    assert_eq!(
        errors.iter().map(|e| e.line).collect::<Vec<_>>(),
        vec![Some(3)]
    );
}

/// A list read from its text at each pass, as a kept file is.
struct ReadAgain(String);

impl ListSource for ReadAgain {
    fn read(
        &self,
        each: &mut dyn FnMut(Recipient) -> ControlFlow<()>,
    ) -> std::io::Result<ListReport> {
        let (text, region) = (self.0.as_bytes(), rules().default_region);
        read_each(
            text,
            region,
            &find_repeats(text, region)?,
            &mut crate::domain::number_log::Numbers::Checked,
            each,
        )
    }
}

#[test]
fn a_list_read_again_at_each_pass_makes_the_order_a_list_read_once_makes() {
    let many_bad: String = (0..150).map(|n| format!("bad{n}\n")).collect();
    let lists = [
        "phone,first_name\n0612345678,Ann\n+4915123456789,Bo\n06 12 34 56 78,Ann\n",
        "phone,first_name\n0612345678,Ann\nnot a number\n0698765432,\n",
        "0612345671\n0612345672\n0612345673\n0612345674\n",
        "phone,first_name\n0612345671,A\n0612345672,B\n0612345673,C\n0612345674,D\n",
        "phone,first_name\n0612345671,A\n",
        "\n \n",
        many_bad.as_str(),
    ];
    for (list, provider) in lists
        .iter()
        .zip([ProviderId::Infobip, ProviderId::Octopush].iter().cycle())
    {
        let request = ScheduleRequest {
            text: "Hello {first_name} STOP au 36111 STOP au XXXXX".into(),
            recipients: (*list).into(),
            provider: *provider,
            purpose: Purpose::Marketing,
            ..request()
        };
        let read_once = set_aside(&request);
        let mut planned = Vec::new();
        let source = Arc::new(ReadAgain((*list).into()));
        let read_again = SmsOrder::fields(&request, None, now())
            .with_reread_list(&request, source, &rules(), |_, r| planned.push(r.clone()))
            .unwrap();
        match (read_once, read_again) {
            (Ok((once, once_aside)), Ok((again, again_aside))) => {
                assert_eq!(again_aside, once_aside, "{list}");
                let listed = once.recipients.listed().unwrap();
                assert_eq!(planned, listed, "{list}");
                let mut passed = Vec::new();
                again
                    .recipients
                    .for_each(|r| {
                        passed.push(r.into_owned());
                        ControlFlow::Continue(())
                    })
                    .unwrap();
                assert_eq!(passed, listed, "{list}");
                let facts = |o: &SmsOrder| {
                    (
                        o.recipients.count(),
                        o.countries.clone(),
                        o.duplicates.clone(),
                        o.more_duplicates,
                    )
                };
                assert_eq!(facts(&again), facts(&once), "{list}");
            }
            (Err(once), Err(again)) => assert_eq!(again, once, "{list}"),
            (once, again) => panic!("{list}: read once {once:?}, read again {again:?}"),
        }
    }
}

#[test]
fn every_problem_is_answered_in_the_forms_order_whichever_way_the_list_is_read() {
    // Octopush marketing without its STOP mention, a line that is no number, a sender too long.
    let request = ScheduleRequest {
        provider: ProviderId::Octopush,
        purpose: Purpose::Marketing,
        text: "Sale -20%".into(),
        sender: "A sender far too long".into(),
        recipients: "06 12 34 56 78\nnot a number\n".into(),
        ..request()
    };
    let expected = vec![
        (Field::Text, None),
        (Field::Recipients, Some(2)),
        (Field::Sender, None),
    ];
    let read_once = SmsOrder::parse(&request, &rules(), None, now()).unwrap_err();
    let source = Arc::new(ReadAgain(request.recipients.clone()));
    let read_again = SmsOrder::fields(&request, None, now())
        .with_reread_list(&request, source, &rules(), |_, _| {})
        .unwrap()
        .unwrap_err();
    for errors in [read_once, read_again] {
        let found: Vec<(Field, Option<u32>)> = errors.iter().map(|e| (e.field, e.line)).collect();
        assert_eq!(found, expected);
        assert!(matches!(
            errors[0].problem,
            Problem::StopMentionMissing { .. }
        ));
    }
}

#[test]
fn a_placeholder_no_line_has_a_value_for_is_said_once_not_on_every_line() {
    // The column meant for {param1} left unused: no line gives it, on more lines than are listed.
    let mut list = String::from("phone;ignore\n");
    for n in 0..150 {
        list.push_str(&format!("+3361234{n:04};{n} rue X\n"));
    }
    list.push_str("not a number;x\n");
    let unused = ScheduleRequest {
        text: "Your parcel goes to {param1}.".into(),
        recipients: list,
        ..request()
    };
    let in_no_line = FieldError::new(
        Field::Recipients,
        Problem::Placeholder(PlaceholderError::InNoLine("param1".into())),
    );
    let source = Arc::new(ReadAgain(unused.recipients.clone()));
    let read_again = SmsOrder::fields(&unused, None, now())
        .with_reread_list(&unused, source, &rules(), |_, _| {})
        .unwrap();
    for errors in [set_aside(&unused).unwrap_err(), read_again.unwrap_err()] {
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert_eq!(errors[0], in_no_line);
        // Another line's own error is still said on it.
        assert_eq!(errors[1].line, Some(152));
    }

    // Neither column: each placeholder said once, the second too (each line's first error
    // named only the first).
    let neither = ScheduleRequest {
        text: "Hello {first_name}, your parcel goes to {param1}.".into(),
        ..unused.clone()
    };
    let errors = set_aside(&neither).unwrap_err();
    let unvalued = |name: &str| {
        FieldError::new(
            Field::Recipients,
            Problem::Placeholder(PlaceholderError::InNoLine(name.into())),
        )
    };
    assert_eq!(errors[..2], [unvalued("first_name"), unvalued("param1")]);
    assert_eq!(errors.len(), 3, "{errors:?}");

    // {param1} on no line, {first_name} missing on lines past those listed: those lines are
    // still counted, not lost with the errors said once.
    let mut list = String::from("phone;first_name;ignore\n");
    for n in 0..110 {
        let name = if n < 100 { "Ann" } else { "" };
        list.push_str(&format!("+3361234{n:04};{name};{n} rue X\n"));
    }
    let hidden = ScheduleRequest {
        recipients: list,
        ..neither
    };
    let errors = set_aside(&hidden).unwrap_err();
    assert_eq!(
        errors,
        vec![
            unvalued("param1"),
            FieldError::new(Field::Recipients, Problem::MoreLineErrors(10))
        ]
    );

    // A value on some line: the lines without one are said each.
    let some = ScheduleRequest {
        recipients: "phone;param1\n0612345678;12 rue X\n0698765432;\n".into(),
        ..unused
    };
    let (order, aside) = set_aside(&some).unwrap();
    assert_eq!(order.recipients.count(), 1);
    assert_eq!(
        aside,
        vec![FieldError::on_line(
            Field::Recipients,
            3,
            PlaceholderError::Unfilled("param1".into())
        )]
    );
}
