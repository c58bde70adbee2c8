//! The configured providers, found by id.

use app::models::{AppError, ProviderId, ProviderInfo};
use std::sync::Arc;

use crate::providers::SmsProvider;

#[derive(Clone)]
pub struct ProviderSet(Vec<Arc<dyn SmsProvider>>);

impl ProviderSet {
    pub fn new(providers: Vec<Arc<dyn SmsProvider>>) -> Self {
        Self(providers)
    }

    pub fn get(&self, id: ProviderId) -> Result<&Arc<dyn SmsProvider>, AppError> {
        self.0
            .iter()
            .find(|p| p.info().id == id)
            .ok_or(AppError::ProviderNotConfigured(id))
    }

    pub fn infos(&self) -> Vec<ProviderInfo> {
        self.0.iter().map(|p| p.info()).collect()
    }
}
