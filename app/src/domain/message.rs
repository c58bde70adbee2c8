//! Message text: what the providers accept, and how many SMS parts it takes.
//!
//! Counting follows GSM 03.38: a message stays in the 7-bit default alphabet while every character is
//! in it (extension characters take two septets); one character outside it switches the whole message
//! to UCS-2. Parts are counted by laying the text out the way a handset concatenates it, so an escape
//! pair or a surrogate pair is never split across two parts.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Octopush accepts 1 to 1224 characters in one campaign text.
pub const MAX_TEXT_CHARS: usize = 1224;

const GSM7_SINGLE: usize = 160;
const GSM7_PART: usize = 153;
const UCS2_SINGLE: usize = 70;
const UCS2_PART: usize = 67;

/// The GSM 03.38 default alphabet (escape excluded: it is not a character a user types).
const GSM7_BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?\
¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/// The extension table: each costs an escape septet plus its own.
const GSM7_EXTENSION: &str = "\u{c}^{}\\[~]|€";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Encoding {
    Gsm7,
    Ucs2,
}

impl Encoding {
    /// Its name as stored and exported (`gsm7`, `ucs2`).
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Gsm7 => "gsm7",
            Encoding::Ucs2 => "ucs2",
        }
    }

    /// The encoding stored as `name` (`as_str`).
    pub fn from_stored(name: &str) -> Option<Self> {
        [Encoding::Gsm7, Encoding::Ucs2]
            .into_iter()
            .find(|encoding| encoding.as_str() == name)
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Encoding::Gsm7 => "GSM-7",
            Encoding::Ucs2 => "UCS-2",
        })
    }
}

/// What a text costs on the wire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageStats {
    /// Characters as a person counts them (Unicode scalar values).
    pub characters: usize,
    pub encoding: Encoding,
    /// Septets (GSM-7) or UTF-16 code units (UCS-2) the text occupies.
    pub units: usize,
    /// SMS parts needed; 0 for an empty text.
    pub parts: usize,
    /// Characters that forced UCS-2, each once, in order of appearance.
    pub non_gsm_characters: Vec<char>,
}

impl MessageStats {
    /// Units still free in the last part before another part is needed.
    pub fn remaining_in_part(&self) -> usize {
        let (single, part) = match self.encoding {
            Encoding::Gsm7 => (GSM7_SINGLE, GSM7_PART),
            Encoding::Ucs2 => (UCS2_SINGLE, UCS2_PART),
        };
        if self.units <= single {
            single - self.units
        } else {
            let used_in_last = self.units % part;
            if used_in_last == 0 {
                0
            } else {
                part - used_in_last
            }
        }
    }
}

/// Width of each ASCII character (0: not in GSM-7): most texts are ASCII, and searching the
/// alphabets above for every character of every recipient's message showed in profiles.
const ASCII_GSM7_COSTS: [u8; 128] = ascii_gsm7_costs();

const fn ascii_gsm7_costs() -> [u8; 128] {
    let costs = mark_ascii([0; 128], GSM7_BASIC, 1);
    mark_ascii(costs, GSM7_EXTENSION, 2)
}

/// `costs` with each ASCII character of `alphabet` costing `cost`. Bytes below 128 of a UTF-8
/// string are exactly its ASCII characters.
const fn mark_ascii(mut costs: [u8; 128], alphabet: &str, cost: u8) -> [u8; 128] {
    let bytes = alphabet.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] < 128 {
            costs[bytes[i] as usize] = cost;
        }
        i += 1;
    }
    costs
}

fn gsm7_cost(c: char) -> Option<usize> {
    if c.is_ascii() {
        match ASCII_GSM7_COSTS[c as usize] {
            0 => None,
            cost => Some(usize::from(cost)),
        }
    } else if GSM7_BASIC.contains(c) {
        Some(1)
    } else if GSM7_EXTENSION.contains(c) {
        Some(2)
    } else {
        None
    }
}

/// Counts characters, encoding and parts of `text`.
pub fn analyze(text: &str) -> MessageStats {
    analyze_pieces(&[text])
}

