//! Infobip's failures, from either error envelope, in words a user understands.

use crate::providers::http::{transport_failure, Failure, Retryable};
use app::models::{ProviderId, RefusalCode};
use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum InfobipError {
    /// Infobip answered with an error body; `code` is its `errorCode` or `messageId`.
    #[error("{}", describe(code, message, violations))]
    Refused {
        status: u16,
        code: String,
        message: String,
        /// `(property, violation)` pairs of the v3 envelope.
        violations: Vec<(String, String)>,
    },
    /// Too many requests; wait `retry_after` when Infobip says how long.
    #[error("{}", RefusalCode::LimitingRequests)]
    RateLimited { retry_after: Option<Duration> },
    #[error("unexpected answer (HTTP {status}): {body}")]
    Unexpected { status: u16, body: String },
    /// No answer: the request may or may not have reached Infobip.
    #[error("{0}")]
    Transport(String),
}

impl InfobipError {
    pub fn code(&self) -> Option<&str> {
        match self {
            InfobipError::Refused { code, .. } => Some(code),
            InfobipError::RateLimited { .. } => Some("TOO_MANY_REQUESTS"),
            _ => None,
        }
    }

    pub fn is_not_found(&self) -> bool {
        matches!(self, InfobipError::Refused { status: 404, .. })
    }

    pub fn outcome_unknown(&self) -> bool {
        matches!(self, InfobipError::Transport(_))
    }
}

impl Retryable for InfobipError {
    fn failure(&self) -> Failure {
        match self {
            InfobipError::Transport(_) => Failure::Transient,
            InfobipError::Unexpected { status, .. } => Failure::of_unexpected(*status),
            InfobipError::RateLimited { retry_after } => Failure::RateLimited(*retry_after),
            InfobipError::Refused { .. } => Failure::Final,
        }
    }
}

impl From<reqwest::Error> for InfobipError {
    fn from(error: reqwest::Error) -> Self {
        InfobipError::Transport(transport_failure(error))
    }
}

fn describe(code: &str, message: &str, violations: &[(String, String)]) -> String {
    // The documented codes read as `RefusalCode`, which the browser says in the user's language.
    let mut text = match RefusalCode::read(ProviderId::Infobip, code) {
        Some(plain) => format!("{plain} ({code}: {message})"),
        None => format!("{message} ({code})"),
    };
    for (property, violation) in violations {
        text.push_str(&format!("; {property}: {violation}"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn violations_are_listed_after_the_description() {
        let error = InfobipError::Refused {
            status: 400,
            code: "E400".into(),
            message: "Request cannot be processed.".into(),
            violations: vec![(
                "messages[0].destinations[0].to".into(),
                "must not be blank".into(),
            )],
        };
        assert_eq!(
            error.to_string(),
            "Request cannot be processed. (E400); messages[0].destinations[0].to: must not be blank"
        );
    }

    #[test]
    fn known_codes_read_as_sentences() {
        let error = InfobipError::Refused {
            status: 404,
            code: "NOT_FOUND".into(),
            message: "Bulk not found".into(),
            violations: vec![],
        };
        assert_eq!(
            error.to_string(),
            "Infobip does not know this bulk (NOT_FOUND: Bulk not found)"
        );
        assert!(error.is_not_found());
    }
}
