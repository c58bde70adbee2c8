//! One module per provider (client, wire types, sandbox emulator), behind one interface the rest of
//! the server uses.

pub mod infobip;
pub mod octopush;
mod provider;

pub use provider::{Accepted, FailureKind, ProviderError, SmsProvider};
