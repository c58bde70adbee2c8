//! A list read again, each recipient given to a closure that may stop the reading; its repeats
//! known already (an upload found them in the same bytes) or found first, by sorting its numbers.

use std::cell::Cell;
use std::io::{self, BufRead, Read};
use std::ops::ControlFlow;
use std::rc::Rc;
use std::sync::Arc;

use super::number_log::Numbers;
use super::phone::Region;
use super::recipients::{
    read_repeats_last, read_with, ListReport, Recipient, RecipientSink, Repeats, LINE_ERRORS_LISTED,
};
use super::row_set::RowSet;
use app::models::DuplicateRecipient;

/// A list's repeats as a reading of the same bytes found them: the rows to leave out when it is
/// read again, and their report (the first `DUPLICATES_LISTED`, then a count).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KnownRepeats {
    pub rows: Arc<RowSet>,
    pub duplicates: Vec<DuplicateRecipient>,
    pub more_duplicates: u64,
}

/// `source`'s repeats, found by sorting its numbers (`read_repeats_last`): a pass over the list
/// that keeps none of it.
pub fn find_repeats(source: impl BufRead, default_region: Region) -> io::Result<KnownRepeats> {
    struct RowsOnly(RowSet);
    impl RecipientSink for RowsOnly {
        fn recipient(&mut self, _: Recipient) {}

        fn repeats(&mut self, rows: RowSet) {
            self.0 = rows;
        }
    }
    let mut rows = RowsOnly(RowSet::default());
    let report = read_repeats_last(source, default_region, 0, &mut rows)?;
    Ok(KnownRepeats {
        rows: Arc::new(rows.0),
        duplicates: report.duplicates,
        more_duplicates: report.more_duplicates,
    })
}

/// Reads a list again, each recipient given to `each` until it says to stop: the reading then
/// stops too, at most two batches of lines later (the report's errors are then of the lines read).
/// The rows of `repeats` are left out, and the report's repeats are theirs, the whole list's: no
/// table of the numbers seen. The rows' numbers come as `numbers` says (an earlier reading's log
/// spares checking them again).
pub fn read_each(
    source: impl BufRead,
    default_region: Region,
    repeats: &KnownRepeats,
    numbers: &mut Numbers,
    each: &mut dyn FnMut(Recipient) -> ControlFlow<()>,
) -> io::Result<ListReport> {
    struct Each<'a> {
        each: &'a mut dyn FnMut(Recipient) -> ControlFlow<()>,
        stopped: Rc<Cell<bool>>,
    }
    impl RecipientSink for Each<'_> {
        fn recipient(&mut self, recipient: Recipient) {
            if !self.stopped.get() {
                self.stopped.set((self.each)(recipient).is_break());
            }
        }
    }
    let stopped = Rc::new(Cell::new(false));
    let mut sink = Each {
        each,
        stopped: stopped.clone(),
    };
    let source = UntilStopped { source, stopped };
    let mut report = read_with(
        source,
        default_region,
        LINE_ERRORS_LISTED,
        &mut sink,
        Repeats::Known(repeats.rows.clone()),
        numbers,
    )?;
    report.duplicates = repeats.duplicates.clone();
    report.more_duplicates = repeats.more_duplicates;
    Ok(report)
}

/// A source that ends once its reader is told to stop.
struct UntilStopped<R> {
    source: R,
    stopped: Rc<Cell<bool>>,
}

impl<R: BufRead> Read for UntilStopped<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.stopped.get() {
            return Ok(0);
        }
        self.source.read(out)
    }
}

impl<R: BufRead> BufRead for UntilStopped<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.stopped.get() {
            return Ok(&[]);
        }
        self.source.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        self.source.consume(amount);
    }
}
