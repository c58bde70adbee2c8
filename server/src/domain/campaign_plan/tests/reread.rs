//! A plan over a list read again at each pass (a kept file's): what it does when a later
//! reading fails.

use super::*;

/// A list whose first reading succeeds and whose later ones fail, as a file swept between a
/// schedule's passes does.
struct GoneAfterOneReading {
    text: String,
    readings: std::sync::atomic::AtomicUsize,
}

impl crate::domain::order::ListSource for GoneAfterOneReading {
    fn read(
        &self,
        each: &mut dyn FnMut(crate::domain::recipients::Recipient) -> ControlFlow<()>,
    ) -> std::io::Result<crate::domain::recipients::ListReport> {
        let ordinal = std::sync::atomic::Ordering::SeqCst;
        if self.readings.fetch_add(1, ordinal) > 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let region = Region::parse("FR").unwrap();
        let text = self.text.as_bytes();
        let repeats = crate::domain::recipients::find_repeats(text, region)?;
        crate::domain::recipients::read_each(
            text,
            region,
            &repeats,
            &mut crate::domain::number_log::Numbers::Checked,
            each,
        )
    }
}

#[test]
fn a_list_that_cannot_be_read_again_gives_no_part_past_the_failure() {
    let request = ScheduleRequest {
        recipients: String::new(),
        ..request(&csv(0))
    };
    let source = std::sync::Arc::new(GoneAfterOneReading {
        text: csv(3_000),
        readings: Default::default(),
    });
    let rules = OrderRules {
        default_region: Region::parse("FR").unwrap(),
        max_recipients: 10_000,
        infobip_stop_mention: None,
    };
    let fields = SmsOrder::fields(&request, None, now());
    let rules_of = |order: &SmsOrder| {
        let policies = SendingPolicies::defaults();
        CampaignPlan::rules_for(order, policies, Exclusions::default(), now(), 500)
    };
    let mut plan = rules_of(fields.order().unwrap());
    let mut first = plan.first_pass();
    let (order, set_aside) = fields
        .with_reread_list(&request, source, &rules, |order, r| first.add(order, r))
        .unwrap()
        .unwrap();
    plan.summary = first.finish();
    assert!(set_aside.is_empty());
    assert_eq!((plan.summary.total, plan.summary.requests), (3_000, 6));
    let mut given = 0;
    let read = plan.each_part(&order, |_| {
        given += 1;
        ControlFlow::Continue(())
    });
    assert_eq!(read.unwrap_err().kind(), std::io::ErrorKind::UnexpectedEof);
    assert_eq!(given, 0);
}
