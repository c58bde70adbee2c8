//! Delivery reports pushed by the sandboxes to callback URLs, retried until the receiver takes them.

use chrono::Duration;
use secrecy::SecretString;
use serde_json::Value;
use sms_scheduler_server::clock::SandboxClock;
use sms_scheduler_server::providers::infobip::wire::{
    Content, DeliveryReporting, DeliveryReports, Destination, Message, SendRequest, Webhooks,
};
use sms_scheduler_server::providers::infobip::InfobipClient;
use sms_scheduler_server::providers::octopush::callbacks::{Callback, DeliveryStatus};
use sms_scheduler_server::providers::octopush::wire::{
    Recipient, SendCampaignRequest, SmsType, WirePurpose,
};
use sms_scheduler_server::providers::octopush::{OctopushClient, SendOutcome};
use sms_scheduler_server::sandbox::octopush::{OctopushSandbox, SandboxCredentials};
use std::sync::Arc;
use std::time::Duration as StdDuration;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::helpers::spawn_standalone_infobip_with_clock;

/// Waits until `server` has received `count` requests (or 15 s), then returns them all.
async fn received(server: &MockServer, count: usize) -> Vec<wiremock::Request> {
    for _ in 0..150 {
        let requests = server.received_requests().await.unwrap_or_default();
        if requests.len() >= count {
            return requests;
        }
        tokio::time::sleep(StdDuration::from_millis(100)).await;
    }
    server.received_requests().await.unwrap_or_default()
}

fn infobip_send(to: &str, webhook: &str, notify: bool) -> SendRequest {
    SendRequest {
        messages: vec![Message {
            sender: None,
            destinations: vec![Destination {
                to: to.into(),
                message_id: Some(format!("m-{to}")),
            }],
            content: Content {
                text: "Hi".into(),
                transliteration: None,
            },
            options: None,
            webhooks: Some(Webhooks {
                delivery: Some(DeliveryReporting {
                    url: Some(webhook.into()),
                    intermediate_report: None,
                    notify: Some(notify),
                }),
                content_type: None,
                callback_data: Some("submission=42".into()),
            }),
        }],
        options: None,
    }
}

/// An Infobip sandbox pushing its reports, on a clock the test moves, and a client for it.
async fn infobip_pushing_reports() -> (InfobipClient, Arc<SandboxClock>) {
    let clock = Arc::new(SandboxClock::default());
    let (url, sandbox) = spawn_standalone_infobip_with_clock("k", clock.clone()).await;
    tokio::spawn(sandbox.report_pusher());
    let client = InfobipClient::new(
        &url,
        SecretString::from("k".to_owned()),
        StdDuration::from_secs(5),
    );
    (client, clock)
}

#[tokio::test]
async fn infobip_pushes_each_report_until_the_receiver_takes_it() {
    let receiver = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(500))
        .up_to_n_times(2)
        .mount(&receiver)
        .await;
    Mock::given(method("POST"))
        .and(path("/dlr"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&receiver)
        .await;

    let (client, clock) = infobip_pushing_reports().await;
    client
        .send(&infobip_send(
            "33612345601",
            &format!("{}/dlr", receiver.uri()),
            true,
        ))
        .await
        .unwrap();
    assert!(
        receiver.received_requests().await.unwrap().is_empty(),
        "nothing before the outcome"
    );

    clock.advance(Duration::minutes(1));
    let requests = received(&receiver, 3).await;
    assert_eq!(requests.len(), 3, "two failures, then taken");
    let report: DeliveryReports = serde_json::from_slice(&requests[2].body).unwrap();
    let report = &report.results[0];
    assert_eq!(report.message_id.as_deref(), Some("m-33612345601"));
    assert_eq!(report.callback_data.as_deref(), Some("submission=42"));
    assert_eq!(
        report.status.as_ref().unwrap().group_name.as_deref(),
        Some("UNDELIVERABLE")
    );

    tokio::time::sleep(StdDuration::from_millis(1500)).await;
    assert_eq!(
        receiver.received_requests().await.unwrap().len(),
        3,
        "never pushed again once taken"
    );
}

#[tokio::test]
async fn infobip_does_not_push_when_told_not_to() {
    let receiver = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&receiver)
        .await;
    let (client, clock) = infobip_pushing_reports().await;
    client
        .send(&infobip_send(
            "33612345678",
            &format!("{}/dlr", receiver.uri()),
            false,
        ))
        .await
        .unwrap();
    clock.advance(Duration::minutes(1));
    tokio::time::sleep(StdDuration::from_millis(1500)).await;
    assert!(receiver.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn octopush_posts_its_documented_callback_per_number() {
    let receiver = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&receiver)
        .await;
    let clock = Arc::new(SandboxClock::default());
    let credentials = SandboxCredentials {
        api_login: "me@example.com".into(),
        api_key: SecretString::from("k".to_owned()),
    };
    let sandbox = OctopushSandbox::new(credentials, 100.0, clock.clone())
        .with_delivery_report_url(Some(format!("{}/octopush/dlr", receiver.uri())));
    tokio::spawn(sandbox.report_pusher());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let router = sandbox.router();
    tokio::spawn(async move { axum::serve(listener, router).await });

    let client = OctopushClient::new(
        &url,
        "me@example.com".into(),
        SecretString::from("k".to_owned()),
        StdDuration::from_secs(5),
    );
    let recipient = |number: &str| Recipient {
        phone_number: number.into(),
        ..Recipient::default()
    };
    let answer = client
        .send_campaign(&SendCampaignRequest {
            text: "Hi".into(),
            recipients: vec![recipient("+33612345678"), recipient("+33612345601")],
            sms_type: SmsType::Premium,
            sender: None,
            send_at: None,
            purpose: WirePurpose::Alert,
            with_replies: false,
            simulation_mode: false,
            request_id: None,
            auto_optimize_text: None,
            auto_remove_blacklisted_numbers: None,
        })
        .await
        .unwrap();
    let SendOutcome::Accepted(answer) = answer else {
        panic!("a ticket")
    };
    let ticket = answer.sms_ticket;

    clock.advance(Duration::minutes(1));
    let requests = received(&receiver, 2).await;
    let mut statuses: Vec<(String, DeliveryStatus)> = requests
        .iter()
        .map(|request| match Callback::parse(&request.body).unwrap() {
            Callback::DeliveryReport(report) => {
                assert_eq!(report.message_id, ticket);
                (report.number, report.status)
            }
            other => panic!("expected a delivery report, got {other:?}"),
        })
        .collect();
    statuses.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        statuses,
        vec![
            ("+33612345601".to_owned(), DeliveryStatus::NotDelivered),
            ("+33612345678".to_owned(), DeliveryStatus::Delivered)
        ]
    );
    let body: Value = serde_json::from_slice(&requests[0].body).unwrap();
    assert!(
        body["delivery_date"].as_str().unwrap().len() == 19,
        "YYYY-MM-DD HH:MM:SS: {body}"
    );
}
