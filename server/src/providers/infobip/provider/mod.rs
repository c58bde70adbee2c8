//! Infobip behind the common provider interface: full control of scheduled bulks.

use crate::domain::order::SmsOrder;
use crate::domain::CampaignType;
use app::models::{
    Balance, Capabilities, Field, ProviderId, ProviderInfo, Refusal, RejectedRecipient, Support,
};
use async_trait::async_trait;
use chrono::{DateTime, Duration, Utc};

use super::wire::{format_send_at, BulkStatus, SendRequest};
use super::{mapping, InfobipClient, InfobipError};
use crate::providers::{
    Accepted, FailureKind, Lookup, PartPrice, PreparedRequest, ProviderError, SmsProvider,
};

/// Infobip keeps message logs this long; a bulk older than that cannot be looked up.
const LOGS_KEPT_HOURS: i64 = 48;

/// Infobip refuses a `sendAt` further ahead than this.
pub const MAX_DAYS_AHEAD: u32 = 180;
/// Recipients per request we send; Infobip states no lower limit for one bulk.
pub const MAX_RECIPIENTS_PER_REQUEST: u32 = 1000;

#[derive(Debug, Clone)]
pub struct InfobipProvider {
    client: InfobipClient,
    sandbox: bool,
    delivery_webhook: Option<String>,
    part_price: Option<PartPrice>,
    stop_mention: Option<String>,
}

impl InfobipProvider {
    pub fn new(client: InfobipClient, sandbox: bool) -> Self {
        Self {
            client,
            sandbox,
            delivery_webhook: None,
            part_price: None,
            stop_mention: None,
        }
    }

    /// The price of one SMS part, for cost estimates.
    pub fn with_part_price(mut self, price: Option<PartPrice>) -> Self {
        self.part_price = price;
        self
    }

    /// The opt-out mention French marketing must carry, for the composer to show.
    pub fn with_stop_mention(mut self, mention: Option<String>) -> Self {
        self.stop_mention = mention;
        self
    }

    /// Asks Infobip to push each message's delivery report to `url` (`webhooks.delivery.url`).
    pub fn with_delivery_webhook(mut self, url: Option<String>) -> Self {
        self.delivery_webhook = url;
        self
    }

    async fn set_status(&self, bulk_id: &str, status: BulkStatus) -> Result<(), ProviderError> {
        self.client.update_bulk_status(bulk_id, status).await?;
        Ok(())
    }
}

pub fn capabilities() -> Capabilities {
    Capabilities {
        cancel: Support::Yes,
        reschedule: Support::Limited(Refusal::InfobipMoveHorizon(MAX_DAYS_AHEAD)),
        pause_resume: Support::Yes,
        max_recipients_per_request: MAX_RECIPIENTS_PER_REQUEST,
        cancel_limits: None,
        max_days_ahead: Some(MAX_DAYS_AHEAD),
    }
}

