//! An order's recipients: a list read already, or a kept file read again at each pass over it, so
//! that a long list is never held whole (a pass holds one recipient at a time).

use std::borrow::Cow;
use std::fmt;
use std::io;
use std::ops::ControlFlow;
use std::sync::Arc;

use super::{PersonalisedRecipient, TextPattern};
use crate::domain::recipients::{ListReport, Recipient};

/// A recipient list read again from its start at each call, the same each time (a kept file,
/// which never changes once read).
pub trait ListSource: Send + Sync {
    /// Gives each recipient to `each`, in list order and repeated numbers left out, until `each`
    /// says to stop; and what the reading found besides (repeats, lines in error).
    fn read(&self, each: &mut dyn FnMut(Recipient) -> ControlFlow<()>) -> io::Result<ListReport>;
}

#[derive(Clone)]
pub enum OrderRecipients {
    /// Read already: a typed list (a held campaign's form is one).
    Listed(Vec<PersonalisedRecipient>),
    /// Read again from `source` at each pass; its first pass found `count` that can be sent.
    Reread {
        source: Arc<dyn ListSource>,
        count: u64,
        /// The template, when the first pass found recipients whose text it cannot make (set
        /// aside for a preview): they are left out again at each pass.
        unmade: Option<String>,
    },
}

impl OrderRecipients {
    pub fn count(&self) -> u64 {
        match self {
            Self::Listed(list) => list.len() as u64,
            Self::Reread { count, .. } => *count,
        }
    }

    /// Gives each recipient that can be sent to `each`, in list order, until it says to stop. A
    /// list read again fails only when its source does.
    pub fn for_each(
        &self,
        mut each: impl FnMut(Cow<'_, PersonalisedRecipient>) -> ControlFlow<()>,
    ) -> io::Result<()> {
        match self {
            Self::Listed(list) => {
                for recipient in list {
                    if each(Cow::Borrowed(recipient)).is_break() {
                        break;
                    }
                }
                Ok(())
            }
            Self::Reread { source, unmade, .. } => {
                let unmade = unmade.as_deref().map(TextPattern::new);
                let mut personalised = |recipient| {
                    if unmade
                        .as_ref()
                        .is_some_and(|text| text.stats_for(&recipient).is_err())
                    {
                        return ControlFlow::Continue(());
                    }
                    each(Cow::Owned(PersonalisedRecipient { recipient }))
                };
                source.read(&mut personalised).map(drop)
            }
        }
    }

    /// The recipients of an order handed to a provider in one request: a batch
    /// (`SmsOrder::batch`) or a typed list, read already by construction; a list read again at
    /// each pass is only ever handed over in batches.
    pub fn in_request(&self) -> &[PersonalisedRecipient] {
        self.listed()
            .expect("a provider request carries a batch, whose recipients are read already")
    }

    /// The recipients when they are read already.
    pub fn listed(&self) -> Option<&[PersonalisedRecipient]> {
        match self {
            Self::Listed(list) => Some(list),
            Self::Reread { .. } => None,
        }
    }
}

impl PartialEq for OrderRecipients {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Listed(mine), Self::Listed(theirs)) => mine == theirs,
            (
                Self::Reread { source, count, .. },
                Self::Reread {
                    source: theirs,
                    count: their_count,
                    ..
                },
            ) => Arc::ptr_eq(source, theirs) && count == their_count,
            (Self::Listed(_), Self::Reread { .. }) | (Self::Reread { .. }, Self::Listed(_)) => {
                false
            }
        }
    }
}

impl Eq for OrderRecipients {}

impl fmt::Debug for OrderRecipients {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Listed(list) => f.debug_tuple("Listed").field(list).finish(),
            Self::Reread { count, .. } => f.debug_struct("Reread").field("count", count).finish(),
        }
    }
}
