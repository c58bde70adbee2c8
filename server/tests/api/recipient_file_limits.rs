//! Recipient file uploads at their limits: too large (announced or streamed), cut half-way,
//! stalled, one too many at once; none keeps anything.

use app::models::{AppError, Problem, Refusal, Role};
use reqwest::StatusCode;
use std::time::Duration;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;

use crate::access::{behind_portal, group_of, THE_TESTS_ARE_THE_PROXY};
use crate::helpers::{spawn_app, spawn_app_with, test_settings, TestApp};
use crate::recipient_files::{kept, upload_as};

/// An upload by `user` (a sender behind the portal) that has sent its first line of 1,000 bytes
/// announced, and waits.
async fn upload_under_way(app: &TestApp, user: &str) -> TcpStream {
    let address = app.url.trim_start_matches("http://").trim_end_matches('/');
    let mut socket = TcpStream::connect(address).await.unwrap();
    let head = format!(
        "POST /recipient-files?name=open.csv HTTP/1.1\r\nHost: {address}\r\n\
         Content-Type: text/csv\r\nX-Forwarded-User: {user}\r\nX-Forwarded-Groups: {}\r\n\
         Content-Length: 1000\r\n\r\n0612345678\n",
        group_of(Role::Sender)
    );
    socket.write_all(head.as_bytes()).await.unwrap();
    socket
}

/// Waits until `files` uploads are recorded as started (or 5 s).
async fn until_started(app: &TestApp, files: i64) {
    for _ in 0..100 {
        if kept(app).await.0 == files {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(kept(app).await.0, files, "uploads under way");
}

#[tokio::test]
async fn a_person_sends_two_files_at_once_and_a_third_waits_for_one_of_them() {
    let app = spawn_app_with(behind_portal(THE_TESTS_ARE_THE_PROXY)).await;
    let first = upload_under_way(&app, "alice").await;
    let _second = upload_under_way(&app, "alice").await;
    until_started(&app, 2).await;
    let line = b"0612345678\n".to_vec();

    let (status, body) = upload_as(&app, Some(("alice", Role::Sender)), line.clone()).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(
        serde_json::from_value::<AppError>(body).unwrap(),
        AppError::NotAllowed(Refusal::UploadsUnderWay { at_once: 2 })
    );
    // Nothing of it was kept; another person is not held up.
    assert_eq!(kept(&app).await.0, 2);
    let (status, body) = upload_as(&app, Some(("bob", Role::Sender)), line.clone()).await;
    assert_eq!(status, StatusCode::OK, "{body}");

    // One of alice's is cut (and deleted): her next one goes.
    drop(first);
    until_started(&app, 2).await;
    let mut status = StatusCode::CONFLICT;
    for _ in 0..50 {
        (status, _) = upload_as(&app, Some(("alice", Role::Sender)), line.clone()).await;
        if status != StatusCode::CONFLICT {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_file_over_the_limit_is_refused_and_nothing_is_kept() {
    let mut settings = test_settings();
    settings.sending.max_file_megabytes = 1;
    let app = spawn_app_with(settings).await;
    let line = "0612345678\n";
    let too_large = line.repeat(2 * 1024 * 1024 / line.len());

    // Announced: refused before it is read.
    let (status, body) = upload_as(&app, None, too_large.clone().into_bytes()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let AppError::Invalid(errors) = serde_json::from_value(body).unwrap() else {
        panic!("the limit, in words");
    };
    assert_eq!(
        errors[0].problem,
        Problem::FileTooLarge { max_megabytes: 1 }
    );

    // Streamed without a length: refused once it is over, in words, a plain list or a CSV.
    let csv = format!("phone,first_name\n{}", "0612345678,Ann\n".repeat(150_000));
    for file in [too_large, csv] {
        let chunks: Vec<Result<Vec<u8>, std::io::Error>> = file
            .as_bytes()
            .chunks(64 * 1024)
            .map(|chunk| Ok(chunk.to_vec()))
            .collect();
        let response = app
            .http
            .post(format!("{}recipient-files", app.url))
            .header("Content-Type", "text/csv")
            .body(reqwest::Body::wrap_stream(futures_util::stream::iter(
                chunks,
            )))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        let AppError::Invalid(errors) = response.json().await.unwrap() else {
            panic!("the limit, in words");
        };
        assert_eq!(
            errors[0].problem,
            Problem::FileTooLarge { max_megabytes: 1 }
        );
        assert_eq!(kept(&app).await, (0, 0));
    }
}

#[tokio::test]
async fn an_upload_cut_half_way_keeps_nothing() {
    let app = spawn_app().await;
    let address = app.url.trim_start_matches("http://").trim_end_matches('/');
    let mut socket = tokio::net::TcpStream::connect(address).await.unwrap();
    let head = format!(
        "POST /recipient-files?name=cut.csv HTTP/1.1\r\nHost: {address}\r\n\
         Content-Type: text/csv\r\nContent-Length: 10000000\r\n\r\n"
    );
    socket.write_all(head.as_bytes()).await.unwrap();
    socket
        .write_all("0612345678\n".repeat(200_000).as_bytes())
        .await
        .unwrap();
    // Once the server has written a part of it…
    let mut left = kept(&app).await;
    for _ in 0..100 {
        if left.1 > 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
        left = kept(&app).await;
    }
    assert_eq!(left.0, 1, "the upload started");
    assert!(left.1 > 0, "a part was written");
    drop(socket);
    // …it notices the cut, then deletes what it wrote.
    for _ in 0..50 {
        if left == (0, 0) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        left = kept(&app).await;
    }
    assert_eq!(left, (0, 0));
}

#[tokio::test]
async fn an_upload_that_stalls_is_cut_and_keeps_nothing() {
    let mut settings = test_settings();
    settings.sending.upload_idle_seconds = 1;
    let app = spawn_app_with(settings).await;
    let address = app.url.trim_start_matches("http://").trim_end_matches('/');
    let mut socket = tokio::net::TcpStream::connect(address).await.unwrap();
    let head = format!(
        "POST /recipient-files?name=slow.csv HTTP/1.1\r\nHost: {address}\r\n\
         Content-Type: text/csv\r\nContent-Length: 1000\r\n\r\n0612345678\n"
    );
    socket.write_all(head.as_bytes()).await.unwrap();
    // The connection stays open, and nothing more comes: the server answers, then forgets it.
    let mut answer = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(10), async {
        use tokio::io::AsyncReadExt;
        let mut buffer = [0_u8; 4096];
        loop {
            let n = socket.read(&mut buffer).await.unwrap_or(0);
            if n == 0 {
                break;
            }
            answer.extend_from_slice(&buffer[..n]);
            if answer.windows(4).any(|w| w == b"\r\n\r\n") {
                break;
            }
        }
    })
    .await;
    assert!(read.is_ok(), "the server answered within 10 s");
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
    assert_eq!(kept(&app).await, (0, 0));
}
