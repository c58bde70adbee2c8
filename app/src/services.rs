//! The interface the server functions' server side calls. The `server` crate implements it and
//! provides it as context for each server-function request; the app never sees the implementation.

use async_trait::async_trait;
use leptos::prelude::use_context;
use std::sync::Arc;

use crate::models::{
    AppError, Balance, ProviderId, ProviderInfo, ScheduleReceipt, ScheduleRequest,
};

/// Who performs an action, taken from the request (the portal's sign-in header, or a local operator).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor(pub String);

#[async_trait]
pub trait SmsService: Send + Sync + 'static {
    /// The configured providers, and whether each is a sandbox.
    fn providers(&self) -> Vec<ProviderInfo>;

    /// Validates the form, records the submission and hands it to the provider.
    async fn schedule(
        &self,
        actor: &Actor,
        request: ScheduleRequest,
    ) -> Result<ScheduleReceipt, AppError>;

    async fn balance(&self, provider: ProviderId) -> Result<Balance, AppError>;
}

pub type SharedSmsService = Arc<dyn SmsService>;

/// The service and the acting user the server provided for this request.
pub fn from_context() -> Result<(SharedSmsService, Actor), AppError> {
    let service = use_context::<SharedSmsService>().ok_or_else(|| {
        AppError::Internal("the SMS service is not provided to server functions".into())
    })?;
    let actor = use_context::<Actor>().ok_or_else(|| {
        AppError::Internal("the acting user is not provided to server functions".into())
    })?;
    Ok((service, actor))
}
