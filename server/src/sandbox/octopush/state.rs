use chrono::{DateTime, Datelike, Duration, FixedOffset, Utc};
use std::collections::{HashMap, HashSet};

use crate::providers::octopush::wire::SmsType;
use crate::providers::octopush::CANCEL_LIMITS;

/// How long Octopush remembers a `request_id`.
pub const REQUEST_ID_MEMORY: Duration = Duration::hours(24);

#[derive(Debug, Clone, PartialEq)]
pub struct SandboxCampaign {
    pub ticket: String,
    pub request_id: Option<String>,
    pub phone_numbers: Vec<String>,
    pub sms_type: SmsType,
    pub send_at: Option<DateTime<FixedOffset>>,
    pub sms_needed: u32,
    pub cost: f64,
    pub accepted_at: DateTime<Utc>,
    pub canceled: bool,
}

/// Why Octopush refuses a cancellation (its documented limits).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CancelRefusal {
    #[error("No campaign with this ticket.")]
    UnknownTicket,
    #[error("The campaign is already canceled.")]
    AlreadyCanceled,
    #[error("A campaign sent immediately cannot be canceled.")]
    NotScheduled,
    #[error("A campaign can only be canceled more than 10 minutes before its send time.")]
    TooLate,
    #[error("Only campaigns with fewer than 3 recipients can be canceled.")]
    TooManyRecipients,
    #[error("The limit of {} cancellations this month is reached.", CANCEL_LIMITS.per_month)]
    MonthlyLimit,
}

/// Octopush's cancellation limits.
pub const CANCEL_NOTICE: Duration = Duration::minutes(CANCEL_LIMITS.notice_minutes as i64);
pub const CANCEL_MAX_RECIPIENTS: usize = CANCEL_LIMITS.max_recipients as usize;
pub const CANCELS_PER_MONTH: usize = CANCEL_LIMITS.per_month as usize;

#[derive(Debug)]
pub struct SandboxState {
    pub balance: f64,
    pub campaigns: Vec<SandboxCampaign>,
    request_ids: HashMap<String, DateTime<Utc>>,
    cancellations: Vec<DateTime<Utc>>,
    /// Reports (ticket and number) pushed to the callback URL, or given up on.
    pub pushed: HashSet<String>,
}

impl SandboxState {
    pub fn new(balance: f64) -> Self {
        Self {
            balance,
            campaigns: Vec::new(),
            request_ids: HashMap::new(),
            cancellations: Vec::new(),
            pushed: HashSet::new(),
        }
    }

    /// Whether `request_id` was used in the 24 hours before `now`.
    pub fn request_id_seen(&self, request_id: &str, now: DateTime<Utc>) -> bool {
        self.request_ids
            .get(request_id)
            .is_some_and(|&at| now - at < REQUEST_ID_MEMORY)
    }

    /// Cancels `ticket` within Octopush's limits, refunding its cost.
    pub fn cancel(&mut self, ticket: &str, now: DateTime<Utc>) -> Result<(), CancelRefusal> {
        let this_month = self
            .cancellations
            .iter()
            .filter(|at| at.year() == now.year() && at.month() == now.month())
            .count();
        let campaign = self
            .campaigns
            .iter_mut()
            .find(|c| c.ticket == ticket)
            .ok_or(CancelRefusal::UnknownTicket)?;
        if campaign.canceled {
            return Err(CancelRefusal::AlreadyCanceled);
        }
        let send_at = campaign.send_at.ok_or(CancelRefusal::NotScheduled)?;
        if send_at.with_timezone(&Utc) - now <= CANCEL_NOTICE {
            return Err(CancelRefusal::TooLate);
        }
        if campaign.phone_numbers.len() > CANCEL_MAX_RECIPIENTS {
            return Err(CancelRefusal::TooManyRecipients);
        }
        if this_month >= CANCELS_PER_MONTH {
            return Err(CancelRefusal::MonthlyLimit);
        }
        campaign.canceled = true;
        self.balance += campaign.cost;
        self.cancellations.push(now);
        Ok(())
    }

    pub fn accept(&mut self, campaign: SandboxCampaign) {
        if let Some(id) = &campaign.request_id {
            self.request_ids.insert(id.clone(), campaign.accepted_at);
        }
        self.balance -= campaign.cost;
        self.campaigns.push(campaign);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn campaign(ticket: &str, recipients: usize, send_at: Option<&str>) -> SandboxCampaign {
        SandboxCampaign {
            ticket: ticket.into(),
            request_id: None,
            phone_numbers: vec!["+33612345678".into(); recipients],
            sms_type: SmsType::Premium,
            send_at: send_at.map(|s| DateTime::parse_from_rfc3339(s).unwrap()),
            sms_needed: 1,
            cost: 1.0,
            accepted_at: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
            canceled: false,
        }
    }

    #[test]
    fn cancel_follows_octopushs_documented_limits() {
        let now = Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap();
        let mut state = SandboxState::new(10.0);
        state.accept(campaign("ok", 2, Some("2026-01-01T10:00:00+00:00")));
        state.accept(campaign("late", 1, Some("2026-01-01T09:10:00+00:00")));
        state.accept(campaign("many", 3, Some("2026-01-01T10:00:00+00:00")));
        state.accept(campaign("now", 1, None));
        assert_eq!(state.balance, 6.0);
        assert_eq!(state.cancel("ok", now), Ok(()));
        assert_eq!(state.balance, 7.0, "refunded");
        assert_eq!(state.cancel("ok", now), Err(CancelRefusal::AlreadyCanceled));
        assert_eq!(state.cancel("late", now), Err(CancelRefusal::TooLate));
        assert_eq!(
            state.cancel("many", now),
            Err(CancelRefusal::TooManyRecipients)
        );
        assert_eq!(state.cancel("now", now), Err(CancelRefusal::NotScheduled));
        assert_eq!(state.cancel("nope", now), Err(CancelRefusal::UnknownTicket));
    }
}
