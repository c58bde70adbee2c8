//! Schedules a form: validate, record, hand over to the provider, record the answer.

use app::domain::order::{OrderRules, SmsOrder};
use app::models::{AppError, Balance, ProviderId, ProviderInfo, ScheduleReceipt, ScheduleRequest};
use app::services::{Actor, SmsService};
use async_trait::async_trait;
use uuid::Uuid;

use crate::clock::SharedClock;
use crate::providers::octopush::{mapping, OctopushClient, OctopushError};
use crate::storage::{NewSubmission, Store, StoreError, SubmissionStatus};

/// The Octopush client and whether it talks to the sandbox.
#[derive(Debug, Clone)]
pub struct OctopushProvider {
    pub client: OctopushClient,
    pub sandbox: bool,
}

pub struct SchedulerService {
    octopush: OctopushProvider,
    store: Store,
    clock: SharedClock,
    rules: OrderRules,
}

impl SchedulerService {
    pub fn new(
        octopush: OctopushProvider,
        store: Store,
        clock: SharedClock,
        rules: OrderRules,
    ) -> Self {
        Self {
            octopush,
            store,
            clock,
            rules,
        }
    }

    fn octopush_for(&self, provider: ProviderId) -> Result<&OctopushProvider, AppError> {
        match provider {
            ProviderId::Octopush => Ok(&self.octopush),
            other => Err(AppError::ProviderNotConfigured(other)),
        }
    }
}

fn storage_failure(error: StoreError) -> AppError {
    tracing::error!(%error, "storage failed");
    AppError::Internal(
        "the submission could not be recorded, so nothing was sent; try again".into(),
    )
}

fn provider_failure(provider: ProviderId, error: &OctopushError) -> AppError {
    if error.outcome_unknown() {
        AppError::Unreachable {
            provider,
            message: error.to_string(),
        }
    } else {
        AppError::Provider {
            provider,
            code: error.code().map(|code| code.to_string()),
            message: error.to_string(),
            field: error.field(),
        }
    }
}

#[async_trait]
impl SmsService for SchedulerService {
    fn providers(&self) -> Vec<ProviderInfo> {
        vec![ProviderInfo {
            id: ProviderId::Octopush,
            sandbox: self.octopush.sandbox,
        }]
    }

    async fn schedule(
        &self,
        actor: &Actor,
        request: ScheduleRequest,
    ) -> Result<ScheduleReceipt, AppError> {
        let now = self.clock.now();
        let order = SmsOrder::parse(&request, &self.rules, now).map_err(AppError::Invalid)?;
        let octopush = self.octopush_for(order.provider)?;

        // The id doubles as Octopush's request_id: recorded before the call, so a resend can reuse it.
        let submission_id = Uuid::new_v4().to_string();
        let wire = mapping::send_request(&order, &submission_id);
        self.store
            .insert_submission(&NewSubmission {
                id: submission_id.clone(),
                provider: order.provider.as_str().to_owned(),
                idempotency_key: submission_id.clone(),
                actor: actor.0.clone(),
                message_text: wire.text.clone(),
                recipients: wire
                    .recipients
                    .iter()
                    .map(|r| r.phone_number.clone())
                    .collect(),
                send_at: wire.send_at.clone(),
                time_zone: order.send_at.as_ref().map(|t| t.zone.name().to_owned()),
                simulation: order.simulation,
                created_at: now,
            })
            .await
            .map_err(storage_failure)?;

        match octopush.client.send_campaign(&wire).await {
            Ok(answer) => {
                self.store
                    .mark_accepted(
                        &submission_id,
                        &answer.sms_ticket,
                        Some(answer.total_cost),
                        self.clock.now(),
                    )
                    .await
                    .map_err(storage_failure)?;
                tracing::info!(submission = %submission_id, ticket = %answer.sms_ticket, contacts = answer.number_of_contacts, "octopush accepted a campaign");
                Ok(ScheduleReceipt {
                    submission_id,
                    provider: order.provider,
                    ticket: answer.sms_ticket,
                    contacts: answer.number_of_contacts,
                    sms_needed: answer.number_of_sms_needed,
                    total_cost: Some(answer.total_cost),
                    residual_credit: answer.residual_credit,
                    send_at: wire.send_at,
                    simulation: order.simulation,
                    duplicates: order.duplicates,
                })
            }
            Err(error) => {
                let status = if error.outcome_unknown() {
                    SubmissionStatus::Unknown
                } else {
                    SubmissionStatus::Refused
                };
                let code = error.code().map(|code| code.to_string());
                tracing::warn!(submission = %submission_id, %error, "octopush did not accept a campaign");
                self.store
                    .mark_failed(
                        &submission_id,
                        status,
                        code.as_deref(),
                        &error.to_string(),
                        self.clock.now(),
                    )
                    .await
                    .map_err(storage_failure)?;
                Err(provider_failure(order.provider, &error))
            }
        }
    }

    async fn balance(&self, provider: ProviderId) -> Result<Balance, AppError> {
        let octopush = self.octopush_for(provider)?;
        let balance = octopush
            .client
            .check_balance()
            .await
            .map_err(|error| provider_failure(provider, &error))?;
        Ok(Balance {
            provider,
            amount: balance.amount,
            unit: balance.unit,
        })
    }
}
