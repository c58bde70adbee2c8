//! A request naming an uploaded recipient file (`recipients_file`) is planned from the file, read
//! again from the store at each pass of a preview or a schedule; or, when the campaign may be
//! held for approval, read back as text into the form, so that what is kept for the approval is
//! what the file held.

use app::models::{AppError, Field, FieldError, Problem, ScheduleRequest};
use app::services::Actor;

use super::list_pass::ListInput;
use super::recipient_files::line_errors;
use super::scheduler::{off_the_workers, Scheduler};

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
            let list = self.uploaded_list(actor, &mut request).await?;
            Ok((request, list))
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

    /// Where the recipients of `request` are read from: the file it names (taken out of it),
    /// read again at each pass, or its own.
    pub(super) async fn uploaded_list(
        &self,
        actor: &Actor,
        request: &mut ScheduleRequest,
    ) -> Result<ListInput, AppError> {
        match named_file(request)? {
            Some(id) => Ok(ListInput::Reread(self.files.reread(actor, &id).await?)),
            None => Ok(ListInput::Typed),
        }
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