/// Each reason once, with how many messages it stopped and the first few numbers.
fn rejection_reasons(rejected: &[RejectedRecipient]) -> String {
    const NUMBERS_SHOWN: usize = 3;
    let mut reasons: Vec<(&str, Vec<&str>)> = Vec::new();
    for r in rejected {
        match reasons.iter_mut().find(|(reason, _)| *reason == r.reason) {
            Some((_, numbers)) => numbers.push(&r.number),
            None => reasons.push((&r.reason, vec![&r.number])),
        }
    }
    reasons
        .iter()
        .map(|(reason, numbers)| {
            let shown = numbers[..numbers.len().min(NUMBERS_SHOWN)].join(", ");
            let more = numbers.len().saturating_sub(NUMBERS_SHOWN);
            let more = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            format!("{reason} ({} message(s): {shown}{more})", numbers.len())
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A refusal of the bulkId as one already used: Infobip has the bulk (each bulkId is sent for one
/// submission only).
fn refused_as_known_bulk(error: &InfobipError) -> bool {
    matches!(error, InfobipError::Refused { violations, .. }
    if violations.iter().any(|(property, violation)| {
        property.ends_with("bulkId") && violation.contains("already used")
    }))
}

/// The composer field a violation's property path is about.
fn field_of(property: &str) -> Option<Field> {
    if property.contains("content") {
        Some(Field::Text)
    } else if property.contains("destinations") {
        Some(Field::Recipients)
    } else if property.contains("sender") {
        Some(Field::Sender)
    } else if property.contains("sendAt") {
        Some(Field::SendAt)
    } else {
        None
    }
}

impl From<InfobipError> for ProviderError {
    fn from(error: InfobipError) -> Self {
        let retry_after = match &error {
            InfobipError::RateLimited { retry_after } => *retry_after,
            _ => None,
        };
        let (kind, field) = match &error {
            InfobipError::Refused { .. } if error.is_not_found() => (FailureKind::NotFound, None),
            InfobipError::Refused { violations, .. } => (
                FailureKind::Refused,
                violations
                    .iter()
                    .find_map(|(property, _)| field_of(property)),
            ),
            InfobipError::RateLimited { .. } => (FailureKind::RateLimited, None),
            // A server error may come after the request was handled (a gateway timing out).
            InfobipError::Unexpected { status, .. } if *status >= 500 => {
                (FailureKind::NoAnswer, None)
            }
            InfobipError::Unexpected { .. } => (FailureKind::Unexpected, None),
            InfobipError::Transport(_) => (FailureKind::NoAnswer, None),
        };
        ProviderError {
            provider: ProviderId::Infobip,
            kind,
            code: error.code().map(str::to_owned),
            message: error.to_string(),
            field,
            retry_after,
        }
    }
}

#[async_trait]
impl SmsProvider for InfobipProvider {
    fn info(&self) -> ProviderInfo {
        ProviderInfo {
            id: ProviderId::Infobip,
            sandbox: self.sandbox,
            capabilities: capabilities(),
            stop_mention: self.stop_mention.clone(),
        }
    }

    /// Infobip's price does not depend on the campaign type.
    fn part_price(&self, _: CampaignType) -> Option<PartPrice> {
        self.part_price.clone()
    }

    fn prepare(&self, order: &SmsOrder, key: &str) -> PreparedRequest {
        let request = mapping::send_request(order, key, self.delivery_webhook.as_deref());
        PreparedRequest {
            key: key.to_owned(),
            body: serde_json::to_string(&request)
                .expect("the request serialises")
                .into(),
            contacts: u32::try_from(order.recipients.in_request().len()).unwrap_or(u32::MAX),
        }
    }

    async fn send(&self, prepared: &PreparedRequest) -> Result<Accepted, ProviderError> {
        let request: SendRequest = serde_json::from_str(&prepared.body)
            .map_err(|e| ProviderError::unreadable_request(ProviderId::Infobip, &e))?;
        let answer = match self.client.send(&request).await {
            Ok(answer) => answer,
            Err(error) if refused_as_known_bulk(&error) => {
                let mut accepted = Accepted::reference_unknown(prepared.contacts);
                accepted.reference = Some(prepared.key.clone());
                return Ok(accepted);
            }
            Err(error) => return Err(error.into()),
        };
        let key = prepared.key.as_str();
        let rejected: Vec<RejectedRecipient> = answer
            .messages
            .iter()
            .filter(|m| m.status.as_ref().and_then(|s| s.group_name.as_deref()) == Some("REJECTED"))
            .map(|m| RejectedRecipient {
                number: m.destination.clone().unwrap_or_default(),
                reason: m
                    .status
                    .as_ref()
                    .and_then(|s| s.description.clone().or_else(|| s.name.clone()))
                    .unwrap_or_default(),
            })
            .collect();
        if !rejected.is_empty() && rejected.len() == answer.messages.len() {
            return Err(ProviderError {
                provider: ProviderId::Infobip,
                kind: FailureKind::Refused,
                code: Some("REJECTED".into()),
                message: format!(
                    "Infobip rejected every message: {}",
                    rejection_reasons(&rejected)
                ),
                field: None,
                retry_after: None,
            });
        }
        let counts: Vec<i32> = answer
            .messages
            .iter()
            .filter_map(|m| m.details.as_ref()?.message_count)
            .collect();
        Ok(Accepted {
            reference: Some(answer.bulk_id.unwrap_or_else(|| key.to_owned())),
            contacts: u32::try_from(answer.messages.len() - rejected.len()).unwrap_or(u32::MAX),
            sms_needed: (counts.len() == answer.messages.len())
                .then(|| counts.iter().map(|&c| u32::try_from(c).unwrap_or(0)).sum()),
            total_cost: None,
            currency: None,
            residual_credit: None,
            rejected,
        })
    }

    /// A scheduled bulk answers its status; one sent at once shows in the logs (kept 48 hours).
    async fn find(&self, bulk_id: &str, age: Duration) -> Result<Lookup, ProviderError> {
        let found = Lookup::Found {
            reference: Some(bulk_id.to_owned()),
        };
        match self.client.bulk_status(bulk_id).await {
            Ok(_) => return Ok(found),
            Err(error) if error.is_not_found() => {}
            Err(error) => return Err(error.into()),
        }
        if !self.client.logs(Some(bulk_id), 1).await?.results.is_empty() {
            return Ok(found);
        }
        if age >= Duration::hours(LOGS_KEPT_HOURS) {
            return Ok(Lookup::CannotTell(format!(
                "Infobip keeps its logs {LOGS_KEPT_HOURS} hours and the bulk was sent longer ago."
            )));
        }
        Ok(Lookup::Absent)
    }

    fn repeat_window(&self) -> Option<Duration> {
        None
    }

    async fn balance(&self) -> Result<Balance, ProviderError> {
        let balance = self.client.balance().await?;
        Ok(Balance {
            provider: ProviderId::Infobip,
            amount: balance.balance,
            unit: balance.currency,
        })
    }

    async fn cancel(&self, bulk_id: &str) -> Result<(), ProviderError> {
        self.set_status(bulk_id, BulkStatus::Canceled).await
    }

    async fn reschedule(&self, bulk_id: &str, send_at: DateTime<Utc>) -> Result<(), ProviderError> {
        self.client
            .reschedule(bulk_id, &format_send_at(send_at))
            .await?;
        Ok(())
    }

    async fn pause(&self, bulk_id: &str) -> Result<(), ProviderError> {
        self.set_status(bulk_id, BulkStatus::Paused).await
    }

    /// `PROCESSING` is the value Infobip documents for resuming a paused bulk (docs/providers.md).
    async fn resume(&self, bulk_id: &str) -> Result<(), ProviderError> {
        self.set_status(bulk_id, BulkStatus::Processing).await
    }
}

#[cfg(test)]
mod tests;
