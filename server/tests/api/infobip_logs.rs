//! `/sms/3/logs`, `/sms/3/reports` and their older forms against the official spec: array
//! parameters repeated, every documented filter and paging parameter honoured, a bad query answered
//! in the operation's error envelope.

use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Value};
use sms_scheduler_server::clock::Clock;

use crate::infobip_proxy::{Exchange, Proxied};

fn ids(exchange: &Exchange) -> Vec<String> {
    exchange.body["results"]
        .as_array()
        .unwrap_or_else(|| panic!("no results: {}", exchange.body))
        .iter()
        .map(|r| r["messageId"].as_str().unwrap().to_owned())
        .collect()
}

fn at(instant: DateTime<Utc>) -> String {
    instant.format("%Y-%m-%dT%H:%M:%S%.3f%%2B0000").to_string()
}

/// Three bulks: `fr` (two French numbers, the second undeliverable) leaving in an hour, `uk` sent
/// at once, `later` in three days; then two hours pass.
async fn three_bulks() -> (Proxied, DateTime<Utc>) {
    let api = Proxied::start().await;
    let start = api.clock.now();
    let send = |bulk: &str,
                sender: &str,
                numbers: &[&str],
                campaign: &str,
                send_at: Option<DateTime<Utc>>| {
        let destinations: Vec<Value> = numbers
            .iter()
            .enumerate()
            .map(|(i, to)| json!({"to": to, "messageId": format!("{bulk}-{i}")}))
            .collect();
        let mut schedule = json!({"bulkId": bulk});
        if let Some(send_at) = send_at {
            schedule["sendAt"] = json!(send_at.format("%Y-%m-%dT%H:%M:%S%.3f+0000").to_string());
        }
        json!({
            "messages": [{
                "sender": sender,
                "destinations": destinations,
                "content": {"text": format!("Hello from {bulk}")},
                "options": {"campaignReferenceId": campaign, "platform": {"entityId": format!("e-{bulk}"), "applicationId": "a1"}}
            }],
            "options": {"schedule": schedule}
        })
    };
    for body in [
        send(
            "fr",
            "ACME",
            &["33612345678", "33612345601"],
            "c1",
            Some(start + Duration::hours(1)),
        ),
        send("uk", "OTHER", &["447400123456"], "c2", None),
        send(
            "later",
            "ACME",
            &["33698765432"],
            "c3",
            Some(start + Duration::days(3)),
        ),
    ] {
        api.call("POST", "/sms/3/messages", "", Some(body))
            .await
            .conforms()
            .request_was_valid()
            .status(200);
    }
    api.clock.advance(Duration::hours(2));
    (api, start)
}

#[tokio::test]
async fn logs_take_every_documented_filter_and_page_with_a_cursor() {
    let (api, start) = three_bulks().await;
    let half_hour = at(start + Duration::minutes(30));
    let cases = [
        (String::new(), vec!["fr-0", "fr-1", "uk-0", "later-0"]),
        ("bulkId=fr&bulkId=uk".into(), vec!["fr-0", "fr-1", "uk-0"]),
        (
            "messageId=fr-1&messageId=later-0".into(),
            vec!["fr-1", "later-0"],
        ),
        ("generalStatus=DELIVERED".into(), vec!["fr-0", "uk-0"]),
        ("generalStatus=UNDELIVERABLE".into(), vec!["fr-1"]),
        ("generalStatus=PENDING".into(), vec!["later-0"]),
        (format!("sentSince={half_hour}"), vec!["fr-0", "fr-1"]),
        (format!("sentUntil={half_hour}"), vec!["uk-0"]),
        ("destination=447400123456".into(), vec!["uk-0"]),
        ("sender=ACME".into(), vec!["fr-0", "fr-1", "later-0"]),
        ("mcc=208".into(), vec!["fr-0", "fr-1", "later-0"]),
        ("mcc=234&mnc=15".into(), vec!["uk-0"]),
        ("mcc=208&mnc=99".into(), vec![]),
        ("entityId=e-fr".into(), vec!["fr-0", "fr-1"]),
        ("applicationId=a1&bulkId=later".into(), vec!["later-0"]),
        (
            "campaignReferenceId=c1&campaignReferenceId=c2".into(),
            vec!["fr-0", "fr-1", "uk-0"],
        ),
        ("limit=2".into(), vec!["fr-0", "fr-1"]),
    ];
    for (query, expected) in cases {
        let logs = api.call("GET", "/sms/3/logs", &query, None).await;
        logs.conforms().request_was_valid().status(200);
        assert_eq!(ids(&logs), expected, "?{query}");
        assert!(
            logs.body.get("cursor").is_none(),
            "no cursor unless asked: {}",
            logs.body
        );
    }
    let first = api.call("GET", "/sms/3/logs", "sender=ACME", None).await;
    let log = &first.body["results"][0];
    assert_eq!(log["mccMnc"], "20801");
    assert_eq!(
        log["platform"],
        json!({"entityId": "e-fr", "applicationId": "a1"})
    );
    assert_eq!(log["campaignReferenceId"], "c1");
    assert_eq!(log["content"], json!({"text": "Hello from fr"}));

    let mut seen = Vec::new();
    let mut query = "limit=1&useCursor=true".to_owned();
    loop {
        let page = api.call("GET", "/sms/3/logs", &query, None).await;
        page.conforms().request_was_valid().status(200);
        seen.extend(ids(&page));
        assert_eq!(page.body["cursor"]["limit"], 1);
        match page.body["cursor"]["nextCursor"].as_str() {
            Some(next) => query = format!("limit=1&useCursor=true&cursor={next}"),
            None => break,
        }
    }
    assert_eq!(seen, ["fr-0", "fr-1", "uk-0", "later-0"]);

    let older = api
        .call(
            "GET",
            "/sms/1/logs",
            "from=ACME&to=33612345601&bulkId=fr&bulkId=uk",
            None,
        )
        .await;
    older.conforms().request_was_valid().status(200);
    assert_eq!(ids(&older), ["fr-1"]);
    assert_eq!(older.body["results"][0]["to"], "33612345601");
    assert_eq!(older.body["results"][0]["text"], "Hello from fr");
    assert_eq!(older.body["results"][0]["smsCount"], 1);
}

