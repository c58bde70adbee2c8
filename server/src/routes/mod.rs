//! HTTP routes of our own (the site and the sandboxes have their own modules).

pub mod conditional;
pub mod error_status;
pub mod exports;
pub mod health;
pub mod metrics;
pub mod oidc;
pub mod recipient_files;
pub mod request_origin;
pub mod sandbox_controls;
pub mod server_fns;
pub mod sign_in;
pub mod webhooks;
