use chrono::{DateTime, Duration, Utc};
use std::collections::HashSet;

use crate::providers::infobip::wire::{BulkStatus, Platform};
use crate::providers::infobip::MAX_DAYS_AHEAD;
use crate::sandbox::outcome::{stage_at, Outcome, Stage};

/// Infobip refuses a `sendAt` further ahead than this.
pub const MAX_AHEAD: Duration = Duration::days(MAX_DAYS_AHEAD as i64);

#[derive(Debug, Clone, PartialEq)]
pub struct SandboxMessage {
    pub message_id: String,
    pub to: String,
    pub sender: Option<String>,
    pub parts: u32,
    /// Where Infobip pushes this message's delivery report (`webhooks.delivery.url`), if anywhere.
    pub notify_url: Option<String>,
    pub callback_data: Option<String>,
    /// The text as sent, for the logs.
    pub text: String,
    pub campaign_reference_id: Option<String>,
    pub platform: Option<Platform>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SandboxBulk {
    pub bulk_id: String,
    /// `None`: sent at once.
    pub send_at: Option<DateTime<Utc>>,
    pub accepted_at: DateTime<Utc>,
    status: BulkStatus,
    pub messages: Vec<SandboxMessage>,
    pub cost: f64,
}

impl SandboxBulk {
    /// The status as Infobip reports it at `now`: a pending bulk whose time has come is finished.
    pub fn status(&self, now: DateTime<Utc>) -> BulkStatus {
        match (self.status, self.send_at) {
            (BulkStatus::Pending, Some(at)) if at <= now => BulkStatus::Finished,
            (BulkStatus::Pending, None) => BulkStatus::Finished,
            (status, _) => status,
        }
    }

    /// When the messages leave, or `None` while paused or once canceled.
    pub fn send_time(&self) -> Option<DateTime<Utc>> {
        match self.status {
            BulkStatus::Paused | BulkStatus::Canceled => None,
            _ => Some(self.send_at.unwrap_or(self.accepted_at)),
        }
    }
}

/// Why a bulk change is refused, in Infobip's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BulkRefusal {
    NotFound,
    BadRequest(String),
}

#[derive(Debug)]
pub struct SandboxState {
    pub balance: f64,
    pub bulks: Vec<SandboxBulk>,
    message_ids: HashSet<String>,
    /// Messages whose final report was served by `/sms/3/reports` (each is served once).
    reported: HashSet<String>,
    /// Messages whose report was pushed to their webhook (or given up on).
    pushed: HashSet<String>,
}

impl SandboxState {
    pub fn new(balance: f64) -> Self {
        Self {
            balance,
            bulks: Vec::new(),
            message_ids: HashSet::new(),
            reported: HashSet::new(),
            pushed: HashSet::new(),
        }
    }

    pub fn bulk_known(&self, bulk_id: &str) -> bool {
        self.bulks.iter().any(|b| b.bulk_id == bulk_id)
    }

    pub fn message_id_known(&self, message_id: &str) -> bool {
        self.message_ids.contains(message_id)
    }

    pub fn accept(
        &mut self,
        bulk_id: String,
        send_at: Option<DateTime<Utc>>,
        messages: Vec<SandboxMessage>,
        cost: f64,
        now: DateTime<Utc>,
    ) {
        self.message_ids
            .extend(messages.iter().map(|m| m.message_id.clone()));
        self.balance -= cost;
        self.bulks.push(SandboxBulk {
            bulk_id,
            send_at,
            accepted_at: now,
            status: BulkStatus::Pending,
            messages,
            cost,
        });
    }

    /// Final reports not served before that `wanted` keeps, oldest bulk first, at most `limit`;
    /// marks them served.
    pub fn take_reports(
        &mut self,
        wanted: impl Fn(&SandboxBulk, &SandboxMessage) -> bool,
        limit: usize,
        now: DateTime<Utc>,
    ) -> Vec<(SandboxBulk, SandboxMessage, Outcome)> {
        let mut found = Vec::new();
        for bulk in &self.bulks {
            let Some(send_time) = bulk.send_time() else {
                continue;
            };
            for message in &bulk.messages {
                if found.len() == limit {
                    break;
                }
                if let Stage::Done(outcome) = stage_at(&message.to, send_time, now) {
                    if !self.reported.contains(&message.message_id) && wanted(bulk, message) {
                        found.push((bulk.clone(), message.clone(), outcome));
                    }
                }
            }
        }
        self.reported
            .extend(found.iter().map(|(_, m, _)| m.message_id.clone()));
        found
    }

