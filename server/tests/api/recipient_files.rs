//! Recipient lists uploaded as files (`POST …/recipient-files`): read by line as they arrive,
//! kept a day for their uploader, previewed and scheduled by id (their limits:
//! `recipient_file_limits.rs`).

use app::models::{
    AppError, CampaignPreview, DuplicateRecipient, Field, Problem, RecipientFileSummary, Role,
    ScheduleReceipt,
};
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::access::{behind_portal, call_as, group_of, THE_TESTS_ARE_THE_PROXY};
use crate::helpers::{spawn_app, spawn_app_with, test_settings, valid_request, TestApp};
use crate::reconciliation::app_on_test_clock;

/// What an upload answered: its status and JSON body.
pub async fn upload_as(
    app: &TestApp,
    who: Option<(&str, Role)>,
    bytes: Vec<u8>,
) -> (StatusCode, Value) {
    let mut request = app
        .http
        .post(format!("{}recipient-files?name=clients.csv", app.url))
        .header("Content-Type", "text/csv")
        .body(bytes);
    if let Some((user, role)) = who {
        request = request
            .header("X-Forwarded-User", user)
            .header("X-Forwarded-Groups", group_of(role));
    }
    let response = request.send().await.expect("the server answers");
    let status = response.status();
    let body = response.json().await.expect("a JSON answer");
    (status, body)
}

