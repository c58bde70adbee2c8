//! The composer's form read into an order: its fields, then its list, read already or read from
//! a kept file in a pass that may plan each recipient as it goes.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use std::io;
use std::ops::ControlFlow;
use std::sync::Arc;

use super::list_checks::{ListChecks, ListFound};
use super::SmsOrder;
use super::{has_placeholders, ListSource, OrderRecipients, OrderRules, PersonalisedRecipient};
use crate::domain::campaign::OutsideWindow;
use crate::domain::campaign_name::campaign_name;
use crate::domain::message::MessageText;
use crate::domain::placeholders::placeholders_in;
use crate::domain::provider_options::OrderOptions;
use crate::domain::recipients::{parse_recipients, RecipientList};
use crate::domain::send_time::{parse_zone, SendTime, SendTimeError};
use crate::domain::sender::SenderId;
use app::models::{DuplicateRecipient, Field, FieldError, Problem, ScheduleRequest};

/// An order read, or every problem; with its list's lines in error set aside when they are the
/// only problems and other lines are right (what a preview shows while the list is fixed; such
/// an order is never scheduled).
pub type ReadOrder = Result<(SmsOrder, Vec<FieldError>), Vec<FieldError>>;

/// The form's fields but its list, read: what an order is before its recipients.
pub struct OrderFields {
    /// The order without recipients, when every field is right.
    order: Option<SmsOrder>,
    /// The text's problems, listed first as the form shows them…
    text_errors: Vec<FieldError>,
    /// …and, after the list's, the other fields'.
    other_errors: Vec<FieldError>,
}

impl SmsOrder {
    /// Checks every field and reports all problems at once. `max_days_ahead` is the chosen
    /// provider's horizon, as its `Capabilities` declare it.
    pub fn parse(
        request: &ScheduleRequest,
        rules: &OrderRules,
        max_days_ahead: Option<u32>,
        now: DateTime<Utc>,
    ) -> Result<Self, Vec<FieldError>> {
        let list = parse_recipients(&request.recipients, rules.default_region);
        Self::parse_with_list(request, list, rules, max_days_ahead, now)
    }

    /// `parse`, the recipients read already (an uploaded file's) in place of `request`'s.
    pub fn parse_with_list(
        request: &ScheduleRequest,
        list: RecipientList,
        rules: &OrderRules,
        max_days_ahead: Option<u32>,
        now: DateTime<Utc>,
    ) -> Result<Self, Vec<FieldError>> {
        match Self::parse_setting_aside(request, list, rules, max_days_ahead, now)? {
            (order, set_aside) if set_aside.is_empty() => Ok(order),
            (_, set_aside) => Err(set_aside),
        }
    }

    /// `parse_with_list`, except that when the only errors are on lines of the list and other
    /// lines are right, the order of those lines comes with the errors: what a preview shows
    /// while the list is being fixed. Such an order is never to be scheduled.
    pub fn parse_setting_aside(
        request: &ScheduleRequest,
        list: RecipientList,
        rules: &OrderRules,
        max_days_ahead: Option<u32>,
        now: DateTime<Utc>,
    ) -> Result<(Self, Vec<FieldError>), Vec<FieldError>> {
        Self::fields(request, max_days_ahead, now).with_list(request, list, rules)
    }

    /// The form's fields but its list (`OrderFields::with_list`, `with_reread_list`).
    pub fn fields(
        request: &ScheduleRequest,
        max_days_ahead: Option<u32>,
        now: DateTime<Utc>,
    ) -> OrderFields {
        let mut text_errors = Vec::new();
        let text = MessageText::parse(&request.text)
            .map_err(|e| text_errors.push(FieldError::new(Field::Text, e)))
            .ok();
        if let Err(e) = placeholders_in(&request.text) {
            text_errors.push(FieldError::new(Field::Text, e));
        }
        let mut errors = Vec::new();
        let name = campaign_name(&request.name)
            .map_err(|problem| errors.push(FieldError::new(Field::Name, problem)));
        let sender = if request.sender.trim().is_empty() {
            None
        } else {
            SenderId::parse(&request.sender)
                .map_err(|e| errors.push(FieldError::new(Field::Sender, e)))
                .ok()
        };
        let send_at = parse_send_at(request, now)
            .map_err(|e| errors.push(e))
            .ok()
            .flatten();
        if let (Some(time), Some(days)) = (&send_at, max_days_ahead) {
            if time.instant > now + chrono::Duration::days(i64::from(days)) {
                errors.push(FieldError::new(
                    Field::SendAt,
                    Problem::TooFarAhead {
                        provider: request.provider,
                        days,
                    },
                ));
            }
        }
        let time_zone = if request.time_zone.trim().is_empty() {
            Tz::UTC
        } else {
            parse_zone(&request.time_zone)
                .map_err(|e| {
                    if !errors.iter().any(|err| err.field == Field::TimeZone) {
                        errors.push(FieldError::new(Field::TimeZone, e));
                    }
                })
                .unwrap_or(Tz::UTC)
        };
        if let OutsideWindow::Override { reason } = &request.outside_window {
            if reason.trim().is_empty() {
                errors.push(FieldError::new(
                    Field::OutsideWindow,
                    Problem::OverrideReasonMissing,
                ));
            }
        }
        let options = OrderOptions::parse(request.provider, &request.options)
            .map_err(|problems| {
                errors.extend(
                    problems
                        .into_iter()
                        .map(|p| FieldError::new(Field::ProviderOptions, p)),
                )
            })
            .unwrap_or(OrderOptions::none(request.provider));
        let right = text_errors.is_empty() && errors.is_empty();
        let order = right.then(|| Self {
            name: name.expect("checked above"),
            provider: request.provider,
            text: text.expect("checked above"),
            personalised: has_placeholders(&request.text),
            recipients: OrderRecipients::Listed(Vec::new()),
            duplicates: Vec::new(),
            more_duplicates: 0,
            countries: Vec::new(),
            campaign_type: request.campaign_type,
            sender,
            send_at,
            time_zone,
            outside_window: request.outside_window.clone(),
            local_time: request.local_time,
            purpose: request.purpose,
            options,
        });
        OrderFields {
            order,
            text_errors,
            other_errors: errors,
        }
    }
}

