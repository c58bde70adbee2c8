//! Octopush's v1 public API (`docs/specs/octopush/CONTRACT.md`).

pub mod callbacks;
mod client;
mod error;
pub mod mapping;
mod provider;
pub mod wire;

pub use client::{OctopushClient, SendOutcome};

/// What Octopush charges, in euros, for each request that asks it to leave out the numbers on
/// the account's blacklist (`auto_remove_blacklisted_numbers`).
pub const BLACKLIST_FEE: f64 = 0.01;
pub use error::OctopushError;
pub use provider::{OctopushProvider, CANCEL_LIMITS, MAX_RECIPIENTS_PER_REQUEST};
