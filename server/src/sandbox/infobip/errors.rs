//! Infobip's two error envelopes and the authentication every route checks first.
//!
//! The official spec gives each operation one envelope: the v3 one (`ApiError`: `errorCode`,
//! `description`, `action`, `violations`, `resources`) on `/sms/3/…`, the older one
//! (`ApiException`: `requestError.serviceException`) on `/sms/1/…`, `/sms/2/…`, `/ct/1/…` and
//! `/account/1/…`. Each route answers in its operation's envelope, its 401 included.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use secrecy::ExposeSecret;
use std::collections::BTreeMap;

use super::InfobipSandbox;
use crate::providers::infobip::wire::{
    ApiError, ApiException, ErrorResource, RequestError, ServiceException, Violation,
};

/// Which envelope an operation answers its errors in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Envelope {
    /// `ApiError`, on `/sms/3/…`.
    V3,
    /// `ApiException`, on the older operations.
    Legacy,
}

/// A property of the request and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub property: String,
    pub violation: String,
}

impl Problem {
    pub fn new(property: impl Into<String>, violation: impl Into<String>) -> Self {
        Self {
            property: property.into(),
            violation: violation.into(),
        }
    }
}

/// The older envelope with Infobip's `messageId` and text.
pub fn exception(status: StatusCode, message_id: &str, text: &str) -> Response {
    (status, Json(ApiException::new(message_id, text))).into_response()
}

/// A 400 listing every problem, in `envelope`'s form.
pub fn bad_request(envelope: Envelope, problems: Vec<Problem>) -> Response {
    let body = match envelope {
        Envelope::V3 => Json(ApiError {
            error_code: "E400".into(),
            description: "Request cannot be processed.".into(),
            action: "Check the syntax, violations and adjust the request.".into(),
            violations: problems
                .into_iter()
                .map(|p| Violation {
                    property: p.property,
                    violation: p.violation,
                })
                .collect(),
            resources: Vec::new(),
        })
        .into_response(),
        Envelope::Legacy => {
            let mut validation_errors: BTreeMap<String, Vec<String>> = BTreeMap::new();
            for problem in problems {
                validation_errors
                    .entry(problem.property)
                    .or_default()
                    .push(problem.violation);
            }
            Json(ApiException {
                request_error: RequestError {
                    service_exception: ServiceException {
                        message_id: Some("BAD_REQUEST".into()),
                        text: Some("Bad request".into()),
                        validation_errors: Some(validation_errors),
                    },
                },
            })
            .into_response()
        }
    };
    (StatusCode::BAD_REQUEST, body).into_response()
}

/// 401 in `envelope`'s form, with the spec's own example texts.
pub fn unauthorized(envelope: Envelope) -> Response {
    match envelope {
        Envelope::V3 => (
            StatusCode::UNAUTHORIZED,
            Json(ApiError {
                error_code: "E401".into(),
                description:
                    "The request lacks valid authentication credentials for the requested resource."
                        .into(),
                action: "Check the resources and adjust authentication credentials.".into(),
                violations: Vec::new(),
                resources: vec![ErrorResource {
                    name: "API Authentication".into(),
                    url: "https://www.infobip.com/docs/essentials/api-authentication".into(),
                }],
            }),
        )
            .into_response(),
        Envelope::Legacy => exception(StatusCode::UNAUTHORIZED, "UNAUTHORIZED", "Unauthorized"),
    }
}

/// Whether the request carries the sandbox's key.
fn authorized(parts: &Parts, sandbox: &InfobipSandbox) -> bool {
    let expected = format!("App {}", sandbox.api_key().expose_secret());
    parts
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        == Some(expected.as_str())
}

/// A request to an older operation carrying the sandbox's key; otherwise 401 (`ApiException`).
pub struct Authorized;

impl FromRequestParts<InfobipSandbox> for Authorized {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        sandbox: &InfobipSandbox,
    ) -> Result<Self, Response> {
        authorized(parts, sandbox)
            .then_some(Authorized)
            .ok_or_else(|| unauthorized(Envelope::Legacy))
    }
}

/// A request to a `/sms/3/…` operation carrying the sandbox's key; otherwise 401 (`ApiError`).
pub struct AuthorizedV3;

impl FromRequestParts<InfobipSandbox> for AuthorizedV3 {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        sandbox: &InfobipSandbox,
    ) -> Result<Self, Response> {
        authorized(parts, sandbox)
            .then_some(AuthorizedV3)
            .ok_or_else(|| unauthorized(Envelope::V3))
    }
}
