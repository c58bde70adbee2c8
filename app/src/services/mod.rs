//! The interfaces the server functions' server side calls, one per area. The `server` crate
//! implements each with its own services and provides them, with the acting user, as context
//! for each server-function request; the app never sees the implementations.

mod campaigns;
mod opt_outs;
mod providers;
mod settings;

use leptos::prelude::use_context;
use std::sync::Arc;

use crate::models::AppError;

pub use campaigns::{CampaignService, OperationService, ScheduleService};
pub use opt_outs::OptOutService;
pub use providers::ProviderService;
pub use settings::SettingsService;

/// Who performs an action, taken from the request (the portal's sign-in header, or a local operator).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor(pub String);

/// Every area's service, as the server provides them.
#[derive(Clone)]
pub struct Services {
    pub schedule: Arc<dyn ScheduleService>,
    pub campaigns: Arc<dyn CampaignService>,
    pub operations: Arc<dyn OperationService>,
    pub opt_outs: Arc<dyn OptOutService>,
    pub providers: Arc<dyn ProviderService>,
    pub settings: Arc<dyn SettingsService>,
}

/// The services the server provided for this request.
pub fn provided() -> Result<Services, AppError> {
    use_context::<Services>().ok_or_else(|| {
        AppError::Internal("the services are not provided to server functions".into())
    })
}

/// The acting user the server provided for this request.
pub fn actor() -> Result<Actor, AppError> {
    use_context::<Actor>().ok_or_else(|| {
        AppError::Internal("the acting user is not provided to server functions".into())
    })
}
