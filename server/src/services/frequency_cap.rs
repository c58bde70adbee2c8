//! The marketing frequency cap: how many marketing SMS one number may get within a number of days.

use app::domain::campaign_plan::CapAction;
use app::models::Notice;
use chrono::{DateTime, Duration, Utc};
use std::collections::HashMap;

use crate::storage::{Store, StoreError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrequencyCap {
    pub max_messages: u32,
    pub days: u32,
    pub action: CapAction,
}

impl Default for FrequencyCap {
    /// One marketing SMS per recipient per 7 days, over which the user is warned.
    fn default() -> Self {
        Self {
            max_messages: 1,
            days: 7,
            action: CapAction::Warn,
        }
    }
}

impl FrequencyCap {
    /// Numbers that already have as many marketing SMS as allowed within the cap's days of `at`
    /// (before or after: scheduled ones count), each with why.
    pub async fn over_cap(
        &self,
        store: &Store,
        at: DateTime<Utc>,
    ) -> Result<HashMap<String, Notice>, StoreError> {
        let span = Duration::days(i64::from(self.days));
        let sends = store.marketing_sends_between(at - span, at + span).await?;
        let mut per_number: HashMap<String, Vec<String>> = HashMap::new();
        for (phone, send_at) in sends {
            per_number.entry(phone).or_default().push(send_at);
        }
        Ok(per_number
            .into_iter()
            .filter(|(_, times)| times.len() >= self.max_messages as usize)
            .map(|(phone, mut times)| {
                times.sort();
                let notice = Notice::OverCap {
                    sent: times.len(),
                    days: self.days,
                    at: times,
                    cap: self.max_messages,
                };
                (phone, notice)
            })
            .collect())
    }
}
