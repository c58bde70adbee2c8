//! An order's text read once into its pieces, so that each recipient's text is checked and
//! measured without being written out: a long list's checks and both passes of its plan would
//! otherwise make every recipient's text three times over.

use super::{has_placeholders, Recipient};
use crate::domain::message::{analyze, MessageStats, MessageText};
use crate::domain::placeholders::{filled, pieces, Piece};
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
    /// `template` as an order reads it (`SmsOrder::personalised`).
    pub fn new(template: &str) -> Self {
        if !has_placeholders(template) {
            return Self::AsWritten(analyze(template));
        }
        Self::Filled(
            pieces(template)
                .map(|piece| match piece {
                    Piece::Text(text) => Part::Text(text.into()),
                    Piece::Placeholder(name) => Part::Value(name.into()),
                })
                .collect(),
        )
    }

    /// What `recipient`'s text takes on the wire, or why it cannot be sent to them: what making
    /// their text (`personalised_text`) and analysing it would say, by the same rules.
    pub fn stats_for(&self, recipient: &Recipient) -> Result<MessageStats, Problem> {
        let parts = match self {
            Self::AsWritten(stats) => return Ok(stats.clone()),
            Self::Filled(parts) => parts,
        };
        let mut text = Vec::with_capacity(parts.len());
        for part in parts {
            text.push(match part {
                Part::Text(text) => &**text,
                Part::Value(name) => filled(name, recipient.fields.get(name))?,
            });
        }
        MessageText::measure(&text).map_err(Problem::PersonalisedText)
    }

    /// The placeholders the text fills in, each once, in order.
    pub fn placeholders(&self) -> Vec<&str> {
        let Self::Filled(parts) = self else {
            return Vec::new();
        };
        let mut names: Vec<&str> = Vec::new();
        for part in parts {
            if let Part::Value(name) = part {
                if !names.contains(&&**name) {
                    names.push(name);
                }
            }
        }
        names
    }

    /// The first placeholder of the text whose value for `recipient` holds a line break (a cell
    /// written on several lines, often by mistake): the SMS would break its line there too.
    pub fn value_on_several_lines(&self, recipient: &Recipient) -> Option<&str> {
        let Self::Filled(parts) = self else {
            return None;
        };
        parts.iter().find_map(|part| match part {
            Part::Value(name) => recipient
                .fields
                .get(name)
                .is_some_and(|value| value.contains(['\n', '\r']))
                .then_some(&**name),
            Part::Text(_) => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::personalised_text;
    use super::*;
    use crate::domain::field_values::FieldValuesBuilder;
    use crate::domain::message::MessageTextError;
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
    fn a_value_on_several_lines_is_named_only_where_the_text_uses_it() {
        let on_two_lines = recipient(&[("first_name", "Ann"), ("param1", "12 rue X\nLyon")]);
        let pattern = |template| TextPattern::new(template);
        assert_eq!(
            pattern("Hi {first_name}, at {param1}.").value_on_several_lines(&on_two_lines),
            Some("param1")
        );
        let carriage_return = recipient(&[("first_name", "Ann\r")]);
        assert_eq!(
            pattern("Hi {first_name}").value_on_several_lines(&carriage_return),
            Some("first_name")
        );
        // A column the text does not use goes nowhere; a break typed in the text is meant.
        assert_eq!(
            pattern("Hi {first_name}.").value_on_several_lines(&on_two_lines),
            None
        );
        assert_eq!(
            pattern("Hi,\nsee you.").value_on_several_lines(&on_two_lines),
            None
        );
    }

    #[test]
    fn each_recipient_is_measured_and_refused_as_their_text_written_out_would_be() {
        // 1,200 characters: values of 24 characters in all make the longest text, of 25 one too
        // long, UCS-2 or not.
        let long = format!("{}{{first_name}}{{param1}}", "a".repeat(1200));
        let smiles = "🙂".repeat(12);
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
        let (twelve, thirteen) = ("b".repeat(12), "b".repeat(13));
        let values: [&[(&'static str, &str)]; 11] = [
            &[("first_name", "Ann")],
            &[("first_name", "Michał"), ("last_name", "Nowak")],
            &[("param1", "   ")],
            &[("param1", "")],
            &[("param2", "{first_name}"), ("first_name", "€€")],
            &[("param1", &fifty), ("first_name", "Zoë")],
            &[("first_name", &fifty), ("last_name", &fifty)],
            &[("first_name", "a"), ("param1", "b")],
            &[("first_name", &smiles), ("param1", &twelve)],
            &[("first_name", &smiles), ("param1", &thirteen)],
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
        // The same, said outright at the longest text.
        let longest = TextPattern::new(&long);
        let stats = longest
            .stats_for(&recipient(values[8]))
            .expect("1,224 characters");
        assert_eq!((stats.characters, stats.units), (1224, 1236));
        assert_eq!(
            longest.stats_for(&recipient(values[9])),
            Err(Problem::PersonalisedText(MessageTextError::TooLong(1225)))
        );
        // Spaces fill a placeholder; a text of nothing else is blank.
        let spaces = recipient(values[2]);
        assert_eq!(
            TextPattern::new("Hi {param1}").stats_for(&spaces),
            Ok(analyze("Hi    "))
        );
        assert_eq!(
            TextPattern::new(" {param1} ").stats_for(&spaces),
            Err(Problem::PersonalisedText(MessageTextError::Empty))
        );
    }
}
