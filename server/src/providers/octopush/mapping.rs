//! From a validated order to Octopush's send request.

use crate::domain::order::SmsOrder;
use crate::domain::{CampaignType, Purpose};
use chrono::SecondsFormat;

use super::wire::{Recipient, SendCampaignRequest, SmsType, WirePurpose};

/// The request for `order`, carrying `request_id` so a resend cannot send twice.
pub fn send_request(order: &SmsOrder, request_id: &str) -> SendCampaignRequest {
    let options = order.options.octopush().unwrap_or_default();
    SendCampaignRequest {
        text: order.text.as_str().to_owned(),
        recipients: order
            .recipients
            .in_request()
            .iter()
            .map(|personalised| {
                // Octopush fills the placeholders in itself from these values.
                let fields = &personalised.recipient.fields;
                let value = |name: &str| fields.get(name).map(str::to_owned);
                Recipient {
                    phone_number: personalised.recipient.number.e164().to_owned(),
                    first_name: value("first_name"),
                    last_name: value("last_name"),
                    param1: value("param1"),
                    param2: value("param2"),
                    param3: value("param3"),
                    param4: value("param4"),
                    param5: value("param5"),
                }
            })
            .collect(),
        sms_type: match order.campaign_type {
            CampaignType::Premium => SmsType::Premium,
            CampaignType::LowCost => SmsType::LowCost,
        },
        sender: order.sender.as_ref().map(|s| s.as_str().to_owned()),
        send_at: order
            .send_at
            .as_ref()
            .map(|time| time.instant.to_rfc3339_opts(SecondsFormat::Secs, false)),
        purpose: match order.purpose {
            Purpose::Alert => WirePurpose::Alert,
            Purpose::Marketing => WirePurpose::Wholesale,
        },
        with_replies: options.with_replies,
        simulation_mode: options.simulation,
        request_id: Some(request_id.to_owned()),
        auto_optimize_text: None,
        // Only when asked: Octopush charges for it on every request.
        auto_remove_blacklisted_numbers: options.remove_blacklisted.then_some(true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{form, order};
    use app::models::{ProviderId, ProviderOptions, ScheduleRequest};

    #[test]
    fn an_order_maps_to_the_wire_with_the_users_offset() {
        let order = order(&ScheduleRequest {
            text: "Sale STOP au XXXXX".into(),
            campaign_type: CampaignType::LowCost,
            time_zone: "America/New_York".into(),
            purpose: Purpose::Marketing,
            options: ProviderOptions {
                with_replies: true,
                ..ProviderOptions::default()
            },
            ..form(ProviderId::Octopush)
        });
        let wire = send_request(&order, "sub-1");
        assert_eq!(wire.recipients[0].phone_number, "+33612345678");
        assert_eq!(wire.sms_type, SmsType::LowCost);
        assert_eq!(wire.purpose, WirePurpose::Wholesale);
        assert_eq!(wire.send_at.as_deref(), Some("2026-07-01T09:30:00-04:00"));
        assert_eq!(wire.sender.as_deref(), Some("ACME"));
        assert_eq!(wire.request_id.as_deref(), Some("sub-1"));
        assert!(wire.with_replies && !wire.simulation_mode);
        assert_eq!(wire.auto_remove_blacklisted_numbers, None);
    }

    #[test]
    fn the_blacklist_is_applied_when_asked() {
        let order = order(&ScheduleRequest {
            options: ProviderOptions {
                remove_blacklisted: true,
                ..ProviderOptions::default()
            },
            ..form(ProviderId::Octopush)
        });
        let wire = send_request(&order, "sub-1");
        assert_eq!(wire.auto_remove_blacklisted_numbers, Some(true));
    }
}
