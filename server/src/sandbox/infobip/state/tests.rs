use super::*;
use chrono::TimeZone;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap()
}

fn message(id: &str, to: &str) -> SandboxMessage {
    SandboxMessage {
        message_id: id.into(),
        to: to.into(),
        sender: None,
        parts: 1,
        notify_url: None,
        callback_data: None,
        text: "Hi".into(),
        campaign_reference_id: None,
        platform: None,
    }
}

fn state_with_bulk(send_at: Option<DateTime<Utc>>) -> SandboxState {
    let mut state = SandboxState::new(10.0);
    let message = message("m", "33612345678");
    state.accept("b".into(), send_at, vec![message], 1.0, now());
    state
}

#[test]
fn a_scheduled_bulk_can_be_paused_resumed_and_canceled_once() {
    let mut state = state_with_bulk(Some(now() + Duration::hours(2)));
    assert_eq!(state.change_status("b", BulkStatus::Paused, now()), Ok(()));
    assert!(state.change_status("b", BulkStatus::Paused, now()).is_err());
    assert_eq!(state.change_status("b", BulkStatus::Pending, now()), Ok(()));
    assert_eq!(
        state.change_status("b", BulkStatus::Canceled, now()),
        Ok(())
    );
    assert_eq!(state.balance, 10.0, "refunded");
    assert!(matches!(
        state.change_status("b", BulkStatus::Pending, now()),
        Err(BulkRefusal::BadRequest(_))
    ));
}

#[test]
fn processing_resumes_a_paused_bulk_as_infobip_documents() {
    let mut state = state_with_bulk(Some(now() + Duration::hours(2)));
    assert!(state
        .change_status("b", BulkStatus::Processing, now())
        .is_err());
    state.change_status("b", BulkStatus::Paused, now()).unwrap();
    assert_eq!(
        state.change_status("b", BulkStatus::Processing, now()),
        Ok(())
    );
    assert_eq!(
        state.scheduled("b").unwrap().status(now()),
        BulkStatus::Pending
    );
}

#[test]
fn a_bulk_whose_time_has_come_is_finished_and_frozen() {
    let mut state = state_with_bulk(Some(now() + Duration::hours(1)));
    let later = now() + Duration::hours(2);
    assert_eq!(
        state.scheduled("b").unwrap().status(later),
        BulkStatus::Finished
    );
    assert!(state
        .change_status("b", BulkStatus::Canceled, later)
        .is_err());
    assert!(state
        .reschedule("b", later + Duration::hours(1), later)
        .is_err());
}

#[test]
fn reports_are_served_once_after_the_outcome_and_logs_show_progress() {
    let mut state = SandboxState::new(10.0);
    let at = now() + Duration::hours(1);
    state.accept(
        "b".into(),
        Some(at),
        vec![message("ok", "33612345678"), message("ko", "33612345601")],
        1.0,
        now(),
    );

    assert!(state.take_reports(|_, _| true, 50, now()).is_empty());
    assert_eq!(state.logs(now())[0].2, Stage::Scheduled);
    let later = at + Duration::minutes(1);
    let reports = state.take_reports(|b, _| b.bulk_id == "b", 50, later);
    let outcomes: Vec<_> = reports
        .iter()
        .map(|(_, m, o)| (m.message_id.as_str(), *o))
        .collect();
    assert_eq!(
        outcomes,
        vec![("ok", Outcome::Delivered), ("ko", Outcome::Undeliverable)]
    );
    assert!(
        state.take_reports(|_, _| true, 50, later).is_empty(),
        "each report is served once"
    );
    assert_eq!(state.logs(later).len(), 2, "logs stay");
}

#[test]
fn a_paused_bulk_does_not_leave_and_leaves_at_once_when_resumed_late() {
    let mut state = state_with_bulk(Some(now() + Duration::minutes(30)));
    state.change_status("b", BulkStatus::Paused, now()).unwrap();
    let later = now() + Duration::hours(2);
    assert!(state.logs(later).is_empty());
    state
        .change_status("b", BulkStatus::Pending, later)
        .unwrap();
    assert_eq!(state.scheduled("b").unwrap().send_at, Some(later));
    assert_eq!(
        state.logs(later + Duration::minutes(1))[0].2,
        Stage::Done(Outcome::Delivered)
    );
}

#[test]
fn reschedule_respects_the_180_day_limit_and_unknown_bulks_are_not_found() {
    let mut state = state_with_bulk(Some(now() + Duration::hours(1)));
    assert!(state
        .reschedule("b", now() + Duration::days(181), now())
        .is_err());
    assert_eq!(
        state.reschedule("b", now() + Duration::days(179), now()),
        Ok(())
    );
    assert_eq!(
        state.reschedule("zz", now() + Duration::days(1), now()),
        Err(BulkRefusal::NotFound)
    );
    let immediate = state_with_bulk(None);
    assert_eq!(immediate.scheduled("b").unwrap_err(), BulkRefusal::NotFound);
}
