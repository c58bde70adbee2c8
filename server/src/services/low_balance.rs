//! The navigation's low-balance warning: each provider's balance against what its newest
//! campaign would cost again (its recipients' SMS parts at the part price estimates use).

use app::models::{Amount, AppError, LowBalance};

use super::scheduler::SchedulerService;
use super::store_errors::read_failed;

impl SchedulerService {
    /// The providers whose balance would not cover their last campaign again. A provider with no
    /// campaign yet, no known part price, or a balance it cannot say now is left out: the
    /// composer says what it can of those.
    pub async fn low_balances(&self) -> Result<Vec<LowBalance>, AppError> {
        let mut low = Vec::new();
        for info in self.providers().infos() {
            let provider = self.providers().get(info.id)?;
            let Some(size) = self
                .store
                .last_campaign_size(info.id.as_str())
                .await
                .map_err(read_failed)?
            else {
                continue;
            };
            let Some(price) = provider.part_price(size.campaign_type) else {
                continue;
            };
            let Ok(balance) = provider.balance().await else {
                continue;
            };
            let cost = Amount::from_units(size.parts as f64 * price.amount);
            if balance.below(cost, &price.currency) {
                low.push(LowBalance {
                    balance,
                    campaign_id: size.campaign_id,
                    recipients: size.recipients,
                    cost,
                });
            }
        }
        Ok(low)
    }
}
