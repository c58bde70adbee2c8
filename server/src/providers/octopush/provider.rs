//! Octopush behind the common provider interface, with what it really supports.

use app::domain::order::SmsOrder;
use app::models::{Balance, Capabilities, ProviderId, ProviderInfo, Support};
use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{mapping, OctopushClient, OctopushError, SendOutcome};
use crate::providers::{Accepted, FailureKind, ProviderError, SmsProvider};

#[derive(Debug, Clone)]
pub struct OctopushProvider {
    client: OctopushClient,
    sandbox: bool,
}

impl OctopushProvider {
    pub fn new(client: OctopushClient, sandbox: bool) -> Self {
        Self { client, sandbox }
    }
}

pub fn capabilities() -> Capabilities {
    Capabilities {
        cancel: Support::Limited(
            "Octopush cancels only more than 10 minutes before the send time, campaigns of fewer than 3 \
             recipients, at most 1000 times a month."
                .into(),
        ),
        reschedule: Support::No("Octopush cannot move a campaign: cancel it and schedule it again.".into()),
        pause_resume: Support::No("Octopush cannot pause a campaign.".into()),
        max_recipients_per_request: 500,
        max_days_ahead: None,
    }
}

impl From<OctopushError> for ProviderError {
    fn from(error: OctopushError) -> Self {
        let kind = match &error {
            OctopushError::Refused { .. } => FailureKind::Refused,
            OctopushError::Unexpected { .. } => FailureKind::Unexpected,
            OctopushError::Transport(_) => FailureKind::NoAnswer,
        };
        ProviderError {
            provider: ProviderId::Octopush,
            kind,
            code: error.code().map(|code| code.to_string()),
            message: error.to_string(),
            field: error.field(),
        }
    }
}

#[async_trait]
impl SmsProvider for OctopushProvider {
    fn info(&self) -> ProviderInfo {
        ProviderInfo {
            id: ProviderId::Octopush,
            sandbox: self.sandbox,
            capabilities: capabilities(),
        }
    }

    async fn submit(&self, order: &SmsOrder, key: &str) -> Result<Accepted, ProviderError> {
        let answer = match self
            .client
            .send_campaign(&mapping::send_request(order, key))
            .await?
        {
            SendOutcome::Accepted(answer) => answer,
            SendOutcome::AcceptedTicketUnknown => {
                let contacts = u32::try_from(order.recipients.len()).unwrap_or(u32::MAX);
                return Ok(Accepted::reference_unknown(contacts));
            }
        };
        Ok(Accepted {
            reference: Some(answer.sms_ticket),
            contacts: answer.number_of_contacts,
            sms_needed: answer.number_of_sms_needed,
            total_cost: Some(answer.total_cost),
            residual_credit: answer.residual_credit,
            // Octopush accepts or refuses a campaign whole.
            rejected: Vec::new(),
        })
    }

    async fn balance(&self) -> Result<Balance, ProviderError> {
        let balance = self.client.check_balance().await?;
        Ok(Balance {
            provider: ProviderId::Octopush,
            amount: balance.amount,
            unit: balance.unit,
        })
    }

    async fn cancel(&self, reference: &str) -> Result<(), ProviderError> {
        Ok(self.client.cancel_campaign(reference).await?)
    }

    async fn reschedule(&self, _: &str, _: DateTime<Utc>) -> Result<(), ProviderError> {
        Err(ProviderError::unsupported(
            ProviderId::Octopush,
            "Octopush cannot move a campaign: cancel it and schedule it again.",
        ))
    }

    async fn pause(&self, _: &str) -> Result<(), ProviderError> {
        Err(ProviderError::unsupported(
            ProviderId::Octopush,
            "Octopush cannot pause a campaign.",
        ))
    }

    async fn resume(&self, _: &str) -> Result<(), ProviderError> {
        Err(ProviderError::unsupported(
            ProviderId::Octopush,
            "Octopush cannot pause or resume a campaign.",
        ))
    }
}
