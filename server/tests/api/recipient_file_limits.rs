//! Recipient file uploads at their limits: too large (announced or streamed), cut half-way,
//! stalled; none keeps anything.

use app::models::{AppError, Problem};
use reqwest::StatusCode;
use std::time::Duration;
use tokio::io::AsyncWriteExt;

use crate::helpers::{spawn_app, spawn_app_with, test_settings};
use crate::recipient_files::{kept, upload_as};

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