#[tokio::test]
async fn reports_are_filtered_and_served_once_in_either_version() {
    let (api, _) = three_bulks().await;
    let uk = api.call("GET", "/sms/3/reports", "bulkId=uk", None).await;
    uk.conforms().request_was_valid().status(200);
    assert_eq!(ids(&uk), ["uk-0"]);
    assert_eq!(uk.body["results"][0]["mccMnc"], "23415");
    let one = api
        .call(
            "GET",
            "/sms/3/reports",
            "messageId=fr-1&campaignReferenceId=c1",
            None,
        )
        .await;
    assert_eq!(ids(one.conforms()), ["fr-1"]);
    let rest = api
        .call(
            "GET",
            "/sms/1/reports",
            "entityId=e-fr&applicationId=a1",
            None,
        )
        .await;
    rest.conforms().request_was_valid().status(200);
    assert_eq!(ids(&rest), ["fr-0"]);
    assert_eq!(rest.body["results"][0]["from"], "ACME");
    assert_eq!(rest.body["results"][0]["entityId"], "e-fr");
    let again = api.call("GET", "/sms/3/reports", "", None).await;
    assert!(
        ids(again.conforms()).is_empty(),
        "each report is served once"
    );
    let inbox = api
        .call("GET", "/sms/1/inbox/reports", "limit=10", None)
        .await;
    inbox.conforms().request_was_valid().status(200);
    assert_eq!(
        inbox.body,
        json!({"results": [], "messageCount": 0, "pendingMessageCount": 0})
    );
}

#[tokio::test]
async fn a_bad_query_is_answered_in_the_operations_error_envelope() {
    let (api, _) = three_bulks().await;
    for (path, query, named) in [
        ("/sms/3/logs", "limit=5000", "limit"),
        ("/sms/3/logs", "limit=ten", "limit"),
        ("/sms/3/logs", "generalStatus=LOST", "generalStatus"),
        ("/sms/3/logs", "sentSince=yesterday", "sentSince"),
        ("/sms/3/logs", "mnc=01", "mnc"),
        ("/sms/3/logs", "useCursor=maybe", "useCursor"),
        (
            "/sms/3/logs",
            "useCursor=true&cursor=not-a-cursor",
            "cursor",
        ),
        ("/sms/3/logs", "sender=A&sender=B", "sender"),
        ("/sms/3/reports", "limit=0", "limit"),
        ("/sms/1/logs", "limit=abc", "limit"),
        ("/sms/1/reports", "limit=1001", "limit"),
        ("/sms/1/inbox/reports", "limit=-1", "limit"),
    ] {
        let refused = api.call("GET", path, query, None).await;
        refused.conforms().status(400);
        if query == "limit=5000" {
            // Prism checked the request too: it is the spec, not the sandbox, that says 1000.
            assert!(
                refused
                    .reported
                    .iter()
                    .any(|r| r.side == "request" && r.severity == "Error"),
                "{:?}",
                refused.reported
            );
        }
        assert_eq!(refused.named(), [named], "{path}?{query}: {}", refused.body);
        let envelope = if path.starts_with("/sms/3/") {
            "/errorCode"
        } else {
            "/requestError/serviceException/messageId"
        };
        assert!(
            refused.body.pointer(envelope).is_some(),
            "{path}: {}",
            refused.body
        );
    }
}
