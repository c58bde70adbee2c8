use leptos::prelude::*;
use leptos::server_fn::codec::{Json, Postcard};

use crate::models::{
    AppError, CampaignDetail, CampaignDraft, CampaignFilter, CampaignOperation, CampaignPage,
    CampaignPreview, OperationReport, RecipientEvent, RecipientStatus, ScheduleRequest,
};

#[server(endpoint = "preview_campaign", input = Json, output = Postcard)]
pub async fn preview_campaign(
    request: ScheduleRequest,
    offset: u64,
) -> Result<CampaignPreview, AppError> {
    let actor = crate::services::allowed_within_limit(
        crate::models::Right::Send,
        crate::models::LimitedAction::Preview,
    )?;
    crate::services::provided()?
        .schedule
        .preview(&actor, request, offset)
        .await
}

#[server(
    endpoint = "list_campaigns",
    input = Json,
    output = Postcard,
    client = crate::conditional_client::ConditionalClient
)]
pub async fn list_campaigns(
    before: Option<String>,
    filter: CampaignFilter,
) -> Result<CampaignPage, AppError> {
    crate::services::allowed(crate::models::Right::Read)?;
    crate::services::provided()?
        .campaigns
        .campaigns(before, filter)
        .await
}

#[server(
    endpoint = "get_campaign",
    input = Json,
    output = Postcard,
    client = crate::conditional_client::ConditionalClient
)]
pub async fn get_campaign(
    id: String,
    status: Option<RecipientStatus>,
    offset: u64,
) -> Result<CampaignDetail, AppError> {
    let actor = crate::services::allowed(crate::models::Right::Read)?;
    let detail = crate::services::provided()?
        .campaigns
        .campaign(&id, status, offset)
        .await?;
    Ok(crate::services::as_seen_by(&actor, detail))
}

#[server(endpoint = "refused_again", input = Json, output = Postcard)]
pub async fn refused_again(id: String) -> Result<CampaignDraft, AppError> {
    crate::services::allowed(crate::models::Right::Send)?;
    crate::services::provided()?
        .campaigns
        .refused_again(&id)
        .await
}

#[server(endpoint = "campaign_again", input = Json, output = Postcard)]
pub async fn campaign_again(id: String) -> Result<CampaignDraft, AppError> {
    crate::services::allowed(crate::models::Right::Send)?;
    crate::services::provided()?
        .campaigns
        .campaign_again(&id)
        .await
}

#[server(endpoint = "recipient_history", input = Json, output = Postcard)]
pub async fn recipient_history(recipient_id: String) -> Result<Vec<RecipientEvent>, AppError> {
    crate::services::allowed(crate::models::Right::Read)?;
    crate::services::provided()?
        .campaigns
        .recipient_history(&recipient_id)
        .await
}

#[server(endpoint = "operate_campaign", input = Json, output = Postcard)]
pub async fn operate_campaign(
    id: String,
    operation: CampaignOperation,
) -> Result<OperationReport, AppError> {
    let actor = crate::services::actor()?;
    let services = crate::services::provided()?;
    let subject = crate::models::AuditSubject {
        campaign_id: Some(id.clone()),
        detail: match &operation {
            CampaignOperation::Reschedule { send_at } => Some(send_at.clone()),
            CampaignOperation::Cancel | CampaignOperation::Pause | CampaignOperation::Resume => {
                None
            }
        },
        ..Default::default()
    };
    crate::services::audited(
        &actor,
        crate::models::Right::OperateOwn,
        crate::models::AuditAction::of_operation(&operation),
        subject,
        services.operations.operate(&actor, &id, operation),
        |_, _| {},
    )
    .await
}
