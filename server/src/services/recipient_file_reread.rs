//! A kept file's list for a schedule: read again from the store at each pass over it (checking
//! and totals, then recording), a part at a time, so that a long list is never held whole.

use app::models::AppError;
use app::services::Actor;
use std::io;
use std::ops::ControlFlow;
use std::sync::Arc;
use tokio::runtime::Handle;

use super::recipient_file_reading::expected_recipients;
use super::recipient_files::{file_gone, RecipientFiles};
use super::store_errors::read_failed;
use crate::domain::order::ListSource;
use crate::domain::phone::Region;
use crate::domain::recipients::{read_each, ListReport, Recipient};
use crate::storage::Store;

/// A kept file's recipients, read from the store again at each pass.
struct KeptFileList {
    store: Store,
    id: String,
    recorded_bytes: u64,
    default_region: Region,
    /// Room for the numbers seen, from the file's size.
    expected: usize,
    runtime: Handle,
}

impl ListSource for KeptFileList {
    fn read(&self, each: &mut dyn FnMut(Recipient) -> ControlFlow<()>) -> io::Result<ListReport> {
        let file =
            self.store
                .recipient_file_reader(&self.id, self.recorded_bytes, self.runtime.clone());
        read_each(file, self.default_region, self.expected, each)
    }
}

impl RecipientFiles {
    /// File `id`'s list, for `actor` who uploaded it within `KEPT_FOR`, to be read again at each
    /// pass of a preview or a schedule; its passes block, so they run on the blocking pool.
    pub async fn reread(&self, actor: &Actor, id: &str) -> Result<Arc<dyn ListSource>, AppError> {
        let head = self
            .store
            .recipient_file_head(id)
            .await
            .map_err(read_failed)?;
        let head = match head {
            Some(head) if self.usable_by(actor, &head.owner, head.created_at) => head,
            Some(_) | None => return Err(file_gone()),
        };
        Ok(Arc::new(KeptFileList {
            store: self.store.clone(),
            id: id.to_owned(),
            recorded_bytes: head.recorded_bytes,
            default_region: self.default_region,
            expected: expected_recipients(Some(head.recorded_bytes), self.limits.max_recipients),
            runtime: Handle::current(),
        }))
    }
}
