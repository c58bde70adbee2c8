//! Octopush's failures, in words a user understands, with the provider's code kept.

use crate::providers::http::{transport_failure, Failure, Retryable};
use app::models::{Field, ProviderId, RefusalCode};

#[derive(Debug, thiserror::Error)]
pub enum OctopushError {
    /// Octopush answered with an error body.
    #[error("{}", describe(*code, message))]
    Refused {
        status: u16,
        code: i64,
        message: String,
    },
    /// Too many requests (HTTP 429): not taken; wait `retry_after` when Octopush says how long.
    #[error("too many requests (HTTP 429)")]
    RateLimited {
        retry_after: Option<std::time::Duration>,
    },
    /// Octopush answered something the contract does not describe.
    #[error("unexpected answer (HTTP {status}): {body}")]
    Unexpected { status: u16, body: String },
    /// No answer: the request may or may not have reached Octopush.
    #[error("{0}")]
    Transport(String),
}

impl OctopushError {
    pub fn code(&self) -> Option<i64> {
        match self {
            OctopushError::Refused { code, .. } => Some(*code),
            _ => None,
        }
    }

    /// How long Octopush asked to wait, on a 429 that says.
    pub fn retry_after(&self) -> Option<std::time::Duration> {
        match self {
            OctopushError::RateLimited { retry_after } => *retry_after,
            _ => None,
        }
    }

    /// The composer field an error code is about, if any.
    pub fn field(&self) -> Option<Field> {
        match self.code()? {
            103 | 117 | 150 | 151 | 152 => Some(Field::Recipients),
            106 => Some(Field::Sender),
            102 | 107 | 121 | 122 => Some(Field::Text),
            _ => None,
        }
    }

    /// True when the provider may have accepted the request although we saw no answer.
    pub fn outcome_unknown(&self) -> bool {
        matches!(self, OctopushError::Transport(_))
    }
}

impl Retryable for OctopushError {
    fn failure(&self) -> Failure {
        match self {
            OctopushError::Transport(_) => Failure::Transient,
            OctopushError::Unexpected { status, .. } => Failure::of_unexpected(*status),
            OctopushError::RateLimited { retry_after } => Failure::RateLimited(*retry_after),
            OctopushError::Refused { .. } => Failure::Final,
        }
    }
}

impl From<reqwest::Error> for OctopushError {
    fn from(error: reqwest::Error) -> Self {
        OctopushError::Transport(transport_failure(error))
    }
}

/// A plain sentence for each documented code (`RefusalCode`, which the browser says in the
/// user's language); the provider's own text follows, or stands alone for the other codes.
fn describe(code: i64, message: &str) -> String {
    match RefusalCode::read(ProviderId::Octopush, &code.to_string()) {
        Some(plain) if message.is_empty() => format!("{plain} (code {code})"),
        Some(plain) => format!("{plain} (code {code}: {message})"),
        None => format!("{message} (code {code})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(code: i64, message: &str) -> OctopushError {
        OctopushError::Refused {
            status: 400,
            code,
            message: message.into(),
        }
    }

    #[test]
    fn known_codes_read_as_sentences_and_keep_the_code() {
        assert_eq!(
            refused(106, "Invalid sender").to_string(),
            "the sender must be 3 to 11 letters or digits (code 106: Invalid sender)"
        );
        assert_eq!(refused(106, "").field(), Some(Field::Sender));
        assert_eq!(refused(121, "").field(), Some(Field::Text));
        assert_eq!(refused(117, "").field(), Some(Field::Recipients));
        assert_eq!(refused(104, "").field(), None);
    }

    #[test]
    fn every_documented_code_has_its_own_sentence() {
        let documented = [
            101, 103, 104, 106, 107, 113, 117, 120, 121, 122, 150, 151, 152, 153, 500, 501,
        ];
        let mut sentences = std::collections::HashSet::new();
        for code in documented {
            let text = refused(code, "M").to_string();
            assert!(
                text.ends_with(&format!("(code {code}: M)")),
                "{code}: {text}"
            );
            sentences.insert(text.split(" (code").next().unwrap().to_owned());
        }
        assert_eq!(
            sentences.len(),
            documented.len(),
            "no two codes share a sentence"
        );
    }

    #[test]
    fn unknown_codes_keep_the_providers_words() {
        assert_eq!(
            refused(999, "Something new").to_string(),
            "Something new (code 999)"
        );
    }

    #[test]
    fn only_a_missing_answer_leaves_the_outcome_unknown() {
        assert!(OctopushError::Transport("timeout".into()).outcome_unknown());
        assert!(!refused(120, "").outcome_unknown());
    }
}
