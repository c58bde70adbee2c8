//! A kept file's list for a schedule: read again from the store at each pass over it (checking
//! and totals, then recording), a part at a time, so that a long list is never held whole.

use app::models::AppError;
use app::services::Actor;
use std::io;
use std::ops::ControlFlow;
use std::sync::{Arc, OnceLock};
use tokio::runtime::Handle;

use super::recipient_file_reading::{kept_form, KeptRepeatsReport, READING};
use super::recipient_files::{file_gone, RecipientFiles};
use super::store_errors::read_failed;
use crate::domain::number_log::ReadingsLog;
use crate::domain::order::ListSource;
use crate::domain::phone::Region;
use crate::domain::recipients::{find_repeats, read_each, KnownRepeats, ListReport, Recipient};
use crate::domain::row_set::RowSet;
use crate::storage::{FileRepeats, Store};

/// A kept file's recipients, read from the store again at each pass.
struct KeptFileList {
    store: Store,
    id: String,
    recorded_bytes: u64,
    default_region: Region,
    /// Its repeats as its upload found them, when they were kept in the region read in now;
    /// otherwise found again by the first reading, in a pass of their own (sorting the
    /// numbers, as an upload does), and kept with the file for the next.
    repeats: OnceLock<KnownRepeats>,
    /// The numbers the first reading found valid, for the next to take rather than check again.
    numbers: ReadingsLog,
    runtime: Handle,
}

impl KeptFileList {
    fn file(&self) -> impl io::BufRead {
        self.store
            .recipient_file_reader(&self.id, self.recorded_bytes, self.runtime.clone())
    }

    fn repeats(&self) -> io::Result<&KnownRepeats> {
        if let Some(known) = self.repeats.get() {
            return Ok(known);
        }
        let found = find_repeats(self.file(), self.default_region)?;
        let kept = kept_form(
            &found.rows,
            &found.duplicates,
            found.more_duplicates,
            self.default_region,
        );
        // Kept without waiting: on SQLite a long recording may hold the writes for seconds.
        let (store, id) = (self.store.clone(), self.id.clone());
        self.runtime.spawn(async move {
            if let Err(error) = store.keep_recipient_file_repeats(&id, &kept).await {
                // Found again by the next reading, as this one did.
                tracing::warn!(%error, "a file's repeats found again could not be kept");
            }
        });
        Ok(self.repeats.get_or_init(|| found))
    }
}

impl ListSource for KeptFileList {
    /// The first reading logs the numbers it finds valid, and each later one takes them from that
    /// log (`number_log`): a schedule reads its file twice, to check it and to record it.
    fn read(&self, each: &mut dyn FnMut(Recipient) -> ControlFlow<()>) -> io::Result<ListReport> {
        let repeats = self.repeats()?;
        let mut numbers = self.numbers.for_reading();
        let report = read_each(
            self.file(),
            self.default_region,
            repeats,
            &mut numbers,
            each,
        )?;
        self.numbers.after_reading(numbers);
        Ok(report)
    }
}

/// `repeats` as kept, when they were found by this reading in `region` and read back whole; a
/// file kept before, or otherwise, finds its repeats again.
fn kept_repeats(repeats: Option<FileRepeats>, region: Region) -> Option<KnownRepeats> {
    let repeats = repeats.filter(|kept| kept.region == region.code())?;
    let rows = RowSet::from_bytes(&repeats.rows);
    let report = serde_json::from_str::<KeptRepeatsReport>(&repeats.report).ok();
    match (rows, report) {
        (Some(rows), Some(report)) if report.reading == READING => Some(KnownRepeats {
            rows: Arc::new(rows),
            duplicates: report.duplicates,
            more_duplicates: report.more_duplicates,
        }),
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
            repeats: kept_repeats(head.repeats, self.default_region)
                .map_or_else(OnceLock::new, OnceLock::from),
            numbers: ReadingsLog::default(),
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
        let known = kept_repeats(Some(kept("FR", rows.to_bytes())), france).unwrap();
        assert!(known.rows.contains(3) && !known.rows.contains(2));
        assert_eq!(known.more_duplicates, 1);
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
