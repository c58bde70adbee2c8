//! The opt-out list by hand: read it a page at a time, add numbers typed in or imported (one per
//! line, or a CSV with a phone column), take a number off. Each change records who made it.

use crate::domain::phone::{PhoneNumber, Region};
use crate::domain::recipients::parse_recipients;
use crate::domain::{ManualOptOutSource, OptOutSource};
use app::domain::column_mapping::{
    guess, header_cells, is_phone_column, names_phone_column, with_header, ColumnTarget,
    PHONE_COLUMNS,
};
use app::domain::line_ends::with_lf;
use app::models::{
    AppError, Field, FieldError, Notice, OptOutEntry, OptOutImport, OptOutPage, Problem, Refusal,
    StillScheduled,
};
use app::services::{Actor, OptOutService};
use async_trait::async_trait;
use std::borrow::Cow;

use super::store_errors::{not_recorded, read_failed};
use crate::clock::SharedClock;
use crate::storage::Store;

/// Entries per page of the list.
pub const OPT_OUTS_PAGE: u32 = 100;
/// Line errors sent back one by one; beyond, a count.
const MAX_ERRORS: usize = 100;

pub struct OptOutList {
    store: Store,
    clock: SharedClock,
    default_region: Region,
}

impl OptOutList {
    pub fn new(store: Store, clock: SharedClock, default_region: Region) -> Self {
        Self {
            store,
            clock,
            default_region,
        }
    }

    /// The scheduled campaigns that still send to `phones`.
    async fn still_scheduled(&self, phones: &[String]) -> Result<Vec<StillScheduled>, AppError> {
        let mut held = Vec::new();
        // A few hundred numbers a query: databases cap the values one statement may bind.
        for chunk in phones.chunks(500) {
            held.extend(
                self.store
                    .held_recipients(chunk)
                    .await
                    .map_err(read_failed)?,
            );
        }
        Ok(held
            .into_iter()
            .map(|h| StillScheduled {
                provider: h.provider,
                phone: h.phone,
                campaign_id: h.campaign_id,
                send_at: h.send_at,
            })
            .collect())
    }

    /// The digits a stored (E.164) number must contain: a whole number in any format as its
    /// E.164 digits, otherwise the digits typed.
    fn searched_digits(&self, search: &str) -> String {
        match PhoneNumber::parse(search, self.default_region) {
            Ok(number) => number.e164().trim_start_matches('+').to_owned(),
            Err(_) => search.chars().filter(char::is_ascii_digit).collect(),
        }
    }
}

#[async_trait]
impl OptOutService for OptOutList {
    async fn opt_outs(&self, offset: u64, search: String) -> Result<OptOutPage, AppError> {
        let digits = self.searched_digits(&search);
        // A search with no digit at all (a name, letters) matches no number: the whole list,
        // which the empty digits would match, would read as every number matching it.
        if digits.is_empty() && !search.trim().is_empty() {
            return Ok(OptOutPage {
                entries: Vec::new(),
                offset,
                has_more: false,
            });
        }
        let mut entries = self
            .store
            .opt_outs(offset, OPT_OUTS_PAGE + 1, &digits)
            .await
            .map_err(read_failed)?;
        let has_more = entries.len() > OPT_OUTS_PAGE as usize;
        entries.truncate(OPT_OUTS_PAGE as usize);
        let phones: Vec<String> = entries.iter().map(|e| e.phone.clone()).collect();
        let held = self.still_scheduled(&phones).await?;
        Ok(OptOutPage {
            entries: entries
                .into_iter()
                .map(|e| OptOutEntry {
                    still_scheduled: held
                        .iter()
                        .filter(|h| h.phone == e.phone)
                        .cloned()
                        .collect(),
                    phone: e.phone,
                    source: e.source,
                    detail: e.detail.as_deref().map(Notice::from_recorded),
                    actor: e.actor,
                    created_at: e.created_at,
                })
                .collect(),
            offset,
            has_more,
        })
    }

