//! One module per provider (client, wire types), behind one interface the rest of
//! the server uses.

mod balance_cache;
mod http;
pub mod infobip;
mod metered;
pub mod octopush;
mod provider;
mod set;

pub use balance_cache::{BalanceCache, BalanceRead};
pub use http::{backoff, client as http_client};
pub use metered::Metered;
pub use provider::{
    Accepted, FailureKind, Lookup, PartPrice, PreparedRequest, ProviderError, SmsProvider,
};
pub use set::ProviderSet;
