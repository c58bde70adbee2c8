use serde::{Deserialize, Serialize};

use super::ProviderId;
use crate::domain::{CampaignType, Purpose};

/// The composer's form, as the user filled it in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScheduleRequest {
    pub provider: ProviderId,
    pub text: String,
    /// One number per line, international (`+33…`) or national to the default region.
    pub recipients: String,
    pub campaign_type: CampaignType,
    /// Empty: the provider's default sender.
    pub sender: String,
    /// `YYYY-MM-DDTHH:MM` wall-clock time in `time_zone`; empty means now.
    pub send_at: String,
    /// IANA name, e.g. `Europe/Paris`.
    pub time_zone: String,
    pub purpose: Purpose,
    pub with_replies: bool,
    /// Nothing is sent; the provider answers as if it had been.
    pub simulation: bool,
}

/// A number that appeared more than once; only its first line is sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuplicateRecipient {
    pub line: u32,
    pub first_line: u32,
    pub number: String,
}

/// A recipient the provider refused while accepting the rest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RejectedRecipient {
    pub number: String,
    pub reason: String,
}

/// What the provider accepted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScheduleReceipt {
    pub submission_id: String,
    pub provider: ProviderId,
    /// The provider's name for the campaign (Octopush `sms_ticket`, Infobip `bulkId`); `None` when the
    /// provider took it but did not say its name (it comes with the delivery reports).
    pub reference: Option<String>,
    pub contacts: u32,
    pub sms_needed: Option<u32>,
    pub total_cost: Option<f64>,
    pub residual_credit: Option<f64>,
    /// RFC 3339 instant with the user's offset; `None` when sent immediately.
    pub send_at: Option<String>,
    pub simulation: bool,
    /// Repeated numbers, left out of the submission.
    pub duplicates: Vec<DuplicateRecipient>,
    /// Recipients the provider refused; the others were accepted.
    pub rejected: Vec<RejectedRecipient>,
}
