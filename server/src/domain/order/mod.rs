//! The composer's form turned into an order the providers accept, or every reason it is not one.

use chrono::{DateTime, Utc};
use std::borrow::Cow;

use chrono_tz::Tz;
use std::collections::BTreeMap;

use super::campaign::{CampaignType, OutsideWindow, Purpose};
use super::campaign_name::campaign_name;
use super::message::MessageText;
use super::opt_out_mention::missing_mention;
use super::phone::Region;
use super::placeholders::{placeholders_in, render};
use super::provider_options::OrderOptions;
use super::recipients::{parse_recipients, Recipient, RecipientList};
use super::send_time::{parse_zone, SendTime, SendTimeError};
use super::sender::SenderId;
use app::models::{DuplicateRecipient, Field, FieldError, Problem, ProviderId, ScheduleRequest};

/// Line errors reported one by one; beyond, one summary says how many more there are.
const MAX_LINE_ERRORS: usize = 100;

/// Limits that depend on the deployment rather than on the form.
#[derive(Debug, Clone)]
pub struct OrderRules {
    /// Region whose national format numbers without `+` are read in.
    pub default_region: Region,
    /// Most recipients one campaign may name.
    pub max_recipients: usize,
    /// The opt-out mention French marketing through Infobip must carry (the account's STOP
    /// number); `None`: not configured, so such a campaign is refused.
    pub infobip_stop_mention: Option<String>,
}

/// A recipient of the order. The text they receive is made from their values when it is needed
/// (`SmsOrder::text_for`), not kept: a long list would hold every text at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonalisedRecipient {
    pub recipient: Recipient,
}

impl SmsOrder {
    /// Nothing is to be sent: the provider only checks and prices it.
    pub fn simulation(&self) -> bool {
        self.options.simulation()
    }