/// `analyze` of the pieces written one after another, without writing them out: a recipient's
/// text from its template's pieces and their values, for each of a long list's recipients.
pub fn analyze_pieces(pieces: &[&str]) -> MessageStats {
    if let Some(stats) = one_gsm7_part_of_ascii(pieces) {
        return stats;
    }
    let chars = || pieces.iter().flat_map(|piece| piece.chars());
    let mut non_gsm_characters = Vec::new();
    for c in chars() {
        if gsm7_cost(c).is_none() && !non_gsm_characters.contains(&c) {
            non_gsm_characters.push(c);
        }
    }
    let encoding = if non_gsm_characters.is_empty() {
        Encoding::Gsm7
    } else {
        Encoding::Ucs2
    };
    let (single, capacity) = match encoding {
        Encoding::Gsm7 => (GSM7_SINGLE, GSM7_PART),
        Encoding::Ucs2 => (UCS2_SINGLE, UCS2_PART),
    };
    // Each character laid out in turn, never split: a part that cannot take the next one whole
    // is closed (`parts_laid_out` counts for a text longer than one part).
    let (mut characters, mut units, mut parts_laid_out, mut used) = (0, 0, 1, 0);
    for c in chars() {
        let width = match encoding {
            // Every character has a cost when the text is GSM-7.
            Encoding::Gsm7 => gsm7_cost(c).unwrap_or(1),
            Encoding::Ucs2 => c.len_utf16(),
        };
        characters += 1;
        units += width;
        if used + width > capacity {
            parts_laid_out += 1;
            used = 0;
        }
        used += width;
    }
    let parts = if units == 0 {
        0
    } else if units <= single {
        1
    } else {
        parts_laid_out
    };
    MessageStats {
        characters,
        encoding,
        units,
        parts,
        non_gsm_characters,
    }
}

/// The stats of most texts, read a byte at a time: ASCII, all of it in GSM-7, one part. `None`
/// for any other text, which `analyze_pieces` lays out character by character.
fn one_gsm7_part_of_ascii(pieces: &[&str]) -> Option<MessageStats> {
    let mut units = 0;
    let mut characters = 0;
    for piece in pieces {
        for &byte in piece.as_bytes() {
            // A byte of 128 or more is part of a character beyond ASCII.
            match ASCII_GSM7_COSTS.get(usize::from(byte)).copied() {
                None | Some(0) => return None,
                Some(cost) => units += usize::from(cost),
            }
        }
        characters += piece.len();
    }
    (units <= GSM7_SINGLE).then(|| MessageStats {
        characters,
        encoding: Encoding::Gsm7,
        units,
        parts: usize::from(units > 0),
        non_gsm_characters: Vec::new(),
    })
}

