//! Each provider behind the common interface, against its sandbox over HTTP: what it supports works,
//! what it does not is refused with the reason.

use app::models::{ProviderId, ScheduleRequest};
use chrono::{Duration, Utc};
use secrecy::SecretString;
use serde_json::json;
use sms_scheduler_server::domain::order::{OrderRules, SmsOrder};
use sms_scheduler_server::domain::phone::Region;
use sms_scheduler_server::providers::infobip::wire::BulkStatus;
use sms_scheduler_server::providers::infobip::{InfobipClient, InfobipProvider};
use sms_scheduler_server::providers::octopush::{OctopushClient, OctopushProvider};
use sms_scheduler_server::providers::{FailureKind, SmsProvider};
use std::time::Duration as StdDuration;

use crate::helpers::{spawn_standalone_infobip, spawn_standalone_sandbox, valid_request};

fn order(provider: &str, recipients: &str) -> SmsOrder {
    let mut request = valid_request();
    request["provider"] = json!(provider);
    request["recipients"] = json!(recipients);
    let request: ScheduleRequest = serde_json::from_value(request).unwrap();
    let rules = OrderRules {
        default_region: Region::parse("FR").unwrap(),
        max_recipients: 500,
        infobip_stop_mention: None,
    };
    SmsOrder::parse(&request, &rules, None, Utc::now()).unwrap()
}

async fn infobip() -> (
    InfobipProvider,
    sms_scheduler_server::sandbox::infobip::InfobipSandbox,
) {
    let (url, sandbox) = spawn_standalone_infobip("infobip-key").await;
    let client = InfobipClient::new(
        &url,
        SecretString::from("infobip-key".to_owned()),
        StdDuration::from_secs(5),
    );
    (InfobipProvider::new(client, true), sandbox)
}

#[tokio::test]
async fn infobip_pauses_resumes_reschedules_and_cancels_a_bulk() {
    let (provider, sandbox) = infobip().await;
    let accepted = provider
        .submit(&order("Infobip", "0612345678"), "bulk-a")
        .await
        .unwrap();
    assert_eq!(accepted.reference.as_deref(), Some("bulk-a"));

    provider.pause("bulk-a").await.unwrap();
    provider.resume("bulk-a").await.unwrap();
    let later = Utc::now() + Duration::days(3);
    provider.reschedule("bulk-a", later).await.unwrap();
    let moved = sandbox.bulks()[0].send_at.unwrap();
    assert!(
        (moved - later).num_milliseconds().abs() < 1000,
        "{moved} vs {later}"
    );
    provider.cancel("bulk-a").await.unwrap();

    let again = provider.cancel("bulk-a").await.unwrap_err();
    assert_eq!(again.kind, FailureKind::Refused, "{again:?}");
    let unknown = provider.pause("no-such-bulk").await.unwrap_err();
    assert_eq!(unknown.kind, FailureKind::NotFound, "{unknown:?}");
    assert_eq!(unknown.code.as_deref(), Some("NOT_FOUND"));
    let too_far = provider
        .reschedule("bulk-a", Utc::now() + Duration::days(200))
        .await
        .unwrap_err();
    assert_eq!(too_far.kind, FailureKind::Refused);
}

#[tokio::test]
async fn a_bulk_id_infobip_already_has_means_it_has_the_bulk() {
    // Each bulkId names one submission: refused as already used (the sandbox says so with a
    // violation, `contract.rs`), it is a request an earlier attempt or another instance sent.
    let (provider, sandbox) = infobip().await;
    provider
        .submit(&order("Infobip", "0612345678"), "bulk-b")
        .await
        .unwrap();
    let again = provider
        .submit(&order("Infobip", "0612345678"), "bulk-b")
        .await
        .unwrap();
    assert_eq!(again.reference.as_deref(), Some("bulk-b"));
    let bulks = sandbox.bulks();
    assert_eq!(bulks.len(), 1, "sent once");
    assert_eq!(bulks[0].messages.len(), 1);
}