/// The id of `bytes` uploaded by alice, a sender behind the portal.
async fn alices_file(app: &TestApp, bytes: &[u8]) -> String {
    let (status, body) = upload_as(app, Some(("alice", Role::Sender)), bytes.to_vec()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body["id"].as_str().unwrap().to_owned()
}

pub async fn upload(app: &TestApp, bytes: &[u8]) -> RecipientFileSummary {
    let (status, body) = upload_as(app, None, bytes.to_vec()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    serde_json::from_value(body).expect("a summary")
}

/// The valid form, its recipients from file `id`.
pub fn from_file(id: &str) -> Value {
    let mut request = valid_request();
    request["recipients"] = json!("");
    request["recipients_file"] = json!(id);
    request
}

/// The preview's first page of file `id` with message `text`.
pub async fn preview_of_file(app: &TestApp, id: &str, text: &str) -> CampaignPreview {
    let mut request = from_file(id);
    request["text"] = json!(text);
    app.call(
        "preview_campaign",
        json!({ "request": request, "offset": 0 }),
    )
    .await
    .ok()
}

/// How many files, and parts of files, the database keeps.
pub async fn kept(app: &TestApp) -> (i64, i64) {
    let store = app.store().await;
    let files = sqlx::query_scalar("SELECT COUNT(*) FROM recipient_files")
        .fetch_one(store.pool())
        .await
        .unwrap();
    let parts = sqlx::query_scalar("SELECT COUNT(*) FROM recipient_file_parts")
        .fetch_one(store.pool())
        .await
        .unwrap();
    (files, parts)
}

#[tokio::test]
async fn an_uploaded_csv_is_read_by_line_then_previewed_and_scheduled_by_its_id() {
    let app = spawn_app().await;
    let csv = "phone;first_name\n06 12 34 56 78;Ann\n+33 6 98 76 54 32;Bob\n0611111111;Cy\n";
    let summary = upload(&app, csv.as_bytes()).await;
    assert_eq!(summary.name, "clients.csv");
    assert_eq!(summary.bytes, csv.len() as u64);
    assert_eq!(summary.recipients, 3);
    assert_eq!(summary.error_count(), 0);

    let text = "Hello {first_name}, your parcel arrives tomorrow.";
    let preview = preview_of_file(&app, &summary.id, text).await;
    assert_eq!(preview.total, 3);
    let first = &preview.recipients[0].text;
    assert!(first.starts_with("Hello Ann,"), "{first}");

    let mut request = from_file(&summary.id);
    request["text"] = json!(text);
    let receipt: ScheduleReceipt = app.schedule(request).await.ok();
    assert_eq!(receipt.contacts, 3);
    assert_eq!(app.octopush_campaigns(), 1);
}

#[tokio::test]
async fn a_file_of_megabytes_is_kept_in_parts_and_read_back_whole() {
    let app = spawn_app().await;
    let value = "x".repeat(50);
    let csv: String = std::iter::once("phone,param1\n".to_owned())
        .chain((0..50_000).map(|n| format!("+3361{n:07},{value}\n")))
        .collect();
    assert!(csv.len() > 3 * 1024 * 1024);
    let summary = upload(&app, csv.as_bytes()).await;
    assert_eq!(summary.bytes, csv.len() as u64);
    assert_eq!(summary.recipients, 50_000);
    // Parts of a megabyte and a read more at most: 3 MB make three or four.
    let (files, parts) = kept(&app).await;
    assert_eq!(files, 1);
    assert!((3..=4).contains(&parts), "{parts} parts");

    let preview: CampaignPreview = app
        .call(
            "preview_campaign",
            json!({ "request": from_file(&summary.id), "offset": 49_999 }),
        )
        .await
        .ok();
    assert_eq!(preview.total, 50_000);
    assert_eq!(preview.recipients[0].number, "+33610049999");
}

#[tokio::test]
async fn the_apps_pages_are_answered_in_the_server_functions_encoding() {
    let app = spawn_app().await;
    let url = format!("{}recipient-files?name=a.csv", app.url);
    let ask = |body: &'static str| {
        app.http
            .post(&url)
            .header("Content-Type", "text/csv")
            .header("Accept", "application/x-postcard")
            .body(body)
            .send()
    };
    let read = ask("0612345678\n0698765432\n").await.unwrap();
    assert_eq!(read.status(), StatusCode::OK);
    let summary: RecipientFileSummary = postcard::from_bytes(&read.bytes().await.unwrap()).unwrap();
    assert_eq!(summary.recipients, 2);
    assert_eq!(summary.name, "a.csv");
}

#[tokio::test]
async fn bad_lines_are_answered_by_line_and_the_file_is_refused_when_scheduled() {
    let app = spawn_app().await;
    let csv = "phone,first_name\n0612345678,Ann\nnot a number,Bob\n06 12 34 56 78,Ann again\n";
    let summary = upload(&app, csv.as_bytes()).await;
    assert_eq!(summary.recipients, 1);
    assert_eq!(
        summary.duplicates,
        vec![DuplicateRecipient {
            line: 4,
            first_line: 2,
            number: "+33612345678".into(),
            // "Ann again": not the first line's name, and not sent.
            other_values: true,
        }]
    );
    assert_eq!(summary.errors.len(), 1);
    assert_eq!(summary.errors[0].line, Some(3));
    assert_eq!(summary.errors[0].field, Field::Recipients);

    let AppError::Invalid(errors) = app.schedule(from_file(&summary.id)).await.error() else {
        panic!("the list's errors");
    };
    assert!(errors.iter().any(|e| e.line == Some(3)), "{errors:?}");
    assert!(app.octopush_got_nothing());
}

#[tokio::test]
async fn lines_that_are_not_utf8_are_errors_on_their_lines_never_sent_mangled() {
    let app = spawn_app().await;
    // A Latin-1 "é" in a name: no guess at what it was meant to be.
    let csv = b"phone,first_name\n0612345678,Ann\n0698765432,Ren\xe9\n".to_vec();
    let summary = upload(&app, &csv).await;
    assert_eq!(summary.recipients, 1);
    assert_eq!(summary.errors.len(), 1);
    assert_eq!(summary.errors[0].line, Some(3));
    assert_eq!(summary.errors[0].problem, Problem::NotUtf8Line);

    let AppError::Invalid(errors) = app.schedule(from_file(&summary.id)).await.error() else {
        panic!("the line's error");
    };
    assert_eq!(errors[0].line, Some(3));
    assert_eq!(errors[0].problem, Problem::NotUtf8Line);
    assert!(app.octopush_got_nothing());
}

#[tokio::test]
async fn a_spreadsheets_byte_order_mark_is_no_part_of_the_header() {
    let app = spawn_app().await;
    let summary = upload(&app, b"\xEF\xBB\xBFphone\n0612345678\n").await;
    assert_eq!(summary.recipients, 1);
    assert_eq!(summary.error_count(), 0, "{:?}", summary.errors);
    // Nor is it a line of its own when blank lines come before the header.
    let summary = upload(&app, b"\xEF\xBB\xBF\n\nphone,first_name\n0612345678,Ann\n").await;
    assert_eq!(summary.recipients, 1);
    assert_eq!(summary.error_count(), 0, "{:?}", summary.errors);
}

#[tokio::test]
async fn only_the_uploader_may_use_a_file() {
    let app = spawn_app_with(behind_portal(THE_TESTS_ARE_THE_PROXY)).await;
    let id = alices_file(&app, b"0612345678\n").await;
    let arguments = json!({ "request": from_file(&id), "offset": 0 });

    let by_bob = call_as(
        &app,
        "bob",
        Role::Sender,
        "preview_campaign",
        arguments.clone(),
    )
    .await;
    let AppError::Invalid(errors) = by_bob.error() else {
        panic!("not bob's file");
    };
    assert_eq!(errors[0].problem, Problem::RecipientFileGone);
    let by_alice = call_as(&app, "alice", Role::Sender, "preview_campaign", arguments).await;
    assert_eq!(by_alice.ok::<CampaignPreview>().total, 1);

    // A viewer may not upload at all.
    let (status, body) =
        upload_as(&app, Some(("vera", Role::Viewer)), b"0612345678\n".to_vec()).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert!(matches!(
        serde_json::from_value::<AppError>(body).unwrap(),
        AppError::Forbidden(_)
    ));
}

#[tokio::test]
async fn a_file_over_the_campaign_limit_says_so_at_once() {
    let mut settings = test_settings();
    settings.sending.max_recipients = 2;
    let app = spawn_app_with(settings).await;
    let summary = upload(&app, b"0612345678\n0698765432\n0611111111\nx\n").await;
    assert_eq!(summary.recipients, 3);
    assert_eq!(
        summary.errors[0].problem,
        Problem::TooManyRecipients { count: 3, max: 2 }
    );
    assert_eq!(summary.errors[0].line, None);
    // The list's own error is a line; the limit is not.
    assert_eq!(summary.wrong_lines(), 1);
}

#[tokio::test]
async fn typed_recipients_and_a_file_together_are_refused() {
    let app = spawn_app().await;
    let summary = upload(&app, b"0612345678\n").await;
    let mut request = from_file(&summary.id);
    request["recipients"] = json!("0698765432");
    let AppError::Invalid(errors) = app.schedule(request).await.error() else {
        panic!("which list is meant is not guessed");
    };
    assert_eq!(errors[0].problem, Problem::FileAndTypedRecipients);
    assert!(app.octopush_got_nothing());
}

#[tokio::test]
async fn a_file_is_kept_a_day() {
    let (app, clock) = app_on_test_clock(test_settings()).await;
    let summary = upload(&app, b"0612345678\n").await;
    clock.advance(chrono::Duration::hours(25));
    let AppError::Invalid(errors) = app.schedule(from_file(&summary.id)).await.error() else {
        panic!("the file is no longer kept");
    };
    assert_eq!(errors[0].problem, Problem::RecipientFileGone);
    // The next upload deletes it.
    upload(&app, b"0612345678\n").await;
    assert_eq!(kept(&app).await, (1, 1));
}

#[tokio::test]
async fn an_upload_needs_a_csv_body_from_the_apps_own_origin() {
    let app = spawn_app().await;
    let url = format!("{}recipient-files", app.url);
    let plain = app
        .http
        .post(&url)
        .header("Content-Type", "text/plain")
        .body("0612345678\n")
        .send()
        .await
        .unwrap();
    assert_eq!(plain.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let elsewhere = app
        .http
        .post(&url)
        .header("Content-Type", "text/csv")
        .header("Origin", "https://elsewhere.example")
        .body("0612345678\n")
        .send()
        .await
        .unwrap();
    assert_eq!(elsewhere.status(), StatusCode::FORBIDDEN);
    assert_eq!(kept(&app).await, (0, 0));
}

#[tokio::test]
async fn a_files_previews_are_its_uploaders_only_and_for_a_day() {
    let (app, clock) = app_on_test_clock(behind_portal(THE_TESTS_ARE_THE_PROXY)).await;
    let id = alices_file(&app, b"phone,first_name\n0612345678,Ann\n").await;
    let preview = |user: &'static str, text: &'static str| {
        let mut request = from_file(&id);
        request["text"] = json!(text);
        let arguments = json!({ "request": request, "offset": 0 });
        let app = &app;
        async move { call_as(app, user, Role::Sender, "preview_campaign", arguments).await }
    };
    let first = preview("alice", "Hello {first_name}.").await;
    assert_eq!(
        first.ok::<CampaignPreview>().recipients[0].text,
        "Hello Ann."
    );
    // Each preview reads the file again: the message is the one asked for.
    let again = preview("alice", "Bye {first_name}.").await;
    assert_eq!(again.ok::<CampaignPreview>().recipients[0].text, "Bye Ann.");
    // Alice's file is not bob's.
    let AppError::Invalid(errors) = preview("bob", "Hello {first_name}.").await.error() else {
        panic!("not bob's file");
    };
    assert_eq!(errors[0].problem, Problem::RecipientFileGone);
    // Nor alice's once the file's day is out.
    clock.advance(chrono::Duration::hours(25));
    let AppError::Invalid(errors) = preview("alice", "Hello {first_name}.").await.error() else {
        panic!("the file is no longer kept");
    };
    assert_eq!(errors[0].problem, Problem::RecipientFileGone);
}

#[tokio::test]
async fn a_campaign_from_a_file_held_for_approval_keeps_the_files_list() {
    let app = spawn_app_with(crate::approval::held_over_one()).await;
    let id = alices_file(&app, b"phone,first_name\n0612345678,Ann\n0698765432,Bob\n").await;
    let mut request = from_file(&id);
    request["text"] = json!("Hello {first_name}.");
    // Previewed first (its list then kept), as the composer does, then scheduled: held.
    let arguments = json!({ "request": request.clone(), "offset": 0 });
    let preview = call_as(&app, "alice", Role::Sender, "preview_campaign", arguments).await;
    assert_eq!(preview.ok::<CampaignPreview>().total, 2);
    let arguments = json!({ "request": request });
    let receipt: ScheduleReceipt = call_as(&app, "alice", Role::Sender, "schedule_sms", arguments)
        .await
        .ok();
    assert!(!receipt.held_for_approval.is_empty());
    assert!(app.octopush_got_nothing());
    // Approved, it is planned again from the list the file held, kept with the campaign.
    let decision = json!({ "id": receipt.campaign_id, "decision": "Approve" });
    let decided = call_as(&app, "bob", Role::Approver, "decide_approval", decision).await;
    assert_eq!(
        decided.ok::<app::models::Approval>(),
        app::models::Approval::Approved
    );
    let sent = app.sandbox.as_ref().unwrap().accepted_campaigns();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].phone_numbers.len(), 2);
}
