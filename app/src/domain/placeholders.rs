//! Personalisation: `{first_name}`, `{last_name}`, `{param1}`…`{param5}` filled in per recipient.

use std::collections::BTreeMap;

/// The placeholder names the providers know.
pub const PLACEHOLDERS: [&str; 7] = [
    "first_name",
    "last_name",
    "param1",
    "param2",
    "param3",
    "param4",
    "param5",
];

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, thiserror::Error)]
pub enum PlaceholderError {
    Unknown(String),
    Unfilled(String),
    /// No line of the list has a value for it: said once, not on every line.
    InNoLine(String),
    /// Its name written after `{` with no `}` to close it (`{first_name,`): sent as written.
    /// (Variants are only appended: the wire names a variant by its place.)
    Unclosed(String),
}

/// `{first_name}, {last_name}, {param1}…{param5}`: the placeholders as a message lists them.
pub fn in_words() -> String {
    listed(|name| format!("{{{name}}}"))
}

/// `first_name, last_name, param1…param5`: the columns of a list that fill them.
pub fn columns_in_words() -> String {
    listed(str::to_owned)
}

/// The names, each `shown`, the numbered ones as a range.
fn listed(shown: impl Fn(&str) -> String) -> String {
    let (named, numbered): (Vec<&str>, Vec<&str>) = PLACEHOLDERS
        .iter()
        .copied()
        .partition(|p| !p.starts_with("param"));
    let mut words: Vec<String> = named.into_iter().map(&shown).collect();
    if let (Some(first), Some(last)) = (numbered.first(), numbered.last()) {
        words.push(format!("{}…{}", shown(first), shown(last)));
    }
    words.join(", ")
}

/// The placeholder names used in `template`, each once, in order of appearance; unknown names
/// and a known name left unclosed are errors.
pub fn placeholders_in(template: &str) -> Result<Vec<&'static str>, PlaceholderError> {
    let mut found = Vec::new();
    for name in names_in(template) {
        let known = PLACEHOLDERS
            .iter()
            .find(|&&p| p == name)
            .ok_or_else(|| PlaceholderError::Unknown(name.to_owned()))?;
        if !found.contains(known) {
            found.push(*known);
        }
    }
    match unclosed_in(template) {
        Some(name) => Err(PlaceholderError::Unclosed(name.to_owned())),
        None => Ok(found),
    }
}

/// A placeholder's name right after a `{` that no `}` follows it (`Hello {first_name`): a typo
/// the recipient would read as written. Other braces (`{ok`, `{`) are text.
fn unclosed_in(template: &str) -> Option<&'static str> {
    template.match_indices('{').find_map(|(open, _)| {
        let after = &template[open + 1..];
        let end = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        let name = &after[..end];
        let known = PLACEHOLDERS.iter().find(|p| **p == name).copied();
        known.filter(|_| !after[end..].starts_with('}'))
    })
}

/// `template` with every placeholder replaced by the recipient's value.
pub fn render(template: &str, values: &BTreeMap<&str, &str>) -> Result<String, PlaceholderError> {
    placeholders_in(template)?;
    let mut out = String::with_capacity(template.len());
    for piece in pieces(template) {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Placeholder(name) => out.push_str(filled(name, values.get(name).copied())?),
        }
    }
    Ok(out)
}

/// What placeholder `name` takes from `value`: a value missing or empty leaves it unfilled.
pub fn filled<'a>(name: &str, value: Option<&'a str>) -> Result<&'a str, PlaceholderError> {
    value
        .filter(|value| !value.is_empty())
        .ok_or_else(|| PlaceholderError::Unfilled(name.to_owned()))
}

/// A part of a template: text as written, or a placeholder's name (known or not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Placeholder(&'a str),
}

/// `template` cut into its text and its placeholders, in order; empty texts are left out.
pub fn pieces(template: &str) -> impl Iterator<Item = Piece<'_>> {
    let mut rest = Some(template);
    let mut name_next = None;
    std::iter::from_fn(move || loop {
        if let Some(name) = name_next.take() {
            return Some(Piece::Placeholder(name));
        }
        let text = rest?;
        match next_placeholder(text) {
            Some((before, name, after)) => {
                rest = Some(after);
                name_next = Some(name);
                if !before.is_empty() {
                    return Some(Piece::Text(before));
                }
            }
            None => {
                rest = None;
                if !text.is_empty() {
                    return Some(Piece::Text(text));
                }
            }
        }
    })
}

