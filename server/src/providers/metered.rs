//! A provider whose every call is counted and timed, by operation and outcome (`crate::metrics`).

use app::models::{Balance, ProductCredit, ProviderInfo};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use std::future::Future;
use std::sync::Arc;
use std::time::Instant;

use super::{Accepted, Lookup, PartPrice, PreparedRequest, ProviderError, SmsProvider};
use crate::domain::order::SmsOrder;
use crate::domain::CampaignType;
use crate::metrics;

pub struct Metered {
    inner: Arc<dyn SmsProvider>,
}

impl Metered {
    pub fn new(inner: Arc<dyn SmsProvider>) -> Self {
        Self { inner }
    }

    async fn timed<T>(
        &self,
        operation: &'static str,
        call: impl Future<Output = Result<T, ProviderError>>,
    ) -> Result<T, ProviderError> {
        let started = Instant::now();
        let result = call.await;
        let took = started.elapsed();
        let outcome = result.as_ref().map(|_| ());
        let provider = self.inner.info().id;
        metrics::provider_call(provider, operation, outcome, took);
        tracing::info!(
            %provider,
            operation,
            ok = outcome.is_ok(),
            duration_ms = took.as_secs_f64() * 1000.0,
            "provider call"
        );
        result
    }
}

#[async_trait]
impl SmsProvider for Metered {
    fn info(&self) -> ProviderInfo {
        self.inner.info()
    }

    fn part_price(&self, campaign_type: CampaignType) -> Option<PartPrice> {
        self.inner.part_price(campaign_type)
    }

    fn request_fee(&self, order: &SmsOrder) -> f64 {
        self.inner.request_fee(order)
    }

    fn prepare(&self, order: &SmsOrder, key: &str) -> PreparedRequest {
        self.inner.prepare(order, key)
    }

    async fn send(&self, request: &PreparedRequest) -> Result<Accepted, ProviderError> {
        self.timed("send", self.inner.send(request)).await
    }

    async fn find(&self, key: &str, age: chrono::Duration) -> Result<Lookup, ProviderError> {
        self.timed("find", self.inner.find(key, age)).await
    }

    fn repeat_window(&self) -> Option<chrono::Duration> {
        self.inner.repeat_window()
    }

    async fn balance(&self) -> Result<Balance, ProviderError> {
        self.timed("balance", self.inner.balance()).await
    }

    async fn balance_details(&self, country: &str) -> Result<Vec<ProductCredit>, ProviderError> {
        self.timed("balance_details", self.inner.balance_details(country))
            .await
    }

    async fn cancel(&self, reference: &str) -> Result<(), ProviderError> {
        self.timed("cancel", self.inner.cancel(reference)).await
    }

    async fn reschedule(
        &self,
        reference: &str,
        send_at: DateTime<Utc>,
    ) -> Result<(), ProviderError> {
        self.timed("reschedule", self.inner.reschedule(reference, send_at))
            .await
    }

    async fn pause(&self, reference: &str) -> Result<(), ProviderError> {
        self.timed("pause", self.inner.pause(reference)).await
    }

    async fn resume(&self, reference: &str) -> Result<(), ProviderError> {
        self.timed("resume", self.inner.resume(reference)).await
    }
}
