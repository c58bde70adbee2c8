//! One module per provider (client, wire types, sandbox emulator), behind one interface the rest of
//! the server uses.

mod http;
pub mod infobip;
pub mod octopush;
mod provider;
pub mod sandbox_faults;
pub mod sandbox_outcome;
pub mod sandbox_push;

pub use http::backoff;
pub use provider::{
    recipient_key, Accepted, FailureKind, Lookup, PartPrice, PreparedRequest, ProviderError,
    SmsProvider,
};
