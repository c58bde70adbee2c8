//! `campaign`'s tests.

use super::*;

fn with_counts(counts: &[(RecipientStatus, u64)]) -> CampaignSummary {
    CampaignSummary {
        id: "c".into(),
        name: None,
        sender: None,
        provider: ProviderId::Octopush,
        actor: "ann".into(),
        text: "Hello".into(),
        purpose: Purpose::Alert,
        requested_send_at: None,
        time_zone: "Europe/Paris".into(),
        simulation: false,
        paused: false,
        approval: Approval::NotNeeded,
        recipient_count: counts.iter().map(|(_, n)| n).sum(),
        counts: counts
            .iter()
            .map(|&(status, count)| StatusCount { status, count })
            .collect(),
        created_at: "2026-12-05T09:00:00Z".into(),
        sends: None,
    }
}

#[test]
fn a_campaign_waiting_at_the_provider_is_scheduled_until_one_recipient_moves() {
    use RecipientStatus::{Accepted, Delivered, Excluded, Scheduled};
    let state = |counts: &[_]| with_counts(counts).state();
    assert_eq!(
        state(&[(Scheduled, 2), (Excluded, 1)]),
        CampaignState::Scheduled
    );
    assert_eq!(
        state(&[(Scheduled, 1), (Delivered, 1)]),
        CampaignState::Scheduled
    );
    assert_eq!(
        state(&[(Scheduled, 1), (Accepted, 1)]),
        CampaignState::InProgress
    );
    assert_eq!(
        state(&[(Scheduled, 0), (Delivered, 2)]),
        CampaignState::Finished
    );
}

#[test]
fn a_campaign_canceled_before_any_message_went_reads_canceled_not_finished() {
    use RecipientStatus::{Canceled, Delivered, Excluded, Scheduled};
    let state = |counts: &[_]| with_counts(counts).state();
    assert_eq!(
        state(&[(Scheduled, 0), (Canceled, 2), (Excluded, 1)]),
        CampaignState::Canceled
    );
    // Some went: finished, the counts say how many were canceled.
    assert_eq!(
        state(&[(Canceled, 2), (Delivered, 1)]),
        CampaignState::Finished
    );
    // Nothing canceled (every recipient left out): finished.
    assert_eq!(state(&[(Excluded, 3)]), CampaignState::Finished);
    // Still waiting at the provider: scheduled.
    assert_eq!(
        state(&[(Canceled, 1), (Scheduled, 1)]),
        CampaignState::Scheduled
    );
}

#[test]
fn every_state_has_a_name_read_back() {
    for state in CampaignState::ALL {
        assert_eq!(CampaignState::parse(state.as_str()), Some(state));
    }
}
