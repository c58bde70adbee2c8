//! The server's implementation of the app's service interface.

mod campaign_records;
mod frequency_cap;
mod scheduler;

pub use frequency_cap::FrequencyCap;
pub use scheduler::{SchedulerService, SchedulingRules};
