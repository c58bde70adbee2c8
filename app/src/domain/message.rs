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
    /// Units the last part holds as the text is laid out: a character is never split across
    /// two parts, so a part may close with units to spare (an emoji takes two of UCS-2's 67).
    pub last_part_units: usize,
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
            part - self.last_part_units
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
    one_gsm7_part_of_ascii(pieces).unwrap_or_else(|| laid_out(pieces))
}

/// `analyze_pieces` character by character, whatever the text.
fn laid_out(pieces: &[&str]) -> MessageStats {
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
            Encoding::Gsm7 => gsm7_cost(c).expect("every character of a GSM-7 text has a cost"),
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
        last_part_units: if parts > 1 { used } else { units },
        non_gsm_characters,
    }
}

/// The stats of most texts, read a byte at a time: ASCII, all of it in GSM-7, one part. `None`
/// for any other text, which is laid out character by character (`laid_out`).
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
            if units > GSM7_SINGLE {
                return None;
            }
        }
        characters += piece.len();
    }
    Some(MessageStats {
        characters,
        encoding: Encoding::Gsm7,
        units,
        parts: usize::from(units > 0),
        last_part_units: units,
        non_gsm_characters: Vec::new(),
    })
}

/// The characters of `text` that take two septets in GSM-7 (`€`, `[`, `~`…), each once, in
/// order of appearance: the counter says why they count twice.
pub fn gsm7_double_characters(text: &str) -> Vec<char> {
    let mut found = Vec::new();
    for c in text.chars().filter(|&c| GSM7_EXTENSION.contains(c)) {
        if !found.contains(&c) {
            found.push(c);
        }
    }
    found
}

/// For a combining accent in `text` (U+0300…U+036F: an `é` some systems write as `e` then
/// U+0301), the letter before its first occurrence and that letter with the accent, when GSM-7
/// has it: the user can type the one letter and keep the cheaper encoding.
pub fn gsm7_accent_typed_apart(text: &str, mark: char) -> Option<(char, char)> {
    let mut previous = None;
    for c in text.chars() {
        if c == mark {
            let base = previous?;
            return gsm7_composed(base, mark).map(|letter| (base, letter));
        }
        previous = Some(c);
    }
    None
}

/// GSM-7's letter for `base` with the combining `mark`, if it has one.
fn gsm7_composed(base: char, mark: char) -> Option<char> {
    Some(match (base, mark) {
        ('e', '\u{301}') => 'é',
        ('E', '\u{301}') => 'É',
        ('e', '\u{300}') => 'è',
        ('u', '\u{300}') => 'ù',
        ('i', '\u{300}') => 'ì',
        ('o', '\u{300}') => 'ò',
        ('a', '\u{300}') => 'à',
        ('C', '\u{327}') => 'Ç',
        ('a', '\u{308}') => 'ä',
        ('o', '\u{308}') => 'ö',
        ('u', '\u{308}') => 'ü',
        ('A', '\u{308}') => 'Ä',
        ('O', '\u{308}') => 'Ö',
        ('U', '\u{308}') => 'Ü',
        ('n', '\u{303}') => 'ñ',
        ('N', '\u{303}') => 'Ñ',
        ('a', '\u{30A}') => 'å',
        ('A', '\u{30A}') => 'Å',
        _ => return None,
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
        Self::measure(&[text]).map(|_| Self(text.to_owned()))
    }

    /// `parse`'s checks of the pieces written one after another, without writing them out, and
    /// what the text takes: a recipient's text made from their values.
    pub fn measure(pieces: &[&str]) -> Result<MessageStats, MessageTextError> {
        if pieces.iter().all(|piece| piece.trim().is_empty()) {
            return Err(MessageTextError::Empty);
        }
        let stats = analyze_pieces(pieces);
        if stats.characters > MAX_TEXT_CHARS {
            return Err(MessageTextError::TooLong(stats.characters));
        }
        Ok(stats)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn stats(&self) -> MessageStats {
        analyze(&self.0)
    }
}

#[cfg(test)]
#[path = "message_tests.rs"]
mod tests;
