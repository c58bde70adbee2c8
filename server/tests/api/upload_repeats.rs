//! An upload finds its repeated numbers by sorting them a run at a time (on disk past the first
//! run), not in a table of every number seen: a file longer than a run reports its repeats, in
//! line order with the line each number came first on, as a table would, and a preview read
//! with them known leaves them out; a file kept without them finds them again the same way; and
//! an upload that cannot write its runs fails, saying so, keeping nothing.

use sms_scheduler_server::storage::Store;

use crate::handover_task::large_campaign_settings;
use crate::helpers::{process_database_url, spawn_app_with};
use crate::processes::{SandboxProcess, ServerProcess};
use crate::recipient_files::{from_file, preview_of_file, upload};

/// Rows in the file: more than one sorting run (262,144 numbers).
const ROWS: usize = 300_000;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_longer_than_a_sorting_run_has_its_repeats_found_across_runs() {
    let mut settings = large_campaign_settings();
    settings.sending.max_recipients = ROWS;
    let app = spawn_app_with(settings).await;
    // Row n is on line n + 2 (the header is line 1). The number of row 7 comes again in the
    // second run's rows, once more within the first, and on the last line; row 5's number comes
    // again written the national way.
    let mut text = "phone,first_name\n".to_owned();
    for n in 0..ROWS {
        match n {
            100_000 | 270_000 | 299_999 => text.push_str(&format!("+33610000007,Again{n}\n")),
            299_990 => text.push_str("0610000005,Five again\n"),
            n => text.push_str(&format!("+3361{n:07},N{n}\n")),
        }
    }
    let summary = upload(&app, text.as_bytes()).await;
    assert!(summary.errors.is_empty(), "{:?}", summary.errors);
    assert_eq!(summary.recipients, (ROWS - 4) as u64);
    let found: Vec<(u32, u32, &str)> = summary
        .duplicates
        .iter()
        .map(|d| (d.line, d.first_line, d.number.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (100_002, 9, "+33610000007"),
            (270_002, 9, "+33610000007"),
            (299_992, 7, "+33610000005"),
            (300_001, 9, "+33610000007"),
        ]
    );
    assert_eq!(summary.more_duplicates, 0);

    // Read again for a preview, the repeats kept with the file are left out and reported.
    let preview = preview_of_file(&app, &summary.id, "Your parcel arrives tomorrow.").await;
    assert_eq!(preview.total, (ROWS - 4) as u64);
    assert_eq!(preview.duplicates, summary.duplicates);
}

#[tokio::test]
async fn a_file_kept_without_its_repeats_finds_them_again_by_sorting() {
    let app = spawn_app_with(large_campaign_settings()).await;
    // Every seventh line repeats the number three lines before it, written the national way.
    let mut text = "phone,first_name\n".to_owned();
    for n in 0..2_000 {
        match n {
            n if n % 7 == 6 => text.push_str(&format!("061{:07},Again{n}\n", n - 3)),
            n => text.push_str(&format!("+3361{n:07},N{n}\n")),
        }
    }
    let summary = upload(&app, text.as_bytes()).await;
    let message = "Your parcel arrives tomorrow.";
    let with_kept = preview_of_file(&app, &summary.id, message).await;
    assert_eq!(
        with_kept.duplicates.len() as u64 + with_kept.more_duplicates,
        2_000 / 7
    );
    // As a file kept before its repeats were: nothing of them kept.
    let store = app.store().await;
    let head = store
        .recipient_file_head(&summary.id)
        .await
        .unwrap()
        .unwrap();
    let kept_by_upload = head.repeats.expect("the upload keeps its repeats");
    forget_repeats(&store, &summary.id).await;
    let head = store
        .recipient_file_head(&summary.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(head.repeats, None);
    let found_again = preview_of_file(&app, &summary.id, message).await;
    assert_eq!(found_again, with_kept);
    // Found again, they are kept with the file as the upload kept them (written once the preview
    // has answered).
    let mut kept_again = None;
    for _ in 0..100 {
        let head = store
            .recipient_file_head(&summary.id)
            .await
            .unwrap()
            .unwrap();
        kept_again = head.repeats;
        if kept_again.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(kept_again, Some(kept_by_upload));
    // Taken away again, the schedule's own first pass finds them.
    forget_repeats(&store, &summary.id).await;
    // A schedule (its check and its recording each read the file) sends each number once.
    let mut request = from_file(&summary.id);
    request["text"] = serde_json::json!(message);
    let receipt: app::models::ScheduleReceipt = app.schedule(request).await.ok();
    assert_eq!(u64::from(receipt.contacts), with_kept.total);
    assert_eq!(receipt.duplicates, with_kept.duplicates);
}

#[tokio::test]
async fn an_upload_whose_numbers_cannot_be_sorted_on_disk_fails_and_keeps_nothing() {
    // The app as its own process, its temporary directory one that does not exist.
    let sandbox = SandboxProcess::start().await;
    let database_url = process_database_url().await;
    let nowhere = std::env::temp_dir().join(format!("no-such-dir-{}", uuid::Uuid::new_v4()));
    let settings = [
        ("TMPDIR", nowhere.display().to_string()),
        ("SMS_SCHEDULER__SENDING__MAX_RECIPIENTS", ROWS.to_string()),
    ];
    let server = ServerProcess::start_with(&database_url, &sandbox, &settings).await;
    let upload = |rows: usize| {
        let text: String = (0..rows).map(|n| format!("+3361{n:07}\n")).collect();
        reqwest::Client::new()
            .post(format!("{}recipient-files?name=long.csv", server.url))
            .header("Content-Type", "text/csv")
            .body(text)
            .send()
    };
    // A list that fits in one run needs no file: read as ever.
    let answer = upload(1_000).await.expect("the app answers");
    assert_eq!(answer.status(), reqwest::StatusCode::OK);
    // One that does not is refused, saying why, and nothing of it is kept.
    let answer = upload(ROWS).await.expect("the app answers");
    assert_eq!(answer.status(), reqwest::StatusCode::INTERNAL_SERVER_ERROR);
    let body = answer.text().await.unwrap();
    assert!(body.contains("temporary files"), "{body}");
    let store = Store::connect(&database_url).await.unwrap();
    let files: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM recipient_files")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(files, 1, "only the first upload is kept");
    store.close().await;
    server.kill().await;
}

/// File `id` as kept before its repeats were: nothing of them kept.
async fn forget_repeats(store: &Store, id: &str) {
    sqlx::query(
        "UPDATE recipient_files SET repeat_rows = NULL, repeats_report = NULL, \
         read_in_region = NULL WHERE id = $1",
    )
    .bind(id)
    .execute(store.writes())
    .await
    .unwrap();
}
