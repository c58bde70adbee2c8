//! From a validated order to Infobip's send request.

use crate::domain::order::{PersonalisedRecipient, SmsOrder};
use chrono::Utc;

use crate::domain::ledger_keys::recipient_key;

use super::wire::{
    format_send_at, Content, DeliveryReporting, Destination, Message, MessageOptions,
    RequestOptions, Schedule, SendRequest, TimeUnit, ValidityPeriod, Webhooks,
};

/// The request for `order`: the bulk is named `key` and each message has its own id, so both can be
/// looked up later even if the send's answer is lost. Delivery reports are pushed to
/// `delivery_webhook` when given (else they wait to be fetched).
pub fn send_request(order: &SmsOrder, key: &str, delivery_webhook: Option<&str>) -> SendRequest {
    let sender = order.sender.as_ref().map(|s| s.as_str().to_owned());
    let destination = |index: usize, personalised: &PersonalisedRecipient| Destination {
        to: personalised
            .recipient
            .number
            .e164()
            .trim_start_matches('+')
            .to_owned(),
        message_id: Some(recipient_key(key, index)),
    };
    let message = |text: &str, destinations: Vec<Destination>| Message {
        sender: sender.clone(),
        destinations,
        content: Content {
            text: text.to_owned(),
            transliteration: None,
        },
        options: message_options(order),
        webhooks: delivery_webhook.map(|url| Webhooks {
            delivery: Some(DeliveryReporting {
                url: Some(url.to_owned()),
                intermediate_report: None,
                notify: Some(true),
            }),
            content_type: Some("application/json".into()),
            callback_data: None,
        }),
    };
    // One message for everyone when the text is the same; otherwise one per recipient, each with
    // the text filled in for them (Infobip has no placeholders of its own).
    let personalised = order.personalised;
    let messages = if personalised {
        order
            .recipients
            .in_request()
            .iter()
            .enumerate()
            .map(|(index, r)| message(order.text_for(r).as_str(), vec![destination(index, r)]))
            .collect()
    } else {
        vec![message(
            order.text.as_str(),
            order
                .recipients
                .in_request()
                .iter()
                .enumerate()
                .map(|(index, r)| destination(index, r))
                .collect(),
        )]
    };
    SendRequest {
        messages,
        options: Some(RequestOptions {
            schedule: Some(Schedule {
                bulk_id: Some(key.to_owned()),
                send_at: order
                    .send_at
                    .as_ref()
                    .map(|time| format_send_at(time.instant.with_timezone(&Utc))),
            }),
            include_sms_count_in_response: Some(true),
        }),
    }
}

/// The user's options for every message; `None` when they chose none, so Infobip's defaults apply.
fn message_options(order: &SmsOrder) -> Option<MessageOptions> {
    let chosen = order.options.infobip().unwrap_or_default();
    let options = MessageOptions {
        validity_period: chosen.validity.map(|validity| ValidityPeriod {
            amount: i32::try_from(validity.minutes()).unwrap_or(i32::MAX),
            time_unit: Some(TimeUnit::Minutes),
        }),
        flash: chosen.flash.then_some(true),
        ..MessageOptions::default()
    };
    (options != MessageOptions::default()).then_some(options)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{form, order};
    use app::models::{ProviderId, ProviderOptions, ScheduleRequest};

    #[test]
    fn an_order_maps_to_one_message_with_our_ids_and_a_utc_send_time() {
        let order = order(&ScheduleRequest {
            text: "Your code is 1234".into(),
            recipients: "06 12 34 56 78\n+1 212 555 0123".into(),
            ..form(ProviderId::Infobip)
        });
        let wire = send_request(&order, "bulk-1", None);
        let destinations = &wire.messages[0].destinations;
        assert_eq!(
            destinations[0],
            Destination {
                to: "33612345678".into(),
                message_id: Some("bulk-1-0".into())
            }
        );
        assert_eq!(destinations[1].to, "12125550123");
        let schedule = wire.options.unwrap().schedule.unwrap();
        assert_eq!(schedule.bulk_id.as_deref(), Some("bulk-1"));
        assert_eq!(
            schedule.send_at.as_deref(),
            Some("2026-07-01T07:30:00.000+0000")
        );
        assert_eq!(wire.messages[0].sender.as_deref(), Some("ACME"));
        assert_eq!(wire.messages[0].webhooks, None);
        assert_eq!(wire.messages[0].options, None);
    }

    #[test]
    fn the_users_options_go_with_every_message() {
        let order = order(&ScheduleRequest {
            text: "Hello {first_name}".into(),
            recipients: "phone,first_name\n0612345678,Ann\n0698765432,Bob".into(),
            options: ProviderOptions {
                flash: true,
                validity_minutes: "90".into(),
                ..ProviderOptions::default()
            },
            ..form(ProviderId::Infobip)
        });
        let wire = send_request(&order, "bulk-1", None);
        assert_eq!(wire.messages.len(), 2);
        for message in &wire.messages {
            let options = message.options.as_ref().unwrap();
            assert_eq!(options.flash, Some(true));
            assert_eq!(
                options.validity_period,
                Some(ValidityPeriod {
                    amount: 90,
                    time_unit: Some(TimeUnit::Minutes)
                })
            );
        }
        let json = serde_json::to_value(&wire.messages[0]).unwrap();
        assert_eq!(
            json["options"],
            serde_json::json!({"validityPeriod": {"amount": 90, "timeUnit": "MINUTES"}, "flash": true})
        );
    }

    #[test]
    fn reports_are_asked_for_at_the_webhook_when_there_is_one() {
        let order = order(&form(ProviderId::Infobip));
        let wire = send_request(
            &order,
            "bulk-1",
            Some("https://sms.example/webhooks/s/infobip/reports"),
        );
        let delivery = wire.messages[0]
            .webhooks
            .as_ref()
            .unwrap()
            .delivery
            .as_ref()
            .unwrap();
        assert_eq!(
            delivery.url.as_deref(),
            Some("https://sms.example/webhooks/s/infobip/reports")
        );
        assert_eq!(delivery.notify, Some(true));
    }
}
