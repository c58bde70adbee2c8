//! An order's text read once into its pieces, so that each recipient's text is checked and
//! measured without being written out: a long list's checks and both passes of its plan would
//! otherwise make every recipient's text three times over.

use super::Recipient;
use crate::domain::message::MAX_TEXT_CHARS;
use crate::domain::message::{analyze, analyze_pieces, MessageStats, MessageTextError};
use crate::domain::placeholders::{pieces, placeholders_in, Piece, PlaceholderError};
use app::models::Problem;

/// The text every recipient of an order receives, as their values fill it in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextPattern {
    /// No placeholder (or one the text names wrongly, which is said on the text itself): the
    /// text is sent as written, and measured once.
    AsWritten(MessageStats),
    /// Placeholders, all known: each recipient's values fill them in.
    Filled(Vec<Part>),
}

/// A part of a text filled in per recipient.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Text(Box<str>),
    Value(Box<str>),
}

impl TextPattern {
    /// `template` as an order reads it (`SmsOrder::personalised` is `has_placeholders`).
    pub fn new(template: &str) -> Self {
        match placeholders_in(template) {
            Ok(names) if !names.is_empty() => Self::Filled(
                pieces(template)
                    .map(|piece| match piece {
                        Piece::Text(text) => Part::Text(text.into()),
                        Piece::Placeholder(name) => Part::Value(name.into()),
                    })
                    .collect(),
            ),
            Ok(_) | Err(_) => Self::AsWritten(analyze(template)),
        }
    }

    /// What `recipient`'s text takes on the wire, or why it cannot be sent to them: exactly what
    /// making their text (`personalised_text`) and analysing it would say.
    pub fn stats_for(&self, recipient: &Recipient) -> Result<MessageStats, Problem> {
        let parts = match self {
            Self::AsWritten(stats) => return Ok(stats.clone()),
            Self::Filled(parts) => parts,
        };
        let mut filled = Vec::with_capacity(parts.len());
        for part in parts {
            filled.push(match part {
                Part::Text(text) => &**text,
                Part::Value(name) => match recipient.fields.get(name) {
                    Some(value) if !value.is_empty() => value,
                    _ => return Err(PlaceholderError::Unfilled(name.to_string()).into()),
                },
            });
        }
        // `MessageText::parse`'s checks, in its order.
        if filled.iter().all(|piece| piece.trim().is_empty()) {
            return Err(Problem::PersonalisedText(MessageTextError::Empty));
        }
        let stats = analyze_pieces(&filled);
        if stats.characters > MAX_TEXT_CHARS {
            return Err(Problem::PersonalisedText(MessageTextError::TooLong(
                stats.characters,
            )));
        }
        Ok(stats)
    }
}

#[cfg(test)]
mod tests {
    use super::super::personalised_text;
    use super::*;
    use crate::domain::field_values::FieldValuesBuilder;
    use crate::domain::phone::{PhoneNumber, Region};

    fn recipient(values: &[(&'static str, &str)]) -> Recipient {
        let mut fields = FieldValuesBuilder::with_capacity(64);
        for (name, value) in values {
            fields.push(name, value);
        }
        Recipient {
            number: PhoneNumber::parse("+33612345678", Region::parse("FR").unwrap()).unwrap(),
            line: 2,
            fields: fields.build(),
            zone: None,
        }
    }

    #[test]
    fn each_recipient_is_measured_and_refused_as_their_text_written_out_would_be() {
        // 1,200 characters: one value of 25 makes it too long, UCS-2 or not.
        let long = format!("{}{{first_name}}{{param1}}", "a".repeat(1200));
        let templates = [
            long.as_str(),
            "Hello {first_name}, your parcel arrives tomorrow.",
            "{first_name}{last_name}",
            "{param1}",
            " {param1} ",
            "€ {param2} [x] {first_name}!",
            "No placeholder, {} and { x } stay text",
            "An {unknown} placeholder",
            "",
        ];
        let fifty = "é".repeat(50);
        let values: [&[(&'static str, &str)]; 9] = [
            &[("first_name", "Ann")],
            &[("first_name", "Michał"), ("last_name", "Nowak")],
            &[("param1", "   ")],
            &[("param1", "")],
            &[("param2", "{first_name}"), ("first_name", "€€")],
            &[("param1", &fifty), ("first_name", "Zoë")],
            &[("first_name", &fifty), ("last_name", &fifty)],
            &[("first_name", "a"), ("param1", "b")],
            &[],
        ];
        for template in templates {
            let pattern = TextPattern::new(template);
            for values in values {
                let recipient = recipient(values);
                let written_out = match personalised_text(template, &recipient) {
                    _ if !super::super::has_placeholders(template) => {
                        Ok(crate::domain::message::analyze(template))
                    }
                    made => made.map(|text| text.stats()),
                };
                assert_eq!(
                    pattern.stats_for(&recipient),
                    written_out,
                    "{template:?} with {values:?}"
                );
            }
        }
    }
}
