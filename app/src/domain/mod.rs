//! Pure domain rules: no I/O. Modules gated on `ssr` use tables too large for the wasm bundle
//! (phone metadata, time zones); the browser asks the server for those answers.

pub mod campaign;
pub mod column_mapping;
pub mod french_territories;
pub mod holidays;
pub mod horizon;
pub mod message;
pub mod opt_out;
pub mod parse_errors;
pub mod placeholders;
pub mod provider_options;
pub mod sender;

#[cfg(feature = "ssr")]
pub mod campaign_plan;
#[cfg(feature = "ssr")]
pub mod opt_out_mention;
#[cfg(feature = "ssr")]
pub mod order;
#[cfg(feature = "ssr")]
pub mod phone;
#[cfg(feature = "ssr")]
pub mod plan_totals;
#[cfg(feature = "ssr")]
mod recipient_checks;
#[cfg(feature = "ssr")]
mod recipient_lines;
#[cfg(feature = "ssr")]
pub mod recipients;
#[cfg(feature = "ssr")]
pub mod send_time;
#[cfg(feature = "ssr")]
pub mod sending_rules;
#[cfg(feature = "ssr")]
pub mod zone_table;

pub use campaign::{campaign_name, CampaignType, OutsideWindow, Purpose, CAMPAIGN_NAME_MAX};
pub use message::{analyze, Encoding, MessageStats, MessageText};
pub use sender::SenderId;
