//! The server's implementation of the app's service interface.

mod app_service;
mod campaign_operations;
mod campaign_records;
mod campaign_views;
mod claim_keeper;
mod credit_check;
mod frequency_cap;
mod handover;
pub mod infobip_report_poller;
mod low_balance;
mod opt_out_list;
mod provider_set;
mod rate_limit;
mod recipient_export;
mod reconcile_decision;
mod reconciler;
mod refused_again;
mod scheduler;
mod settings_view;
pub mod status_reports;
mod store_errors;
mod submission_outcomes;

pub use app_service::AppService;
pub use campaign_operations::CampaignOperations;
pub use campaign_views::CampaignViews;
pub use frequency_cap::FrequencyCap;
pub use handover::HandoverLimits;
pub use opt_out_list::OptOutList;
pub use provider_set::ProviderSet;
pub use reconciler::{instance_name, ReconcileSummary, Reconciler};
pub use scheduler::{SchedulerService, SchedulingRules};
pub use settings_view::server_settings;
pub use status_reports::{IntakeSummary, ReportIntake};
