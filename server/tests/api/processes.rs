//! The real binary as separate processes: `sms-scheduler sandbox` (both provider emulators) and
//! the app itself, each killed with SIGKILL when asked or when dropped.

use sms_scheduler_server::sandbox::received::Received;
use std::process::Stdio;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, BufReader, Lines};
use tokio::process::{Child, ChildStdout, Command};

/// A command of the binary, away from any `sms-scheduler.toml`: everything comes from `env`.
fn binary(arguments: &[&str], env: &[(&str, String)]) -> (Child, Lines<BufReader<ChildStdout>>) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_sms-scheduler"));
    command
        .args(arguments)
        .env_clear()
        .current_dir(std::env::temp_dir())
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true);
    for (name, value) in env {
        command.env(name, value);
    }
    let mut child = command.spawn().expect("the binary starts");
    let lines = BufReader::new(child.stdout.take().unwrap()).lines();
    (child, lines)
}

/// Reads `lines` until `wanted` returns a value; panics if the process stops or takes 30 s.
async fn read_until<T>(
    lines: &mut Lines<BufReader<ChildStdout>>,
    mut wanted: impl FnMut(&str) -> Option<T>,
) -> T {
    tokio::time::timeout(Duration::from_secs(30), async {
        while let Some(line) = lines.next_line().await.unwrap() {
            if let Some(found) = wanted(&line) {
                return found;
            }
        }
        panic!("the process stopped before printing what was expected");
    })
    .await
    .expect("the process printed it within 30 s")
}

/// Keeps reading a child's output so that it never blocks on a full pipe.
fn drain(mut lines: Lines<BufReader<ChildStdout>>) {
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
}

/// `sms-scheduler sandbox` on a free port, with the credentials it printed.
pub struct SandboxProcess {
    _child: Child,
    pub octopush_url: String,
    pub octopush_login: String,
    pub octopush_key: String,
    pub infobip_url: String,
    pub infobip_key: String,
    control_url: String,
}

impl SandboxProcess {
    pub async fn start() -> Self {
        // Credit for any size of trial: a refusal for want of it is not what these tests look for.
        let credit = [
            (
                "SMS_SCHEDULER__SANDBOX__OCTOPUSH__INITIAL_BALANCE",
                "1000000".to_owned(),
            ),
            (
                "SMS_SCHEDULER__SANDBOX__INFOBIP__INITIAL_BALANCE",
                "1000000".to_owned(),
            ),
        ];
        let (child, mut lines) = binary(&["sandbox", "--listen", "127.0.0.1:0"], &credit);
        let mut printed = Vec::new();
        read_until(&mut lines, |line| {
            printed.push(line.trim().to_owned());
            line.trim_start()
                .starts_with("Authorization: App ")
                .then_some(())
        })
        .await;
        drain(lines);
        let after = |prefix: &str| {
            printed
                .iter()
                .find_map(|line| line.strip_prefix(prefix))
                .unwrap_or_else(|| panic!("the sandbox printed no {prefix:?}: {printed:?}"))
                .trim()
                .to_owned()
        };
        let clock_url = after("Sandbox clock:");
        let control_url = clock_url
            .split_whitespace()
            .next()
            .unwrap()
            .trim_end_matches("/clock")
            .to_owned();
        Self {
            _child: child,
            octopush_url: after("Octopush sandbox:"),
            octopush_login: after("api-login:"),
            octopush_key: after("api-key:"),
            infobip_url: after("Infobip sandbox:"),
            infobip_key: after("Authorization: App"),
            control_url,
        }
    }

    /// Every message the sandboxes accepted so far.
    pub async fn received(&self) -> Received {
        reqwest::get(format!("{}/received", self.control_url))
            .await
            .expect("the sandbox answers")
            .json()
            .await
            .expect("a list of received messages")
    }

    /// Slows every answer down by `latency_ms`, so that a kill can land mid-campaign.
    pub async fn set_latency(&self, latency_ms: u64) {
        let answer = reqwest::Client::new()
            .put(format!("{}/faults", self.control_url))
            .json(&serde_json::json!({ "latency_ms": latency_ms }))
            .send()
            .await
            .expect("the sandbox answers");
        assert!(answer.status().is_success(), "faults set: {answer:?}");
    }
}

/// The app on `database_url`, both providers on the sandbox process, short claims and a fast
/// reconciliation so that a test sees several of each.
pub struct ServerProcess {
    child: Child,
    pub url: String,
}

impl ServerProcess {
    pub async fn start(database_url: &str, sandbox: &SandboxProcess) -> Self {
        Self::start_with(database_url, sandbox, &[]).await
    }

    /// The same, with more settings (`SMS_SCHEDULER__…` variables).
    pub async fn start_with(
        database_url: &str,
        sandbox: &SandboxProcess,
        more: &[(&'static str, String)],
    ) -> Self {
        let no_site = std::env::temp_dir().join("sms-scheduler-no-site");
        let env = [
            ("SMS_SCHEDULER__SERVER__LISTEN", "127.0.0.1:0".to_owned()),
            (
                "SMS_SCHEDULER__SERVER__SITE_ROOT",
                no_site.display().to_string(),
            ),
            ("SMS_SCHEDULER__DATABASE__URL", database_url.to_owned()),
            (
                "SMS_SCHEDULER__OCTOPUSH__BASE_URL",
                sandbox.octopush_url.clone(),
            ),
            (
                "SMS_SCHEDULER__OCTOPUSH__API_LOGIN",
                sandbox.octopush_login.clone(),
            ),
            (
                "SMS_SCHEDULER__OCTOPUSH__API_KEY",
                sandbox.octopush_key.clone(),
            ),
            (
                "SMS_SCHEDULER__INFOBIP__BASE_URL",
                sandbox.infobip_url.clone(),
            ),
            (
                "SMS_SCHEDULER__INFOBIP__API_KEY",
                sandbox.infobip_key.clone(),
            ),
            ("SMS_SCHEDULER__SENDING__SUBMIT_CONCURRENCY", "1".to_owned()),
            ("SMS_SCHEDULER__SENDING__CLAIM_SECONDS", "2".to_owned()),
            ("SMS_SCHEDULER__SENDING__RECONCILE_SECONDS", "1".to_owned()),
        ];
        let env: Vec<(&str, String)> = env.into_iter().chain(more.iter().cloned()).collect();
        let (child, mut lines) = binary(&[], &env);
        let url = read_until(&mut lines, |line| {
            line.strip_prefix("SMS Scheduler is ready at ")
                .map(|url| url.trim().to_owned())
        })
        .await;
        drain(lines);
        Self { child, url }
    }

    /// The process's id, to read what it uses (`/proc/<pid>/status`): the upload benchmark's.
    #[allow(dead_code)]
    pub fn pid(&self) -> u32 {
        self.child.id().expect("the server runs")
    }

    /// SIGTERM, then how the process ended, which must be within `within`.
    pub async fn terminate(mut self, within: Duration) -> std::process::ExitStatus {
        let pid = self.child.id().expect("the server runs").to_string();
        let sent = std::process::Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .expect("kill runs");
        assert!(sent.success());
        tokio::time::timeout(within, self.child.wait())
            .await
            .expect("the server stops in time")
            .expect("its status is read")
    }

    /// SIGKILL: no clean-up of any kind runs.
    pub async fn kill(mut self) {
        self.child.start_kill().unwrap();
        self.child.wait().await.unwrap();
    }
}
