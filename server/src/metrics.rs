//! Prometheus metrics: what the server did, by kind and outcome, read at `{base}/metrics`. One
//! recorder per process (the `metrics` facade's global), installed when the first application is
//! built; the names are this module's constants, listed in the README.

use app::models::ProviderId;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use std::sync::OnceLock;
use std::time::Duration;

use crate::exactly_once::reconciler::ReconcileSummary;
use crate::providers::{FailureKind, ProviderError};
use crate::services::IntakeSummary;

pub const SERVER_FUNCTION_CALLS: &str = "sms_scheduler_server_function_calls_total";
pub const SERVER_FUNCTION_SECONDS: &str = "sms_scheduler_server_function_duration_seconds";
pub const PROVIDER_CALLS: &str = "sms_scheduler_provider_calls_total";
pub const PROVIDER_CALL_SECONDS: &str = "sms_scheduler_provider_call_duration_seconds";
pub const PROVIDER_REQUESTS_OPEN: &str = "sms_scheduler_provider_requests_open";
pub const RECIPIENTS_HANDED_OVER: &str = "sms_scheduler_recipients_handed_over_total";
pub const RECONCILED: &str = "sms_scheduler_reconciled_requests_total";
pub const WEBHOOK_REPORTS: &str = "sms_scheduler_webhook_reports_total";
pub const CAMPAIGN_PHASE_SECONDS: &str = "sms_scheduler_campaign_phase_duration_seconds";

/// Latency buckets, in seconds: from a cached answer to a provider's time-out.
const BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];

static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();

/// The process's recorder, installed on first use: every application a process builds (the
/// tests build many) shares it.
pub fn handle() -> PrometheusHandle {
    HANDLE
        .get_or_init(|| {
            PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Suffix("_seconds".into()), &BUCKETS)
                .expect("the buckets are not empty")
                .install_recorder()
                .expect("no other metrics recorder is installed")
        })
        .clone()
}

/// How a server-function call ended, by its HTTP status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallOutcome {
    Ok,
    /// Refused: the request, the person's rights or the state of things (4xx).
    Refused,
    /// The server or a provider failed (5xx).
    Failed,
}

impl CallOutcome {
    pub fn of_status(status: u16) -> Self {
        match status {
            500.. => CallOutcome::Failed,
            400..=499 => CallOutcome::Refused,
            _ => CallOutcome::Ok,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            CallOutcome::Ok => "ok",
            CallOutcome::Refused => "refused",
            CallOutcome::Failed => "failed",
        }
    }
}

pub fn server_function(name: &str, outcome: CallOutcome, took: Duration) {
    let labels = [
        ("function", name.to_owned()),
        ("outcome", outcome.as_str().to_owned()),
    ];
    metrics::counter!(SERVER_FUNCTION_CALLS, &labels).increment(1);
    metrics::histogram!(SERVER_FUNCTION_SECONDS, &labels).record(took.as_secs_f64());
}

/// A provider call's outcome as the metrics name it.
fn provider_outcome(result: Result<(), &ProviderError>) -> &'static str {
    match result.map_err(|error| error.kind) {
        Ok(()) => "ok",
        Err(FailureKind::Refused | FailureKind::NotFound | FailureKind::Unsupported) => "refused",
        Err(FailureKind::RateLimited) => "rate_limited",
        Err(FailureKind::NoAnswer) => "no_answer",
        Err(FailureKind::Unexpected) => "unexpected",
    }
}

pub fn provider_call(
    provider: ProviderId,
    operation: &'static str,
    result: Result<(), &ProviderError>,
    took: Duration,
) {
    let labels = [
        ("provider", provider.as_str().to_owned()),
        ("operation", operation.to_owned()),
        ("outcome", provider_outcome(result).to_owned()),
    ];
    metrics::counter!(PROVIDER_CALLS, &labels).increment(1);
    metrics::histogram!(PROVIDER_CALL_SECONDS, &labels).record(took.as_secs_f64());
}

/// The steps a campaign goes through once scheduled (or approved), timed one by one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CampaignPhase {
    /// Its form and list read, checked and planned, and the credit checked.
    Planning,
    /// The campaign, its provider requests and its recipients written, and committed.
    Recording,
    /// Its requests sent to the provider, and their answers recorded.
    HandOver,
}

impl CampaignPhase {
    pub fn as_str(self) -> &'static str {
        match self {
            CampaignPhase::Planning => "planning",
            CampaignPhase::Recording => "recording",
            CampaignPhase::HandOver => "hand_over",
        }
    }
}

/// Where a campaign's time went: each phase, as it ends.
pub fn campaign_phase(provider: ProviderId, phase: CampaignPhase, took: Duration) {
    metrics::histogram!(CAMPAIGN_PHASE_SECONDS, "provider" => provider.as_str(), "phase" => phase.as_str())
        .record(took.as_secs_f64());
}

pub fn recipients_handed_over(provider: ProviderId, contacts: u32) {
    metrics::counter!(RECIPIENTS_HANDED_OVER, "provider" => provider.as_str())
        .increment(u64::from(contacts));
}

/// Provider requests whose outcome is not established, by provider and status (`pending`,
/// `unknown`, `unconfirmed`), as the ledger holds them when the metrics are read.
pub fn open_requests(provider: ProviderId, status: &'static str, count: u64) {
    metrics::gauge!(PROVIDER_REQUESTS_OPEN, "provider" => provider.as_str(), "status" => status)
        .set(count as f64);
}

pub fn reconciled(summary: &ReconcileSummary) {
    for (outcome, count) in [
        ("recorded", summary.recorded),
        ("resent", summary.resent),
        ("refused", summary.refused),
        ("missed", summary.missed),
        ("unconfirmed", summary.unconfirmed),
        ("later", summary.later),
    ] {
        metrics::counter!(RECONCILED, "outcome" => outcome).increment(u64::from(count));
    }
}

/// Reports a webhook took (recorded, duplicates, about no recipient of ours)…
pub fn webhook_reports(provider: &'static str, summary: &IntakeSummary) {
    for (outcome, count) in [
        ("recorded", summary.recorded),
        ("duplicate", summary.duplicates),
        ("unknown", summary.unknown),
    ] {
        metrics::counter!(WEBHOOK_REPORTS, "provider" => provider, "outcome" => outcome)
            .increment(u64::from(count));
    }
}

/// …and bodies it refused (unreadable, or not recorded).
pub fn webhook_refused(provider: &'static str) {
    metrics::counter!(WEBHOOK_REPORTS, "provider" => provider, "outcome" => "refused").increment(1);
}
