use serde::{Deserialize, Serialize};

use super::{ApprovalReason, Notice, ProviderId};
use crate::domain::{CampaignType, OutsideWindow, Purpose};

/// The composer's form, as the user filled it in. Unknown fields are refused: a flag the server
/// does not read (say, a simulation flag from an older client) must never be silently dropped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduleRequest {
    /// A name to tell the campaign apart in the list (at most `CAMPAIGN_NAME_MAX` characters);
    /// empty: none.
    #[serde(default)]
    pub name: String,
    pub provider: ProviderId,
    pub text: String,
    /// One number per line, international (`+33…`) or national to the default region.
    pub recipients: String,
    /// An uploaded list the recipients come from instead (`recipients` then empty): the id its
    /// upload answered (`POST …/recipient-files`, see `RecipientFileSummary`).
    #[serde(default)]
    pub recipients_file: Option<String>,
    pub campaign_type: CampaignType,
    /// Empty: the provider's default sender.
    pub sender: String,
    /// `YYYY-MM-DDTHH:MM` wall-clock time in `time_zone`; empty with `send_now`.
    pub send_at: String,
    /// Send at once: an explicit choice, never the meaning of an empty `send_at`.
    #[serde(default)]
    pub send_now: bool,
    /// IANA name, e.g. `Europe/Paris`.
    pub time_zone: String,
    pub purpose: Purpose,
    /// What to do with recipients the sending rules keep from receiving it at the requested time.
    #[serde(default)]
    pub outside_window: OutsideWindow,
    /// Read `send_at` in each recipient's own time zone rather than in `time_zone`.
    #[serde(default)]
    pub local_time: bool,
    /// The chosen provider's own options.
    #[serde(default)]
    pub options: ProviderOptions,
}

/// A form filled from a campaign already scheduled, for the composer to check and confirm as a
/// new campaign: the campaign's own form, or its settings with its list (values and time zones
/// included) or only the recipients the provider refused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignDraft {
    pub request: ScheduleRequest,
    /// How many recipients its list holds (a CSV's header and cells over several lines make
    /// counting its lines wrong).
    pub recipients: u64,
}

/// The options only one provider offers, as the user filled them in; the composer sends only
/// the chosen provider's, and the server refuses another's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProviderOptions {
    /// Octopush: validate and price, send nothing (Octopush's `simulation_mode`). Infobip has no
    /// such mode: its requests always send.
    #[serde(default)]
    pub simulation: bool,
    /// Octopush: the provider picks a number as sender so that recipients can reply.
    #[serde(default)]
    pub with_replies: bool,
    /// Octopush: leave out the numbers on the account's blacklist (Octopush charges a fee for it
    /// on every request).
    #[serde(default)]
    pub remove_blacklisted: bool,
    /// Infobip: a flash SMS, shown on the phone's screen at once and not kept in its inbox.
    #[serde(default)]
    pub flash: bool,
    /// Infobip: how many minutes it keeps trying to deliver, as typed; empty: Infobip's default.
    #[serde(default)]
    pub validity_minutes: String,
}

impl ProviderOptions {
    /// Only the options `provider` offers, the others as if never set: what the composer sends
    /// once the user has switched providers.
    pub fn for_provider(&self, provider: ProviderId) -> Self {
        let offers = |option: ProviderOption| option.provider() == provider;
        Self {
            simulation: offers(ProviderOption::Simulation) && self.simulation,
            with_replies: offers(ProviderOption::WithReplies) && self.with_replies,
            remove_blacklisted: offers(ProviderOption::RemoveBlacklisted)
                && self.remove_blacklisted,
            flash: offers(ProviderOption::Flash) && self.flash,
            validity_minutes: if offers(ProviderOption::Validity) {
                self.validity_minutes.clone()
            } else {
                String::new()
            },
        }
    }
}

impl ProviderOptions {
    /// The options set, whichever provider they belong to.
    pub fn chosen(&self) -> impl Iterator<Item = ProviderOption> {
        [
            (self.simulation, ProviderOption::Simulation),
            (self.with_replies, ProviderOption::WithReplies),
            (self.remove_blacklisted, ProviderOption::RemoveBlacklisted),
            (self.flash, ProviderOption::Flash),
            (
                !self.validity_minutes.trim().is_empty(),
                ProviderOption::Validity,
            ),
        ]
        .into_iter()
        .filter_map(|(set, option)| set.then_some(option))
    }
}

/// One of the options of [`ProviderOptions`], to name it in a problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProviderOption {
    Simulation,
    WithReplies,
    RemoveBlacklisted,
    Flash,
    Validity,
}

