//! Phone numbers, checked against libphonenumber's metadata (server side only: the tables are large).

use phonenumber::country;
use phonenumber::metadata::Database;
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
        let international = input.strip_prefix("00").map(|rest| format!("+{rest}"));
        let number = phonenumber::parse_with(
            metadata,
            Some(default_region.0),
            international.as_deref().unwrap_or(input),
        )
        .map_err(|_| PhoneNumberError::Unparsable(input.to_owned()))?;
        if !phonenumber::is_valid_with(metadata, &number) {
            return Err(PhoneNumberError::Invalid(input.to_owned()));
        }
        // Never longer than libphonenumber's numbers can be (`E164::LONGEST`).
        let Some(e164) = E164::new(&e164(&number)) else {
            return Err(PhoneNumberError::Invalid(input.to_owned()));
        };
        Ok(Self {
            e164,
            region: number
                .metadata(metadata)
                .and_then(|region| region.id().parse().ok()),
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

    pub fn e164(&self) -> &str {
        self.e164.as_str()
    }

    /// The E.164 form as a value of its own, for a plan that names the recipient.
    pub fn e164_copy(&self) -> E164 {
        self.e164
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
mod tests {
    use super::*;
    use phonenumber::Mode;

    fn fr() -> Region {
        Region::parse("FR").unwrap()
    }

    #[test]
    fn the_e164_form_is_the_one_the_crates_formatter_writes() {
        for (input, region) in [
            ("06 12 34 56 78", "FR"),
            ("+39 02 1234 5678", "IT"),
            ("+39 312 345 6789", "IT"),
            ("+1 212 736 5000", "US"),
            ("+262 692 12 34 56", "FR"),
            ("+44 7911 123456", "GB"),
            ("+49 1512 3456789", "DE"),
            ("+61 4 1234 5678", "AU"),
        ] {
            let number = phonenumber::parse(Some(Region::parse(region).unwrap().0), input).unwrap();
            assert_eq!(
                e164(&number),
                number.format().mode(Mode::E164).to_string(),
                "{input}"
            );
        }
        let italian = phonenumber::parse(None, "+39 02 1234 5678").unwrap();
        assert_eq!(
            e164(&italian),
            "+390212345678",
            "the Italian leading zero stays"
        );
    }

    #[test]
    fn national_french_formats_normalise_to_e164() {
        for input in [
            "06 12 34 56 78",
            "0612345678",
            "06.12.34.56.78",
            "+33 6 12 34 56 78",
            "0033612345678",
        ] {
            let number = PhoneNumber::parse(input, fr()).unwrap();
            assert_eq!(number.e164(), "+33612345678", "{input}");
            assert_eq!(number.region(), Some("FR"));
        }
    }

    #[test]
    fn international_numbers_ignore_the_default_region() {
        let number = PhoneNumber::parse("+1 212 555 0123", fr()).unwrap();
        assert_eq!(number.e164(), "+12125550123");
        assert_eq!(number.region(), Some("US"));
    }

    #[test]
    fn malformed_and_invalid_numbers_are_refused() {
        assert!(matches!(
            PhoneNumber::parse("hello", fr()),
            Err(PhoneNumberError::Unparsable(_))
        ));
        assert!(matches!(
            PhoneNumber::parse("+33 6 12", fr()),
            Err(PhoneNumberError::Invalid(_))
        ));
        assert!(PhoneNumber::parse("", fr()).is_err());
    }

    #[test]
    fn text_after_a_number_is_refused_rather_than_dropped() {
        for (input, character) in [
            ("0612345678;ext=1", ';'),
            ("0612345678 / 0698765432", '/'),
            ("+33612345678 x12", 'x'),
            ("0612345678,0698765432", ','),
            ("tel:+33612345678", 't'),
            ("06 12 34 56+78", '+'),
        ] {
            assert_eq!(
                PhoneNumber::parse(input, fr()),
                Err(PhoneNumberError::StrayCharacter {
                    input: input.to_owned(),
                    character
                }),
                "{input}"
            );
        }
        // What national and international formats are written with is still read.
        let written = PhoneNumber::parse("(+33) 6-12-34-56-78", fr()).unwrap();
        assert_eq!(written.e164(), "+33612345678");
    }

    #[test]
    fn many_numbers_parse_in_order_on_several_threads() {
        let inputs: Vec<String> = (0..5_000)
            .map(|i| {
                if i % 1_000 == 7 {
                    format!("bad{i}")
                } else {
                    format!("06{i:08}")
                }
            })
            .collect();
        let inputs: Vec<&str> = inputs.iter().map(String::as_str).collect();
        let parsed = PhoneNumber::parse_many(&inputs, fr());
        assert_eq!(parsed.len(), inputs.len());
        for (i, (input, result)) in inputs.iter().zip(&parsed).enumerate() {
            assert_eq!(result, &PhoneNumber::parse(input, fr()), "{i}");
        }
        assert_eq!(parsed.iter().filter(|r| r.is_err()).count(), 5);
    }

    #[test]
    fn numbers_repeated_after_a_thread_forgets_what_it_read_are_read_alike() {
        // Blocks of more distinct numbers than a thread remembers, each followed by some of its
        // first numbers again and a wrong one: every thread (at most `COPIES`) gets more than
        // it remembers, so it forgets them at least once and reads the repeats anew.
        let block = NUMBERS_REMEMBERED + 100;
        let mut inputs = Vec::new();
        for b in 0..phone_metadata::COPIES {
            let numbers: Vec<String> = (0..block).map(|n| format!("+336{b}{n:07}")).collect();
            inputs.extend(numbers.iter().cloned());
            inputs.extend(numbers[..5].iter().cloned());
            inputs.push(format!("06 {b}"));
        }
        let inputs: Vec<&str> = inputs.iter().map(String::as_str).collect();
        let parsed = PhoneNumber::parse_many(&inputs, fr());
        assert_eq!(parsed.len(), inputs.len());
        for (i, (input, result)) in inputs.iter().zip(&parsed).enumerate() {
            assert_eq!(result, &PhoneNumber::parse(input, fr()), "{i}: {input}");
        }
        let wrong = parsed.iter().filter(|r| r.is_err()).count();
        assert_eq!(wrong, phone_metadata::COPIES);
    }

    #[test]
    fn region_codes_are_checked() {
        assert!(Region::parse("us").is_ok());
        assert!(matches!(
            Region::parse("XX"),
            Err(PhoneNumberError::UnknownRegion(_))
        ));
    }

    #[test]
    fn a_number_keeps_its_e164_text_in_place() {
        let number = PhoneNumber::parse("06 12 34 56 78", fr()).unwrap();
        assert_eq!(number.e164(), "+33612345678");
        assert_eq!(&*number.e164_copy(), "+33612345678");
        // Longer numbers than E.164's 15 digits are valid for libphonenumber, and kept whole.
        let german = PhoneNumber::parse("+49 30 1234567890123", fr()).unwrap();
        assert_eq!(german.e164(), "+49301234567890123");
        // The longest text libphonenumber can write fits; one digit more does not.
        let longest = format!("+{}", "1".repeat(E164::LONGEST - 1));
        assert_eq!(E164::new(&longest).map(|e| e.len()), Some(E164::LONGEST));
        assert_eq!(E164::new(&format!("{longest}1")), None);
        assert_eq!(E164::new("+33é"), None);
        // In place: the number is its text, its length and its country, nothing on the heap.
        assert!(std::mem::size_of::<PhoneNumber>() <= 24);
    }
}
