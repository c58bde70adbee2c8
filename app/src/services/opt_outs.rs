//! The opt-out list: the numbers no campaign may reach.

use async_trait::async_trait;

use super::Actor;
use crate::domain::ManualOptOutSource;
use crate::models::{AppError, OptOutImport, OptOutPage};

#[async_trait]
pub trait OptOutService: Send + Sync + 'static {
    /// A page of the list from `offset`, newest first; with `search`, the numbers containing its
    /// digits (a whole number in national format is read as the international one).
    async fn opt_outs(&self, offset: u64, search: String) -> Result<OptOutPage, AppError>;

    /// Adds the numbers in `numbers` (one per line, or a CSV with a phone column), typed in or
    /// from a file as `source` says.
    async fn add_opt_outs(
        &self,
        actor: &Actor,
        numbers: String,
        source: ManualOptOutSource,
    ) -> Result<OptOutImport, AppError>;

    /// Takes a number off the list; says so when it was not on it.
    async fn remove_opt_out(&self, actor: &Actor, phone: String) -> Result<(), AppError>;
}