fn names_in(template: &str) -> impl Iterator<Item = &str> {
    pieces(template).filter_map(|piece| match piece {
        Piece::Placeholder(name) => Some(name),
        Piece::Text(_) => None,
    })
}

/// Splits at the next `{name}` where name is a word (letters, digits, `_`); other braces are text.
fn next_placeholder(text: &str) -> Option<(&str, &str, &str)> {
    let mut search_from = 0;
    while let Some(open) = text[search_from..].find('{').map(|i| i + search_from) {
        let after_open = &text[open + 1..];
        if let Some(close) = after_open.find('}') {
            let name = &after_open[..close];
            if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                return Some((&text[..open], name, &after_open[close + 1..]));
            }
        }
        search_from = open + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_each_placeholder_per_recipient() {
        let values = BTreeMap::from([("first_name", "Michał"), ("param1", "12:30")]);
        assert_eq!(
            render(
                "Hello {first_name}, see you at {param1}. {first_name}!",
                &values
            )
            .unwrap(),
            "Hello Michał, see you at 12:30. Michał!"
        );
    }

    #[test]
    fn the_names_are_said_with_the_numbered_ones_as_a_range() {
        assert_eq!(in_words(), "{first_name}, {last_name}, {param1}…{param5}");
        assert_eq!(columns_in_words(), "first_name, last_name, param1…param5");
    }

    #[test]
    fn a_known_name_left_unclosed_is_an_error_other_braces_are_text() {
        for (template, unclosed) in [
            ("Hello {first_name", "first_name"),
            ("Hello {param1, see you", "param1"),
            ("{first_name} and {last_name.", "last_name"),
        ] {
            assert_eq!(
                placeholders_in(template),
                Err(PlaceholderError::Unclosed(unclosed.into())),
                "{template}"
            );
        }
        for text in [
            "Hi {ok",
            "a { b",
            "{",
            "Hi {first_name}!",
            "x{param5}{param1}",
        ] {
            assert!(placeholders_in(text).is_ok(), "{text}");
        }
    }

    #[test]
    fn unknown_and_unfilled_placeholders_are_errors() {
        let values = BTreeMap::from([("first_name", "Ann")]);
        assert_eq!(
            render("Hi {name}", &values),
            Err(PlaceholderError::Unknown("name".into()))
        );
        assert_eq!(
            render("Hi {last_name}", &values),
            Err(PlaceholderError::Unfilled("last_name".into()))
        );
        assert_eq!(
            render("Hi {last_name}", &BTreeMap::from([("last_name", "")])).unwrap_err(),
            PlaceholderError::Unfilled("last_name".into())
        );
    }

    #[test]
    fn a_template_is_cut_into_its_text_and_placeholders() {
        let cut = |template| pieces(template).collect::<Vec<_>>();
        assert_eq!(
            cut("Hi {first_name}{param1}, {x y} {param1}!"),
            vec![
                Piece::Text("Hi "),
                Piece::Placeholder("first_name"),
                Piece::Placeholder("param1"),
                Piece::Text(", {x y} "),
                Piece::Placeholder("param1"),
                Piece::Text("!"),
            ]
        );
        assert_eq!(cut("{param2}"), vec![Piece::Placeholder("param2")]);
        assert_eq!(cut("Price {} or {"), vec![Piece::Text("Price {} or {")]);
        assert_eq!(cut(""), vec![]);
        assert_eq!(
            cut("{unknown} here"),
            vec![Piece::Placeholder("unknown"), Piece::Text(" here")]
        );
    }

    #[test]
    fn braces_that_are_not_placeholders_stay_text() {
        assert_eq!(
            render("Price {} or { x } or {", &BTreeMap::new()).unwrap(),
            "Price {} or { x } or {"
        );
        assert_eq!(
            placeholders_in("{param2} {param2} {first_name}").unwrap(),
            vec!["param2", "first_name"]
        );
    }
}
