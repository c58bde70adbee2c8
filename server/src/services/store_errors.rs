//! Storage failures as users read them: what failed and what it means for them, never SQL.

use app::models::AppError;

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
