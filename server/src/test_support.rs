//! Fixtures for the server's unit tests.

use crate::domain::order::{OrderRules, SmsOrder};
use crate::domain::phone::Region;
use crate::domain::{CampaignType, OutsideWindow, Purpose};
use app::models::{ProviderId, ScheduleRequest};
use chrono::{TimeZone, Utc};

/// A valid form for `provider`: one French number, 2026-07-01 09:30 Paris time.
pub fn form(provider: ProviderId) -> ScheduleRequest {
    ScheduleRequest {
        name: String::new(),
        provider,
        text: "Your parcel arrives tomorrow.".into(),
        recipients: "06 12 34 56 78".into(),
        recipients_file: None,
        campaign_type: CampaignType::Premium,
        sender: "ACME".into(),
        send_at: "2026-07-01T09:30".into(),
        send_now: false,
        time_zone: "Europe/Paris".into(),
        purpose: Purpose::Alert,
        outside_window: OutsideWindow::Defer,
        local_time: false,
        options: Default::default(),
    }
}

/// `request` validated on 2026-06-01 with French national numbers.
pub fn order(request: &ScheduleRequest) -> SmsOrder {
    let rules = OrderRules {
        default_region: Region::parse("FR").unwrap(),
        max_recipients: 500,
        infobip_stop_mention: None,
    };
    SmsOrder::parse(
        request,
        &rules,
        None,
        Utc.with_ymd_and_hms(2026, 6, 1, 0, 0, 0).unwrap(),
    )
    .expect("a valid form")
}
