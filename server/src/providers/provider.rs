//! The interface every provider implements, and the one error type they all report.

use app::domain::order::SmsOrder;
use app::models::{AppError, Balance, Field, ProviderId, ProviderInfo, RejectedRecipient};
use async_trait::async_trait;
use chrono::{DateTime, Utc};

/// The key the `index`-th recipient of the submission named `submission_key` is known by, in our
/// ledger and at providers that take per-message ids (Infobip echoes it as `messageId`).
pub fn recipient_key(submission_key: &str, index: usize) -> String {
    format!("{submission_key}-{index}")
}

/// What a provider accepted.
#[derive(Debug, Clone, PartialEq)]
pub struct Accepted {
    /// The provider's name for the submission (Octopush ticket, Infobip bulkId); `None` when the
    /// provider took it but its name is not known yet (it comes with the delivery reports).
    pub reference: Option<String>,
    pub contacts: u32,
    pub sms_needed: Option<u32>,
    pub total_cost: Option<f64>,
    pub residual_credit: Option<f64>,
    /// Recipients refused while the rest were accepted.
    pub rejected: Vec<RejectedRecipient>,
}

impl Accepted {
    /// Taken, as a resend refused as a repeat shows, but nothing more is known.
    pub fn reference_unknown(contacts: u32) -> Self {
        Self {
            reference: None,
            contacts,
            sms_needed: None,
            total_cost: None,
            residual_credit: None,
            rejected: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureKind {
    /// The provider said no; resending the same request will not help.
    Refused,
    /// The provider does not know the campaign.
    NotFound,
    /// Too many requests; try later.
    RateLimited,
    /// No answer: the provider may have acted.
    NoAnswer,
    /// An answer outside the contract.
    Unexpected,
    /// The provider cannot do this at all.
    Unsupported,
}

/// A provider failure in words a user understands, with the provider's own code kept.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct ProviderError {
    pub provider: ProviderId,
    pub kind: FailureKind,
    pub code: Option<String>,
    pub message: String,
    /// The composer field the failure is about, when the code says.
    pub field: Option<Field>,
}

impl ProviderError {
    pub fn unsupported(provider: ProviderId, why: &str) -> Self {
        Self {
            provider,
            kind: FailureKind::Unsupported,
            code: None,
            message: why.to_owned(),
            field: None,
        }
    }

    pub fn outcome_unknown(&self) -> bool {
        self.kind == FailureKind::NoAnswer
    }
}

impl From<ProviderError> for AppError {
    fn from(error: ProviderError) -> Self {
        match error.kind {
            FailureKind::NoAnswer => AppError::Unreachable {
                provider: error.provider,
                message: error.message,
            },
            _ => AppError::Provider {
                provider: error.provider,
                code: error.code,
                message: error.message,
                field: error.field,
            },
        }
    }
}

#[async_trait]
pub trait SmsProvider: Send + Sync + 'static {
    fn info(&self) -> ProviderInfo;

    /// Hands `order` over, named by `key` so that the provider can recognise a repeat.
    async fn submit(&self, order: &SmsOrder, key: &str) -> Result<Accepted, ProviderError>;

    async fn balance(&self) -> Result<Balance, ProviderError>;

    async fn cancel(&self, reference: &str) -> Result<(), ProviderError>;

    async fn reschedule(
        &self,
        reference: &str,
        send_at: DateTime<Utc>,
    ) -> Result<(), ProviderError>;

    async fn pause(&self, reference: &str) -> Result<(), ProviderError>;

    async fn resume(&self, reference: &str) -> Result<(), ProviderError>;
}
