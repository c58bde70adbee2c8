use leptos::prelude::*;
use leptos::server_fn::codec::{Json, Postcard};

use crate::domain::ManualOptOutSource;
use crate::models::{AppError, OptOutImport, OptOutPage};

#[server(endpoint = "list_opt_outs", input = Json, output = Postcard)]
pub async fn list_opt_outs(offset: u64, search: String) -> Result<OptOutPage, AppError> {
    crate::services::allowed(crate::models::Right::Read)?;
    crate::services::provided()?
        .opt_outs
        .opt_outs(offset, search)
        .await
}

/// `source`: `operator` for numbers typed in, `import` for a file's content.
#[server(endpoint = "add_opt_outs", input = Json, output = Postcard)]
pub async fn add_opt_outs(
    numbers: String,
    source: ManualOptOutSource,
) -> Result<OptOutImport, AppError> {
    let actor = crate::services::actor()?;
    let services = crate::services::provided()?;
    crate::services::audited(
        &actor,
        crate::models::Right::Send,
        crate::models::AuditAction::AddOptOuts,
        crate::models::AuditSubject::default(),
        services.opt_outs.add_opt_outs(&actor, numbers, source),
        |report, subject| subject.count = Some(report.added.into()),
    )
    .await
}

#[server(endpoint = "remove_opt_out", input = Json, output = Postcard)]
pub async fn remove_opt_out(phone: String) -> Result<(), AppError> {
    let actor = crate::services::actor()?;
    let services = crate::services::provided()?;
    let subject = crate::models::AuditSubject {
        phone: Some(phone.clone()),
        ..Default::default()
    };
    crate::services::audited(
        &actor,
        crate::models::Right::RemoveOptOut,
        crate::models::AuditAction::RemoveOptOut,
        subject,
        services.opt_outs.remove_opt_out(&actor, phone),
        |_, _| {},
    )
    .await
}
