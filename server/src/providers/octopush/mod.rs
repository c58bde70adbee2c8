//! Octopush's v1 public API (`../shared/specs/octopush/CONTRACT.md` in the workspace's shared notes).

pub mod callbacks;
mod client;
mod error;
pub mod mapping;
mod provider;
pub mod sandbox;
pub mod wire;

pub use client::{OctopushClient, SendOutcome};
pub use error::OctopushError;
pub use provider::OctopushProvider;
