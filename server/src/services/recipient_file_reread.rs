//! A kept file's list for a schedule: read again from the store at each pass over it (checking
//! and totals, then recording), a part at a time, so that a long list is never held whole.

use app::models::AppError;
use app::services::Actor;
use std::io;
use std::ops::ControlFlow;
use std::sync::Arc;
use tokio::runtime::Handle;

use super::recipient_file_reading::{expected_recipients, KeptRepeatsReport, READING};
use super::recipient_files::{file_gone, RecipientFiles};
use super::store_errors::read_failed;
use crate::domain::order::ListSource;
use crate::domain::phone::Region;
use crate::domain::recipients::{read_each, ListReport, Recipient};
use crate::domain::row_set::RowSet;
use crate::storage::{FileRepeats, Store};

/// A kept file's recipients, read from the store again at each pass.
struct KeptFileList {
    store: Store,
    id: String,
    recorded_bytes: u64,
    default_region: Region,
    /// Its repeats as its upload found them, when they were kept in the region read in now:
    /// the rows to leave out, and their report. Otherwise they are found again, in a table of
    /// the numbers seen with room for `expected` numbers (from the file's size).
    repeats: Option<(Arc<RowSet>, KeptRepeatsReport)>,
    expected: usize,
    runtime: Handle,
}

impl ListSource for KeptFileList {
    fn read(&self, each: &mut dyn FnMut(Recipient) -> ControlFlow<()>) -> io::Result<ListReport> {
        let file =
            self.store
                .recipient_file_reader(&self.id, self.recorded_bytes, self.runtime.clone());
        let known = self.repeats.as_ref().map(|(rows, _)| rows.clone());
        let mut report = read_each(file, self.default_region, self.expected, known, each)?;
        if let Some((_, kept)) = &self.repeats {
            report.duplicates = kept.duplicates.clone();
            report.more_duplicates = kept.more_duplicates;
        }
        Ok(report)
    }
}

/// `repeats` as kept, when they were found by this reading in `region` and read back whole; a
/// file kept before, or otherwise, finds its repeats again.
fn kept_repeats(
    repeats: Option<FileRepeats>,
    region: Region,
) -> Option<(Arc<RowSet>, KeptRepeatsReport)> {
    let repeats = repeats.filter(|kept| kept.region == region.code())?;
    let rows = RowSet::from_bytes(&repeats.rows);
    let report = serde_json::from_str::<KeptRepeatsReport>(&repeats.report).ok();
    match (rows, report) {
        (Some(rows), Some(report)) if report.reading == READING => Some((Arc::new(rows), report)),
        (Some(_), Some(_)) => None,
        (rows, report) => {
            let (rows, report) = (rows.is_some(), report.is_some());
            tracing::warn!(
                rows,
                report,
                "a file's kept repeats do not read back: found again"
            );
            None
        }
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
            repeats: kept_repeats(head.repeats, self.default_region),
            expected: expected_recipients(Some(head.recorded_bytes), self.limits.max_recipients),
            runtime: Handle::current(),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_are_used_as_kept_only_when_read_in_the_same_region_and_whole() {
        let mut rows = RowSet::default();
        rows.insert(3);
        let kept = |region: &str, rows: Vec<u8>| FileRepeats {
            rows,
            report: format!(r#"{{"reading":{READING},"duplicates":[],"more_duplicates":1}}"#),
            region: region.into(),
        };
        let france = Region::parse("FR").unwrap();
        let (known, report) = kept_repeats(Some(kept("FR", rows.to_bytes())), france).unwrap();
        assert!(known.contains(3) && !known.contains(2));
        assert_eq!(report.more_duplicates, 1);
        // Read in another region, the same digits may be other numbers: found again.
        assert!(kept_repeats(Some(kept("DE", rows.to_bytes())), france).is_none());
        assert!(kept_repeats(Some(kept("FR", vec![1, 2, 3])), france).is_none());
        assert!(kept_repeats(None, france).is_none());
        // Counted by another reading, the rows may be others: found again.
        let other_reading = FileRepeats {
            report: format!(
                r#"{{"reading":{},"duplicates":[],"more_duplicates":1}}"#,
                READING + 1
            ),
            ..kept("FR", rows.to_bytes())
        };
        assert!(kept_repeats(Some(other_reading), france).is_none());
    }
}
