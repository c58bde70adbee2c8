use super::*;
use crate::providers::infobip::wire::{Content, Destination, Message, RequestOptions, Schedule};
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn client(server: &MockServer) -> InfobipClient {
    InfobipClient::new(
        &server.uri(),
        SecretString::from("key-123".to_owned()),
        Duration::from_millis(500),
    )
    .with_backoff(Duration::from_millis(5))
}

fn send_request() -> SendRequest {
    SendRequest {
        messages: vec![Message {
            sender: None,
            destinations: vec![Destination {
                to: "33612345678".into(),
                message_id: Some("b-1-0".into()),
            }],
            content: Content {
                text: "Hi".into(),
                transliteration: None,
            },
            options: None,
            webhooks: None,
        }],
        options: Some(RequestOptions {
            schedule: Some(Schedule {
                bulk_id: Some("b-1".into()),
                send_at: None,
            }),
            include_sms_count_in_response: Some(true),
        }),
    }
}

#[tokio::test]
async fn send_posts_json_with_the_app_authorization() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/sms/3/messages"))
        .and(header("authorization", "App key-123"))
        .and(body_json(serde_json::to_value(send_request()).unwrap()))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"bulkId": "b-1", "messages": []})),
        )
        .expect(1)
        .mount(&server)
        .await;
    assert_eq!(
        client(&server)
            .send(&send_request())
            .await
            .unwrap()
            .bulk_id
            .as_deref(),
        Some("b-1")
    );
}

#[tokio::test]
async fn a_failed_send_is_never_retried() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(503))
        .expect(1)
        .mount(&server)
        .await;
    let error = client(&server).send(&send_request()).await.unwrap_err();
    assert!(
        matches!(error, InfobipError::Unexpected { status: 503, .. }),
        "{error:?}"
    );
}

#[tokio::test]
async fn reads_are_retried_after_a_server_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(502))
        .up_to_n_times(2)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/sms/1/bulks/status"))
        .and(query_param("bulkId", "b-1"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"bulkId": "b-1", "status": "PENDING"})),
        )
        .mount(&server)
        .await;
    let status = client(&server).bulk_status("b-1").await.unwrap();
    assert_eq!(status.status, Some(BulkStatus::Pending));
}

#[tokio::test]
async fn retry_after_is_honoured_on_429() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "1"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"balance": 12.5, "currency": "EUR"})),
        )
        .mount(&server)
        .await;
    let started = std::time::Instant::now();
    let balance = client(&server).balance().await.unwrap();
    assert_eq!(balance.balance, 12.5);
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "waited {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_long_retry_after_is_reported_not_waited_for() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "3600"))
        .expect(1)
        .mount(&server)
        .await;
    let error = client(&server).balance().await.unwrap_err();
    assert!(
        matches!(error, InfobipError::RateLimited { retry_after: Some(d) } if d.as_secs() == 3600)
    );
}

#[tokio::test]
async fn both_error_envelopes_are_understood() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({
            "errorCode": "E400", "description": "Request cannot be processed.", "action": "Fix it.",
            "violations": [{"property": "messages[0].content.text", "violation": "must not be blank"}], "resources": []
        })))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/sms/1/bulks"))
        .respond_with(ResponseTemplate::new(404).set_body_json(json!(
            {"requestError": {"serviceException": {"messageId": "NOT_FOUND", "text": "Bulk not found"}}}
        )))
        .mount(&server)
        .await;
    let client = client(&server);
    match client.send(&send_request()).await.unwrap_err() {
        InfobipError::Refused {
            code, violations, ..
        } => {
            assert_eq!(code, "E400");
            assert_eq!(
                violations,
                vec![(
                    "messages[0].content.text".to_owned(),
                    "must not be blank".to_owned()
                )]
            );
        }
        other => panic!("{other:?}"),
    }
    let missing = client.bulk_schedule("nope").await.unwrap_err();
    assert!(missing.is_not_found(), "{missing:?}");
    assert_eq!(missing.code(), Some("NOT_FOUND"));
}

#[tokio::test]
async fn reschedule_and_status_changes_send_their_bodies() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .and(path("/sms/1/bulks"))
        .and(query_param("bulkId", "b-1"))
        .and(body_json(json!({"sendAt": "2030-01-01T10:00:00.000+0000"})))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"bulkId": "b-1", "sendAt": "2030-01-01T10:00:00.000+0000"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path("/sms/1/bulks/status"))
        .and(body_json(json!({"status": "CANCELED"})))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"bulkId": "b-1", "status": "CANCELED"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    client
        .reschedule("b-1", "2030-01-01T10:00:00.000+0000")
        .await
        .unwrap();
    let status = client
        .update_bulk_status("b-1", BulkStatus::Canceled)
        .await
        .unwrap();
    assert_eq!(status.status, Some(BulkStatus::Canceled));
}