/// A GSM-7 character a look-alike could be replaced with, so the user can keep the cheaper encoding.
pub fn gsm7_look_alike(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2032}' | '`' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' | '«' | '»' => "\"",
        '\u{2013}' | '\u{2014}' | '\u{2212}' => "-",
        '\u{2026}' => "...",
        '\u{00A0}' | '\u{202F}' | '\u{2009}' => " ",
        'ç' => "Ç",
        _ => return None,
    })
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, thiserror::Error)]
pub enum MessageTextError {
    Empty,
    TooLong(usize),
}

/// A campaign text the providers accept: not blank, at most [`MAX_TEXT_CHARS`] characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageText(String);

impl MessageText {
    pub fn parse(text: &str) -> Result<Self, MessageTextError> {
        if text.trim().is_empty() {
            return Err(MessageTextError::Empty);
        }
        let characters = text.chars().count();
        if characters > MAX_TEXT_CHARS {
            return Err(MessageTextError::TooLong(characters));
        }
        Ok(Self(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn stats(&self) -> MessageStats {
        analyze(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_text_takes_no_part() {
        let stats = analyze("");
        assert_eq!(
            (stats.units, stats.parts, stats.encoding),
            (0, 0, Encoding::Gsm7)
        );
    }

    #[test]
    fn gsm7_fits_160_in_one_part_and_153_per_part_beyond() {
        assert_eq!(analyze(&"a".repeat(160)).parts, 1);
        assert_eq!(analyze(&"a".repeat(161)).parts, 2);
        assert_eq!(analyze(&"a".repeat(306)).parts, 2);
        assert_eq!(analyze(&"a".repeat(307)).parts, 3);
    }

    #[test]
    fn the_ascii_table_agrees_with_the_alphabets() {
        for byte in 0u8..128 {
            let c = char::from(byte);
            let expected = if GSM7_BASIC.contains(c) {
                Some(1)
            } else if GSM7_EXTENSION.contains(c) {
                Some(2)
            } else {
                None
            };
            assert_eq!(gsm7_cost(c), expected, "{c:?}");
        }
        assert_eq!(gsm7_cost('`'), None);
        assert_eq!(gsm7_cost('\t'), None);
    }

    #[test]
    fn extension_characters_count_twice() {
        let stats = analyze("€{}");
        assert_eq!((stats.characters, stats.units), (3, 6));
        assert_eq!(analyze(&"€".repeat(80)).parts, 1);
        assert_eq!(analyze(&"€".repeat(81)).parts, 2);
        // The same in ASCII, which is read a byte at a time while it fits one part.
        let stats = analyze("{[x]}");
        assert_eq!((stats.characters, stats.units, stats.parts), (5, 9, 1));
        assert_eq!(stats.encoding, Encoding::Gsm7);
        assert_eq!(analyze(&"{".repeat(80)).parts, 1);
        let stats = analyze(&"{".repeat(81));
        assert_eq!((stats.characters, stats.units, stats.parts), (81, 162, 2));
    }

    #[test]
    fn an_escape_pair_is_never_split_across_parts() {
        // 152 septets then a two-septet character: it cannot start in the last free septet.
        let text = format!("{}€{}", "a".repeat(152), "a".repeat(10));
        let stats = analyze(&text);
        assert_eq!(stats.units, 164);
        assert_eq!(stats.parts, 2);
        let text = format!("{}€{}", "a".repeat(152), "a".repeat(152));
        // 152 | 2 + 151 | 1: the pair moved to part two pushes one septet into part three.
        assert_eq!(analyze(&text).parts, 3);
    }

    #[test]
    fn one_character_outside_gsm7_switches_to_ucs2() {
        let stats = analyze("Bonjour Michał");
        assert_eq!(stats.encoding, Encoding::Ucs2);
        assert_eq!(stats.non_gsm_characters, vec!['ł']);
        assert_eq!(analyze(&"ł".repeat(70)).parts, 1);
        assert_eq!(analyze(&"ł".repeat(71)).parts, 2);
        assert_eq!(analyze(&"ł".repeat(134)).parts, 2);
        assert_eq!(analyze(&"ł".repeat(135)).parts, 3);
    }

    #[test]
    fn characters_outside_the_bmp_count_as_two_units() {
        let stats = analyze("🙂");
        assert_eq!((stats.characters, stats.units, stats.parts), (1, 2, 1));
        assert_eq!(analyze(&"🙂".repeat(35)).parts, 1);
        assert_eq!(analyze(&"🙂".repeat(36)).parts, 2);
    }

    #[test]
    fn accented_letters_in_the_default_alphabet_stay_gsm7() {
        assert_eq!(analyze("éèùìòÇÅåÄÖÑÜäöñüàß£¥§¿¡").encoding, Encoding::Gsm7);
        assert_eq!(analyze("ê").encoding, Encoding::Ucs2);
    }

    #[test]
    fn curly_quote_is_named_with_its_replacement() {
        let stats = analyze("C\u{2019}est prêt");
        assert_eq!(stats.non_gsm_characters, vec!['\u{2019}', 'ê']);
        assert_eq!(gsm7_look_alike('\u{2019}'), Some("'"));
        assert_eq!(gsm7_look_alike('ê'), None);
    }

    #[test]
    fn remaining_in_part_counts_down_to_the_next_part() {
        assert_eq!(analyze("abc").remaining_in_part(), 157);
        assert_eq!(analyze(&"a".repeat(161)).remaining_in_part(), 145);
        assert_eq!(analyze(&"a".repeat(306)).remaining_in_part(), 0);
    }

    #[test]
    fn a_text_in_pieces_counts_as_the_text_written_out() {
        let texts = [
            String::new(),
            "Hello Ann, your parcel arrives tomorrow.".to_owned(),
            format!("{}€{}", "a".repeat(152), "a".repeat(152)),
            format!("Bonjour Michał {}", "ł".repeat(140)),
            format!("{}🙂{}", "x".repeat(66), "🙂".repeat(40)),
            "[{}] ~ ^ | €".repeat(20),
            "{[x]}".repeat(10),
            "{[x]}".repeat(30),
            "a ` b".to_owned(),
            "\r\n\x0c".repeat(53),
        ];
        for text in &texts {
            let whole = analyze(text);
            let cuts: Vec<usize> = (0..=text.len())
                .filter(|&at| text.is_char_boundary(at))
                .collect();
            for &first in &cuts {
                for &second in cuts.iter().filter(|&&at| at >= first).step_by(7) {
                    let pieces = [&text[..first], &text[first..second], &text[second..]];
                    assert_eq!(
                        analyze_pieces(&pieces),
                        whole,
                        "{text:?} cut at {first}, {second}"
                    );
                }
            }
        }
    }

    #[test]
    fn text_must_not_be_blank_nor_too_long() {
        assert_eq!(MessageText::parse("  \n"), Err(MessageTextError::Empty));
        assert_eq!(
            MessageText::parse(&"a".repeat(1225)),
            Err(MessageTextError::TooLong(1225))
        );
        assert!(MessageText::parse(&"a".repeat(1224)).is_ok());
    }
}
