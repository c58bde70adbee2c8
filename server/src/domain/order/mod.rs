//! The composer's form turned into an order the providers accept, or every reason it is not one.

use chrono::{DateTime, Utc};
use std::borrow::Cow;

use chrono_tz::Tz;
use std::collections::BTreeMap;

use super::campaign::{CampaignType, OutsideWindow, Purpose};
use super::message::MessageText;
use super::phone::Region;
use super::placeholders::{placeholders_in, render};
use super::provider_options::OrderOptions;
use super::recipients::Recipient;
use super::send_time::SendTime;
use super::sender::SenderId;
use app::models::{DuplicateRecipient, Problem, ProviderId};

mod list_checks;
mod order_recipients;
mod parse;
mod text_pattern;

pub use order_recipients::{ListSource, OrderRecipients};
pub use parse::{OrderFields, ReadOrder};
pub use text_pattern::TextPattern;

use super::recipients::LINE_ERRORS_LISTED as MAX_LINE_ERRORS;

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
            recipients: OrderRecipients::Listed(recipients),
            duplicates: Vec::new(),
            more_duplicates: 0,
            countries: self.countries.clone(),
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
    pub recipients: OrderRecipients,
    /// The first repeated numbers, and how many more (`RecipientList`).
    pub duplicates: Vec<DuplicateRecipient>,
    pub more_duplicates: u64,
    /// The recipients' countries (ISO 3166 codes), each once, in list order: the composer offers
    /// their time zones first.
    pub countries: Vec<String>,
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

#[cfg(test)]
mod tests;
