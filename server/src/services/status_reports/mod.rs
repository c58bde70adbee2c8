//! What the providers tell us after the hand-over, from webhooks or from polling: delivery reports
//! move recipients in the ledger (once each), replies are kept, and a STOP puts the number on the
//! opt-out list.

pub mod infobip;
pub mod octopush;

use app::domain::OptOutSource;
use app::models::{EventSource, Notice};
use chrono::{DateTime, Datelike, Utc};

use crate::clock::SharedClock;
use crate::providers::infobip::wire::{DeliveryReport, InboundMessage as InfobipInbound};
use crate::providers::octopush::callbacks::{Callback, CallbackError};
use crate::storage::{InboundMessage, ReportOutcome, StatusReport, Store, StoreError};

/// Who acted, for an opt-out the recipient asked for.
const RECIPIENT_ACTOR: &str = "recipient";

/// The time a provider gives for an event, when the ledger can keep it: a four-digit year, as
/// RFC 3339 writes and reads it back (chrono reads `+262000-01-01…` too, which a stored row could
/// not be read from). Otherwise the time the report reached us.
pub fn reported_time(reported: Option<DateTime<Utc>>, received_at: DateTime<Utc>) -> DateTime<Utc> {
    reported
        .filter(|at| (1..=9999).contains(&at.year()))
        .unwrap_or(received_at)
}

#[derive(Debug, thiserror::Error)]
pub enum IntakeError {
    #[error(transparent)]
    Body(#[from] CallbackError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What one delivery of reports did, for logs and tests.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct IntakeSummary {
    /// Reports that moved a recipient or were added to its history.
    pub recorded: u32,
    /// Reports seen before.
    pub duplicates: u32,
    /// Reports about no recipient of ours (another tool's messages on the same account).
    pub unknown: u32,
    /// Replies stored, opt-outs included.
    pub replies: u32,
    /// Numbers newly put on the opt-out list.
    pub opt_outs: u32,
}

#[derive(Clone)]
pub struct ReportIntake {
    store: Store,
    clock: SharedClock,
}

impl ReportIntake {
    pub fn new(store: Store, clock: SharedClock) -> Self {
        Self { store, clock }
    }

    /// One Octopush callback body: a delivery report, a reply or a STOP.
    pub async fn octopush_callback(&self, body: &[u8]) -> Result<IntakeSummary, IntakeError> {
        let now = self.clock.now();
        let mut summary = IntakeSummary::default();
        match Callback::parse(body)? {
            Callback::DeliveryReport(report) => {
                self.report(&octopush::delivery_report(&report, now), &mut summary)
                    .await?;
            }
            Callback::Reply(reply) => {
                self.reply(octopush::reply(&reply, now), now, &mut summary)
                    .await?;
            }
            Callback::Stop(stop) => {
                self.reply(octopush::stop(&stop, now), now, &mut summary)
                    .await?;
            }
        }
        Ok(summary)
    }

    /// Infobip delivery reports, pushed to the webhook or fetched by the poller (`source` says which).
    pub async fn infobip_reports(
        &self,
        reports: &[DeliveryReport],
        source: EventSource,
    ) -> Result<IntakeSummary, StoreError> {
        let now = self.clock.now();
        let mut summary = IntakeSummary::default();
        for report in reports {
            match infobip::delivery_report(report, source, now) {
                Some(report) => self.report(&report, &mut summary).await?,
                None => summary.unknown += 1,
            }
        }
        Ok(summary)
    }

    /// Infobip inbound messages (replies to our numbers).
    pub async fn infobip_inbound(
        &self,
        messages: &[InfobipInbound],
    ) -> Result<IntakeSummary, StoreError> {
        let now = self.clock.now();
        let mut summary = IntakeSummary::default();
        for message in messages {
            if let Some(reply) = infobip::inbound(message, now) {
                self.reply(reply, now, &mut summary).await?;
            }
        }
        Ok(summary)
    }

    async fn report(
        &self,
        report: &StatusReport,
        summary: &mut IntakeSummary,
    ) -> Result<(), StoreError> {
        match self.store.apply_report(report).await? {
            ReportOutcome::Applied | ReportOutcome::Kept => summary.recorded += 1,
            ReportOutcome::Duplicate => summary.duplicates += 1,
            ReportOutcome::Unknown => {
                tracing::info!(key = ?report.key, status = report.status.as_str(), "report about no recipient of ours");
                summary.unknown += 1;
            }
        }
        Ok(())
    }

    async fn reply(
        &self,
        reply: InboundMessage,
        now: DateTime<Utc>,
        summary: &mut IntakeSummary,
    ) -> Result<(), StoreError> {
        if self.store.record_inbound(&reply, now).await? {
            summary.replies += 1;
        }
        if reply.opt_out {
            let detail = Notice::StopReply {
                provider: reply.provider.as_str().to_owned(),
                text: reply.text.clone(),
            }
            .to_recorded();
            if self
                .store
                .add_opt_out(
                    &reply.phone,
                    OptOutSource::StopReply,
                    Some(&detail),
                    RECIPIENT_ACTOR,
                    reply.received_at,
                )
                .await?
            {
                tracing::info!(phone = %reply.phone, provider = %reply.provider, "number opted out by reply");
                summary.opt_outs += 1;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::reported_time;
    use chrono::{TimeZone, Utc};

    #[test]
    fn a_reported_time_the_ledger_cannot_keep_is_the_time_it_arrived() {
        let received = Utc.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).unwrap();
        let reported = Utc.with_ymd_and_hms(2026, 12, 7, 8, 59, 0).unwrap();
        assert_eq!(reported_time(Some(reported), received), reported);
        assert_eq!(reported_time(None, received), received);
        for year in [262_000, 10_000, 0, -262_000] {
            let far = Utc.with_ymd_and_hms(year, 1, 1, 0, 0, 0).unwrap();
            assert_eq!(reported_time(Some(far), received), received, "{far}");
        }
    }
}
