//! Server functions, grouped by domain. Each is thin: check that the acting user's role gives the
//! right it needs (`services::allowed`), call the service, encode.
//! Every one has a fixed endpoint so its URL is the same in every checkout.
//! Arguments go as JSON; answers and errors come back as postcard, whose decoders take a
//! fraction of the wasm that serde_json's take (the browser decodes far more than it encodes).

pub mod approvals;
pub mod audit;
pub mod campaigns;
pub mod opt_outs;
pub mod providers;
pub mod settings;
pub mod sms;
