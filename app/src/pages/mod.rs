//! One module per page.

mod campaign;
mod campaigns;
mod composer;

pub use campaign::CampaignPage;
pub use campaigns::CampaignsPage;
pub use composer::ComposerPage;
