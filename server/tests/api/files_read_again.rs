//! A schedule from an uploaded file reads the file again from the store at each pass (checking
//! and totals, then recording), a part at a time, never holding its list whole: what it records
//! and hands over is what a list read once would give, and a file that does not read back whole
//! is not scheduled.

use app::models::{AppError, CampaignPreview, Field, Problem, RecipientStatus, ScheduleReceipt};
use chrono::Utc;
use serde_json::json;
use sms_scheduler_server::storage::{FileRepeats, NewRecipientFile, Store};
use std::io::{ErrorKind, Read};
use tokio::runtime::Handle;

use crate::handover_task::{all_accepted, deliveries, large_campaign_settings};
use crate::helpers::{opted_out_by_stop, spawn_app_with, TestApp};
use crate::recipient_files::{from_file, kept, preview_of_file, upload};
use crate::recorded_parts::carried_as_recorded;

const TEXT: &str = "Hello {first_name}, your parcel arrives tomorrow.";

/// A CSV of `rows` numbers with long values (about 80 bytes a line), every 1,000th line
/// repeating the number of the line 500 before it, written the national way.
fn csv(rows: usize) -> (String, usize) {
    let value = "v".repeat(50);
    let mut text = "phone,first_name,param1\n".to_owned();
    let mut repeats = 0;
    for n in 0..rows {
        if n % 1_000 == 999 {
            text.push_str(&format!("061{:07},Again{n},{value}\n", n - 500));
            repeats += 1;
        } else {
            text.push_str(&format!("+3361{n:07},N{n},{value}\n"));
        }
    }
    (text, repeats)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_of_several_parts_is_read_again_at_each_pass_and_each_recipient_recorded_once() {
    let app = spawn_app_with(large_campaign_settings()).await;
    let store = app.store().await;
    let (text, repeats) = csv(45_000);
    let summary = upload(&app, text.as_bytes()).await;
    let (_, parts) = kept(&app).await;
    assert!(
        parts >= 3,
        "{parts} parts: the file is read again across parts"
    );
    let unique = 45_000 - repeats;
    assert_eq!(summary.recipients, unique as u64);
    let opted_out = "+33610012345";
    opted_out_by_stop(&store, opted_out).await;

    // A preview, the schedule and a preview after it each read the file again: the file is the
    // same, and so are the previews.
    let before = preview_of_file(&app, &summary.id, TEXT).await;
    let mut request = from_file(&summary.id);
    request["text"] = json!(TEXT);
    let receipt: ScheduleReceipt = app.schedule(request).await.ok();
    all_accepted("Octopush", &receipt);
    let after = preview_of_file(&app, &summary.id, TEXT).await;
    assert_eq!(after, before);

    let sent = unique - 1;
    assert_eq!(receipt.contacts as usize, sent);
    assert_eq!(receipt.submissions.len(), sent.div_ceil(500));
    assert_eq!(
        receipt.duplicates.len() as u64 + receipt.more_duplicates,
        repeats as u64
    );
    let first = &receipt.duplicates[0];
    assert_eq!((first.line, first.first_line), (1_001, 501));
    assert_eq!(first.number, "+33610000499");
    assert_eq!(receipt.excluded.len(), 1);
    assert_eq!(receipt.excluded[0].number, opted_out);

    // Each request carried what was recorded under its key; each number reached the provider
    // once, the repeats and the opted-out one never.
    carried_as_recorded(&app, "Octopush", &receipt).await;
    let seen = deliveries(&app, "Octopush");
    assert_eq!(seen.len(), sent);
    assert!(seen.values().all(|&times| times == 1));
    assert!(!seen.contains_key(opted_out));
    let counts = store.status_counts(&receipt.campaign_id).await.unwrap();
    assert_eq!(
        counts,
        vec![
            (RecipientStatus::Scheduled, sent as u64),
            (RecipientStatus::Excluded, 1),
        ]
    );
}

#[tokio::test]
async fn a_file_that_does_not_read_back_whole_is_not_scheduled_and_said_gone() {
    let app = spawn_app_with(large_campaign_settings()).await;
    let (text, _) = csv(45_000);
    let summary = upload(&app, text.as_bytes()).await;
    // A part lost (as a sweep or a damaged database would lose it) after the upload.
    let store = app.store().await;
    sqlx::query("DELETE FROM recipient_file_parts WHERE file_id = $1 AND part = 1")
        .bind(&summary.id)
        .execute(store.writes())
        .await
        .unwrap();

    let mut request = from_file(&summary.id);
    request["text"] = json!(TEXT);
    // As good as gone: the remedy is the same, upload it again.
    let AppError::Invalid(errors) = app.schedule(request).await.error() else {
        panic!("the file is not read whole");
    };
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].field, Field::Recipients);
    assert_eq!(errors[0].problem, Problem::RecipientFileGone);
    assert!(app.octopush_got_nothing());
    let campaigns: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM campaigns")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(campaigns, 0);
}

