//! A request naming an uploaded recipient file (`recipients_file`) is planned from the file: read
//! again from the store at each of a schedule's passes, or back as text when the campaign may be
//! held (what is kept for an approval is then what the file held), or as the list its previews
//! share.

use app::models::{AppError, Field, FieldError, Problem, ScheduleRequest};
use app::services::Actor;

use super::recipient_files::line_errors;
use super::scheduler::{off_the_workers, Scheduler};
use super::scheduler_planning::ListInput;
use crate::domain::recipients::RecipientList;
use std::sync::Arc;

impl Scheduler {
    /// `request`, and the list of the file it names, for a schedule: read again from the store
    /// at each pass, or, when rules may hold the campaign for approval, put in the form as text,
    /// so that what is kept for the approval is what the file held.
    pub(super) async fn with_file_read(
        &self,
        actor: &Actor,
        mut request: ScheduleRequest,
    ) -> Result<(ScheduleRequest, ListInput), AppError> {
        if self.rules.approval.rules.is_empty() {
            let Some(id) = named_file(&mut request)? else {
                return Ok((request, ListInput::Typed));
            };
            let source = self.files.reread(actor, &id).await?;
            Ok((request, ListInput::Reread(source)))
        } else {
            let request = self.with_uploaded_list(actor, request).await?;
            Ok((request, ListInput::Typed))
        }
    }

    /// `request` with its uploaded list, if it names one, in place of typed recipients.
    async fn with_uploaded_list(
        &self,
        actor: &Actor,
        mut request: ScheduleRequest,
    ) -> Result<ScheduleRequest, AppError> {
        let Some(id) = named_file(&mut request)? else {
            return Ok(request);
        };
        // Read back a few at a time, as lists are read: each holds a whole file.
        let _turn = self.heavy_turn().await;
        let bytes = self.files.content(actor, &id).await?;
        request.recipients = match String::from_utf8(bytes) {
            Ok(text) => text,
            // Its lines that are not text are errors, as they were in the upload's answer.
            Err(not_text) => {
                let bytes = not_text.into_bytes();
                let region = self.rules.order.default_region;
                let errors = off_the_workers(move || line_errors(&bytes, region)).await?;
                return Err(AppError::Invalid(errors));
            }
        };
        Ok(request)
    }

    /// The recipients of the file `request` names, if it names one, read once for all its
    /// previews (`RecipientFiles::recipients`).
    pub(super) async fn uploaded_list(
        &self,
        actor: &Actor,
        request: &mut ScheduleRequest,
    ) -> Result<Option<Arc<RecipientList>>, AppError> {
        let Some(id) = named_file(request)? else {
            return Ok(None);
        };
        let _turn = self.heavy_turn().await;
        Ok(Some(self.files.recipients(actor, &id).await?))
    }
}

/// The file `request` names, taken out of it; naming one and typing recipients too is an error.
fn named_file(request: &mut ScheduleRequest) -> Result<Option<String>, AppError> {
    let Some(id) = request.recipients_file.take() else {
        return Ok(None);
    };
    if !request.recipients.trim().is_empty() {
        let problem = FieldError::new(Field::Recipients, Problem::FileAndTypedRecipients);
        return Err(AppError::Invalid(vec![problem]));
    }
    Ok(Some(id))
}
