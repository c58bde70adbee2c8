use axum::http::StatusCode;

/// Liveness for load balancers and start-up scripts.
pub async fn health() -> StatusCode {
    StatusCode::OK
}
