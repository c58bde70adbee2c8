use leptos::prelude::*;
use leptos::server_fn::codec::{Json, Postcard};

use crate::models::{AppError, ScheduleProgress, ScheduleReceipt, ScheduleRequest};

/// `campaign_id`: a UUID the browser chose, so it can follow the hand-over (`schedule_progress`)
/// and so a repeated request schedules nothing twice; picked here when it is absent, so that the
/// trail names the campaign even when the provider refuses it whole.
#[server(endpoint = "schedule_sms", input = Json, output = Postcard)]
pub async fn schedule_sms(
    request: ScheduleRequest,
    campaign_id: Option<String>,
) -> Result<ScheduleReceipt, AppError> {
    let actor = crate::services::actor()?;
    let services = crate::services::provided()?;
    let chosen = campaign_id.is_some();
    let campaign_id = match campaign_id {
        // Written as it is recorded, so the trail's line and the ledger name it alike.
        Some(chosen) => uuid::Uuid::parse_str(chosen.trim()).map_or(chosen, |id| id.to_string()),
        None => uuid::Uuid::new_v4().to_string(),
    };
    // A refused attempt names only a campaign the caller chose: none was made for it.
    let picked =
        (actor.require(crate::models::Right::Send).is_ok() || chosen).then(|| campaign_id.clone());
    let subject = crate::models::AuditSubject {
        campaign_id: picked,
        ..Default::default()
    };
    crate::services::audited(
        &actor,
        crate::models::Right::Send,
        crate::models::AuditAction::Schedule,
        subject,
        async {
            services
                .limits
                .admit(&actor, crate::models::LimitedAction::Schedule)?;
            services
                .schedule
                .schedule(&actor, request, campaign_id)
                .await
        },
        |receipt, subject| {
            subject.campaign_id = Some(receipt.campaign_id.clone());
            subject.count = Some(receipt.contacts.into());
            subject.detail = receipt.simulation.then(|| "simulation".to_owned());
        },
    )
    .await
}

/// How far the campaign being scheduled has been handed over; `None` until it is recorded.
#[server(endpoint = "schedule_progress", input = Json, output = Postcard)]
pub async fn read_schedule_progress(
    campaign_id: String,
) -> Result<Option<ScheduleProgress>, AppError> {
    crate::services::allowed(crate::models::Right::Read)?;
    crate::services::provided()?
        .schedule
        .schedule_progress(&campaign_id)
        .await
}