#[tokio::test]
async fn every_line_whose_text_cannot_be_made_refuses_a_files_schedule_by_line() {
    let app = spawn_app_with(large_campaign_settings()).await;
    // 150 recipients without the name the text needs, and one line that is no number, among
    // 2,000: the first hundred errors by line, then how many more.
    let mut text = "phone,first_name\n".to_owned();
    for n in 0..2_000 {
        match n {
            7 => text.push_str("not a number,Zed\n"),
            n if n % 10 == 3 && n < 1_500 => text.push_str(&format!("+3361{n:07},\n")),
            n => text.push_str(&format!("+3361{n:07},N{n}\n")),
        }
    }
    let summary = upload(&app, text.as_bytes()).await;
    let mut request = from_file(&summary.id);
    request["text"] = json!(TEXT);
    let AppError::Invalid(errors) = app.schedule(request).await.error() else {
        panic!("the lines' errors");
    };
    let lines: Vec<Option<u32>> = errors.iter().map(|e| e.line).collect();
    let mut expected: Vec<Option<u32>> = (0..1_500)
        .filter(|n| n % 10 == 3)
        .map(|n| Some(n + 2))
        .collect();
    expected.insert(1, Some(9));
    expected.truncate(100);
    assert_eq!(lines[..100], expected[..]);
    // The line that is no number has the reading's error, the others the text's.
    assert_ne!(errors[1].problem, errors[0].problem);
    assert_eq!(errors[2].problem, errors[0].problem);
    assert_eq!(errors[100].field, Field::Recipients);
    assert_eq!(errors[100].problem, Problem::MoreLineErrors(51));
    assert_eq!(errors.len(), 101);
    assert!(app.octopush_got_nothing());
}

#[tokio::test]
async fn a_files_previews_read_it_again_and_show_what_the_same_list_typed_shows() {
    let app = spawn_app_with(large_campaign_settings()).await;
    // 250 lines, every tenth without the name the text needs, one no number: set aside, the
    // others planned, page by page.
    let mut text = "phone,first_name\n".to_owned();
    for n in 0..250 {
        match n {
            42 => text.push_str("not a number,Zed\n"),
            n if n % 10 == 5 => text.push_str(&format!("+3361{n:07},\n")),
            n => text.push_str(&format!("+3361{n:07},N{n}\n")),
        }
    }
    let summary = upload(&app, text.as_bytes()).await;
    let offsets = [0, 100, 200, 224, 300];
    previews_agree(&app, &summary.id, &text, TEXT, &offsets, 224, 26).await;
    // Numbers by line, several on some, repeats among them (found by the upload, kept with the
    // file): the same repeats, the same first lines, the same pages.
    let mut text = String::new();
    for n in 0..240 {
        match n % 6 {
            0 => text.push_str(&format!("+3361{n:07}; 061{:07}\n", n / 2)),
            3 => text.push_str(&format!("061{:07}\n", n - 3)),
            _ => text.push_str(&format!("+3361{n:07}\n")),
        }
    }
    let summary = upload(&app, text.as_bytes()).await;
    assert!(summary.duplicates.len() > 10, "{:?}", summary.duplicates);
    let head = app.store().await.recipient_file_head(&summary.id).await;
    let kept = head
        .unwrap()
        .unwrap()
        .repeats
        .expect("the upload keeps its repeats");
    assert_eq!(kept.region, "FR");
    let message = "Your parcel arrives tomorrow.";
    previews_agree(&app, &summary.id, &text, message, &[0, 100, 200], 0, 0).await;
}

