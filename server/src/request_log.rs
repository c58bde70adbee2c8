//! The span every HTTP request is logged in (tower-http's), with the request's id and the webhook
//! secret taken out of its URI: each line logged while a request is served names them.

use axum::http::Request;
use tower_http::trace::MakeSpan;
use tracing::Span;

/// The header carrying a request's id: the one a proxy gave, or one the server makes.
pub const REQUEST_ID: &str = "x-request-id";

use crate::webhook_path::redacted;

/// tower-http's default request span, its `uri` redacted.
#[derive(Debug, Clone, Copy, Default)]
pub struct RedactedRequestSpan;

impl<B> MakeSpan<B> for RedactedRequestSpan {
    fn make_span(&mut self, request: &Request<B>) -> Span {
        let request_id = request
            .headers()
            .get(REQUEST_ID)
            .and_then(|id| id.to_str().ok())
            .unwrap_or_default();
        tracing::info_span!(
            "request",
            method = %request.method(),
            uri = %redacted(&request.uri().to_string()),
            version = ?request.version(),
            request_id,
        )
    }
}
