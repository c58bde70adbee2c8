use serde::{Deserialize, Serialize};

use super::{DuplicateRecipient, FieldError};

/// Where the composer uploads a recipient file, below the app's base path: `POST` with the file as
/// the body (`Content-Type: text/csv`) and its name in `?name=`.
pub const RECIPIENT_FILES_PATH: &str = "/recipient-files";

/// What the server read in an uploaded recipient file, line by line as it arrived. The file is
/// kept for a day under `id`, for `ScheduleRequest::recipients_file`; the checks that need the
/// message (placeholders, length) come with the preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecipientFileSummary {
    pub id: String,
    /// The file's name, as the upload gave it.
    pub name: String,
    pub bytes: u64,
    /// Numbers read, each once.
    pub recipients: u64,
    /// The first repeated numbers (each sent to once)…
    pub duplicates: Vec<DuplicateRecipient>,
    /// …and how many more.
    pub more_duplicates: u64,
    /// The first errors, by line…
    pub errors: Vec<FieldError>,
    /// …and how many more.
    pub more_errors: u64,
}

impl RecipientFileSummary {
    /// Every error, listed or not.
    pub fn error_count(&self) -> u64 {
        self.errors.len() as u64 + self.more_errors
    }

    /// The lines that are not a recipient because they are wrong, listed or not (the errors
    /// about the whole list, such as too many recipients, are not lines).
    pub fn wrong_lines(&self) -> u64 {
        let listed = self.errors.iter().filter(|e| e.line.is_some()).count();
        listed as u64 + self.more_errors
    }
}
