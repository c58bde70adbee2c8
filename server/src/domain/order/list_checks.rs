//! An order's checks of its recipients, one at a time, whether the list was read already or is
//! read from a file in a pass: each one's own text, and what the list as a whole must be.

use super::{OrderRules, TextPattern, MAX_LINE_ERRORS};
use crate::domain::opt_out_mention::missing_mention;
use crate::domain::placeholders::PlaceholderError;
use crate::domain::recipients::Recipient;
use app::models::{Field, FieldError, Problem, ScheduleRequest};

/// The recipients checked so far.
pub(super) struct ListChecks {
    /// Each recipient's text, as their values fill it in.
    text: TextPattern,
    /// The first recipients whose text cannot be made, and how many more.
    errors: Vec<FieldError>,
    more_errors: usize,
    /// The text's placeholders no recipient so far has a value for, each with how many
    /// recipients' texts could not be made for want of it.
    unvalued: Vec<(Box<str>, usize)>,
    /// Recipients that can be sent.
    count: usize,
    /// Their countries (ISO 3166 codes), each once, in list order.
    countries: Vec<String>,
}

/// What the checks found of the whole list.
pub(super) struct ListFound {
    /// Recipients that can be sent.
    pub count: usize,
    pub countries: Vec<String>,
    /// The errors on the list's lines, the first `MAX_LINE_ERRORS` and a count of the rest.
    pub line_errors: Vec<FieldError>,
    /// The opt-out mention the text lacks for these recipients.
    pub missing_mention: Option<Problem>,
    /// The text's placeholders no line has a value for (`PlaceholderError::InNoLine`), said
    /// once each instead of on every line.
    pub unvalued: Vec<Problem>,
    /// More recipients than a campaign may name.
    pub too_many: Option<Problem>,
}

impl ListChecks {
    pub(super) fn new(template: &str) -> Self {
        let text = TextPattern::new(template);
        let unvalued = text
            .placeholders()
            .into_iter()
            .map(|name| (name.into(), 0))
            .collect();
        Self {
            text,
            errors: Vec::new(),
            more_errors: 0,
            unvalued,
            count: 0,
            countries: Vec::new(),
        }
    }

    /// Whether `recipient` can be sent: with placeholders, their text as their values fill it in
    /// (a value missing, or a text made blank or too long, is an error on their line).
    pub(super) fn check(&mut self, recipient: &Recipient) -> bool {
        self.unvalued
            .retain(|(name, _)| recipient.fields.get(name).is_none_or(str::is_empty));
        if let Err(problem) = self.text.stats_for(recipient) {
            if let Problem::Placeholder(PlaceholderError::Unfilled(name)) = &problem {
                if let Some((_, lines)) = self.unvalued.iter_mut().find(|(n, _)| **n == **name) {
                    *lines += 1;
                }
            }
            if self.errors.len() < MAX_LINE_ERRORS {
                let error = FieldError::on_line(Field::Recipients, recipient.line, problem);
                self.errors.push(error);
            } else {
                self.more_errors += 1;
            }
            return false;
        }
        self.count += 1;
        if let Some(region) = recipient.number.region() {
            if !self.countries.iter().any(|c| c == region) {
                self.countries.push(region.to_owned());
            }
        }
        true
    }

    /// Recipients whose text cannot be made, so far.
    pub(super) fn unmade(&self) -> usize {
        self.errors.len() + self.more_errors
    }

    /// What the list is, its reading's own line errors being `read` and `more_read` more.
    pub(super) fn finish(
        mut self,
        request: &ScheduleRequest,
        rules: &OrderRules,
        read: Vec<FieldError>,
        more_read: usize,
    ) -> ListFound {
        let unvalued = self.say_unvalued_once();
        let total = read.len() + more_read + self.errors.len() + self.more_errors;
        let mut line_errors = read;
        line_errors.extend(self.errors);
        // Stable: a line's reading error comes before its text's.
        line_errors.sort_by_key(|e| e.line);
        line_errors.truncate(MAX_LINE_ERRORS);
        // Counted rather than listed, lines past the listed ones (or past those a placeholder
        // said once took the place of).
        let unlisted = total - line_errors.len();
        if unlisted > 0 {
            line_errors.push(FieldError::new(
                Field::Recipients,
                Problem::MoreLineErrors(unlisted),
            ));
        }
        let missing_mention = missing_mention(
            request.provider,
            request.purpose,
            &request.text,
            self.countries.iter().map(String::as_str),
            rules.infobip_stop_mention.as_deref(),
        );
        let too_many = (self.count > rules.max_recipients).then_some(Problem::TooManyRecipients {
            count: self.count,
            max: rules.max_recipients,
        });
        ListFound {
            count: self.count,
            countries: self.countries,
            line_errors,
            missing_mention,
            unvalued,
            too_many,
        }
    }

    /// Takes off the lines' errors for each placeholder no line has a value for (a column named
    /// otherwise, or left unused: the same error on every line), and says each once instead,
    /// those a line's first error hid included.
    fn say_unvalued_once(&mut self) -> Vec<Problem> {
        if self.unmade() == 0 {
            // No line read, or every text made: nothing to say.
            return Vec::new();
        }
        let mut said = Vec::new();
        for (name, lines) in std::mem::take(&mut self.unvalued) {
            let unfilled = Problem::Placeholder(PlaceholderError::Unfilled(name.to_string()));
            let listed = self.errors.len();
            self.errors.retain(|error| error.problem != unfilled);
            let listed = listed - self.errors.len();
            self.more_errors -= lines - listed;
            said.push(Problem::Placeholder(PlaceholderError::InNoLine(
                name.into_string(),
            )));
        }
        said
    }
}
