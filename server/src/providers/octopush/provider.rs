//! Octopush behind the common provider interface, with what it really supports.

use crate::domain::campaign::OCTOPUSH_STOP_MENTION;
use crate::domain::order::SmsOrder;
use crate::domain::CampaignType;
use app::models::{
    Balance, CancelLimits, Capabilities, ProductCredit, ProviderId, ProviderInfo, Refusal, Support,
};
use async_trait::async_trait;
use chrono::{DateTime, Duration, Utc};

use super::wire::{SendCampaignRequest, SmsType};
use super::{mapping, OctopushClient, OctopushError, SendOutcome, BLACKLIST_FEE};
use crate::providers::{
    Accepted, FailureKind, Lookup, PartPrice, PreparedRequest, ProviderError, SmsProvider,
};

/// Octopush accounts are kept in euros: its prices, costs and credit.
const CURRENCY: &str = "EUR";

/// Octopush refuses a `request_id` used in the 24 hours before (code 120).
const REQUEST_ID_MEMORY_HOURS: i64 = 24;

#[derive(Debug, Clone)]
pub struct OctopushProvider {
    client: OctopushClient,
    sandbox: bool,
    /// Euros per part: premium, low cost.
    prices: (Option<f64>, Option<f64>),
}

impl OctopushProvider {
    pub fn new(client: OctopushClient, sandbox: bool) -> Self {
        Self {
            client,
            sandbox,
            prices: (None, None),
        }
    }

    /// Euros per SMS part, for cost estimates.
    pub fn with_prices(mut self, premium: Option<f64>, low_cost: Option<f64>) -> Self {
        self.prices = (premium, low_cost);
        self
    }
}

/// Octopush cancels only this long before the send time, and only campaigns this small (its
/// documentation); the sandbox holds its campaigns to the same.
pub const CANCEL_LIMITS: CancelLimits = CancelLimits {
    notice_minutes: 10,
    max_recipients: 2,
    per_month: 1000,
};

/// Recipients Octopush takes in one request.
pub const MAX_RECIPIENTS_PER_REQUEST: u32 = 500;

pub fn capabilities() -> Capabilities {
    Capabilities {
        cancel: Support::Limited(Refusal::OctopushCancelLimits(CANCEL_LIMITS)),
        reschedule: Support::No(Refusal::OctopushCannotMove),
        pause_resume: Support::No(Refusal::OctopushCannotPause),
        max_recipients_per_request: MAX_RECIPIENTS_PER_REQUEST,
        max_days_ahead: None,
        cancel_limits: Some(CANCEL_LIMITS),
    }
}

/// The credit's unit as the app shows every amount: Octopush says `euros` where the other
/// provider and the prices give the currency's code; another unit is kept as Octopush names it.
fn account_unit(unit: String) -> String {
    if unit == "euros" {
        CURRENCY.to_owned()
    } else {
        unit
    }
}

impl From<OctopushError> for ProviderError {
    fn from(error: OctopushError) -> Self {
        let kind = match &error {
            OctopushError::Refused { .. } => FailureKind::Refused,
            OctopushError::RateLimited { .. } => FailureKind::RateLimited,
            // A server error may come after the request was handled (a gateway timing out).
            OctopushError::Unexpected { status, .. } if *status >= 500 => FailureKind::NoAnswer,
            OctopushError::Unexpected { .. } => FailureKind::Unexpected,
            OctopushError::Transport(_) => FailureKind::NoAnswer,
        };
        ProviderError {
            provider: ProviderId::Octopush,
            kind,
            code: error.code().map(|code| code.to_string()),
            message: error.to_string(),
            field: error.field(),
            retry_after: error.retry_after(),
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
            stop_mention: Some(OCTOPUSH_STOP_MENTION.to_owned()),
        }
    }

    fn request_fee(&self, order: &SmsOrder) -> f64 {
        if order
            .options
            .octopush()
            .is_some_and(|options| options.remove_blacklisted)
        {
            BLACKLIST_FEE
        } else {
            0.0
        }
    }

    fn part_price(&self, campaign_type: CampaignType) -> Option<PartPrice> {
        let amount = match campaign_type {
            CampaignType::Premium => self.prices.0,
            CampaignType::LowCost => self.prices.1,
        }?;
        Some(PartPrice {
            amount,
            currency: CURRENCY.into(),
        })
    }

    fn prepare(&self, order: &SmsOrder, key: &str) -> PreparedRequest {
        let request = mapping::send_request(order, key);
        PreparedRequest {
            key: key.to_owned(),
            body: serde_json::to_string(&request)
                .expect("the request serialises")
                .into(),
            contacts: u32::try_from(request.recipients.len()).unwrap_or(u32::MAX),
        }
    }

    async fn send(&self, prepared: &PreparedRequest) -> Result<Accepted, ProviderError> {
        let request: SendCampaignRequest = serde_json::from_str(&prepared.body)
            .map_err(|e| ProviderError::unreadable_request(ProviderId::Octopush, &e))?;
        let answer = match self.client.send_campaign(&request).await? {
            SendOutcome::Accepted(answer) => answer,
            SendOutcome::AcceptedTicketUnknown => {
                return Ok(Accepted::reference_unknown(prepared.contacts));
            }
        };
        Ok(Accepted {
            reference: Some(answer.sms_ticket),
            contacts: answer.number_of_contacts,
            sms_needed: answer.number_of_sms_needed,
            total_cost: Some(answer.total_cost),
            currency: Some(CURRENCY.to_owned()),
            residual_credit: answer.residual_credit,
            // Octopush accepts or refuses a campaign whole.
            rejected: Vec::new(),
        })
    }

    async fn find(&self, _: &str, _: Duration) -> Result<Lookup, ProviderError> {
        Ok(Lookup::CannotTell(
            "Octopush cannot be asked whether it has a request.".into(),
        ))
    }

    fn repeat_window(&self) -> Option<Duration> {
        Some(Duration::hours(REQUEST_ID_MEMORY_HOURS))
    }

    async fn balance(&self) -> Result<Balance, ProviderError> {
        let balance = self.client.check_balance().await?;
        Ok(Balance {
            provider: ProviderId::Octopush,
            amount: balance.amount,
            unit: account_unit(balance.unit),
        })
    }

    async fn balance_details(&self, country: &str) -> Result<Vec<ProductCredit>, ProviderError> {
        let mut credits = Vec::new();
        for (product, sms_type) in [
            (CampaignType::Premium, SmsType::Premium),
            (CampaignType::LowCost, SmsType::LowCost),
        ] {
            let balance = self.client.check_balance_details(country, sms_type).await?;
            credits.push(ProductCredit {
                country: country.to_owned(),
                product,
                sms: balance.amount,
            });
        }
        Ok(credits)
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

#[cfg(test)]
mod tests {
    use super::{account_unit, capabilities};
    use app::models::{Refusal, Support};

    #[test]
    fn euros_are_named_by_their_currency_code() {
        assert_eq!(account_unit("euros".into()), "EUR");
        assert_eq!(account_unit("sms_premium".into()), "sms_premium");
    }

    #[test]
    fn the_cancel_limits_are_said_from_the_capabilities() {
        let Support::Limited(limits @ Refusal::OctopushCancelLimits(_)) = capabilities().cancel
        else {
            panic!("Octopush cancels under its limits");
        };
        assert_eq!(
            limits.to_string(),
            "Octopush cancels only more than 10 minutes before the send time, campaigns of \
             fewer than 3 recipients, at most 1000 times a month."
        );
    }
}
