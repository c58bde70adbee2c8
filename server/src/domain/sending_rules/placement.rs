//! What becomes of a recipient the rules have checked: sent at the requested time, moved to the
//! next allowed one, left out, or sent anyway, as the campaign chose.

use chrono::{DateTime, Utc};

use super::policy::RuleCheck;
use crate::domain::campaign::OutsideWindow;
use app::models::{Notice, Then};

/// When, or whether, a recipient is sent once the campaign's choice is applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placement {
    Send {
        at: DateTime<Utc>,
        /// Set when the time was moved to the next allowed one.
        deferred: bool,
        /// Notes on the placement; for a recipient sent outside a required window on purpose,
        /// the `SentAnyway` notice with the user's reason.
        warnings: Vec<Notice>,
    },
    Excluded {
        /// Boxed as the plan keeps it: most recipients are sent.
        reason: Box<Notice>,
    },
}

impl RuleCheck {
    /// Applies the campaign's choice for recipients outside a required window.
    pub fn place(self, requested: DateTime<Utc>, choice: &OutsideWindow) -> Placement {
        let mut warnings = self.notes;
        let Some(outside) = self.outside else {
            return Placement::Send {
                at: requested,
                deferred: false,
                warnings,
            };
        };
        let notice = |then| Notice::Outside {
            policy: outside.policy.clone(),
            window: outside.window.clone(),
            closed: outside.closed.clone(),
            then,
        };
        if !outside.enforced {
            warnings.push(notice(Then::Advised));
            return Placement::Send {
                at: requested,
                deferred: false,
                warnings,
            };
        }
        match choice {
            OutsideWindow::Defer => match outside.next_allowed {
                Some(next) => {
                    warnings.push(notice(Then::Deferred));
                    Placement::Send {
                        at: next,
                        deferred: true,
                        warnings,
                    }
                }
                None => Placement::Excluded {
                    reason: Box::new(notice(Then::NoTimeWithinAYear)),
                },
            },
            OutsideWindow::Skip => Placement::Excluded {
                reason: Box::new(notice(Then::Skipped)),
            },
            OutsideWindow::Override { reason } => {
                warnings.push(notice(Then::SentAnyway {
                    reason: reason.clone(),
                }));
                Placement::Send {
                    at: requested,
                    deferred: false,
                    warnings,
                }
            }
        }
    }
}
