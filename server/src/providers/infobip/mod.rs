//! Infobip's SMS API (`docs/specs/infobip/sms-openapi.json`, the official OpenAPI).

mod client;
mod error;
pub mod mapping;
mod provider;
pub mod wire;

pub use client::InfobipClient;
pub use error::InfobipError;
pub use provider::{InfobipProvider, MAX_DAYS_AHEAD};
