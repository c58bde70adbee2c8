//! The sending rules engine: for each recipient, may the message go at the requested time, and if
//! not, when (server side only: it reads time-zone tables).

mod defaults;
mod placement;
mod policy;
mod window;
mod zones;

pub use placement::Placement;
pub use policy::{
    Countries, Enforcement, OutsideWindowFinding, RuleCheck, SendingPolicies, SendingPolicy,
    WindowZone,
};
pub use window::{Days, SendingWindow, WindowError};
pub use zones::{zone_of_region, RecipientZone};
