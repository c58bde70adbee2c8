//! The audit trail, for approvers and admins.

use leptos::prelude::*;
use leptos::server_fn::codec::{Json, Postcard};

use crate::models::{AppError, AuditFilter, AuditPage};

/// A page of the lines `filter` names, newest first, from `offset`.
#[server(endpoint = "list_audit", input = Json, output = Postcard)]
pub async fn list_audit(filter: AuditFilter, offset: u64) -> Result<AuditPage, AppError> {
    crate::services::allowed(crate::models::Right::ReadAudit)?;
    crate::services::provided()?
        .audit
        .entries(filter, offset)
        .await
}
