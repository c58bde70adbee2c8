//! Phone numbers, checked against libphonenumber's metadata (server side only: the tables are large).

use app::models::NumberKind;
use phonenumber::country;
use phonenumber::metadata::Database;
use phonenumber::Type;
use std::borrow::Cow;
use std::fmt;
use std::ops::Deref;
use std::str::FromStr;

pub use super::parse_errors::PhoneNumberError;
use super::phone_metadata;

/// Below this many numbers per core, a thread costs more than it saves.
const NUMBERS_PER_THREAD_AT_LEAST: usize = 1_000;

/// How many numbers, already read, a thread remembers to read a repeated one once.
const NUMBERS_REMEMBERED: usize = 4_096;

/// Loads libphonenumber's metadata now rather than on the first number read, which would then
/// wait for it: a copy for each thread that reads a long list.
pub fn load_metadata() {
    for index in 0..threads_at_most() {
        phone_metadata::copy(index);
    }
}

/// Most threads that read numbers at once: one a core, one a copy of the metadata.
fn threads_at_most() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(phone_metadata::COPIES)
}

/// A region used to read numbers written in national format (`06 12 34 56 78` in FR).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region(country::Id);

impl Region {
    pub fn parse(code: &str) -> Result<Self, PhoneNumberError> {
        country::Id::from_str(&code.trim().to_ascii_uppercase())
            .map(Region)
            .map_err(|_| PhoneNumberError::UnknownRegion(code.to_owned()))
    }

    /// Its ISO 3166 code (`FR`).
    pub fn code(&self) -> &str {
        self.0.as_ref()
    }
}

/// A number's E.164 text kept in place: a long list holds no allocation for each number (an
/// `Arc<str>` took 48 bytes a number), and a plan copies it.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct E164 {
    len: u8,
    /// The text, then zeros.
    text: [u8; E164::LONGEST],
}

impl E164 {
    /// `+`, the longest country code (3 digits) and libphonenumber's longest national number
    /// (17 digits): E.164 says 15 digits at most, but libphonenumber finds longer numbers valid
    /// (Japan's and Indonesia's reach 19 digits, Germany's 17), and they were always taken.
    const LONGEST: usize = 1 + 3 + 17;

    /// `None` for text longer than a number libphonenumber reads, or not ASCII. It checks
    /// nothing else: numbers are read by `PhoneNumber::parse`.
    pub(crate) fn new(text: &str) -> Option<Self> {
        let bytes = text.as_bytes();
        if bytes.len() > Self::LONGEST || !text.is_ascii() {
            return None;
        }
        let mut kept = [0; Self::LONGEST];
        kept[..bytes.len()].copy_from_slice(bytes);
        Some(Self {
            len: u8::try_from(bytes.len()).ok()?,
            text: kept,
        })
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.text[..usize::from(self.len)]).expect("kept from ASCII text")
    }
}

impl Deref for E164 {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for E164 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

/// A valid number in E.164 form (`+33612345678`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PhoneNumber {
    e164: E164,
    /// A code, not a string: a long list holds one per recipient.
    region: Option<country::Id>,
    /// Its kind, when that kind does not usually receive SMS (a landline, a toll-free number…);
    /// `None` for a mobile, or a number that may be one.
    not_mobile: Option<NumberKind>,
}

impl PhoneNumber {
    /// Reads an international (`+…`, `00…`) or national number; `default_region` says whose national format.
    pub fn parse(input: &str, default_region: Region) -> Result<Self, PhoneNumberError> {
        Self::parse_with(phone_metadata::copy(0), input, default_region)
    }

    /// `parse`, with `metadata`.
    fn parse_with(
        metadata: &Database,
        input: &str,
        default_region: Region,
    ) -> Result<Self, PhoneNumberError> {
        let input = input.trim();
        if let Some(character) = stray_character(input) {
            return Err(PhoneNumberError::StrayCharacter {
                input: input.to_owned(),
                character,
            });
        }
        let spaced = ascii_spaces(input);
        let international = spaced.strip_prefix("00").map(|rest| format!("+{rest}"));
        let number = phonenumber::parse_with(
            metadata,
            Some(default_region.0),
            international.as_deref().unwrap_or(&spaced),
        )
        .map_err(|_| PhoneNumberError::Unparsable(input.to_owned()))?;
        // Valid exactly when of a known type (what `is_valid_with` asks): one check for both.
        let not_mobile = match number.number_type(metadata) {
            Type::Unknown => return Err(PhoneNumberError::Invalid(input.to_owned())),
            kind => not_mobile(kind),
        };
        // Never longer than libphonenumber's numbers can be (`E164::LONGEST`).
        let Some(e164) = E164::new(&e164(&number)) else {
            return Err(PhoneNumberError::Invalid(input.to_owned()));
        };
        Ok(Self {
            e164,
            region: number
                .metadata(metadata)
                .and_then(|region| region.id().parse().ok()),
            not_mobile,
        })
    }

