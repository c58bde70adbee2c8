use super::*;
use chrono::TimeZone;
use serde_json::json;

#[test]
fn send_at_uses_infobips_documented_form_and_reads_both() {
    let instant = Utc.with_ymd_and_hms(2021, 8, 25, 16, 0, 0).unwrap();
    assert_eq!(format_send_at(instant), "2021-08-25T16:00:00.000+0000");
    assert_eq!(
        parse_send_at("2021-08-25T16:00:00.000+0000").unwrap(),
        instant
    );
    assert_eq!(parse_send_at("2021-08-25T18:00:00+02:00").unwrap(), instant);
    assert!(parse_send_at("tomorrow").is_none());
}

#[test]
fn a_send_request_serialises_with_infobips_field_names() {
    let request = SendRequest {
        messages: vec![Message {
            sender: Some("ACME".into()),
            destinations: vec![Destination {
                to: "41793026727".into(),
                message_id: Some("m-1".into()),
            }],
            content: Content {
                text: "Hi".into(),
                transliteration: None,
            },
            options: Some(MessageOptions {
                validity_period: Some(ValidityPeriod {
                    amount: 2,
                    time_unit: Some(TimeUnit::Hours),
                }),
                delivery_time_window: Some(DeliveryTimeWindow {
                    days: vec![DeliveryDay::Monday],
                    from: Some(DeliveryTime { hour: 7, minute: 0 }),
                    to: Some(DeliveryTime {
                        hour: 19,
                        minute: 0,
                    }),
                }),
                campaign_reference_id: None,
                flash: None,
                platform: None,
            }),
            webhooks: Some(Webhooks {
                delivery: Some(DeliveryReporting {
                    url: Some("https://x/dlr".into()),
                    ..Default::default()
                }),
                content_type: None,
                callback_data: Some("c".into()),
            }),
        }],
        options: Some(RequestOptions {
            schedule: Some(Schedule {
                bulk_id: Some("b-1".into()),
                send_at: Some("2021-08-25T16:00:00.000+0000".into()),
            }),
            include_sms_count_in_response: Some(true),
        }),
    };
    assert_eq!(
        serde_json::to_value(&request).unwrap(),
        json!({
            "messages": [{
                "sender": "ACME",
                "destinations": [{"to": "41793026727", "messageId": "m-1"}],
                "content": {"text": "Hi"},
                "options": {
                    "validityPeriod": {"amount": 2, "timeUnit": "HOURS"},
                    "deliveryTimeWindow": {"days": ["MONDAY"], "from": {"hour": 7, "minute": 0}, "to": {"hour": 19, "minute": 0}}
                },
                "webhooks": {"delivery": {"url": "https://x/dlr"}, "callbackData": "c"}
            }],
            "options": {
                "schedule": {"bulkId": "b-1", "sendAt": "2021-08-25T16:00:00.000+0000"},
                "includeSmsCountInResponse": true
            }
        })
    );
}

#[test]
fn parses_the_specs_examples() {
    let sent: SendResponse = serde_json::from_value(json!({
        "bulkId": "2034072219640523072",
        "messages": [{"messageId": "2250be2d4219-3af1-78856-aabe-1362af1edfd2",
            "status": {"groupId": 1, "groupName": "PENDING", "id": 26, "name": "PENDING_ACCEPTED",
                "description": "Message sent to next instance"},
            "destination": "41793026727", "details": {"messageCount": 1}}]
    }))
    .unwrap();
    assert_eq!(
        sent.messages[0].details.as_ref().unwrap().message_count,
        Some(1)
    );
    let error: ApiError = serde_json::from_value(json!({
        "errorCode": "E400", "description": "Request cannot be processed.",
        "action": "Check the syntax, violations and adjust the request.",
        "violations": [{"property": "property.path", "violation": "Violation message."}], "resources": []
    }))
    .unwrap();
    assert_eq!(error.violations[0].property, "property.path");
    let not_found: ApiException = serde_json::from_value(json!(
        {"requestError": {"serviceException": {"messageId": "NOT_FOUND", "text": "Bulk not found"}}}
    ))
    .unwrap();
    assert_eq!(not_found, ApiException::new("NOT_FOUND", "Bulk not found"));
    let status: BulkStatusResponse =
        serde_json::from_value(json!({"bulkId": "b", "status": "PAUSED"})).unwrap();
    assert_eq!(status.status, Some(BulkStatus::Paused));
    let balance: AccountBalance =
        serde_json::from_value(json!({"balance": 47.79, "currency": "EUR"})).unwrap();
    assert_eq!(balance.currency, "EUR");
}

#[test]
fn parses_the_specs_webhook_examples() {
    // The delivery-report webhook carries the same body as `/sms/3/reports`.
    let pushed: DeliveryReports = serde_json::from_value(json!({"results": [{
        "bulkId": "b", "messageId": "m", "to": "41793026727", "sentAt": "2019-11-09T16:00:00.000+0000",
        "doneAt": "2019-11-09T16:00:00.000+0000", "messageCount": 1,
        "price": {"pricePerMessage": 0.01, "currency": "EUR"},
        "status": {"groupId": 3, "groupName": "DELIVERED", "id": 5, "name": "DELIVERED_TO_HANDSET"},
        "error": {"groupId": 0, "groupName": "OK", "id": 0, "name": "NO_ERROR", "permanent": false},
        "callbackData": "c"
    }]}))
    .unwrap();
    assert_eq!(
        pushed.results[0].error.as_ref().unwrap().permanent,
        Some(false)
    );
    let inbound: InboundMessages = serde_json::from_value(json!({"results": [{
        "messageId": "817790313235066447", "from": "385916242493", "to": "385921004026",
        "text": "QUIZ Correct answer is Paris", "cleanText": "Correct answer is Paris", "keyword": "QUIZ",
        "receivedAt": "2019-11-09T16:00:00.000+0000", "smsCount": 1,
        "price": {"pricePerMessage": 0, "currency": "EUR"}, "callbackData": "callbackData"
    }], "messageCount": 1, "pendingMessageCount": 1}))
    .unwrap();
    assert_eq!(inbound.results[0].keyword.as_deref(), Some("QUIZ"));
}
