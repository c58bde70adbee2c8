//! Schedules a form: validate, record, hand over to the provider, record the answer.

use app::domain::order::{OrderRules, SmsOrder};
use app::models::{AppError, Balance, ProviderId, ProviderInfo, ScheduleReceipt, ScheduleRequest};
use app::services::{Actor, SmsService};
use async_trait::async_trait;
use std::sync::Arc;
use uuid::Uuid;

use crate::clock::SharedClock;
use crate::providers::SmsProvider;
use crate::storage::{NewSubmission, Store, StoreError, SubmissionStatus};

pub struct SchedulerService {
    providers: Vec<Arc<dyn SmsProvider>>,
    store: Store,
    clock: SharedClock,
    rules: OrderRules,
}

impl SchedulerService {
    pub fn new(
        providers: Vec<Arc<dyn SmsProvider>>,
        store: Store,
        clock: SharedClock,
        rules: OrderRules,
    ) -> Self {
        Self {
            providers,
            store,
            clock,
            rules,
        }
    }

    fn provider(&self, id: ProviderId) -> Result<&Arc<dyn SmsProvider>, AppError> {
        self.providers
            .iter()
            .find(|p| p.info().id == id)
            .ok_or(AppError::ProviderNotConfigured(id))
    }
}

fn storage_failure(error: StoreError) -> AppError {
    tracing::error!(%error, "storage failed");
    AppError::Internal(
        "the submission could not be recorded, so nothing was sent; try again".into(),
    )
}

#[async_trait]
impl SmsService for SchedulerService {
    fn providers(&self) -> Vec<ProviderInfo> {
        self.providers.iter().map(|p| p.info()).collect()
    }

    async fn schedule(
        &self,
        actor: &Actor,
        request: ScheduleRequest,
    ) -> Result<ScheduleReceipt, AppError> {
        let now = self.clock.now();
        let order = SmsOrder::parse(&request, &self.rules, now).map_err(AppError::Invalid)?;
        let provider = self.provider(order.provider)?;

        // Recorded before the call under the key the provider will see (Octopush request_id,
        // Infobip bulkId), so a submission whose answer is lost can be recognised later.
        let submission_id = Uuid::new_v4().to_string();
        let send_at = order.send_at.as_ref().map(|time| time.instant.to_rfc3339());
        self.store
            .insert_submission(&NewSubmission {
                id: submission_id.clone(),
                provider: order.provider.as_str().to_owned(),
                idempotency_key: submission_id.clone(),
                actor: actor.0.clone(),
                message_text: order.text.as_str().to_owned(),
                recipients: order
                    .recipients
                    .iter()
                    .map(|r| r.number.e164().to_owned())
                    .collect(),
                send_at: send_at.clone(),
                time_zone: order.send_at.as_ref().map(|t| t.zone.name().to_owned()),
                simulation: order.simulation,
                created_at: now,
            })
            .await
            .map_err(storage_failure)?;

        match provider.submit(&order, &submission_id).await {
            Ok(accepted) => {
                // The provider has the campaign whatever happens here: a failed write is logged
                // (the row stays pending, to be reconciled), never reported as "not sent".
                if let Err(error) = self
                    .store
                    .mark_accepted(
                        &submission_id,
                        accepted.reference.as_deref(),
                        accepted.total_cost,
                        self.clock.now(),
                    )
                    .await
                {
                    tracing::error!(submission = %submission_id, reference = ?accepted.reference, %error, "accepted campaign not recorded");
                }
                tracing::info!(submission = %submission_id, provider = %order.provider, reference = ?accepted.reference, contacts = accepted.contacts, "campaign accepted");
                Ok(ScheduleReceipt {
                    submission_id,
                    provider: order.provider,
                    reference: accepted.reference,
                    contacts: accepted.contacts,
                    sms_needed: accepted.sms_needed,
                    total_cost: accepted.total_cost,
                    residual_credit: accepted.residual_credit,
                    send_at,
                    simulation: order.simulation,
                    duplicates: order.duplicates,
                    rejected: accepted.rejected,
                })
            }
            Err(error) => {
                let status = if error.outcome_unknown() {
                    SubmissionStatus::Unknown
                } else {
                    SubmissionStatus::Refused
                };
                tracing::warn!(submission = %submission_id, provider = %order.provider, %error, "campaign not accepted");
                if let Err(store_error) = self
                    .store
                    .mark_failed(
                        &submission_id,
                        status,
                        error.code.as_deref(),
                        &error.message,
                        self.clock.now(),
                    )
                    .await
                {
                    tracing::error!(submission = %submission_id, error = %store_error, "provider failure not recorded");
                }
                Err(error.into())
            }
        }
    }

    async fn balance(&self, provider: ProviderId) -> Result<Balance, AppError> {
        Ok(self.provider(provider)?.balance().await?)
    }
}
