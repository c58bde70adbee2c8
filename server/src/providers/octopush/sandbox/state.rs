use chrono::{DateTime, Duration, FixedOffset, Utc};
use std::collections::HashMap;

use crate::providers::octopush::wire::SmsType;

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
}

#[derive(Debug)]
pub struct SandboxState {
    pub balance: f64,
    pub campaigns: Vec<SandboxCampaign>,
    request_ids: HashMap<String, DateTime<Utc>>,
}

impl SandboxState {
    pub fn new(balance: f64) -> Self {
        Self {
            balance,
            campaigns: Vec::new(),
            request_ids: HashMap::new(),
        }
    }

    /// Whether `request_id` was used in the 24 hours before `now`.
    pub fn request_id_seen(&self, request_id: &str, now: DateTime<Utc>) -> bool {
        self.request_ids
            .get(request_id)
            .is_some_and(|&at| now - at < REQUEST_ID_MEMORY)
    }

    pub fn accept(&mut self, campaign: SandboxCampaign) {
        if let Some(id) = &campaign.request_id {
            self.request_ids.insert(id.clone(), campaign.accepted_at);
        }
        self.balance -= campaign.cost;
        self.campaigns.push(campaign);
    }
}
