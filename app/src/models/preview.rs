//! What a campaign would do, before it is scheduled: each recipient's message and fate.

use serde::{Deserialize, Serialize};

use super::{ApprovalReason, DuplicateRecipient, FieldError, Notice};
use crate::domain::Encoding;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PreviewRecipient {
    pub line: u32,
    /// E.164.
    pub number: String,
    /// The text this recipient gets, placeholders filled.
    pub text: String,
    /// `GSM-7` or `UCS-2`.
    pub encoding: Encoding,
    pub parts: u32,
    /// Estimated from the configured price per part, in the preview's currency; `None`: no price
    /// configured, or left out.
    pub cost: Option<f64>,
    /// When it would be sent, RFC 3339 UTC; `None`: at once, or excluded.
    pub send_at: Option<String>,
    /// Moved to the next allowed time by the sending rules.
    pub deferred: bool,
    /// Why it would be left out.
    pub excluded: Option<Notice>,
    pub warnings: Vec<Notice>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignPreview {
    /// One page of recipients, from `offset`, in list order.
    pub recipients: Vec<PreviewRecipient>,
    pub offset: u64,
    /// Recipients in the list after duplicates were merged.
    pub total: u64,
    pub to_send: u64,
    pub excluded: u64,
    pub deferred: u64,
    /// SMS parts the recipients to send need, all together.
    pub parts: u64,
    /// Estimated cost of those parts; `None` when no price is configured for the provider.
    pub cost: Option<f64>,
    /// The currency of the costs (`EUR`…).
    pub currency: Option<String>,
    /// Provider requests the campaign would be split into.
    pub submissions: u32,
    /// The first repeated numbers, merged into their first line…
    pub duplicates: Vec<DuplicateRecipient>,
    /// …and how many more.
    pub more_duplicates: u64,
    /// Each distinct caution on the recipients to send, with how many have it, over the whole
    /// list (the frequency cap's apart).
    pub warnings: Vec<(Notice, u64)>,
    /// Recipients sent although over the frequency cap.
    pub over_cap: u64,
    /// The recipients' countries (ISO 3166 codes), each once, in list order.
    pub countries: Vec<String>,
    /// Why the approval rules would hold it for another person's approval (empty: they would not).
    pub held_for_approval: Vec<ApprovalReason>,
    /// Messages to send in UCS-2 although the template is GSM-7; `None`: there are none.
    pub switched_to_ucs2: Option<SwitchedToUcs2>,
    /// The list's lines in error, when they are the form's only errors: the preview is of the
    /// other lines, and nothing can be scheduled until these are fixed.
    pub lines_to_fix: Vec<FieldError>,
}

/// Messages whose recipient's values (a name with "ë"…) have letters GSM-7 lacks: they go in
/// UCS-2, 70 characters a part instead of 160, while the template alone counts in GSM-7.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SwitchedToUcs2 {
    pub messages: u64,
    /// The first such recipient's line…
    pub first_line: u32,
    /// …and the letters that switch its message (the first few).
    pub letters: Vec<char>,
}
