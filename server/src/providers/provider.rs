//! The interface every provider implements, and the one error type they all report.

use crate::domain::order::SmsOrder;
use crate::domain::CampaignType;
use app::models::{
    AppError, Balance, Field, ProductCredit, ProviderId, ProviderInfo, RejectedRecipient,
};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use std::sync::Arc;

/// What a provider accepted.
#[derive(Debug, Clone, PartialEq)]
pub struct Accepted {
    /// The provider's name for the submission (Octopush ticket, Infobip bulkId); `None` when the
    /// provider took it but its name is not known yet (it comes with the delivery reports).
    pub reference: Option<String>,
    pub contacts: u32,
    pub sms_needed: Option<u32>,
    pub total_cost: Option<f64>,
    /// The currency of `total_cost` (ISO 4217, `EUR`).
    pub currency: Option<String>,
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
            currency: None,
            residual_credit: None,
            rejected: Vec::new(),
        }
    }
}

/// What one SMS part costs, as the deployment configured it.
#[derive(Debug, Clone, PartialEq)]
pub struct PartPrice {
    pub amount: f64,
    pub currency: String,
}

/// A submission as the provider will receive it, prepared before anything is recorded: the body is
/// stored with the submission, so that a resend after a crash is the very same request.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedRequest {
    /// The key the provider sees (Octopush `request_id`, Infobip `bulkId`).
    pub key: String,
    /// The JSON body, as sent. Shared with the submission's row that keeps it for a resend
    /// (a long list's requests are tens of megabytes).
    pub body: Arc<str>,
    pub contacts: u32,
}

/// What a provider says it has under one of our keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// It has the submission, under this reference when it says.
    Found { reference: Option<String> },
    /// It certainly does not have it: sending it cannot send twice.
    Absent,
    /// It cannot say (no look-up, or it forgot), for this reason.
    CannotTell(String),
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
    /// How long a rate-limited caller is asked to wait (`Retry-After`), when the provider says.
    pub retry_after: Option<std::time::Duration>,
}

impl ProviderError {
    pub fn unsupported(provider: ProviderId, why: &str) -> Self {
        Self {
            provider,
            kind: FailureKind::Unsupported,
            code: None,
            message: why.to_owned(),
            field: None,
            retry_after: None,
        }
    }

    /// A stored request that no longer reads as the provider's request type.
    pub fn unreadable_request(provider: ProviderId, error: &serde_json::Error) -> Self {
        Self {
            provider,
            kind: FailureKind::Unexpected,
            code: None,
            message: format!("the stored request could not be read: {error}"),
            field: None,
            retry_after: None,
        }
    }

    pub fn outcome_unknown(&self) -> bool {
        self.kind == FailureKind::NoAnswer
    }

    /// The provider did not take the request because of its rate: the same request may be sent
    /// again after a wait.
    pub fn rate_limited(&self) -> bool {
        self.kind == FailureKind::RateLimited
    }
}

impl From<ProviderError> for AppError {
    fn from(error: ProviderError) -> Self {
        match error.kind {
            FailureKind::NoAnswer => AppError::Unreachable {
                provider: error.provider,
                message: error.message,
            },
            FailureKind::RateLimited => AppError::Busy {
                provider: error.provider,
                retry_after_seconds: error.retry_after.map(|wait| wait.as_secs().max(1)),
            },
            FailureKind::Refused
            | FailureKind::NotFound
            | FailureKind::Unexpected
            | FailureKind::Unsupported => AppError::Provider {
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

    /// The price of one SMS part of `campaign_type`, when known.
    fn part_price(&self, campaign_type: CampaignType) -> Option<PartPrice>;

    /// What the provider charges for each request of `order` on top of its parts, in the parts'
    /// currency: the options it asks for may cost.
    fn request_fee(&self, _order: &SmsOrder) -> f64 {
        0.0
    }

    /// The request that hands `order` over, named by `key` so that the provider can recognise a repeat.
    fn prepare(&self, order: &SmsOrder, key: &str) -> PreparedRequest;

    /// Sends a prepared request. Every key is used for one request only (a new UUID per
    /// submission), so a refusal of the key as already used means the provider has the request:
    /// an earlier attempt, or another instance's, reached it.
    async fn send(&self, request: &PreparedRequest) -> Result<Accepted, ProviderError>;

    /// Hands `order` over at once: `prepare` then `send`.
    async fn submit(&self, order: &SmsOrder, key: &str) -> Result<Accepted, ProviderError> {
        self.send(&self.prepare(order, key)).await
    }

    /// What the provider has under `key`, first sent `age` ago.
    async fn find(&self, key: &str, age: chrono::Duration) -> Result<Lookup, ProviderError>;

    /// How long the provider refuses a repeated key, when it does: within it a resend is safe even
    /// when `find` cannot tell.
    fn repeat_window(&self) -> Option<chrono::Duration>;

    async fn balance(&self) -> Result<Balance, ProviderError>;

    /// What the credit buys of each product in `country` (ISO 3166), when the provider says it;
    /// none by default.
    async fn balance_details(&self, _country: &str) -> Result<Vec<ProductCredit>, ProviderError> {
        Ok(Vec::new())
    }

    async fn cancel(&self, reference: &str) -> Result<(), ProviderError>;

    async fn reschedule(
        &self,
        reference: &str,
        send_at: DateTime<Utc>,
    ) -> Result<(), ProviderError>;

    async fn pause(&self, reference: &str) -> Result<(), ProviderError>;

    async fn resume(&self, reference: &str) -> Result<(), ProviderError>;
}
