//! The domain as the server sees it: the rules the browser shares (re-exported from the app) and
//! those only the server runs, which read phone metadata and time-zone tables. No I/O.

pub use app::domain::{
    campaign, column_mapping, french_territories, holidays, horizon, message, opt_out,
    parse_errors, placeholders, sender, CampaignType, Encoding, ManualOptOutSource, MessageText,
    OptOutSource, OutsideWindow, Purpose, SenderId,
};

pub mod approval_rules;
pub mod campaign_name;
pub mod campaign_plan;
mod empty_lines;
mod field_values;
mod file_at;
pub mod ledger_keys;
mod line_endings;
pub mod list_copy;
pub mod number_log;
pub mod opt_out_mention;
pub mod order;
pub mod phone;
mod phone_metadata;
pub mod provider_options;
mod recipient_checks;
mod recipient_lines;
pub mod recipients;
mod recipients_again;
mod repeat_runs;
pub mod row_set;
pub mod send_span;
pub mod send_time;
pub mod sending_rules;
mod work_ahead;
pub mod zone_table;