impl OrderFields {
    /// The order as far as its fields go (no recipients yet), when they are right.
    pub fn order(&self) -> Option<&SmsOrder> {
        self.order.as_ref()
    }

    /// The order of `list`'s recipients; see `SmsOrder::parse_setting_aside`.
    pub fn with_list(
        self,
        request: &ScheduleRequest,
        list: RecipientList,
        rules: &OrderRules,
    ) -> ReadOrder {
        let mut checks = ListChecks::new(&request.text);
        // Collected where the list was (same layout): a long list is not held twice.
        let recipients: Vec<PersonalisedRecipient> = list
            .recipients
            .into_iter()
            .filter_map(|recipient| {
                checks
                    .check(&recipient)
                    .then_some(PersonalisedRecipient { recipient })
            })
            .collect();
        let found = checks.finish(request, rules, list.errors, 0);
        let recipients = OrderRecipients::Listed(recipients);
        self.with_recipients(found, recipients, list.duplicates, list.more_duplicates)
    }

    /// The order of the list `source` reads, checked in one pass as `with_list` checks a list
    /// read already (lines in error set aside alike); when the fields are right, each recipient
    /// that can be sent also goes to `each` (the plan's first pass, a preview's page). Its
    /// recipients are read again from `source` at each later pass.
    pub fn with_reread_list(
        self,
        request: &ScheduleRequest,
        source: Arc<dyn ListSource>,
        rules: &OrderRules,
        mut each: impl FnMut(&SmsOrder, &PersonalisedRecipient),
    ) -> io::Result<ReadOrder> {
        let mut checks = ListChecks::new(&request.text);
        let order = self.order.as_ref();
        let report = source.read(&mut |recipient| {
            if checks.check(&recipient) {
                if let Some(order) = order {
                    each(order, &PersonalisedRecipient { recipient });
                }
            }
            ControlFlow::Continue(())
        })?;
        let more_read = usize::try_from(report.more_errors).unwrap_or(usize::MAX);
        let some_unmade = checks.unmade() > 0;
        let found = checks.finish(request, rules, report.errors, more_read);
        let recipients = OrderRecipients::Reread {
            source,
            count: found.count as u64,
            unmade: some_unmade.then(|| request.text.clone()),
        };
        Ok(self.with_recipients(found, recipients, report.duplicates, report.more_duplicates))
    }

    /// The order, when its fields and list are right; the list's lines in error are set aside
    /// when they are the only errors and other lines are right.
    fn with_recipients(
        self,
        found: ListFound,
        recipients: OrderRecipients,
        duplicates: Vec<DuplicateRecipient>,
        more_duplicates: u64,
    ) -> ReadOrder {
        let mut errors = self.text_errors;
        if let Some(problem) = found.missing_mention {
            errors.push(FieldError::new(Field::Text, problem));
        }
        for problem in found.unvalued {
            errors.push(FieldError::new(Field::Recipients, problem));
        }
        // Line errors go where the form's other errors would list them.
        let line_errors_at = errors.len();
        let set_aside = found.line_errors;
        if found.count == 0
            && set_aside.is_empty()
            && errors.iter().all(|e| e.field != Field::Recipients)
        {
            errors.push(FieldError::new(Field::Recipients, Problem::NoRecipient));
        }
        if let Some(problem) = found.too_many {
            errors.push(FieldError::new(Field::Recipients, problem));
        }
        errors.extend(self.other_errors);
        match self.order {
            Some(order) if errors.is_empty() && found.count > 0 => {
                let order = SmsOrder {
                    recipients,
                    duplicates,
                    more_duplicates,
                    countries: found.countries,
                    ..order
                };
                Ok((order, set_aside))
            }
            Some(_) | None => {
                errors.splice(line_errors_at..line_errors_at, set_aside);
                Err(errors)
            }
        }
    }
}

fn parse_send_at(
    request: &ScheduleRequest,
    now: DateTime<Utc>,
) -> Result<Option<SendTime>, FieldError> {
    match (request.send_now, request.send_at.trim().is_empty()) {
        (true, true) => return Ok(None),
        (true, false) => return Err(FieldError::new(Field::SendAt, SendTimeError::NowAndTime)),
        // A half-typed time reaches the server empty: never read as "now".
        (false, true) => return Err(FieldError::new(Field::SendAt, SendTimeError::Missing)),
        (false, false) => {}
    }
    if let Err(e) = parse_zone(&request.time_zone) {
        return Err(FieldError::new(Field::TimeZone, e));
    }
    SendTime::parse(&request.send_at, &request.time_zone, now)
        .map(Some)
        .map_err(|e| {
            let field = match e {
                SendTimeError::UnknownZone(_) => Field::TimeZone,
                SendTimeError::Unparsable(_)
                | SendTimeError::Skipped { .. }
                | SendTimeError::InPast { .. }
                | SendTimeError::Missing
                | SendTimeError::NowAndTime
                | SendTimeError::BeyondHorizon { .. } => Field::SendAt,
            };
            FieldError::new(field, e)
        })
}