#[tokio::test]
async fn infobip_reports_bulk_status_as_the_spec_names_it() {
    let (url, _sandbox) = spawn_standalone_infobip("k").await;
    let client = InfobipClient::new(
        &url,
        SecretString::from("k".to_owned()),
        StdDuration::from_secs(5),
    );
    let provider = InfobipProvider::new(client.clone(), true);
    provider
        .submit(&order("Infobip", "0612345678"), "bulk-c")
        .await
        .unwrap();
    assert_eq!(
        client.bulk_status("bulk-c").await.unwrap().status,
        Some(BulkStatus::Pending)
    );
    provider.pause("bulk-c").await.unwrap();
    assert_eq!(
        client.bulk_status("bulk-c").await.unwrap().status,
        Some(BulkStatus::Paused)
    );
    let schedule = client.bulk_schedule("bulk-c").await.unwrap();
    assert!(schedule.send_at.unwrap().ends_with("+0000"));
    let wrong_key = InfobipClient::new(
        &url,
        SecretString::from("nope".to_owned()),
        StdDuration::from_secs(5),
    );
    assert_eq!(
        wrong_key.balance().await.unwrap_err().code(),
        Some("UNAUTHORIZED")
    );
}

#[tokio::test]
async fn octopush_cancels_within_its_limits_and_refuses_what_it_cannot_do() {
    let (url, sandbox) = spawn_standalone_sandbox("me@example.com", "octo-key").await;
    let client = OctopushClient::new(
        &url,
        "me@example.com".into(),
        SecretString::from("octo-key".to_owned()),
        StdDuration::from_secs(5),
    );
    let provider = OctopushProvider::new(client, true);
    assert_eq!(provider.info().id, ProviderId::Octopush);

    let small = provider
        .submit(&order("Octopush", "0612345678\n0698765432"), "req-1")
        .await
        .unwrap();
    provider
        .cancel(small.reference.as_deref().unwrap())
        .await
        .unwrap();
    assert!(sandbox.accepted_campaigns()[0].canceled);

    let large = provider
        .submit(
            &order("Octopush", "0612345671\n0612345672\n0612345673"),
            "req-2",
        )
        .await
        .unwrap();
    let refused = provider
        .cancel(large.reference.as_deref().unwrap())
        .await
        .unwrap_err();
    assert!(
        refused.message.contains("fewer than 3 recipients"),
        "{}",
        refused.message
    );

    for unsupported in [
        provider
            .pause(large.reference.as_deref().unwrap())
            .await
            .unwrap_err(),
        provider
            .resume(large.reference.as_deref().unwrap())
            .await
            .unwrap_err(),
        provider
            .reschedule(
                large.reference.as_deref().unwrap(),
                Utc::now() + Duration::days(1),
            )
            .await
            .unwrap_err(),
    ] {
        assert_eq!(unsupported.kind, FailureKind::Unsupported);
    }
}

#[tokio::test]
async fn the_sandboxes_run_on_their_own() {
    let settings = crate::helpers::test_settings().sandbox;
    let sandbox =
        sms_scheduler_server::sandbox::standalone::build("127.0.0.1:0".parse().unwrap(), &settings)
            .await
            .expect("the standalone sandbox binds");
    let port = sandbox.address.port();
    crate::helpers::run_in_background(sandbox.api, sandbox.workers);
    let http = reqwest::Client::new();
    let mut answer = None;
    for _ in 0..50 {
        if let Ok(response) = http
            .get(format!("http://127.0.0.1:{port}/infobip/account/1/balance"))
            .send()
            .await
        {
            answer = Some(response);
            break;
        }
        tokio::time::sleep(StdDuration::from_millis(50)).await;
    }
    // Without its key the emulator answers as Infobip does: 401 with the older error envelope.
    let answer = answer.expect("the standalone sandbox listens");
    assert_eq!(answer.status(), reqwest::StatusCode::UNAUTHORIZED);
    let body: serde_json::Value = answer.json().await.unwrap();
    assert_eq!(
        body["requestError"]["serviceException"]["messageId"],
        "UNAUTHORIZED"
    );
    let octopush = http
        .get(format!(
            "http://127.0.0.1:{port}/octopush/v1/public/wallet/check-balance"
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(octopush.status(), reqwest::StatusCode::UNAUTHORIZED);
}
