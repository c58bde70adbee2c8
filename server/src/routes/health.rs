//! Health for load balancers and orchestrators: live (the process answers) and ready (the
//! database answers and holds this binary's schema; which provider is real, which a sandbox).
//! Neither needs sign-in.

use app::models::ProviderInfo;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use std::collections::BTreeMap;
use std::time::Duration;

use crate::storage::{SchemaState, Store};

/// How long the database may take to answer before the instance is called not ready.
const DATABASE_PATIENCE: Duration = Duration::from_secs(3);

/// The process answers.
pub async fn live() -> StatusCode {
    StatusCode::OK
}

/// What readiness reads.
#[derive(Clone)]
pub struct Readiness {
    pub store: Store,
    pub providers: Vec<ProviderInfo>,
}

#[derive(Debug, Serialize)]
struct ReadyReport {
    ready: bool,
    /// `ok`, or what is wrong with it.
    database: String,
    /// Each provider: `real` or `sandbox`.
    providers: BTreeMap<&'static str, &'static str>,
}

/// 200 when this instance can serve; otherwise 503, naming the failing part.
pub async fn ready(State(readiness): State<Readiness>) -> Response {
    let database =
        match tokio::time::timeout(DATABASE_PATIENCE, readiness.store.schema_state()).await {
            Err(_) => Err(format!(
                "no answer within {} s",
                DATABASE_PATIENCE.as_secs()
            )),
            Ok(Err(error)) => Err(format!("unreachable: {error}")),
            Ok(Ok(SchemaState::Current)) => Ok(()),
            Ok(Ok(SchemaState::Behind { missing })) => {
                Err(format!("migrations not applied: {missing:?}"))
            }
            Ok(Ok(SchemaState::Ahead { unknown })) => Err(format!(
                "migrated by a newer version (unknown migrations {unknown:?})"
            )),
        };
    let providers = readiness
        .providers
        .iter()
        .map(|info| {
            let mode = if info.sandbox { "sandbox" } else { "real" };
            (info.id.as_str(), mode)
        })
        .collect();
    let report = ReadyReport {
        ready: database.is_ok(),
        database: database.err().unwrap_or_else(|| "ok".to_owned()),
        providers,
    };
    if !report.ready {
        tracing::warn!(database = %report.database, "not ready");
    }
    let status = if report.ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, Json(report)).into_response()
}
