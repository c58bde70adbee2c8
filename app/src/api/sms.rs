use leptos::prelude::*;
use leptos::server_fn::codec::Json;

use crate::models::{AppError, ScheduleReceipt, ScheduleRequest};

#[server(endpoint = "schedule_sms", input = Json)]
pub async fn schedule_sms(request: ScheduleRequest) -> Result<ScheduleReceipt, AppError> {
    let (service, actor) = crate::services::from_context()?;
    service.schedule(&actor, request).await
}
