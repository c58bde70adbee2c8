//! The Infobip sandbox against the official spec, operation by operation: every operation is
//! served (or answers in Infobip's error shape that the sandbox does not emulate it), the calls of
//! Infobip's own scheduling guide work as the guide writes them, a paused bulk resumes with the
//! documented value, errors come in each operation's envelope, and the preview reads its options.

use chrono::{Duration, Utc};
use serde_json::{json, Value};

use crate::infobip_proxy::{Exchange, Proxied};
use crate::spec::operations;

fn in_days(days: i64) -> String {
    (Utc::now() + Duration::days(days))
        .format("%Y-%m-%dT%H:%M:%S%.3f+0000")
        .to_string()
}

/// A spec-valid request for each operation of the spec; an operation added to the spec fails here
/// until one is written for it.
fn request_for(method: &str, path: &str) -> (&'static str, Option<Value>) {
    let to = json!([{"to": "41793026727"}]);
    match (method, path) {
        ("POST", "/sms/3/messages") => (
            "",
            Some(json!({"messages": [{"destinations": to, "content": {"text": "Hi"}}]})),
        ),
        ("GET", "/sms/3/text/query") => ("to=41793026727&to=41793026728&text=Hi", None),
        ("GET", "/sms/1/text/query") => ("username=u&password=p&to=41793026727&text=Hi", None),
        ("POST", "/sms/1/preview") => ("", Some(json!({"text": "Hi"}))),
        ("POST", "/sms/2/text/advanced") => (
            "",
            Some(json!({"messages": [{"destinations": to, "text": "Hi"}]})),
        ),
        ("POST", "/sms/2/binary/advanced") => (
            "",
            Some(json!({"messages": [{"destinations": to, "binary": {"hex": "48 69"}}]})),
        ),
        ("GET", "/sms/1/bulks") | ("GET", "/sms/1/bulks/status") => ("bulkId=ops-bulk", None),
        ("PUT", "/sms/1/bulks") => ("bulkId=ops-bulk", Some(json!({"sendAt": in_days(3)}))),
        ("PUT", "/sms/1/bulks/status") => ("bulkId=ops-bulk", Some(json!({"status": "PAUSED"}))),
        ("POST", "/ct/1/log/end/{messageId}") => ("", None),
        (
            "GET",
            "/sms/1/inbox/reports"
            | "/sms/3/reports"
            | "/sms/3/logs"
            | "/sms/1/reports"
            | "/sms/1/logs",
        ) => ("", None),
        (method, path) => {
            panic!("no request written for {method} {path}: the spec has a new operation")
        }
    }
}

/// Schedules the bulk `bulk_id`, one message, `days` ahead.
async fn schedule(api: &Proxied, bulk_id: &str, days: i64) {
    let body = json!({
        "messages": [{"destinations": [{"to": "33612345678"}], "content": {"text": "Hi"}}],
        "options": {"schedule": {"bulkId": bulk_id, "sendAt": in_days(days)}}
    });
    api.call("POST", "/sms/3/messages", "", Some(body))
        .await
        .conforms()
        .request_was_valid()
        .status(200);
}

/// What the sandbox says of the operations it does not emulate.
const UNEMULATED: [&str; 3] = [
    "/sms/2/binary/advanced",
    "/ct/1/log/end/{messageId}",
    "/sms/1/text/query",
];

#[tokio::test]
async fn every_operation_of_the_official_spec_is_served() {
    let api = Proxied::start().await;
    schedule(&api, "ops-bulk", 2).await;

    let all = operations();
    assert_eq!(all.len(), 16, "the spec's SMS operations: {all:?}");
    for (method, path) in all {
        let (query, body) = request_for(&method, &path);
        let exchange: Exchange = api.call(&method, &path, query, body).await;
        exchange.conforms().request_was_valid();
        if UNEMULATED.contains(&path.as_str()) {
            exchange.status(400);
            let text = exchange.body["requestError"]["serviceException"]["text"]
                .as_str()
                .unwrap();
            assert!(text.contains("does not emulate"), "{path}: {text}");
        } else {
            assert_eq!(exchange.status, 200, "{method} {path}: {}", exchange.body);
        }
    }
}

