//! Recipient files not in UTF-8: Excel's plain CSV (Windows-1252) and a Mac CSV (Mac Roman) when
//! the sender says so, and UTF-16 by its byte-order mark; read as the text they hold, never with
//! letters replaced.

use app::models::{Problem, RecipientFileSummary};
use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::{spawn_app, TestApp};
use crate::recipient_files::preview_of_file;

/// Uploads `bytes` with `content_type`: the status and the JSON answer.
async fn upload_typed(app: &TestApp, content_type: &str, bytes: Vec<u8>) -> (StatusCode, Value) {
    let response = app
        .http
        .post(format!("{}recipient-files?name=excel.csv", app.url))
        .header("Content-Type", content_type)
        .body(bytes)
        .send()
        .await
        .expect("the server answers");
    let status = response.status();
    let body = response.text().await.expect("an answer");
    (
        status,
        serde_json::from_str(&body).unwrap_or(Value::String(body)),
    )
}

/// The first message the preview of file `id` shows.
async fn first_message(app: &TestApp, id: &str) -> String {
    let text = "Bonjour {first_name}, votre colis arrive demain.";
    preview_of_file(app, id, text).await.recipients[0]
        .text
        .clone()
}

/// "Hélène" and "Zoë", as Excel saves a CSV in France (Windows-1252).
const EXCEL_CSV: &[u8] = b"phone;first_name\r\n0612345678;H\xE9l\xE8ne\r\n0698765432;Zo\xEB\r\n";

#[tokio::test]
async fn a_windows_1252_file_said_so_is_read_as_its_letters() {
    let app = spawn_app().await;
    for content_type in [
        "text/csv; charset=windows-1252",
        "text/csv;charset=\"ISO-8859-1\"",
    ] {
        let (status, body) = upload_typed(&app, content_type, EXCEL_CSV.to_vec()).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let summary: RecipientFileSummary = serde_json::from_value(body).unwrap();
        assert_eq!(summary.recipients, 2);
        assert_eq!(summary.error_count(), 0, "{:?}", summary.errors);
        assert_eq!(
            first_message(&app, &summary.id).await,
            "Bonjour Hélène, votre colis arrive demain."
        );
    }
    // Said to be UTF-8 (or said nothing), its lines with such letters are errors, not mangled.
    let (status, body) = upload_typed(&app, "text/csv", EXCEL_CSV.to_vec()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let summary: RecipientFileSummary = serde_json::from_value(body).unwrap();
    assert_eq!(summary.recipients, 0);
    let problems: Vec<_> = summary.errors.iter().map(|e| &e.problem).collect();
    assert_eq!(problems, [&Problem::NotUtf8Line, &Problem::NotUtf8Line]);
}

/// "Hélène" and "Zoë" in a Mac CSV: Mac Roman, lines ended by `\r`,
/// the second row's number wrong.
const MAC_CSV: &[u8] = b"phone;first_name\r0612345678;H\x8El\x8Fne\r06 98;Zo\x91\r";

#[tokio::test]
async fn a_mac_roman_file_said_so_is_read_as_its_letters_on_its_lines() {
    let app = spawn_app().await;
    for content_type in [
        "text/csv; charset=macintosh",
        "text/csv; charset=x-mac-roman",
    ] {
        let (status, body) = upload_typed(&app, content_type, MAC_CSV.to_vec()).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let summary: RecipientFileSummary = serde_json::from_value(body).unwrap();
        assert_eq!(summary.recipients, 1, "{:?}", summary.errors);
        let lines: Vec<_> = summary.errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [Some(3)]);
        assert_eq!(
            first_message(&app, &summary.id).await,
            "Bonjour Hélène, votre colis arrive demain."
        );
    }
}

#[tokio::test]
async fn a_utf8_byte_order_mark_wins_over_a_charset_said() {
    let app = spawn_app().await;
    let utf8 = "\u{FEFF}phone;first_name\n0612345678;Hélène\n"
        .as_bytes()
        .to_vec();
    let (status, body) = upload_typed(&app, "text/csv; charset=windows-1252", utf8).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let summary: RecipientFileSummary = serde_json::from_value(body).unwrap();
    assert_eq!(summary.recipients, 1, "{:?}", summary.errors);
    assert_eq!(
        first_message(&app, &summary.id).await,
        "Bonjour Hélène, votre colis arrive demain."
    );
}

#[tokio::test]
async fn a_utf16_file_is_known_by_its_byte_order_mark() {
    let app = spawn_app().await;
    let text = "phone,first_name\n0612345678,Hélène\n";
    let little: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let big: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    for (content_type, bytes) in [
        ("text/csv", little.clone()),
        ("text/csv; charset=utf-16le", little),
        ("text/csv", big),
    ] {
        let (status, body) = upload_typed(&app, content_type, bytes).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let summary: RecipientFileSummary = serde_json::from_value(body).unwrap();
        assert_eq!(
            summary.recipients, 1,
            "{content_type}: {:?}",
            summary.errors
        );
        // Kept as UTF-8.
        assert_eq!(summary.bytes, text.len() as u64);
        assert_eq!(
            first_message(&app, &summary.id).await,
            "Bonjour Hélène, votre colis arrive demain."
        );
    }
}

#[tokio::test]
async fn a_charset_the_server_does_not_read_is_refused_and_named() {
    let app = spawn_app().await;
    let (status, body) = upload_typed(
        &app,
        "text/csv; charset=shift_jis",
        b"0612345678\n".to_vec(),
    )
    .await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let reason = body.as_str().expect("a sentence");
    assert!(reason.contains("\"shift_jis\""), "{reason}");
}
