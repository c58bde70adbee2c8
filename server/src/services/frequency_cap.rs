//! The marketing frequency cap applied: the numbers over it, read from the history.

use app::models::Notice;
use chrono::{DateTime, Duration, Utc};
use std::collections::HashMap;

use crate::sending_rules_settings::FrequencyCap;
use crate::storage::{Store, StoreError};

impl FrequencyCap {
    /// The cap's days either side of `at`, cut at the ends of time rather than overflowing.
    fn window(&self, at: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
        let span = Duration::days(i64::from(self.days));
        (
            at.checked_sub_signed(span)
                .unwrap_or(DateTime::<Utc>::MIN_UTC),
            at.checked_add_signed(span)
                .unwrap_or(DateTime::<Utc>::MAX_UTC),
        )
    }

    /// Numbers that already have as many marketing SMS as allowed within the cap's days of `at`
    /// (before or after: scheduled ones count), each with why.
    pub async fn over_cap(
        &self,
        store: &Store,
        at: DateTime<Utc>,
    ) -> Result<HashMap<String, Notice>, StoreError> {
        let (from, to) = self.window(at);
        let sends = store.marketing_sends_between(from, to).await?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_window_is_the_cap_s_days_either_side() {
        let at = Utc.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).unwrap();
        let (from, to) = FrequencyCap::default().window(at);
        assert_eq!((at - from, to - at), (Duration::days(7), Duration::days(7)));
    }

    #[test]
    fn the_window_stops_at_the_ends_of_time() {
        let cap = FrequencyCap {
            days: u32::MAX,
            ..FrequencyCap::default()
        };
        let (from, to) = cap.window(DateTime::<Utc>::MAX_UTC - Duration::days(1));
        assert_eq!(to, DateTime::<Utc>::MAX_UTC);
        assert!(from < to);
        let (from, _) = cap.window(DateTime::<Utc>::MIN_UTC + Duration::days(1));
        assert_eq!(from, DateTime::<Utc>::MIN_UTC);
    }
}
