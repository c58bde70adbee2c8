//! Prism (`@stoplight/prism-cli`, `end2end/node_modules/.bin/prism`, installed by `make setup`) as a
//! validating mock or proxy of the Infobip spec in `docs/specs`. It is required: a missing Prism
//! fails the contract tests, it never skips them.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::Duration;
use tokio::process::{Child, Command};

/// Prism's executable, asserted to be installed.
pub fn prism() -> PathBuf {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../end2end/node_modules/.bin/prism");
    assert!(
        path.exists(),
        "Prism is missing ({}): run `make setup` (npm ci in end2end/), the contract tests need it",
        path.display()
    );
    path
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// How Prism treats what breaks the spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strictness {
    /// `--errors`: a violating request or answer becomes an error answer.
    Errors,
    /// Everything passes through; violations are listed in the `sl-violations` header.
    Report,
}

/// Starts `prism <mode> <spec> [upstream]` and waits until it listens; it is killed when dropped.
pub async fn start(
    mode: &str,
    spec: &Path,
    upstream: Option<&str>,
    strictness: Strictness,
) -> (Child, String) {
    let port = free_port();
    let mut command = Command::new(prism());
    command.arg(mode).arg(spec).args(upstream).args([
        "--port",
        &port.to_string(),
        "--host",
        "127.0.0.1",
    ]);
    if strictness == Strictness::Errors {
        command.arg("--errors");
    }
    let child = command
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("Prism starts");
    for _ in 0..120 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            return (child, format!("http://127.0.0.1:{port}"));
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    panic!("Prism did not listen on port {port} within 30 s");
}

/// One entry of Prism's `sl-violations` header.
#[derive(Debug, Clone)]
pub struct Reported {
    /// `request` or `response`.
    pub side: String,
    pub severity: String,
    pub message: String,
}

/// What Prism found wrong with an exchange, from its `sl-violations` header.
pub fn reported(response: &reqwest::Response) -> Vec<Reported> {
    let Some(header) = response.headers().get("sl-violations") else {
        return Vec::new();
    };
    let entries: Vec<Value> = serde_json::from_slice(header.as_bytes()).expect("a JSON list");
    entries
        .into_iter()
        .map(|entry| Reported {
            side: entry["location"][0].as_str().unwrap_or_default().to_owned(),
            severity: entry["severity"].as_str().unwrap_or_default().to_owned(),
            message: entry["message"].as_str().unwrap_or_default().to_owned(),
        })
        .collect()
}
