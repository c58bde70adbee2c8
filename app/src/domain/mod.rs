//! Pure domain rules the browser runs too: no I/O, no heavy tables. The rules that need phone
//! metadata or time-zone tables live in the server's `domain`, which the browser asks.

pub mod campaign;
pub mod column_mapping;
pub mod file_charset;
pub mod french_territories;
pub mod holidays;
pub mod horizon;
pub mod line_ends;
pub mod message;
pub mod opt_out;
pub mod parse_errors;
pub mod placeholders;
pub mod promotional;
pub mod sender;

pub use campaign::{CampaignType, OutsideWindow, OutsideWindowKind, Purpose, CAMPAIGN_NAME_MAX};
pub use message::{analyze, Encoding, MessageStats, MessageText};
pub use opt_out::{ManualOptOutSource, OptOutSource};
pub use sender::SenderId;
