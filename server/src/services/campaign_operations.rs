//! Cancel, move, pause and resume a scheduled campaign, through its provider where the provider
//! can, otherwise refused with the reason. Each provider request of the campaign still waiting is
//! changed at the provider first, then in the ledger; every operation is recorded with who asked.

use crate::domain::phone::{PhoneNumber, Region};
use crate::domain::send_time::{parse_zone, SendTime};
use crate::domain::sending_rules::{zone_of_region, RecipientZone, SendingPolicies};
use crate::domain::Purpose;
use app::models::{
    AppError, CampaignActionKind, CampaignOperation, EventSource, Field, FieldError, Notice,
    OperationReport, Problem, RecipientStatus, RuleBreak,
};
use app::services::{Actor, OperationService};
use async_trait::async_trait;
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use tracing::Instrument;

use super::campaign_views::no_campaign;
use super::operation_availability::refusal;
use super::store_errors::read_failed;
use crate::clock::SharedClock;
use crate::providers::ProviderSet;
use crate::providers::{ProviderError, SmsProvider};
use crate::storage::{CampaignRecord, CampaignSubmission, Store, StoreError};

/// Recorded as the source of ledger moves an operator asked for.
const SOURCE: EventSource = EventSource::Operator;
/// A move must leave the provider this long before the new time.
const MIN_LEAD: Duration = Duration::minutes(2);
/// Recipients named one by one when a move breaks the sending rules; beyond, a count.
const MAX_NAMED: usize = 5;

pub struct CampaignOperations {
    store: Store,
    providers: ProviderSet,
    clock: SharedClock,
    policies: SendingPolicies,
    default_region: Region,
}

impl CampaignOperations {
    pub fn new(
        store: Store,
        providers: ProviderSet,
        clock: SharedClock,
        policies: SendingPolicies,
        default_region: Region,
    ) -> Self {
        Self {
            store,
            providers,
            clock,
            policies,
            default_region,
        }
    }
}

#[async_trait]
impl OperationService for CampaignOperations {
    async fn operate(
        &self,
        actor: &Actor,
        campaign_id: &str,
        operation: CampaignOperation,
    ) -> Result<OperationReport, AppError> {
        // Every line of the operation names the campaign.
        let span = tracing::info_span!("campaign", campaign = %campaign_id);
        self.run(actor, campaign_id, operation)
            .instrument(span)
            .await
    }
}

impl CampaignOperations {
    async fn run(
        &self,
        actor: &Actor,
        campaign_id: &str,
        operation: CampaignOperation,
    ) -> Result<OperationReport, AppError> {
        let now = self.clock.now();
        let campaign = self
            .store
            .campaign(campaign_id)
            .await
            .map_err(read_failed)?
            .ok_or_else(|| no_campaign(campaign_id))?;
        actor.require_operate(&campaign.actor)?;
        let provider_id = campaign.provider;
        let provider = self.providers.get(provider_id)?.clone();
        let waiting = self
            .store
            .waiting_requests(campaign_id)
            .await
            .map_err(read_failed)?;
        let kind = operation.kind();
        let name = kind.as_str();
        let capabilities = provider.info().capabilities;
        if let Some(why) = refusal(kind, &campaign, &waiting, Some(&capabilities), now) {
            return Err(AppError::NotAllowed(why));
        }
        let new_time = match &operation {
            CampaignOperation::Reschedule { send_at } => Some(
                self.new_send_time(&campaign, send_at, capabilities.max_days_ahead, now)
                    .await?,
            ),
            CampaignOperation::Cancel | CampaignOperation::Pause | CampaignOperation::Resume => {
                None
            }
        };

        // The campaign's own clock, for its page and its history.
        let zone = parse_zone(&campaign.time_zone).unwrap_or(Tz::UTC);
        let on_campaign_clock = |at: &DateTime<Utc>| {
            format!(
                "{} {}",
                at.with_timezone(&zone).format("%Y-%m-%d %H:%M"),
                zone.name()
            )
        };
        // What each moved recipient's history says, in the page's language.
        let moved = new_time.map(|at| {
            Notice::MovedTo {
                at: on_campaign_clock(&at),
                refused: Vec::new(),
            }
            .to_recorded()
        });
        let mut report = OperationReport {
            campaign_id: campaign_id.to_owned(),
            operation: kind,
            done: 0,
            refused: Vec::new(),
            recipients_moved: 0,
        };
        let mut first_error = None;
        let submissions = self
            .store
            .waiting_submissions(campaign_id)
            .await
            .map_err(read_failed)?;
        for submission in &submissions {
            match self
                .apply(
                    provider.as_ref(),
                    &operation,
                    &submission.reference,
                    new_time,
                )
                .await
            {
                Ok(()) => {
                    report.done += 1;
                    match self
                        .record(
                            &operation,
                            submission,
                            new_time,
                            moved.as_deref(),
                            actor,
                            now,
                        )
                        .await
                    {
                        Ok(moved) => report.recipients_moved += moved,
                        Err(error) => {
                            tracing::error!(submission = %submission.id, %error, "operation done at the provider but not recorded")
                        }
                    }
                }
                Err(error) => {
                    tracing::warn!(submission = %submission.id, %error, operation = name, "provider refused the operation");
                    report
                        .refused
                        .push(format!("{}: {}", submission.reference, error.message));
                    first_error.get_or_insert(error);
                }
            }
        }
        if report.done > 0 {
            // A cancel gives credit back: the next balance shown is read from the provider.
            self.providers.balance_changed(provider_id);
        }
        if matches!(
            operation,
            CampaignOperation::Pause | CampaignOperation::Resume
        ) && report.done > 0
        {
            let paused = matches!(operation, CampaignOperation::Pause);
            if let Err(error) = self.store.set_paused(campaign_id, paused).await {
                tracing::error!(campaign = %campaign_id, %error, "pause state not recorded");
            }
        }
        if let (Some(at), true) = (&new_time, report.done > 0) {
            let requested = at.with_timezone(&zone).to_rfc3339();
            if let Err(error) = self
                .store
                .set_requested_send_at(campaign_id, &requested)
                .await
            {
                tracing::error!(campaign = %campaign_id, %error, "new send time not recorded on the campaign");
            }
        }
        let detail = match (&new_time, report.refused.is_empty()) {
            (Some(at), _) => Some(Notice::MovedTo {
                at: on_campaign_clock(at),
                refused: report.refused.clone(),
            }),
            (None, false) => Some(Notice::OperationRefused {
                refused: report.refused.clone(),
            }),
            (None, true) => None,
        }
        .map(|notice| notice.to_recorded());
        if let Err(error) = self
            .store
            .record_action(
                campaign_id,
                &actor.name,
                CampaignActionKind::Operation(kind),
                detail.as_deref(),
                now,
            )
            .await
        {
            tracing::error!(campaign = %campaign_id, %error, "action not recorded");
        }
        match first_error {
            Some(error) if report.done == 0 => Err(error.into()),
            _ => Ok(report),
        }
    }
}

