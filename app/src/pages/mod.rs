//! One module per page.

mod audit;
mod campaign;
mod campaigns;
mod composer;
mod opt_outs;
mod settings;

pub use audit::AuditPage;
pub use campaign::CampaignPage;
pub use campaigns::CampaignsPage;
pub use composer::{preload_composer_calls, ComposerPage};
pub use opt_outs::OptOutsPage;
pub use settings::SettingsPage;
