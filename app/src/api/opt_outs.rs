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
    let actor = crate::services::allowed(crate::models::Right::Send)?;
    crate::services::provided()?
        .opt_outs
        .add_opt_outs(&actor, numbers, source)
        .await
}

#[server(endpoint = "remove_opt_out", input = Json, output = Postcard)]
pub async fn remove_opt_out(phone: String) -> Result<(), AppError> {
    let actor = crate::services::allowed(crate::models::Right::RemoveOptOut)?;
    crate::services::provided()?
        .opt_outs
        .remove_opt_out(&actor, phone)
        .await
}
