//! What a provider's answer to a hand-over does to the ledger, for the submission and for each of
//! its recipients; shared by the first send and by reconciliation.

use app::models::{EventSource, Notice, RecipientStatus};

use super::answers_together::{AnswersTogether, WaitingAnswer};
use crate::clock::SharedClock;
use crate::providers::{Accepted, ProviderError};
use crate::storage::{Store, StoreError, SubmissionStatus};

#[derive(Clone)]
pub struct SubmissionOutcomes {
    store: Store,
    clock: SharedClock,
    answers: AnswersTogether,
}

/// The same number whether written `+33…` or `33…` (Infobip drops the `+`).
fn same_number(a: &str, b: &str) -> bool {
    a.trim_start_matches('+') == b.trim_start_matches('+')
}

/// Where a submission's recipients stand once the provider has it: scheduled for a later send
/// time, accepted to send at once, or simulated (final: nothing goes out, so the campaign is
/// finished and the frequency cap does not count them).
pub fn handed_over(send_later: bool, simulation: bool) -> RecipientStatus {
    match (simulation, send_later) {
        (true, _) => RecipientStatus::Simulated,
        (false, true) => RecipientStatus::Scheduled,
        (false, false) => RecipientStatus::Accepted,
    }
}

impl SubmissionOutcomes {
    pub fn new(store: Store, clock: SharedClock) -> Self {
        Self {
            answers: AnswersTogether::new(store.clone()),
            store,
            clock,
        }
    }

    /// The provider has the submission: its recipients take `status` (see [`handed_over`]),
    /// except those it refused, named in `accepted.rejected`.
    pub async fn accepted(
        &self,
        submission_id: &str,
        numbers: &[String],
        status: RecipientStatus,
        accepted: &Accepted,
        source: EventSource,
    ) -> Result<(), StoreError> {
        // The provider's refusals of single numbers, by place in the request.
        let refused: Vec<(usize, String)> = accepted
            .rejected
            .iter()
            .filter_map(|rejected| {
                let Some(index) = numbers
                    .iter()
                    .position(|n| same_number(n, &rejected.number))
                else {
                    tracing::warn!(submission = %submission_id, number = %rejected.number, "the provider refused a number we did not send");
                    return None;
                };
                let reason = Notice::ProviderRefused {
                    reason: rejected.reason.clone(),
                };
                Some((index, reason.to_recorded()))
            })
            .collect();
        // Recorded with the other answers that arrive while the ledger's writer is busy.
        self.answers
            .record(WaitingAnswer {
                submission_id: submission_id.to_owned(),
                status,
                refused,
                reference: accepted.reference.clone(),
                total_cost: accepted.total_cost,
                source,
                at: self.clock.now(),
            })
            .await
    }

    /// The call failed: refused (recipients failed) or without an answer (recipients unknown).
    pub async fn failed(
        &self,
        submission_id: &str,
        error: &ProviderError,
        source: EventSource,
    ) -> Result<(), StoreError> {
        let (submission_status, recipient_status, reason) = if error.outcome_unknown() {
            let reason = Notice::Words(error.message.clone());
            (SubmissionStatus::Unknown, RecipientStatus::Unknown, reason)
        } else {
            // With its code, so that each reader is told the refusal in their language.
            let reason = Notice::RequestRefused {
                provider: error.provider,
                code: error.code.clone(),
                words: error.message.clone(),
            };
            (SubmissionStatus::Refused, RecipientStatus::Failed, reason)
        };
        self.settled(
            submission_id,
            submission_status,
            recipient_status,
            error.code.as_deref(),
            &reason,
            source,
        )
        .await
    }

    /// Records a submission's end other than acceptance, with the reason every recipient shows.
    pub async fn settled(
        &self,
        submission_id: &str,
        submission_status: SubmissionStatus,
        recipient_status: RecipientStatus,
        code: Option<&str>,
        reason: &Notice,
        source: EventSource,
    ) -> Result<(), StoreError> {
        // Recipients first: until the submission's status is written, it counts as unfinished,
        // so a crash between the two leaves it to reconciliation.
        let now = self.clock.now();
        let recorded = reason.to_recorded();
        self.store
            .set_submission_recipients(
                submission_id,
                recipient_status,
                Some(&recorded),
                source,
                now,
            )
            .await?;
        // The submission's own record is read by operators, in words.
        self.store
            .mark_failed(
                submission_id,
                submission_status,
                code,
                &reason.to_string(),
                now,
            )
            .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::same_number;

    #[test]
    fn numbers_match_with_or_without_the_plus() {
        assert!(same_number("+33612345678", "33612345678"));
        assert!(same_number("+33612345678", "+33612345678"));
        assert!(!same_number("+33612345678", "33612345679"));
    }
}