    /// Reads many numbers at once, on every core for a long list (up to `phone_metadata::COPIES`),
    /// each thread with its own copy of the metadata: libphonenumber's checks are most of the time
    /// spent reading 100,000 recipients. Results are in the order of `inputs`.
    pub fn parse_many(
        inputs: &[&str],
        default_region: Region,
    ) -> Vec<Result<Self, PhoneNumberError>> {
        // A number written many times is read once (a list of one number repeated is a cheap way
        // to make a server work). The numbers read are remembered a few thousand at a time: a
        // list of distinct numbers would otherwise keep a second copy of itself, and a list that
        // repeats more numbers than that costs no more than one that repeats none.
        let parse_all = |part: &[&str], metadata: &Database| -> Vec<_> {
            let mut read: std::collections::HashMap<&str, Result<Self, PhoneNumberError>> =
                std::collections::HashMap::with_capacity(part.len().min(NUMBERS_REMEMBERED));
            part.iter()
                .map(|input| {
                    if read.len() == NUMBERS_REMEMBERED {
                        read.clear();
                    }
                    read.entry(input)
                        .or_insert_with(|| Self::parse_with(metadata, input, default_region))
                        .clone()
                })
                .collect()
        };
        let threads = threads_at_most().min(inputs.len() / NUMBERS_PER_THREAD_AT_LEAST);
        if threads <= 1 {
            return parse_all(inputs, phone_metadata::copy(0));
        }
        std::thread::scope(|scope| {
            let parts: Vec<_> = inputs
                .chunks(inputs.len().div_ceil(threads))
                .enumerate()
                .map(|(index, part)| {
                    scope.spawn(move || parse_all(part, phone_metadata::copy(index)))
                })
                .collect();
            parts
                .into_iter()
                .flat_map(|part| part.join().expect("parsing a number does not panic"))
                .collect()
        })
    }

    /// A number an earlier reading of the same list found valid, as it logged it
    /// (`number_log`); `None` for text no valid number is written as, or a region with no code.
    pub(super) fn logged(
        e164: &str,
        region: Option<&str>,
        not_mobile: Option<NumberKind>,
    ) -> Option<Self> {
        let digits = e164.strip_prefix('+')?;
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let region = match region {
            Some(code) => Some(code.parse().ok()?),
            None => None,
        };
        Some(Self {
            e164: E164::new(e164)?,
            region,
            not_mobile,
        })
    }

    pub fn e164(&self) -> &str {
        self.e164.as_str()
    }

    /// The E.164 form as a value of its own, for a plan that names the recipient.
    pub fn e164_copy(&self) -> E164 {
        self.e164
    }

    /// Its kind, when that kind does not usually receive SMS (a landline…).
    pub fn not_mobile(&self) -> Option<NumberKind> {
        self.not_mobile
    }

    /// ISO 3166 code of the number's country, when the metadata knows it.
    pub fn region(&self) -> Option<&str> {
        self.region.as_ref().map(|id| id.as_ref())
    }
}

/// The first character a written number has no use for: libphonenumber reads the first number in
/// its input and drops the rest (`;ext=1`, ` x12`, ` / 06…`), which would lose a second number
/// without a word. A `+` is taken only before the digits; digits of any script are, as
/// libphonenumber reads them. `None` for text without digits, which is simply not a number.
fn stray_character(input: &str) -> Option<char> {
    if !input.chars().any(char::is_numeric) {
        return None;
    }
    let mut digits_seen = false;
    input.chars().find(|&c| {
        digits_seen |= c.is_numeric();
        let allowed =
            c.is_numeric() || c.is_whitespace() || "-.()".contains(c) || (c == '+' && !digits_seen);
        !allowed
    })
}

/// The kind of a number of libphonenumber's `kind`, when that kind does not usually receive SMS.
fn not_mobile(kind: Type) -> Option<NumberKind> {
    match kind {
        Type::FixedLine => Some(NumberKind::Landline),
        Type::TollFree => Some(NumberKind::TollFree),
        Type::PremiumRate => Some(NumberKind::PremiumRate),
        Type::SharedCost => Some(NumberKind::SharedCost),
        Type::Uan => Some(NumberKind::CompanyNumber),
        Type::Voicemail => Some(NumberKind::Voicemail),
        Type::Pager => Some(NumberKind::Pager),
        // A mobile, a number that may be one (a North American number), or one that may take
        // SMS (a personal or internet number).
        Type::Mobile
        | Type::FixedLineOrMobile
        | Type::PersonalNumber
        | Type::Voip
        | Type::Unknown => None,
        // Kinds of short numbers, which `number_type` never gives a valid number.
        Type::Emergency
        | Type::ShortCode
        | Type::StandardRate
        | Type::Carrier
        | Type::NoInternational => None,
    }
}

/// `input` with every space an ASCII one. libphonenumber takes a few spaces between digits
/// (ASCII, no-break, ideographic) but not the narrow no-break space that French number formatting
/// writes (`06\u{202F}12\u{202F}34…`, as `Intl.NumberFormat` and office suites give it), nor
/// thin or figure spaces; every space is allowed here (`stray_character`), so every one reads
/// alike.
fn ascii_spaces(input: &str) -> Cow<'_, str> {
    if input.chars().any(|c| c.is_whitespace() && c != ' ') {
        Cow::Owned(
            input
                .chars()
                .map(|c| if c.is_whitespace() { ' ' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(input)
    }
}

impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.e164)
    }
}

/// The E.164 form: `+`, the country code, the national number (with an Italian leading zero).
/// What the crate's formatter writes in E.164 mode, without the national formats it matches
/// first (regular expressions, a sixth of the time spent reading 100,000 numbers) and then ignores.
fn e164(number: &phonenumber::PhoneNumber) -> String {
    format!("+{}{}", number.country().code(), number.national())
}

#[cfg(test)]
#[path = "phone_tests.rs"]
mod tests;
