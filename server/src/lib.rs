//! sms-scheduler's server: a proxy that keeps the providers' keys, validates and records every
//! submission, and serves the single-page app and its server functions.

pub mod clock;
pub mod configuration;
pub mod domain;
pub mod exactly_once;
pub mod identity;
pub mod metrics;
pub mod process;
pub mod providers;
pub mod request_log;
pub mod routes;
pub mod sandbox;
pub mod sending_rules_settings;
pub mod services;
pub mod site;
pub mod startup;
pub mod storage;
pub mod telemetry;
#[cfg(test)]
mod test_support;
pub mod webhook_path;
pub mod webhook_urls;
