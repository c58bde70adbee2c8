//! sms-scheduler's app: the domain rules the browser runs (shared with the server), the wire
//! models, the server functions, and the pages. Built with `csr` for the browser and with `ssr` inside the server.

pub mod access;
pub mod api;
pub mod client;
pub mod components;
pub mod conditional_client;
pub mod debounce;
pub mod decimal;
pub mod domain;
pub mod fetched;
pub mod held;
pub mod i18n;
pub mod models;
pub mod pages;
pub mod picked_file;
pub mod polling;
pub mod recipient_upload;
#[cfg(feature = "ssr")]
pub mod services;
pub mod stopped;

mod root;

pub use root::App;
