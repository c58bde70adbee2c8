use super::*;
use crate::providers::octopush::wire::{Recipient, SmsType, WirePurpose};
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn client(server: &MockServer) -> OctopushClient {
    OctopushClient::new(
        &format!("{}/v1/public/", server.uri()),
        "me@example.com".into(),
        SecretString::from("key-123".to_owned()),
        Duration::from_millis(500),
    )
    .with_backoff(Duration::from_millis(5))
}

fn request() -> SendCampaignRequest {
    SendCampaignRequest {
        text: "Parcel ready".into(),
        recipients: vec![Recipient {
            phone_number: "+33612345678".into(),
            ..Recipient::default()
        }],
        sms_type: SmsType::LowCost,
        sender: None,
        send_at: None,
        purpose: WirePurpose::Alert,
        with_replies: true,
        simulation_mode: true,
        request_id: Some("req-1".into()),
        auto_optimize_text: None,
        auto_remove_blacklisted_numbers: None,
    }
}

#[tokio::test]
async fn send_posts_the_json_body_with_both_auth_headers() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/public/sms-campaign/send"))
        .and(header("api-login", "me@example.com"))
        .and(header("api-key", "key-123"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({
            "text": "Parcel ready",
            "recipients": [{"phone_number": "+33612345678"}],
            "type": "sms_low_cost",
            "purpose": "alert",
            "with_replies": true,
            "simulation_mode": true,
            "request_id": "req-1"
        })))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({
            "sms_ticket": "sms_abc", "number_of_contacts": 1, "total_cost": 0.05
        })))
        .expect(1)
        .mount(&server)
        .await;
    let answer = client(&server).send_campaign(&request()).await.unwrap();
    assert!(matches!(answer, SendOutcome::Accepted(a) if a.sms_ticket == "sms_abc"));
}

#[tokio::test]
async fn an_error_body_becomes_a_refusal_with_its_code() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(400)
                .set_body_json(json!({"code": 106, "message": "Invalid sender"})),
        )
        .mount(&server)
        .await;
    let error = client(&server).send_campaign(&request()).await.unwrap_err();
    assert!(
        matches!(
            error,
            OctopushError::Refused {
                status: 400,
                code: 106,
                ..
            }
        ),
        "{error:?}"
    );
}

#[tokio::test]
async fn a_bare_401_means_wrong_credentials() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(401))
        .mount(&server)
        .await;
    let error = client(&server).check_balance().await.unwrap_err();
    assert_eq!(error.code(), Some(101));
}

#[tokio::test]
async fn an_undocumented_answer_is_reported_not_guessed() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(502).set_body_string("<html>Bad gateway</html>"))
        .mount(&server)
        .await;
    let error = client(&server).check_balance().await.unwrap_err();
    assert!(
        matches!(error, OctopushError::Unexpected { status: 502, .. }),
        "{error:?}"
    );
}

#[tokio::test]
async fn a_slow_provider_times_out_with_an_unknown_outcome() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201).set_delay(Duration::from_secs(3)))
        .mount(&server)
        .await;
    let error = client(&server).send_campaign(&request()).await.unwrap_err();
    assert!(error.outcome_unknown(), "{error:?}");
}

#[tokio::test]
async fn a_lost_answer_is_resent_and_a_repeat_refusal_means_it_was_taken() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(body_json(serde_json::to_value(request()).unwrap()))
        .respond_with(ResponseTemplate::new(201).set_delay(Duration::from_secs(3)))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(body_json(serde_json::to_value(request()).unwrap()))
        .respond_with(
            ResponseTemplate::new(400)
                .set_body_json(json!({"code": 120, "message": "Duplicate request"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let outcome = client(&server).send_campaign(&request()).await.unwrap();
    assert_eq!(outcome, SendOutcome::AcceptedTicketUnknown);
}

#[tokio::test]
async fn a_server_error_is_resent_and_the_resend_can_succeed() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({
            "sms_ticket": "sms_abc", "number_of_contacts": 1, "total_cost": 0.05
        })))
        .mount(&server)
        .await;
    let outcome = client(&server).send_campaign(&request()).await.unwrap();
    assert!(matches!(outcome, SendOutcome::Accepted(a) if a.sms_ticket == "sms_abc"));
}

#[tokio::test]
async fn without_a_request_id_a_send_is_never_resent() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(503))
        .expect(1)
        .mount(&server)
        .await;
    let request = SendCampaignRequest {
        request_id: None,
        ..request()
    };
    let error = client(&server).send_campaign(&request).await.unwrap_err();
    assert!(
        matches!(error, OctopushError::Unexpected { status: 503, .. }),
        "{error:?}"
    );
}

/// A server that answers one send with code 120, "request_id already used".
async fn answering_already_used() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(400)
                .set_body_json(json!({"code": 120, "message": "Duplicate request"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn a_repeated_id_on_any_attempt_means_octopush_has_it() {
    // Another instance, or an attempt before a crash, sent this request_id first.
    let server = answering_already_used().await;
    let outcome = client(&server).send_campaign(&request()).await.unwrap();
    assert_eq!(outcome, SendOutcome::AcceptedTicketUnknown);
}

#[tokio::test]
async fn a_repeated_id_without_a_request_id_of_ours_is_a_refusal() {
    let server = answering_already_used().await;
    let request = SendCampaignRequest {
        request_id: None,
        ..request()
    };
    let error = client(&server).send_campaign(&request).await.unwrap_err();
    assert_eq!(error.code(), Some(120));
}

#[tokio::test]
async fn a_rate_limit_is_not_resent_here_and_says_how_long_to_wait() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "7"))
        .expect(1)
        .mount(&server)
        .await;
    let error = client(&server).send_campaign(&request()).await.unwrap_err();
    assert_eq!(error.retry_after(), Some(Duration::from_secs(7)));
    assert!(!error.outcome_unknown());
}

#[tokio::test]
async fn cancel_sends_the_ticket_in_a_delete_body() {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .and(path("/v1/public/sms-campaign/cancel"))
        .and(header("api-key", "key-123"))
        .and(body_json(json!({"ticket_number": "sms_abc"})))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    client(&server).cancel_campaign("sms_abc").await.unwrap();
}

#[tokio::test]
async fn balance_details_ask_for_one_product_in_one_country() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/public/wallet/check-balance"))
        .and(query_param("with_details", "true"))
        .and(query_param("country_code", "FR"))
        .and(query_param("product_name", "sms_low_cost"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "amount": 204, "unit": "sms_low_cost",
            "wallet_packs": [{"wallet_pack_id": "p1", "credit": 12.54, "expiration_date": "2030-10-23T13:41:46+02:00"}]
        })))
        .expect(1)
        .mount(&server)
        .await;
    let details = client(&server)
        .check_balance_details("FR", SmsType::LowCost)
        .await
        .unwrap();
    assert_eq!((details.amount, details.wallet_packs.len()), (204.0, 1));
}

#[tokio::test]
async fn balance_reads_amount_and_unit() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/public/wallet/check-balance"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"amount": 12.54, "unit": "euros"})),
        )
        .mount(&server)
        .await;
    let balance = client(&server).check_balance().await.unwrap();
    assert_eq!((balance.amount, balance.unit.as_str()), (12.54, "euros"));
}
