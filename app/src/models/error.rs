use leptos::server_fn::codec::PostcardEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};
use std::fmt;

use super::{LimitedAction, NotLetIn, Problem, ProviderId, Refusal};

/// The composer field an error belongs to, so the browser shows it in the right place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Field {
    Name,
    Provider,
    Text,
    Recipients,
    CampaignType,
    Sender,
    SendAt,
    TimeZone,
    Purpose,
    OutsideWindow,
    /// The chosen provider's own options.
    ProviderOptions,
    /// The new send time of a campaign being rescheduled.
    NewSendAt,
    /// Numbers typed or pasted into the opt-out list.
    OptOutNumbers,
    /// The audit trail's period.
    AuditFrom,
    AuditUntil,
}

impl Field {
    /// The id of the form control, used for `aria-describedby` and test selectors.
    pub fn id(self) -> &'static str {
        match self {
            Field::Name => "campaign-name",
            Field::Provider => "provider",
            Field::Text => "text",
            Field::Recipients => "recipients",
            Field::CampaignType => "campaign-type",
            Field::Sender => "sender",
            Field::SendAt => "send-at",
            Field::TimeZone => "time-zone",
            Field::Purpose => "purpose",
            Field::OutsideWindow => "outside-window",
            Field::ProviderOptions => "provider-options",
            Field::NewSendAt => "new-send-at",
            Field::OptOutNumbers => "opt-out-numbers",
            Field::AuditFrom => "audit-from",
            Field::AuditUntil => "audit-until",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: Field,
    /// 1-based line of a multi-line field (recipients), when the error is about one line.
    pub line: Option<u32>,
    pub problem: Problem,
}

impl FieldError {
    pub fn new(field: Field, problem: impl Into<Problem>) -> Self {
        Self {
            field,
            line: None,
            problem: problem.into(),
        }
    }

    pub fn on_line(field: Field, line: u32, problem: impl Into<Problem>) -> Self {
        Self {
            field,
            line: Some(line),
            problem: problem.into(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "Line {line}: {}", self.problem),
            None => self.problem.fmt(f),
        }
    }
}

/// Everything a server function can answer instead of a result, in words a user understands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("Some fields need attention.")]
    Invalid(Vec<FieldError>),
    /// The provider refused the request; `code` is the provider's own.
    #[error("{provider} refused the request: {message}")]
    Provider {
        provider: ProviderId,
        code: Option<String>,
        message: String,
        /// The field the refusal is about, when the provider's code says.
        field: Option<Field>,
    },
    #[error(
        "{provider} did not answer ({message}). It may have acted on the request all the same."
    )]
    Unreachable {
        provider: ProviderId,
        message: String,
    },
    /// The provider asked us to slow down (HTTP 429): nothing was done; the same request can be
    /// made again after `retry_after_seconds`, when the provider said.
    #[error("{provider} is receiving too many requests; nothing was done. Try again in a moment.")]
    Busy {
        provider: ProviderId,
        retry_after_seconds: Option<u64>,
    },
    /// This person asked for `action` more than `per_minute` times in a minute: nothing was done;
    /// the same request is taken again after `retry_after_seconds`.
    #[error(
        "Too many requests of this kind; nothing was done. Try again in {retry_after_seconds} s."
    )]
    Throttled {
        action: LimitedAction,
        per_minute: u32,
        retry_after_seconds: u64,
    },
    #[error("{0} is not configured on this server.")]
    ProviderNotConfigured(ProviderId),
    /// What was asked for does not exist (a campaign, a recipient).
    #[error("{0}")]
    NotFound(Refusal),
    /// The request is understood but cannot be done now, and why (a campaign already sent…).
    #[error("{0}")]
    NotAllowed(Refusal),
    /// The user may not do this (their role, or someone else's campaign).
    #[error("{0}")]
    Forbidden(Refusal),
    #[error("The server failed: {0}")]
    Internal(String),
    /// The app's own sign-in has ended (signed out elsewhere, idle, too old): nothing was done;
    /// signing in again (in another tab) keeps the page and what was typed in it.
    #[error("Your sign-in has ended: sign in again, then try again.")]
    SignedOut,
    /// Not let in behind a portal (reached around it, or not given a role): nothing was done.
    #[error("Not let in: {0:?}")]
    NotLetIn(NotLetIn),
    /// The call itself failed (network, decoding): never reached our code.
    #[error("The request to the server failed: {0}")]
    Transport(String),
}

impl AppError {
    /// The refusal of a recipient file over `max_bytes`, said in whole megabytes.
    pub fn file_too_large(max_bytes: u64) -> Self {
        let problem = Problem::FileTooLarge {
            max_megabytes: max_bytes / 1024 / 1024,
        };
        AppError::Invalid(vec![super::FieldError::new(
            super::Field::Recipients,
            problem,
        )])
    }

    /// How long to wait before the same request is taken, when the refusal says.
    pub fn retry_after_seconds(&self) -> Option<u64> {
        match self {
            AppError::Busy {
                retry_after_seconds,
                ..
            } => *retry_after_seconds,
            AppError::Throttled {
                retry_after_seconds,
                ..
            } => Some(*retry_after_seconds),
            AppError::Invalid(_)
            | AppError::Provider { .. }
            | AppError::Unreachable { .. }
            | AppError::ProviderNotConfigured(_)
            | AppError::NotFound(_)
            | AppError::NotAllowed(_)
            | AppError::Forbidden(_)
            | AppError::Internal(_)
            | AppError::SignedOut
            | AppError::NotLetIn(_)
            | AppError::Transport(_) => None,
        }
    }

    /// Errors that belong to `field`, for display under it.
    pub fn errors_for(&self, field: Field) -> Vec<FieldError> {
        match self {
            AppError::Invalid(errors) => errors
                .iter()
                .filter(|error| error.field == field)
                .cloned()
                .collect(),
            AppError::Provider {
                provider,
                code,
                message,
                field: Some(f),
            } if *f == field => vec![FieldError::new(
                field,
                Problem::ProviderSaid {
                    provider: *provider,
                    code: code.clone(),
                    words: message.clone(),
                },
            )],
            _ => Vec::new(),
        }
    }
}

impl FromServerFnError for AppError {
    // The same encoding as the answers (see `api`).
    type Encoder = PostcardEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Transport(value.to_string())
    }
}
