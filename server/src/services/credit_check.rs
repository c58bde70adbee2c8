//! What a campaign is estimated to cost, and the check that the provider's balance covers it:
//! otherwise the provider would send part of the campaign and refuse the rest.

use crate::domain::campaign_plan::CampaignPlan;
use crate::domain::order::SmsOrder;
use app::models::{AppError, Field, FieldError};

use std::time::Duration;

use crate::providers::{PartPrice, SmsProvider};

/// How long scheduling waits for the balance before going without the check.
const BALANCE_WAIT: Duration = Duration::from_secs(5);

/// What a campaign costs: its parts, and a fee on each request for the options it asks for.
pub struct CostRates {
    pub per_part: PartPrice,
    pub per_request: f64,
}

impl CostRates {
    /// `None` when no price is configured for the provider.
    pub fn of(provider: &dyn SmsProvider, order: &SmsOrder) -> Option<Self> {
        provider.part_price(order.campaign_type).map(|price| Self {
            per_part: price,
            per_request: provider.request_fee(order),
        })
    }

    /// The parts of every recipient to send, and every request's fee; four decimals, as the
    /// providers quote their prices.
    pub fn estimate(&self, plan: &CampaignPlan) -> f64 {
        let summary = &plan.summary;
        round(
            summary.parts as f64 * self.per_part.amount
                + summary.requests as f64 * self.per_request,
        )
    }
}

/// Four decimals, as the providers quote their prices.
pub fn round(amount: f64) -> f64 {
    (amount * 10_000.0).round() / 10_000.0
}

/// Refuses, before anything is recorded, a campaign whose estimate the provider's balance does
/// not cover. A simulation costs nothing; without a price or a balance in the same currency the
/// provider decides (a balance that cannot be read is logged, not a refusal).
pub async fn ensure_credit(
    provider: &dyn SmsProvider,
    order: &SmsOrder,
    plan: &CampaignPlan,
) -> Result<(), AppError> {
    if order.simulation() {
        return Ok(());
    }
    let Some(rates) = CostRates::of(provider, order) else {
        return Ok(());
    };
    let estimate = rates.estimate(plan);
    let balance = match tokio::time::timeout(BALANCE_WAIT, provider.balance()).await {
        Ok(Ok(balance)) => balance,
        Ok(Err(error)) => {
            tracing::warn!(provider = %order.provider, %error, "balance not read: the campaign goes without the credit check");
            return Ok(());
        }
        Err(_) => {
            tracing::warn!(provider = %order.provider, "balance not read in time: the campaign goes without the credit check");
            return Ok(());
        }
    };
    match balance.shortfall(estimate, &rates.per_part.currency) {
        None => Ok(()),
        Some(problem) => Err(AppError::Invalid(vec![FieldError::new(
            Field::Provider,
            problem,
        )])),
    }
}
