//! Server functions, grouped by domain. Each is thin: decode, call the service, encode.
//! Every one has a fixed endpoint so its URL is the same in every checkout.

pub mod campaigns;
pub mod opt_outs;
pub mod providers;
pub mod settings;
pub mod sms;
