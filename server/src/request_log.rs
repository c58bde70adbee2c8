//! The span every HTTP request is logged in (tower-http's, at debug level), with the webhook
//! secret taken out of its URI.

use axum::http::Request;
use tower_http::trace::MakeSpan;
use tracing::Span;

use crate::webhook_path::redacted;

/// tower-http's default request span, its `uri` redacted.
#[derive(Debug, Clone, Copy, Default)]
pub struct RedactedRequestSpan;

impl<B> MakeSpan<B> for RedactedRequestSpan {
    fn make_span(&mut self, request: &Request<B>) -> Span {
        tracing::debug_span!(
            "request",
            method = %request.method(),
            uri = %redacted(&request.uri().to_string()),
            version = ?request.version(),
        )
    }
}