    /// Adds every valid number; a list with errors adds nothing, so it can be fixed and sent again
    /// whole.
    async fn add_opt_outs(
        &self,
        actor: &Actor,
        numbers: String,
        source: ManualOptOutSource,
    ) -> Result<OptOutImport, AppError> {
        let source = OptOutSource::from(source);
        let list = parse_recipients(&only_the_phone_column(&numbers), self.default_region);
        if !list.errors.is_empty() {
            let count = list.errors.len();
            let mut errors: Vec<FieldError> = list
                .errors
                .into_iter()
                .take(MAX_ERRORS)
                .map(|e| FieldError {
                    field: Field::OptOutNumbers,
                    ..e
                })
                .collect();
            if count > MAX_ERRORS {
                errors.push(FieldError::new(
                    Field::OptOutNumbers,
                    Problem::MoreLineErrors(count - MAX_ERRORS),
                ));
            }
            return Err(AppError::Invalid(errors));
        }
        if list.recipients.is_empty() {
            return Err(AppError::Invalid(vec![FieldError::new(
                Field::OptOutNumbers,
                Problem::NoNumber,
            )]));
        }
        let now = self.clock.now();
        let mut report = OptOutImport {
            added: 0,
            already_listed: 0,
            repeated: u32::try_from(list.duplicate_count()).unwrap_or(u32::MAX),
            errors: Vec::new(),
            still_scheduled: Vec::new(),
        };
        for recipient in &list.recipients {
            let added = self
                .store
                .add_opt_out(recipient.number.e164(), source, None, &actor.name, now)
                .await
                .map_err(not_recorded)?;
            if added {
                report.added += 1;
            } else {
                report.already_listed += 1;
            }
        }
        let phones: Vec<String> = list
            .recipients
            .iter()
            .map(|r| r.number.e164().to_owned())
            .collect();
        report.still_scheduled = self.still_scheduled(&phones).await?;
        Ok(report)
    }

    async fn remove_opt_out(&self, actor: &Actor, phone: String) -> Result<(), AppError> {
        let number = PhoneNumber::parse(&phone, self.default_region)
            .map_err(|e| AppError::Invalid(vec![FieldError::new(Field::OptOutNumbers, e)]))?;
        let removed = self
            .store
            .remove_opt_out(number.e164(), &actor.name, self.clock.now())
            .await
            .map_err(not_recorded)?;
        if removed {
            Ok(())
        } else {
            Err(AppError::NotFound(Refusal::NotOptedOut(
                number.e164().to_owned(),
            )))
        }
    }
}

/// Whether a cell holds what may be a phone number (four digits or more), not a column's name.
fn holds_a_number(cell: &str) -> bool {
    cell.chars().filter(char::is_ascii_digit).count() >= 4
}

/// `text` with every column of its header but the phone one renamed `ignore`: an export from
/// another tool (emails, names, dates) gives its numbers as they are. Text without a header
/// naming a phone column, or one the composer would take for it, is numbers by line, left as it
/// is.
fn only_the_phone_column(text: &str) -> Cow<'_, str> {
    // Read as the list reads it: without a byte-order mark, every line ending in `\n`.
    let text = with_lf(text.strip_prefix('\u{feff}').unwrap_or(text));
    let (delimiter, cells) = header_cells(&text);
    let names: Vec<&str> = if names_phone_column(&cells) {
        // A phone column keeps its name: two of them are refused by the names the file gives them.
        cells
            .iter()
            .map(|cell| {
                if is_phone_column(cell) {
                    cell.as_str()
                } else {
                    ColumnTarget::Ignored.header_name()
                }
            })
            .collect()
    } else {
        // Named otherwise ("Téléphone", "Mobile"): the one column the composer's mapping would
        // take for the phone, in a header of several columns and no number, so that a typed line
        // ("not a number", "mobile 06 12…") is still read, and refused, as a number. Two such
        // columns ("Mobile;Téléphone fixe") are not chosen between: the header is then refused
        // as a line of numbers, rather than one column's numbers dropped.
        let phone_like: Vec<bool> = cells
            .iter()
            .map(|cell| guess(std::slice::from_ref(cell)) == [ColumnTarget::Phone])
            .collect();
        let one_phone_column = phone_like.iter().filter(|phone| **phone).count() == 1;
        if cells.len() < 2 || cells.iter().any(|cell| holds_a_number(cell)) || !one_phone_column {
            return text;
        }
        phone_like
            .iter()
            .map(|phone| {
                if *phone {
                    PHONE_COLUMNS[0]
                } else {
                    ColumnTarget::Ignored.header_name()
                }
            })
            .collect()
    };
    Cow::Owned(with_header(&text, delimiter, &names))
}
