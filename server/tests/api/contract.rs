//! Infobip contract tests against the official OpenAPI in `docs/specs/infobip`, with Prism:
//! every kind of request the client sends goes to `prism mock --errors` (a violation fails the call),
//! and the sandbox's answers go through `prism proxy --errors` (a violating answer fails the call).
//! Prism and the specs are required: when either is missing these tests fail, they never skip.

use chrono::{Duration, Utc};
use secrecy::SecretString;
use sms_scheduler_server::providers::infobip::wire::{
    format_send_at, BulkStatus, Content, DeliveryDay, DeliveryReporting, DeliveryTime,
    DeliveryTimeWindow, Destination, Message, MessageOptions, Platform, RequestOptions, Schedule,
    SendRequest, TimeUnit, ValidityPeriod, Webhooks,
};
use sms_scheduler_server::providers::infobip::{InfobipClient, InfobipError};
use std::time::Duration as StdDuration;

use crate::helpers::spawn_standalone_infobip_with_clock;
use crate::prism::{start, Strictness};
use crate::spec::spec_file;

/// A request using every field the client can set.
fn full_send_request(bulk_id: &str) -> SendRequest {
    SendRequest {
        messages: vec![Message {
            sender: Some("ACME".into()),
            destinations: vec![
                Destination {
                    to: "33612345678".into(),
                    message_id: Some(format!("{bulk_id}-0")),
                },
                Destination {
                    to: "12125550123".into(),
                    message_id: Some(format!("{bulk_id}-1")),
                },
            ],
            content: Content {
                text: "Your parcel arrives tomorrow.".into(),
                transliteration: None,
            },
            options: Some(MessageOptions {
                validity_period: Some(ValidityPeriod {
                    amount: 12,
                    time_unit: Some(TimeUnit::Hours),
                }),
                delivery_time_window: Some(DeliveryTimeWindow {
                    days: vec![DeliveryDay::Monday, DeliveryDay::Saturday],
                    from: Some(DeliveryTime { hour: 7, minute: 0 }),
                    to: Some(DeliveryTime {
                        hour: 18,
                        minute: 30,
                    }),
                }),
                campaign_reference_id: Some("campaign-1".into()),
                flash: Some(true),
                platform: Some(Platform {
                    entity_id: Some("entity-1".into()),
                    application_id: Some("app-1".into()),
                }),
            }),
            webhooks: Some(Webhooks {
                delivery: Some(DeliveryReporting {
                    url: Some("https://sms.example.com/hooks/infobip/delivery".into()),
                    intermediate_report: Some(false),
                    notify: Some(true),
                }),
                content_type: Some("application/json".into()),
                callback_data: Some("submission=1".into()),
            }),
        }],
        options: Some(RequestOptions {
            schedule: Some(Schedule {
                bulk_id: Some(bulk_id.into()),
                send_at: Some(format_send_at(Utc::now() + Duration::days(2))),
            }),
            include_sms_count_in_response: Some(true),
        }),
    }
}

fn client(url: &str, key: &str) -> InfobipClient {
    InfobipClient::new(
        url,
        SecretString::from(key.to_owned()),
        StdDuration::from_secs(10),
    )
}

fn ok<T>(what: &str, result: Result<T, InfobipError>) -> T {
    result.unwrap_or_else(|error| panic!("{what}: {error}"))
}

