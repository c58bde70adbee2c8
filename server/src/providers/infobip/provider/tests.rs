use super::*;
use crate::test_support::{form, order};
use app::models::ScheduleRequest;
use secrecy::SecretString;
use serde_json::json;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

fn client(server: &MockServer) -> InfobipClient {
    InfobipClient::new(
        &server.uri(),
        SecretString::from("k".to_owned()),
        std::time::Duration::from_secs(2),
    )
}

#[tokio::test]
async fn recipients_rejected_among_accepted_ones_are_named_not_dropped() {
    let server = MockServer::start().await;
    let status =
        |group: &str, name: &str| json!({"groupName": group, "name": name, "description": name});
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "bulkId": "k",
            "messages": [
                {"messageId": "k-0", "destination": "33612345678", "status": status("PENDING", "PENDING_ACCEPTED"),
                 "details": {"messageCount": 1}},
                {"messageId": "k-1", "destination": "33698765432", "status": status("REJECTED", "REJECTED_DESTINATION"),
                 "details": {"messageCount": 1}}
            ]
        })))
        .mount(&server)
        .await;
    let order = order(&ScheduleRequest {
        recipients: "0612345678\n0698765432".into(),
        sender: String::new(),
        send_at: String::new(),
        send_now: true,
        ..form(ProviderId::Infobip)
    });
    let accepted = InfobipProvider::new(client(&server), false)
        .submit(&order, "k")
        .await
        .unwrap();
    assert_eq!(accepted.contacts, 1);
    assert_eq!(
        accepted.rejected,
        vec![RejectedRecipient {
            number: "33698765432".into(),
            reason: "REJECTED_DESTINATION".into()
        }]
    );
}

#[tokio::test]
async fn resume_sends_the_documented_processing_status() {
    use wiremock::matchers::{body_json, path, query_param};
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .and(path("/sms/1/bulks/status"))
        .and(query_param("bulkId", "b"))
        .and(body_json(json!({"status": "PROCESSING"})))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"bulkId": "b", "status": "PROCESSING"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    InfobipProvider::new(client(&server), false)
        .resume("b")
        .await
        .unwrap();
}

#[test]
fn rejections_are_summed_up_by_reason() {
    let rejected: Vec<RejectedRecipient> = (0..5)
        .map(|n| RejectedRecipient {
            number: format!("3361000000{n}"),
            reason: "Not enough credits".into(),
        })
        .chain([RejectedRecipient {
            number: "15550100".into(),
            reason: "Bad destination".into(),
        }])
        .collect();
    assert_eq!(
        rejection_reasons(&rejected),
        "Not enough credits (5 message(s): 33610000000, 33610000001, 33610000002 and 2 more); \
         Bad destination (1 message(s): 15550100)"
    );
}

#[test]
fn violations_point_at_the_composer_field() {
    let error = InfobipError::Refused {
        status: 400,
        code: "E400".into(),
        message: "Request cannot be processed.".into(),
        violations: vec![("messages[0].destinations[0].to".into(), "invalid".into())],
    };
    let provider_error = ProviderError::from(error);
    assert_eq!(provider_error.field, Some(Field::Recipients));
    assert_eq!(provider_error.kind, FailureKind::Refused);
    assert_eq!(provider_error.code.as_deref(), Some("E400"));
}
