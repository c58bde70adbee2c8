//! Storage failures as users read them: what failed and what it means for them, never SQL.

use app::models::AppError;

use super::recipient_files::file_gone;
use crate::storage::StoreError;

/// A read failed: nothing changed.
pub fn read_failed(error: StoreError) -> AppError {
    tracing::error!(%error, "storage read failed");
    AppError::Internal(
        "the server could not read its records; nothing was changed, try again".into(),
    )
}

/// The campaign could not be written before its first provider call: nothing was sent.
pub fn campaign_not_recorded(error: StoreError) -> AppError {
    tracing::error!(%error, "campaign not recorded");
    AppError::Internal("the campaign could not be recorded, so nothing was sent; try again".into())
}

/// A write before any provider call failed: nothing was sent or changed.
pub fn not_recorded(error: StoreError) -> AppError {
    tracing::error!(%error, "storage write failed");
    AppError::Internal(
        "the change could not be recorded, so nothing was sent or changed; try again".into(),
    )
}

/// A recipient list read again could not be read: nothing was sent. A file that comes short
/// (swept while it was read) is as good as gone; any other failure is the store's.
pub fn list_unread(error: std::io::Error) -> AppError {
    if error.kind() == std::io::ErrorKind::UnexpectedEof {
        tracing::warn!(%error, "a recipient file came short as it was read again");
        return file_gone();
    }
    tracing::error!(%error, "a recipient list could not be read again");
    AppError::Internal(
        "the server could not read the recipient list; nothing was sent or changed, try again"
            .into(),
    )
}