#[tokio::test]
async fn the_scheduling_guide_works_as_written() {
    let api = Proxied::start().await;
    // Step 3 of the guide, with the bulk id it recommends adding (the Python SDK posts here).
    let sent = api
        .call(
            "POST",
            "/sms/2/text/advanced",
            "",
            Some(json!({
                "bulkId": "35823398891103573113",
                "messages": [{
                    "destinations": [{"to": "447415774432"}],
                    "from": "InfoSMS",
                    "text": "This is a sample message",
                    "sendAt": in_days(1)
                }]
            })),
        )
        .await;
    sent.conforms().request_was_valid().status(200);
    assert_eq!(sent.body["bulkId"], "35823398891103573113");
    assert_eq!(sent.body["messages"][0]["status"]["groupName"], "PENDING");
    assert_eq!(sent.body["messages"][0]["to"], "447415774432");

    // "Reschedule an SMS": the guide sends a time without offset and shows it back in UTC.
    let day = (Utc::now() + Duration::days(5))
        .format("%Y-%m-%d")
        .to_string();
    let moved = api
        .call(
            "PUT",
            "/sms/1/bulks",
            "bulkId=35823398891103573113",
            Some(json!({"sendAt": format!("{day}T16:00:00")})),
        )
        .await;
    moved.conforms().status(200);
    assert_eq!(
        moved.body,
        json!({"bulkId": "35823398891103573113", "sendAt": format!("{day}T16:00:00.000+0000")})
    );
    // The Python SDK's own form of the same time.
    api.call(
        "PUT",
        "/sms/1/bulks",
        "bulkId=35823398891103573113",
        Some(json!({"sendAt": format!("{day}T16:00:00.000Z")})),
    )
    .await
    .conforms()
    .status(200);

    let status = api
        .call(
            "GET",
            "/sms/1/bulks/status",
            "bulkId=35823398891103573113",
            None,
        )
        .await;
    status.conforms().request_was_valid().status(200);
    assert_eq!(
        status.body,
        json!({"bulkId": "35823398891103573113", "status": "PENDING"})
    );

    let canceled = api
        .call(
            "PUT",
            "/sms/1/bulks/status",
            "bulkId=35823398891103573113",
            Some(json!({"status": "CANCELED"})),
        )
        .await;
    canceled.conforms().request_was_valid().status(200);
    assert_eq!(
        canceled.body,
        json!({"bulkId": "35823398891103573113", "status": "CANCELED"})
    );
}

#[tokio::test]
async fn a_paused_bulk_resumes_with_processing() {
    let api = Proxied::start().await;
    schedule(&api, "paused", 1).await;
    let status = |value: &str| Some(json!({"status": value}));
    api.call(
        "PUT",
        "/sms/1/bulks/status",
        "bulkId=paused",
        status("PROCESSING"),
    )
    .await
    .conforms()
    .status(400);
    api.call(
        "PUT",
        "/sms/1/bulks/status",
        "bulkId=paused",
        status("PAUSED"),
    )
    .await
    .conforms()
    .status(200);
    let resumed = api
        .call(
            "PUT",
            "/sms/1/bulks/status",
            "bulkId=paused",
            status("PROCESSING"),
        )
        .await;
    resumed.conforms().request_was_valid().status(200);
    let read = api
        .call("GET", "/sms/1/bulks/status", "bulkId=paused", None)
        .await;
    assert_eq!(read.body["status"], "PENDING", "waiting for its time again");
    api.clock.advance(Duration::days(2));
    let read = api
        .call("GET", "/sms/1/bulks/status", "bulkId=paused", None)
        .await;
    assert_eq!(read.body["status"], "FINISHED");
}

