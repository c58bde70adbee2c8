//! Exactly-once hand-over: every campaign reaches its provider once, whatever fails on the way.
//! A submission is recorded before the provider is called and completed after; the task acting
//! on it holds a claim it keeps renewed; what could not be established is settled later by the
//! reconciler, on the pure decision of `reconcile_decision`. The records themselves (submissions,
//! claims, the per-recipient ledger) are written by `storage`.

pub mod answers_together;
pub mod claim_keeper;
pub mod handover;
pub mod rate_limit;
pub mod reconcile_decision;
pub mod reconciler;
pub mod submission_outcomes;

pub use handover::HandoverLimits;
pub use reconciler::{instance_name, ReconcileSummary, Reconciler};
