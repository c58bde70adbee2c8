//! `GET …/control/received`: every message the sandboxes accepted, with the idempotency key it came
//! under, so a test or an integrator in another process can count what reached the "provider".

use axum::extract::State;
use axum::Json;
use serde::{Deserialize, Serialize};

use crate::providers::infobip::wire::BulkStatus;
use crate::sandbox::infobip::InfobipSandbox;
use crate::sandbox::octopush::OctopushSandbox;

/// The sandboxes a control panel reports on (those that are mounted).
#[derive(Clone, Default)]
pub struct MountedSandboxes {
    pub octopush: Option<OctopushSandbox>,
    pub infobip: Option<InfobipSandbox>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Received {
    pub octopush: Vec<ReceivedMessage>,
    pub infobip: Vec<ReceivedMessage>,
}

/// One recipient of one accepted request, as the provider holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceivedMessage {
    /// Octopush's `request_id` or Infobip's `bulkId`, when the request carried one.
    pub key: Option<String>,
    /// Octopush's ticket or Infobip's `messageId`.
    pub reference: String,
    /// The number as the request gave it (Infobip's without `+`).
    pub to: String,
    pub canceled: bool,
}

pub async fn received(State(sandboxes): State<MountedSandboxes>) -> Json<Received> {
    let octopush = sandboxes
        .octopush
        .iter()
        .flat_map(|sandbox| sandbox.accepted_campaigns())
        .flat_map(|campaign| {
            campaign
                .phone_numbers
                .into_iter()
                .map(move |to| ReceivedMessage {
                    key: campaign.request_id.clone(),
                    reference: campaign.ticket.clone(),
                    to,
                    canceled: campaign.canceled,
                })
        })
        .collect();
    let infobip = sandboxes
        .infobip
        .iter()
        .flat_map(|sandbox| sandbox.bulks())
        .flat_map(|bulk| {
            // Cancellation is final, so any instant tells it.
            let canceled = bulk.status(chrono::Utc::now()) == BulkStatus::Canceled;
            bulk.messages
                .into_iter()
                .map(move |message| ReceivedMessage {
                    key: Some(bulk.bulk_id.clone()),
                    reference: message.message_id,
                    to: message.to,
                    canceled,
                })
        })
        .collect();
    Json(Received { octopush, infobip })
}