#[tokio::test]
async fn every_request_the_client_sends_satisfies_the_official_spec() {
    let sms_spec = spec_file("infobip", "sms-openapi.json");
    let account_spec = spec_file("infobip", "account-management-openapi.json");
    let (_sms, sms_url) = start("mock", &sms_spec, None, Strictness::Errors).await;
    let (_account, account_url) = start("mock", &account_spec, None, Strictness::Errors).await;

    let sms = client(&sms_url, "any-key");
    ok("send", sms.send(&full_send_request("bulk-1")).await);
    ok("read schedule", sms.bulk_schedule("bulk-1").await);
    ok(
        "reschedule",
        sms.reschedule("bulk-1", &format_send_at(Utc::now() + Duration::days(3)))
            .await,
    );
    ok("read status", sms.bulk_status("bulk-1").await);
    ok(
        "preview",
        sms.preview("Your parcel arrives tomorrow.").await,
    );
    ok("reports", sms.reports(Some("bulk-1"), 100).await);
    ok("logs", sms.logs(Some("bulk-1"), 100).await);
    for status in [
        BulkStatus::Paused,
        BulkStatus::Processing,
        BulkStatus::Canceled,
    ] {
        ok(
            "change status",
            sms.update_bulk_status("bulk-1", status).await,
        );
    }
    // The account spec declares the balance answer as `*/*`, which Prism cannot render from its
    // example; it says so only after the request passed validation (a violation answers 422 first).
    match client(&account_url, "any-key").balance().await {
        Ok(_) => {}
        Err(InfobipError::Unexpected { status: 500, body })
            if body.contains("NO_COMPLEX_OBJECT_TEXT") => {}
        Err(error) => panic!("balance: {error}"),
    }
}

#[tokio::test]
async fn the_sandboxs_answers_satisfy_the_official_spec() {
    let clock = std::sync::Arc::new(sms_scheduler_server::clock::SandboxClock::default());
    let (sandbox_url, _sandbox) =
        spawn_standalone_infobip_with_clock("contract-key", clock.clone()).await;
    let sms_spec = spec_file("infobip", "sms-openapi.json");
    let account_spec = spec_file("infobip", "account-management-openapi.json");
    let (_sms, sms_url) = start("proxy", &sms_spec, Some(&sandbox_url), Strictness::Errors).await;
    let (_account, account_url) = start(
        "proxy",
        &account_spec,
        Some(&sandbox_url),
        Strictness::Errors,
    )
    .await;

    let sms = client(&sms_url, "contract-key");
    let sent = ok("send", sms.send(&full_send_request("bulk-2")).await);
    assert_eq!(sent.bulk_id.as_deref(), Some("bulk-2"));
    ok("read schedule", sms.bulk_schedule("bulk-2").await);
    ok(
        "reschedule",
        sms.reschedule("bulk-2", &format_send_at(Utc::now() + Duration::days(3)))
            .await,
    );
    ok(
        "pause",
        sms.update_bulk_status("bulk-2", BulkStatus::Paused).await,
    );
    assert_eq!(
        ok("read status", sms.bulk_status("bulk-2").await).status,
        Some(BulkStatus::Paused)
    );
    ok(
        "balance",
        client(&account_url, "contract-key").balance().await,
    );
    let preview = ok("preview", sms.preview(&"ł".repeat(71)).await);
    assert_eq!(
        preview.previews[0].message_count,
        Some(2),
        "UCS-2: 67 per part"
    );

    // Delivery: reports and logs before and after the send time, on the sandbox clock.
    ok(
        "resume",
        sms.update_bulk_status("bulk-2", BulkStatus::Processing)
            .await,
    );
    assert_eq!(
        ok("logs before sending", sms.logs(None, 10).await)
            .results
            .len(),
        2
    );
    assert!(ok("no reports yet", sms.reports(None, 10).await)
        .results
        .is_empty());
    clock.advance(Duration::days(4));
    assert_eq!(ok("reports", sms.reports(None, 10).await).results.len(), 2);
    assert_eq!(
        ok("logs after sending", sms.logs(Some("bulk-2"), 10).await)
            .results
            .len(),
        2
    );

    // Error answers must have the spec's shapes too: a violating one would come back as Unexpected.
    let unknown = sms.bulk_status("no-such-bulk").await.unwrap_err();
    assert!(unknown.is_not_found(), "{unknown:?}");
    let reused = sms.send(&full_send_request("bulk-2")).await.unwrap_err();
    assert!(
        matches!(&reused, InfobipError::Refused { code, .. } if code == "E400"),
        "{reused:?}"
    );
}