    /// Finished messages with a webhook whose report has not been pushed yet.
    pub fn unpushed(&self, now: DateTime<Utc>) -> Vec<(SandboxBulk, SandboxMessage, Outcome)> {
        let mut found = Vec::new();
        for bulk in &self.bulks {
            let Some(send_time) = bulk.send_time() else {
                continue;
            };
            for message in bulk.messages.iter().filter(|m| m.notify_url.is_some()) {
                if let Stage::Done(outcome) = stage_at(&message.to, send_time, now) {
                    if !self.pushed.contains(&message.message_id) {
                        found.push((bulk.clone(), message.clone(), outcome));
                    }
                }
            }
        }
        found
    }

    pub fn mark_pushed(&mut self, message_id: &str) {
        self.pushed.insert(message_id.to_owned());
    }

    /// Every message that has left or will leave, oldest bulk first, with where it stands at `now`.
    pub fn logs(&self, now: DateTime<Utc>) -> Vec<(&SandboxBulk, &SandboxMessage, Stage)> {
        self.bulks
            .iter()
            .filter_map(|bulk| bulk.send_time().map(|at| (bulk, at)))
            .flat_map(|(bulk, at)| {
                bulk.messages
                    .iter()
                    .map(move |m| (bulk, m, stage_at(&m.to, at, now)))
            })
            .collect()
    }

    /// A scheduled bulk (Infobip lists only those).
    pub fn scheduled(&self, bulk_id: &str) -> Result<&SandboxBulk, BulkRefusal> {
        self.bulks
            .iter()
            .find(|b| b.bulk_id == bulk_id && b.send_at.is_some())
            .ok_or(BulkRefusal::NotFound)
    }

    fn scheduled_mut(&mut self, bulk_id: &str) -> Result<&mut SandboxBulk, BulkRefusal> {
        self.bulks
            .iter_mut()
            .find(|b| b.bulk_id == bulk_id && b.send_at.is_some())
            .ok_or(BulkRefusal::NotFound)
    }

    pub fn reschedule(
        &mut self,
        bulk_id: &str,
        send_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<(), BulkRefusal> {
        if send_at > now + MAX_AHEAD {
            return Err(BulkRefusal::BadRequest(format!(
                "sendAt can be at most {MAX_DAYS_AHEAD} days ahead."
            )));
        }
        if send_at < now {
            return Err(BulkRefusal::BadRequest("sendAt is in the past.".into()));
        }
        let bulk = self.scheduled_mut(bulk_id)?;
        match bulk.status(now) {
            BulkStatus::Pending | BulkStatus::Paused => {
                bulk.send_at = Some(send_at);
                Ok(())
            }
            other => Err(BulkRefusal::BadRequest(format!(
                "A {other:?} bulk cannot be rescheduled."
            ))),
        }
    }

    /// The transitions Infobip allows while a bulk has not left: pause, resume (`PROCESSING`, the
    /// value Infobip documents, or `PENDING`), cancel.
    pub fn change_status(
        &mut self,
        bulk_id: &str,
        target: BulkStatus,
        now: DateTime<Utc>,
    ) -> Result<(), BulkRefusal> {
        let bulk = self.scheduled_mut(bulk_id)?;
        let current = bulk.status(now);
        let allowed = matches!(
            (current, target),
            (BulkStatus::Pending, BulkStatus::Paused)
                | (
                    BulkStatus::Paused,
                    BulkStatus::Pending | BulkStatus::Processing
                )
                | (
                    BulkStatus::Pending | BulkStatus::Paused,
                    BulkStatus::Canceled
                )
        );
        if !allowed {
            return Err(BulkRefusal::BadRequest(format!(
                "Cannot change the status from {current:?} to {target:?}."
            )));
        }
        let resumed = current == BulkStatus::Paused && target != BulkStatus::Canceled;
        // A bulk resumed after its time leaves at once.
        if resumed && bulk.send_at.is_some_and(|at| at < now) {
            bulk.send_at = Some(now);
        }
        // Resumed, it waits for its time again: pending until then, finished after.
        bulk.status = if resumed { BulkStatus::Pending } else { target };
        if target == BulkStatus::Canceled {
            let refund = bulk.cost;
            self.balance += refund;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
