//! The server's services: each implements one of the app's service interfaces
//! (`app::services`), or works behind one.

mod audit_trail;
mod campaign_approval;
mod campaign_drafts;
mod campaign_operations;
mod campaign_preview;
mod campaign_records;
mod campaign_start;
mod campaign_views;
mod credit_check;
mod frequency_cap;
mod held_expiry;
pub mod infobip_report_poller;
mod list_pass;
mod operation_availability;
mod opt_out_list;
mod provider_accounts;
mod recipient_export;
mod recipient_file_reading;
mod recipient_file_reread;
pub mod recipient_files;
mod request_limits;
mod schedule_receipt;
mod scheduler;
mod scheduler_planning;
mod scheduler_uploads;
mod settings_view;
pub mod status_reports;
mod store_errors;

pub use crate::sending_rules_settings::FrequencyCap;
pub use audit_trail::AuditLog;
pub use campaign_approval::ApprovalTiming;
pub use campaign_operations::CampaignOperations;
pub use campaign_views::CampaignViews;
pub use held_expiry::HeldExpiry;
pub use opt_out_list::OptOutList;
pub use provider_accounts::ProviderAccounts;
pub use recipient_files::{FileLimits, RecipientFiles};
pub use request_limits::PerPersonLimits;
pub use scheduler::{Scheduler, SchedulingRules};
pub use settings_view::{server_settings, SettingsView};
pub use status_reports::{IntakeSummary, ReportIntake};