#[tokio::test]
async fn errors_come_in_each_operations_envelope() {
    let api = Proxied::start().await;
    for (method, path, query) in [
        ("POST", "/sms/3/messages", ""),
        ("GET", "/sms/3/logs", ""),
        ("GET", "/sms/3/reports", ""),
        ("GET", "/sms/3/text/query", "to=41793026727&text=Hi"),
    ] {
        let body = (method == "POST").then(|| json!({}));
        let denied = api
            .call_with(Some("wrong"), method, path, query, body)
            .await;
        denied.conforms().status(401);
        assert_eq!(denied.body["errorCode"], "E401", "{path}: {}", denied.body);
        api.call_with(None, method, path, query, None)
            .await
            .conforms()
            .status(401);
    }
    for (method, path) in [
        ("GET", "/sms/1/logs"),
        ("POST", "/sms/1/preview"),
        ("GET", "/sms/1/bulks/status"),
    ] {
        let denied = api
            .call_with(
                Some("wrong"),
                method,
                path,
                "bulkId=b",
                (method == "POST").then(|| json!({"text": "Hi"})),
            )
            .await;
        denied.conforms().status(401);
        assert_eq!(
            denied.body["requestError"]["serviceException"]["messageId"],
            "UNAUTHORIZED"
        );
    }
    let no_text = api
        .call(
            "POST",
            "/sms/1/preview",
            "",
            Some(json!({"languageCode": "TR"})),
        )
        .await;
    no_text.conforms().status(400);
    assert_eq!(
        no_text.body["requestError"]["serviceException"]["messageId"],
        "BAD_REQUEST"
    );
    assert_eq!(no_text.named(), ["text"]);
    let blank = api
        .call(
            "POST",
            "/sms/2/text/advanced",
            "",
            Some(json!({"messages": [{"destinations": [{"to": "12"}], "text": " "}]})),
        )
        .await;
    blank.conforms().status(400);
    assert_eq!(
        blank.named(),
        ["messages[0].destinations[0].to", "messages[0].text"]
    );
}

#[tokio::test]
async fn the_preview_reads_transliteration_and_refuses_what_it_cannot_do() {
    let api = Proxied::start().await;
    let text = "Zażółć gęślą jaźń – “cité”";
    let preview = api
        .call(
            "POST",
            "/sms/1/preview",
            "",
            Some(json!({"text": text, "transliteration": "NON_UNICODE"})),
        )
        .await;
    preview.conforms().request_was_valid().status(200);
    let previews = preview.body["previews"].as_array().unwrap();
    assert_eq!(previews.len(), 2, "{}", preview.body);
    assert_eq!(previews[0]["textPreview"], text);
    assert_eq!(previews[0]["configuration"], json!({}));
    assert_eq!(previews[1]["textPreview"], "Zazolc gesla jazn - \"cité\"");
    assert_eq!(
        previews[1]["configuration"],
        json!({"transliteration": "NON_UNICODE"})
    );
    assert_eq!(previews[1]["charactersRemaining"], 160 - 26);

    let none = api
        .call(
            "POST",
            "/sms/1/preview",
            "",
            Some(json!({"text": text, "transliteration": "NONE"})),
        )
        .await;
    assert_eq!(
        none.conforms().body["previews"].as_array().unwrap().len(),
        1
    );
    for (field, value) in [
        ("languageCode", "TR"),
        ("languageCode", "AUTODETECT"),
        ("transliteration", "GREEK"),
    ] {
        let refused = api
            .call(
                "POST",
                "/sms/1/preview",
                "",
                Some(json!({"text": text, field: value})),
            )
            .await;
        refused.conforms().request_was_valid().status(400);
        assert_eq!(refused.named(), [field]);
        let said = refused
            .body
            .pointer(&format!(
                "/requestError/serviceException/validationErrors/{field}/0"
            ))
            .unwrap();
        assert!(said.as_str().unwrap().contains(value), "{said}");
    }
}