    /// The text `recipient` receives: the template filled in with their values when it has
    /// placeholders (each recipient's was checked as the order was read).
    pub fn text_for(&self, recipient: &PersonalisedRecipient) -> Cow<'_, MessageText> {
        if !self.personalised {
            return Cow::Borrowed(&self.text);
        }
        let text = personalised_text(self.text.as_str(), &recipient.recipient)
            .expect("each recipient's text was checked as the order was read");
        Cow::Owned(text)
    }

    /// The same order for a subset of its recipients, sent at `send_at` (`None`: now).
    pub fn batch(&self, recipients: Vec<PersonalisedRecipient>, send_at: Option<SendTime>) -> Self {
        Self {
            name: self.name.clone(),
            provider: self.provider,
            text: self.text.clone(),
            personalised: self.personalised,
            recipients,
            duplicates: Vec::new(),
            more_duplicates: 0,
            campaign_type: self.campaign_type,
            sender: self.sender.clone(),
            send_at,
            time_zone: self.time_zone,
            outside_window: self.outside_window.clone(),
            local_time: self.local_time,
            purpose: self.purpose,
            options: self.options,
        }
    }

    /// The instant the campaign asks for: its send time, or `now` when sent immediately.
    pub fn requested_instant(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        self.send_at
            .as_ref()
            .map_or(now, |t| t.instant.with_timezone(&Utc))
    }

    /// The recipients' countries (ISO 3166 codes), each once, in list order: the composer offers
    /// their time zones first.
    pub fn countries(&self) -> Vec<String> {
        let mut countries: Vec<String> = Vec::new();
        let regions = self
            .recipients
            .iter()
            .filter_map(|r| r.recipient.number.region());
        for region in regions {
            if !countries.iter().any(|c| c == region) {
                countries.push(region.to_owned());
            }
        }
        countries
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmsOrder {
    /// The campaign's name, trimmed; `None`: none given.
    pub name: Option<String>,
    pub provider: ProviderId,
    /// The text as written, placeholders included.
    pub text: MessageText,
    /// The text has placeholders: each recipient's is made from their values.
    pub personalised: bool,
    /// Each one's text is made when needed (`text_for`).
    pub recipients: Vec<PersonalisedRecipient>,
    /// The first repeated numbers, and how many more (`RecipientList`).
    pub duplicates: Vec<DuplicateRecipient>,
    pub more_duplicates: u64,
    pub campaign_type: CampaignType,
    pub sender: Option<SenderId>,
    /// `None`: send now.
    pub send_at: Option<SendTime>,
    /// The campaign's zone: the send time is read in it, and it stands in for recipients whose
    /// zone is not known.
    pub time_zone: Tz,
    pub outside_window: OutsideWindow,
    /// `send_at` is a wall-clock time read in each recipient's zone.
    pub local_time: bool,
    pub purpose: Purpose,
    /// The provider's own options (only Octopush's simulate).
    pub options: OrderOptions,
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
        let mut errors = Vec::new();

        let text = MessageText::parse(&request.text)
            .map_err(|e| errors.push(FieldError::new(Field::Text, e)))
            .ok();
        if let Err(e) = placeholders_in(&request.text) {
            errors.push(FieldError::new(Field::Text, e));
        }
        let more_duplicates = list.more_duplicates;
        let personalised = has_placeholders(&request.text);
        let (recipients, duplicates, line_errors) = personalise(list, &request.text, personalised);
        if let Some(problem) = missing_mention(
            request.provider,
            request.purpose,
            &request.text,
            recipients.iter().map(|r| &r.recipient.number),
            rules.infobip_stop_mention.as_deref(),
        ) {
            errors.push(FieldError::new(Field::Text, problem));
        }
        // Line errors go where the form's other errors would list them.
        let line_errors_at = errors.len();
        let mut set_aside = Vec::new();
        push_line_errors(&mut set_aside, line_errors);
        if recipients.is_empty()
            && set_aside.is_empty()
            && errors.iter().all(|e| e.field != Field::Recipients)
        {
            errors.push(FieldError::new(Field::Recipients, Problem::NoRecipient));
        }
        if recipients.len() > rules.max_recipients {
            errors.push(FieldError::new(
                Field::Recipients,
                Problem::TooManyRecipients {
                    count: recipients.len(),
                    max: rules.max_recipients,
                },
            ));
        }

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
        if let Some(time) = &send_at {
            if let Some(days) = max_days_ahead {
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

        if !errors.is_empty() || recipients.is_empty() {
            errors.splice(line_errors_at..line_errors_at, set_aside);
            return Err(errors);
        }
        let order = Self {
            name: name.expect("checked above"),
            provider: request.provider,
            text: text.expect("checked above"),
            personalised,
            recipients,
            duplicates,
            more_duplicates,
            campaign_type: request.campaign_type,
            sender,
            send_at,
            time_zone,
            outside_window: request.outside_window.clone(),
            local_time: request.local_time,
            purpose: request.purpose,
            options,
        };
        Ok((order, set_aside))
    }
}

/// Fills the template in for each recipient; a placeholder without a value is an error on that
/// recipient's line, and so is a filled-in text over the length limit.
fn personalise(
    list: RecipientList,
    template: &str,
    personalised: bool,
) -> (
    Vec<PersonalisedRecipient>,
    Vec<app::models::DuplicateRecipient>,
    Vec<FieldError>,
) {
    let mut errors = list.errors;
    // Collected where the list was (same layout): a long list is not held twice.
    let recipients = list
        .recipients
        .into_iter()
        .filter_map(|recipient| {
            if personalised {
                if let Err(problem) = personalised_text(template, &recipient) {
                    errors.push(FieldError::on_line(
                        Field::Recipients,
                        recipient.line,
                        problem,
                    ));
                    return None;
                }
            }
            Some(PersonalisedRecipient { recipient })
        })
        .collect();
    errors.sort_by_key(|e| e.line);
    (recipients, list.duplicates, errors)
}

/// Whether `template` has placeholders. Unknown ones are reported once, on the text, by
/// `MessageText`'s caller.
fn has_placeholders(template: &str) -> bool {
    placeholders_in(template).is_ok_and(|names| !names.is_empty())
}

/// `template` filled in with `recipient`'s values, or why it cannot be sent to them.
fn personalised_text(template: &str, recipient: &Recipient) -> Result<MessageText, Problem> {
    let values: BTreeMap<&str, &str> = recipient.fields.iter().collect();
    render(template, &values)
        .map_err(Problem::from)
        .and_then(|text| MessageText::parse(&text).map_err(Problem::PersonalisedText))
}

/// Adds line errors, the first ones one by one and the rest as a count, so that a wrong file
/// gives a readable answer.
fn push_line_errors(errors: &mut Vec<FieldError>, line_errors: Vec<FieldError>) {
    let total = line_errors.len();
    errors.extend(line_errors.into_iter().take(MAX_LINE_ERRORS));
    if total > MAX_LINE_ERRORS {
        errors.push(FieldError::new(
            Field::Recipients,
            Problem::MoreLineErrors(total - MAX_LINE_ERRORS),
        ));
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

#[cfg(test)]
mod tests;
