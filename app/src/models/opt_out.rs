//! The opt-out list as the browser sees it.

use serde::{Deserialize, Serialize};

use super::{FieldError, Notice, ProviderId};
use crate::domain::OptOutSource;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptOutEntry {
    /// E.164.
    pub phone: String,
    pub source: OptOutSource,
    pub detail: Option<Notice>,
    /// Who added it (`recipient` for a STOP reply).
    pub actor: String,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// Campaigns a provider holds that still send to it.
    pub still_scheduled: Vec<StillScheduled>,
}

/// A campaign handed over before the number opted out: the provider holds the message and sends
/// it unless the campaign is canceled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StillScheduled {
    /// E.164.
    pub phone: String,
    pub campaign_id: String,
    pub provider: ProviderId,
    /// RFC 3339, UTC.
    pub send_at: Option<String>,
}

/// One page of the list, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptOutPage {
    pub entries: Vec<OptOutEntry>,
    pub offset: u64,
    pub has_more: bool,
}

/// What adding or importing numbers did; nothing is dropped without a line saying why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptOutImport {
    /// Numbers newly on the list.
    pub added: u32,
    /// Numbers already there (their first source and date are kept).
    pub already_listed: u32,
    /// Numbers written again in the same list: counted once, as added or already there.
    pub repeated: u32,
    /// Lines that are not numbers, each with why.
    pub errors: Vec<FieldError>,
    /// Scheduled campaigns that still send to the numbers added.
    pub still_scheduled: Vec<StillScheduled>,
}
