//! The preview while a list is being fixed: with lines in error as the form's only problem, it
//! shows the other lines' messages beside those errors, and nothing is scheduled until they are
//! fixed; messages a recipient's values switch to UCS-2 are counted and named.

use app::models::{AppError, CampaignPreview, Field, Problem, ScheduleReceipt, SwitchedToUcs2};
use serde_json::{json, Value};

use crate::helpers::{spawn_app, valid_request, TestApp};
use crate::recipient_files::{preview_of_file, upload};

async fn preview_of(app: &TestApp, request: &Value) -> CampaignPreview {
    app.call("preview_campaign", json!({"request": request, "offset": 0}))
        .await
        .ok()
}

fn personalised(recipients: &str) -> Value {
    let mut request = valid_request();
    request["text"] = json!("Hello {first_name}, your parcel arrives tomorrow.");
    request["recipients"] = json!(recipients);
    request
}

#[tokio::test]
async fn lines_in_error_come_with_the_other_lines_preview_and_nothing_is_scheduled() {
    let app = spawn_app().await;
    let request =
        personalised("phone;first_name\n+33612345678;Hélène\n06 98;Bob\n;Eve\n+33698765432;Zoë\n");
    let preview = preview_of(&app, &request).await;
    let lines: Vec<(Option<u32>, &Problem)> = preview
        .lines_to_fix
        .iter()
        .map(|e| (e.line, &e.problem))
        .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_eq!((lines[0].0, lines[1].0), (Some(3), Some(4)));
    assert_eq!(lines[1].1, &Problem::NoPhoneValue);
    assert!(preview
        .lines_to_fix
        .iter()
        .all(|e| e.field == Field::Recipients));
    // The right lines, with their messages to check.
    assert_eq!(preview.total, 2);
    let texts: Vec<&str> = preview.recipients.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Hello Hélène, your parcel arrives tomorrow.",
            "Hello Zoë, your parcel arrives tomorrow."
        ]
    );

    // Scheduling refuses with the same errors, and records nothing.
    let AppError::Invalid(errors) = app.schedule(request).await.error() else {
        panic!("expected the lines' errors")
    };
    assert_eq!(errors, preview.lines_to_fix);
    assert!(app.submission_statuses().await.is_empty());

    // Once the lines are fixed, it schedules.
    let fixed = personalised("phone;first_name\n+33612345678;Hélène\n+33698765432;Zoë\n");
    let fixed_preview = preview_of(&app, &fixed).await;
    assert!(fixed_preview.lines_to_fix.is_empty());
    let receipt: ScheduleReceipt = app.schedule(fixed).await.ok();
    assert_eq!(receipt.contacts, 2);
}

#[tokio::test]
async fn with_another_field_wrong_or_no_right_line_the_preview_is_the_errors() {
    let app = spawn_app().await;
    let mut no_text = personalised("phone;first_name\n+33612345678;Ann\n06 98;Bob\n");
    no_text["text"] = json!("");
    let AppError::Invalid(errors) = app
        .call("preview_campaign", json!({"request": no_text, "offset": 0}))
        .await
        .error()
    else {
        panic!("expected field errors")
    };
    let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
    assert_eq!(fields, [Field::Text, Field::Recipients]);

    let only_bad = personalised("phone;first_name\n06 98;Bob\n");
    let AppError::Invalid(errors) = app
        .call(
            "preview_campaign",
            json!({"request": only_bad, "offset": 0}),
        )
        .await
        .error()
    else {
        panic!("expected the line's error")
    };
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].line, Some(2));
}

#[tokio::test]
async fn an_uploaded_files_bad_lines_come_with_its_preview() {
    let app = spawn_app().await;
    let file = upload(
        &app,
        "phone,first_name\r\n+33612345678,Ann\r\nnot a number,Bob\r\n,,\r\n".as_bytes(),
    )
    .await;
    let preview = preview_of_file(&app, &file.id, "Hello {first_name}").await;
    assert_eq!(preview.total, 1);
    assert_eq!(preview.recipients[0].text, "Hello Ann");
    let lines: Vec<Option<u32>> = preview.lines_to_fix.iter().map(|e| e.line).collect();
    assert_eq!(lines, [Some(3)]);
}

#[tokio::test]
async fn messages_switched_to_ucs2_by_their_values_are_counted_and_named() {
    let app = spawn_app().await;
    let request = personalised(
        "phone;first_name\n+33612345678;Hélène\n+33698765432;Zoë\n+33611111111;Michał\n",
    );
    let preview = preview_of(&app, &request).await;
    // "é" is GSM-7; "ë" and "ł" are not.
    assert_eq!(
        preview.switched_to_ucs2,
        Some(SwitchedToUcs2 {
            messages: 2,
            first_line: 3,
            letters: vec!['ë'],
        })
    );
    let encodings: Vec<String> = preview
        .recipients
        .iter()
        .map(|r| r.encoding.to_string())
        .collect();
    assert_eq!(encodings, ["GSM-7", "UCS-2", "UCS-2"]);

    // A template in UCS-2 already: nothing is switched by the values.
    let mut ucs2 = request.clone();
    ucs2["text"] = json!("Hello {first_name} 😀");
    assert_eq!(preview_of(&app, &ucs2).await.switched_to_ucs2, None);
    // Values that GSM-7 holds: none.
    let plain = personalised("phone;first_name\n+33612345678;Hélène\n");
    assert_eq!(preview_of(&app, &plain).await.switched_to_ucs2, None);
}
