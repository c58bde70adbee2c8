//! Delivery reports pushed by the sandboxes to callback URLs, as the providers do: each report is
//! posted until the receiver answers 2xx, with growing pauses, then given up on (and logged).

use serde_json::Value;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::webhook_path::redacted;

/// How often the sandboxes look for reports to push.
pub const TICK: Duration = Duration::from_millis(500);
/// Attempts per report, the first included.
pub const MAX_ATTEMPTS: u32 = 6;
/// The pause after the first failure; it doubles after each.
pub const FIRST_RETRY: Duration = Duration::from_secs(1);

/// One report due to be pushed.
#[derive(Debug, Clone, PartialEq)]
pub struct DueReport {
    /// Unique per report (the message it is about).
    pub key: String,
    pub url: String,
    pub body: Value,
}

/// A sandbox whose messages produce reports to push.
pub trait ReportSource: Send + Sync + 'static {
    /// Reports whose outcome is known, with a callback URL, not yet acknowledged.
    fn due_reports(&self) -> Vec<DueReport>;
    /// The receiver took the report (or it was given up on): never push it again.
    fn acknowledge(&self, key: &str);
}

/// Pushes `source`'s reports for as long as it is polled.
pub async fn push_forever(source: Arc<dyn ReportSource>) {
    let http = crate::providers::http_client(Duration::from_secs(5));
    let mut failures: HashMap<String, (u32, Instant)> = HashMap::new();
    loop {
        for report in source.due_reports() {
            if failures
                .get(&report.key)
                .is_some_and(|(_, next)| Instant::now() < *next)
            {
                continue;
            }
            let delivered = http
                .post(&report.url)
                .json(&report.body)
                .send()
                .await
                .is_ok_and(|response| response.status().is_success());
            if delivered {
                failures.remove(&report.key);
                source.acknowledge(&report.key);
                continue;
            }
            let attempts = failures.get(&report.key).map_or(1, |(n, _)| n + 1);
            if attempts >= MAX_ATTEMPTS {
                tracing::warn!(url = %redacted(&report.url), key = %report.key, "sandbox gave up pushing a delivery report");
                failures.remove(&report.key);
                source.acknowledge(&report.key);
            } else {
                let pause = FIRST_RETRY * 2u32.pow(attempts - 1);
                failures.insert(report.key.clone(), (attempts, Instant::now() + pause));
            }
        }
        tokio::time::sleep(TICK).await;
    }
}
