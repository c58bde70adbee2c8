//! A list read again, each recipient given to a closure that may stop the reading; its repeats
//! known already (an upload found them in the same bytes) or found as it is read.

use std::cell::Cell;
use std::io::{self, BufRead, Read};
use std::ops::ControlFlow;
use std::rc::Rc;
use std::sync::Arc;

use super::phone::Region;
use super::recipients::{
    read_with, ListReport, Recipient, RecipientSink, Repeats, LINE_ERRORS_LISTED,
};
use super::row_set::RowSet;

/// `read_recipients`, each recipient given to `each` until it says to stop: the reading then
/// stops too, at most a batch of lines later (the report is then of the lines read). With
/// `known_repeats` (the rows an earlier reading of the same bytes found repeating), those rows are
/// left out and no table of the numbers seen is kept (nor are they reported); otherwise the table
/// gets room for `expected` numbers at once.
pub fn read_each(
    source: impl BufRead,
    default_region: Region,
    expected: usize,
    known_repeats: Option<Arc<RowSet>>,
    each: &mut dyn FnMut(Recipient) -> ControlFlow<()>,
) -> io::Result<ListReport> {
    struct Each<'a> {
        each: &'a mut dyn FnMut(Recipient) -> ControlFlow<()>,
        stopped: Rc<Cell<bool>>,
        expected: usize,
    }
    impl RecipientSink for Each<'_> {
        fn recipient(&mut self, recipient: Recipient) {
            if !self.stopped.get() {
                self.stopped.set((self.each)(recipient).is_break());
            }
        }

        fn expected(&self) -> usize {
            self.expected
        }
    }
    let stopped = Rc::new(Cell::new(false));
    let mut sink = Each {
        each,
        stopped: stopped.clone(),
        expected,
    };
    let source = UntilStopped { source, stopped };
    let repeats = known_repeats.map_or(Repeats::AsRead, Repeats::Known);
    read_with(
        source,
        default_region,
        LINE_ERRORS_LISTED,
        &mut sink,
        repeats,
    )
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