impl ProviderOption {
    /// The one provider that offers it.
    pub fn provider(self) -> ProviderId {
        match self {
            ProviderOption::Simulation
            | ProviderOption::WithReplies
            | ProviderOption::RemoveBlacklisted => ProviderId::Octopush,
            ProviderOption::Flash | ProviderOption::Validity => ProviderId::Infobip,
        }
    }
}

/// A number that appeared more than once; only its first line is sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuplicateRecipient {
    pub line: u32,
    pub first_line: u32,
    pub number: String,
    /// Its line's values (placeholders, time zone) are not the first line's: the message it
    /// would have had is not sent. Such lines are listed before the others.
    #[serde(default)]
    pub other_values: bool,
}

/// A recipient the provider refused while accepting the rest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RejectedRecipient {
    pub number: String,
    pub reason: String,
}

/// A recipient left out before submission, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExcludedRecipient {
    pub line: u32,
    pub number: String,
    pub reason: Notice,
}

/// Something the user should know about one recipient that did not stop the send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecipientWarning {
    pub line: u32,
    pub number: String,
    pub notice: Notice,
}

/// How one provider request of the campaign went.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum SubmissionOutcome {
    Accepted,
    /// The provider said no; its words.
    Refused(String),
    /// No answer: the provider may have it; it is reconciled later.
    Unknown(Box<Notice>),
}

/// One provider request of the campaign.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubmissionReceipt {
    pub submission_id: String,
    /// The provider's name for it (Octopush `sms_ticket`, Infobip `bulkId`); `None` when the provider
    /// took it without saying (it comes with the delivery reports) or did not take it.
    pub reference: Option<String>,
    pub contacts: u32,
    /// RFC 3339 instant in the campaign's zone; `None` when sent immediately.
    pub send_at: Option<String>,
    pub outcome: SubmissionOutcome,
}

/// What happened to the campaign: who was handed to the provider, when, and who was not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScheduleReceipt {
    pub campaign_id: String,
    pub provider: ProviderId,
    pub submissions: Vec<SubmissionReceipt>,
    /// Recipients the provider accepted.
    pub contacts: u32,
    pub sms_needed: Option<u32>,
    pub total_cost: Option<f64>,
    /// The currency of `total_cost` (`EUR`).
    pub currency: Option<String>,
    pub residual_credit: Option<f64>,
    /// The requested time, RFC 3339 with the user's offset; `None`: now.
    pub send_at: Option<String>,
    /// The campaign's zone: the submissions' times are at its offset.
    pub time_zone: String,
    /// The preview's estimate and its currency, for when the provider does not say what it cost.
    pub estimated_cost: Option<(f64, String)>,
    pub simulation: bool,
    /// The first repeated numbers, left out of the submission…
    pub duplicates: Vec<DuplicateRecipient>,
    /// …and how many more.
    pub more_duplicates: u64,
    /// Recipients the provider refused; the others were accepted.
    pub rejected: Vec<RejectedRecipient>,
    /// The first recipients left out before submission (opted out, sending rules, frequency
    /// cap); `more_excluded` counts the rest.
    pub excluded: Vec<ExcludedRecipient>,
    /// Recipients moved to the next allowed time by the sending rules.
    pub deferred: u32,
    /// Each recipient's warnings (moved times, assumed zones, frequency cap…), the first 100;
    /// `more_warnings` counts the rest. For callers of the API: the app shows `warning_counts`.
    pub warnings: Vec<RecipientWarning>,
    pub more_warnings: u32,
    /// Why the approval rules held the campaign: nothing was handed to a provider, another person
    /// approves it first. Empty: not held.
    pub held_for_approval: Vec<ApprovalReason>,
    /// Each distinct warning of the recipients sent, with how many have it, as the preview says
    /// them (the frequency cap's apart: `over_cap`). Added last: the wire reads fields in order.
    pub warning_counts: Vec<(Notice, u64)>,
    /// Recipients sent although over the frequency cap.
    pub over_cap: u64,
    /// Recipients left out beyond those listed in `excluded` (a long list's receipt stays short).
    pub more_excluded: u64,
    /// Recipients and SMS parts the plan sends: for a campaign held for approval, what goes once
    /// it is approved (`contacts` counts only what a provider accepted).
    pub to_send: u64,
    pub planned_parts: u64,
}

impl ScheduleReceipt {
    /// The references the provider gave, in submission order.
    pub fn references(&self) -> Vec<&str> {
        self.submissions
            .iter()
            .filter_map(|s| s.reference.as_deref())
            .collect()
    }
}

/// How far the hand-over of a campaign being scheduled has gone, provider request by request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleProgress {
    /// Provider requests the campaign is split into.
    pub requests: u32,
    /// Requests the provider has answered (accepted, refused, or no answer that reconciliation
    /// will settle).
    pub answered: u32,
    /// Recipients in all the requests, and in the answered ones.
    pub recipients: u64,
    pub recipients_answered: u64,
}
