//! Prism (`@stoplight/prism-cli`, `end2end/node_modules/.bin/prism`, installed by `make setup`) as a
//! validating mock or proxy of the Infobip spec in `docs/specs`. It is required: a missing Prism
//! fails the contract tests, it never skips them.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, BufReader};
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

/// Starts `prism <mode> <spec> [upstream]` and waits until it says it listens; it is killed when
/// dropped. The port is chosen before Prism binds it, so another test's server may take it first:
/// then Prism exits without its "listening" line and is started again on another port (answering
/// whatever took the port would test the wrong server).
pub async fn start(
    mode: &str,
    spec: &Path,
    upstream: Option<&str>,
    strictness: Strictness,
) -> (Child, String) {
    for _ in 0..5 {
        if let Some(started) = start_on(free_port(), mode, spec, upstream, strictness).await {
            return started;
        }
    }
    panic!("Prism could not listen on any of five ports");
}

async fn start_on(
    port: u16,
    mode: &str,
    spec: &Path,
    upstream: Option<&str>,
    strictness: Strictness,
) -> Option<(Child, String)> {
    let url = format!("http://127.0.0.1:{port}");
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
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("Prism starts");
    let mut lines = BufReader::new(child.stdout.take().expect("piped stdout")).lines();
    let listening = format!("listening on {url}");
    let said = tokio::time::timeout(Duration::from_secs(60), async {
        while let Ok(Some(line)) = lines.next_line().await {
            if line.contains(&listening) {
                return true;
            }
        }
        false
    })
    .await
    .unwrap_or_else(|_| panic!("Prism did not say it listens on {url} within 60 s"));
    if !said {
        return None;
    }
    // Prism logs every exchange; its output is read to the end so it never blocks on a full pipe.
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    Some((child, url))
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