/// The previews of file `id` and of its `text` typed, with `message`, agree at each offset;
/// `to_fix` lines set aside, and `total` recipients each greeted by name (unchecked when 0).
async fn previews_agree(
    app: &TestApp,
    id: &str,
    text: &str,
    message: &str,
    offsets: &[u64],
    total: u64,
    to_fix: usize,
) {
    for &offset in offsets {
        let mut from_file = from_file(id);
        from_file["text"] = json!(message);
        let mut typed = from_file.clone();
        typed["recipients"] = json!(text);
        typed["recipients_file"] = json!(null);
        let preview = |request| {
            app.call(
                "preview_campaign",
                json!({ "request": request, "offset": offset }),
            )
        };
        let of_file: CampaignPreview = preview(from_file).await.ok();
        let of_typed: CampaignPreview = preview(typed).await.ok();
        assert_eq!(of_file, of_typed, "offset {offset}");
        assert_eq!(of_file.lines_to_fix.len(), to_fix);
        if total > 0 {
            assert_eq!(of_file.total, total);
            let shown = (total as usize).saturating_sub(offset as usize).min(100);
            assert_eq!(of_file.recipients.len(), shown, "offset {offset}");
            assert!(of_file
                .recipients
                .iter()
                .all(|r| r.text.starts_with("Hello N")));
        }
    }
}

/// A kept file read again gives its bytes whole, part by part (parts cut mid-line and empty ones
/// included); one missing a part comes short, never as a shorter list.
pub async fn stored_file_reader_suite(store: &Store) {
    let text = "phone;first_name\n0612345678;Ann\nx;Bob\n+12125550123;Cy\n0698765432;Di";
    let parts = [&text[..9], "", &text[9..30], &text[30..]];
    // What an upload found of the file's repeats is kept with it, and read back as kept: some
    // rows, none, or nothing kept (a file kept before repeats were).
    let kept = |rows: Vec<u8>| {
        Some(FileRepeats {
            rows,
            report: r#"{"reading":1,"duplicates":[],"more_duplicates":1}"#.into(),
            region: "FR".into(),
        })
    };
    let files = [
        ("reread-whole", None, kept(vec![4, 0, 0, 0, 0, 0, 0, 0])),
        ("reread-short", Some(2), kept(Vec::new())),
        ("reread-unkept", None, None),
    ];
    for (id, lost, repeats) in files {
        let file = NewRecipientFile {
            id,
            owner: "ann",
            name: "list.csv",
            created_at: Utc::now(),
        };
        store.start_recipient_file(&file).await.unwrap();
        for (number, part) in parts.iter().enumerate() {
            if lost != Some(number) {
                store
                    .add_recipient_file_part(id, number, part.as_bytes())
                    .await
                    .unwrap();
            }
        }
        let size = text.len() as u64;
        store
            .finish_recipient_file(id, size, repeats.as_ref(), Utc::now())
            .await
            .unwrap();
        let head = store.recipient_file_head(id).await.unwrap().unwrap();
        assert_eq!(head.repeats, repeats, "{id}");
        let mut reader = store.recipient_file_reader(id, size, Handle::current());
        let read = tokio::task::spawn_blocking(move || {
            let mut bytes = Vec::new();
            reader.read_to_end(&mut bytes).map(|_| bytes)
        })
        .await
        .unwrap();
        match lost {
            None => assert_eq!(read.unwrap(), text.as_bytes()),
            Some(_) => assert_eq!(read.unwrap_err().kind(), ErrorKind::UnexpectedEof),
        }
    }
}