impl CampaignOperations {
    async fn apply(
        &self,
        provider: &dyn SmsProvider,
        operation: &CampaignOperation,
        reference: &str,
        new_time: Option<DateTime<Utc>>,
    ) -> Result<(), ProviderError> {
        match operation {
            CampaignOperation::Cancel => provider.cancel(reference).await,
            CampaignOperation::Reschedule { .. } => {
                provider
                    .reschedule(reference, new_time.expect("parsed before"))
                    .await
            }
            CampaignOperation::Pause => provider.pause(reference).await,
            CampaignOperation::Resume => provider.resume(reference).await,
        }
    }

    /// The ledger's side of an operation the provider carried out; returns recipients moved.
    async fn record(
        &self,
        operation: &CampaignOperation,
        submission: &CampaignSubmission,
        new_time: Option<DateTime<Utc>>,
        // The history's words for a move (`Notice::MovedTo`, recorded).
        moved: Option<&str>,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<u64, StoreError> {
        match operation {
            CampaignOperation::Cancel => {
                self.store
                    .set_submission_recipients(
                        &submission.id,
                        RecipientStatus::Canceled,
                        Some(
                            &Notice::CanceledBy {
                                actor: actor.name.clone(),
                            }
                            .to_recorded(),
                        ),
                        SOURCE,
                        now,
                    )
                    .await
            }
            CampaignOperation::Reschedule { .. } => {
                self.store
                    .move_submission(
                        &submission.id,
                        new_time.expect("parsed before"),
                        moved.expect("made with the new time"),
                        SOURCE,
                        now,
                    )
                    .await
            }
            CampaignOperation::Pause | CampaignOperation::Resume => Ok(0),
        }
    }

    /// The new time, read in the campaign's zone, checked against the provider's horizon and, for
    /// marketing, against the sending rules for every recipient still waiting.
    async fn new_send_time(
        &self,
        campaign: &CampaignRecord,
        send_at: &str,
        max_days_ahead: Option<u32>,
        now: DateTime<Utc>,
    ) -> Result<DateTime<Utc>, AppError> {
        let invalid =
            |problem: Problem| AppError::Invalid(vec![FieldError::new(Field::NewSendAt, problem)]);
        let time = SendTime::parse(send_at, &campaign.time_zone, now + MIN_LEAD)
            .map_err(|e| invalid(e.into()))?;
        let at = time.instant.with_timezone(&Utc);
        if let Some(days) = max_days_ahead {
            if at > now + Duration::days(i64::from(days)) {
                return Err(invalid(Problem::MoveTooFarAhead(days)));
            }
        }
        if campaign.purpose != Purpose::Marketing {
            return Ok(at);
        }
        let mut broken = Vec::new();
        let mut offset = 0;
        loop {
            let page = self
                .store
                .campaign_recipients(&campaign.id, None, offset, 1000)
                .await
                .map_err(read_failed)?;
            if page.is_empty() {
                break;
            }
            offset += page.len() as u64;
            for recipient in page
                .iter()
                .filter(|r| r.status == RecipientStatus::Scheduled)
            {
                let Ok(number) = PhoneNumber::parse(&recipient.phone, self.default_region) else {
                    continue;
                };
                let region = number.region();
                let zone = region.map_or(RecipientZone::Unknown, zone_of_region);
                let check = self
                    .policies
                    .check(Purpose::Marketing, region, &zone, time.zone, at);
                if let Some(finding) = check.outside.filter(|f| f.enforced) {
                    broken.push(RuleBreak {
                        line: recipient.line,
                        phone: recipient.phone.clone(),
                        closed: finding.closed,
                    });
                }
            }
        }
        if broken.is_empty() {
            return Ok(at);
        }
        let count = broken.len();
        broken.truncate(MAX_NAMED);
        Err(invalid(Problem::TimeBreaksRules {
            count,
            named: broken,
        }))
    }
}
