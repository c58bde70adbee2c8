//! The HTTP status of a server-function error: refusals (what was asked is wrong, not allowed, not
//! there, or refused by the provider) are 4xx, faults (storage, a provider that did not answer, a
//! bug) are 5xx. The body stays the typed error the browser decodes; only the status changes.
//!
//! server_fn 0.8 answers every error 500 and offers no way to choose, so the answer's status is set
//! after it: an error answer carries server_fn's `serverfnerror` header, and its body is an
//! `AppError` in the error encoding.

use app::models::{AppError, NotLetIn};
use axum::body::{to_bytes, Body};
use axum::http::header::RETRY_AFTER;
use axum::http::{HeaderValue, StatusCode};
use axum::response::Response;
use leptos::server_fn::error::{FromServerFnError, SERVER_FN_ERROR_HEADER};
use leptos::server_fn::Decodes;

/// Largest error body read back; an `AppError` is a few kilobytes (field errors are capped).
const MAX_ERROR_BODY: usize = 4 * 1024 * 1024;

pub fn status_of(error: &AppError) -> StatusCode {
    match error {
        AppError::Invalid(_) => StatusCode::BAD_REQUEST,
        // Asking for a provider this server does not have is the request's mistake.
        AppError::ProviderNotConfigured(_) => StatusCode::BAD_REQUEST,
        AppError::NotFound(_) => StatusCode::NOT_FOUND,
        AppError::NotAllowed(_) => StatusCode::CONFLICT,
        AppError::Forbidden(_) => StatusCode::FORBIDDEN,
        // The provider answered, and said no: the request, not the server, is at fault.
        AppError::Provider { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::Unreachable { .. } => StatusCode::BAD_GATEWAY,
        AppError::Busy { .. } | AppError::Throttled { .. } => StatusCode::TOO_MANY_REQUESTS,
        AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        AppError::SignedOut => StatusCode::UNAUTHORIZED,
        AppError::NotLetIn(why) => match why {
            NotLetIn::NoRole(_) => StatusCode::FORBIDDEN,
            NotLetIn::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            NotLetIn::NotThroughPortal | NotLetIn::UntrustedAddress | NotLetIn::ProxySecret => {
                StatusCode::UNAUTHORIZED
            }
        },
        // On the server, server_fn makes these of a request it cannot read (its arguments).
        AppError::Transport(_) => StatusCode::BAD_REQUEST,
    }
}

/// `response` with the status its error deserves; any other answer as it is.
pub async fn with_error_status(response: Response) -> Response {
    if !response.headers().contains_key(SERVER_FN_ERROR_HEADER) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_ERROR_BODY).await else {
        tracing::error!("a server-function error answer could not be read back");
        parts.status = StatusCode::INTERNAL_SERVER_ERROR;
        return Response::from_parts(parts, Body::empty());
    };
    match <AppError as FromServerFnError>::Encoder::decode(bytes.clone()) {
        Ok(error) => {
            parts.status = status_of(&error);
            // The wait (the provider's own, or this person's allowance), for whoever retries.
            if let Some(seconds) = error.retry_after_seconds() {
                parts
                    .headers
                    .insert(RETRY_AFTER, HeaderValue::from(seconds));
            }
        }
        Err(error) => tracing::error!(%error, "a server-function error answer is not an AppError"),
    }
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::models::{Field, FieldError, Problem, ProviderId, Refusal};

    #[test]
    fn refusals_are_4xx_and_faults_5xx() {
        let refusals = [
            AppError::Invalid(vec![FieldError::new(Field::Text, Problem::NoRecipient)]),
            AppError::ProviderNotConfigured(ProviderId::Infobip),
            AppError::NotFound(Refusal::NoSuchCampaign("c".into())),
            AppError::NotAllowed(Refusal::AlreadyPaused),
            AppError::Provider {
                provider: ProviderId::Octopush,
                code: Some("106".into()),
                message: "Invalid sender".into(),
                field: Some(Field::Sender),
            },
            AppError::Transport("the arguments could not be read".into()),
            AppError::Busy {
                provider: ProviderId::Octopush,
                retry_after_seconds: Some(3),
            },
        ];
        for error in &refusals {
            assert!(status_of(error).is_client_error(), "{error:?}");
        }
        let faults = [
            AppError::Unreachable {
                provider: ProviderId::Infobip,
                message: "no answer in time".into(),
            },
            AppError::Internal("the server could not read its records".into()),
        ];
        for error in &faults {
            assert!(status_of(error).is_server_error(), "{error:?}");
        }
    }
}
