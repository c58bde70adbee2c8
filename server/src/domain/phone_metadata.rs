//! libphonenumber's metadata, a copy for each thread that reads numbers at the same time.
//!
//! The `phonenumber` crate kept the regular expressions of a copy in one cache behind one mutex,
//! held while each expression ran: two threads reading 400,000 numbers with one copy took 1.49 s,
//! longer than one thread alone (1.08 s); with a copy each, 0.51 s. The threads reading one list
//! each take a copy of their own (two lists read at once share them, slower but alike). Since
//! `vendor/regex-cache`, each expression is compiled once, with ASCII classes, and read with no
//! lock; each takes about a tenth of the memory it did, and is kept (no eviction: at most every
//! pattern of the metadata, about 28 MB a copy). The crate's own copy is built from data private
//! to it, so these are loaded from the file it is built from:
//! `vendor/phonenumber/assets/PhoneNumberMetadata.xml`, libphonenumber v9.0.33's
//! `resources/PhoneNumberMetadata.xml` as the crate `phonenumber` 0.3.10+9.0.33 ships it (Apache
//! License 2.0, its notice at the top of the file; the workspace patches crates.io's `phonenumber`
//! with that copy of the crate, `vendor/phonenumber/PATCH.md`). Every number is read with these
//! copies only, never the crate's, and a test checks that every region's patterns, prefixes and
//! example numbers are the crate's own.

use phonenumber::metadata::Database;
use std::sync::OnceLock;

const METADATA: &str = include_str!("../../../vendor/phonenumber/assets/PhoneNumberMetadata.xml");

/// Most copies made: each takes 65 ms to load, and memory for the expressions it has used (7 MB
/// for a few regions' before `vendor/regex-cache`; every region's, about 28 MB, since).
pub const COPIES: usize = 4;

static LOADED: [OnceLock<Database>; COPIES] = [const { OnceLock::new() }; COPIES];

/// The `index`-th copy (modulo `COPIES`), loaded on first use. Copy 0 reads single numbers.
pub fn copy(index: usize) -> &'static Database {
    LOADED[index % COPIES].get_or_init(|| {
        Database::parse(METADATA).expect("the metadata kept in the repository loads")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use phonenumber::metadata::{Descriptor, DATABASE};

    /// A region's descriptors, kind by kind.
    fn kinds(metadata: &phonenumber::Metadata) -> [Option<&Descriptor>; 11] {
        let descriptors = metadata.descriptors();
        [
            Some(descriptors.general()),
            descriptors.fixed_line(),
            descriptors.mobile(),
            descriptors.toll_free(),
            descriptors.premium_rate(),
            descriptors.shared_cost(),
            descriptors.personal_number(),
            descriptors.voip(),
            descriptors.pager(),
            descriptors.uan(),
            descriptors.voicemail(),
        ]
    }

    /// Every region's patterns and prefixes the same as the crate's, and its example numbers, of
    /// every kind, read alike.
    #[test]
    fn the_copy_kept_here_reads_numbers_as_the_crates_own() {
        let ours = copy(0);
        assert_eq!(
            ours.iter().count(),
            DATABASE.iter().count(),
            "the same regions"
        );
        let mut compared = 0;
        for region in DATABASE.iter() {
            let own = ours
                .by_id(region.id())
                .unwrap_or_else(|| panic!("{} is in the copy", region.id()));
            let rules = |metadata: &phonenumber::Metadata| {
                (
                    metadata.country_code(),
                    metadata
                        .international_prefix()
                        .map(|r| r.as_str().to_owned()),
                    metadata.national_prefix().map(str::to_owned),
                    metadata
                        .national_prefix_for_parsing()
                        .map(|r| r.as_str().to_owned()),
                    metadata.national_prefix_transform_rule().map(str::to_owned),
                    metadata.leading_digits().map(|r| r.as_str().to_owned()),
                    metadata.is_main_country_for_code(),
                )
            };
            assert_eq!(rules(own), rules(region), "{}", region.id());
            for (mine, theirs) in kinds(own).into_iter().zip(kinds(region)) {
                let pattern = |descriptor: Option<&Descriptor>| {
                    descriptor.map(|d| {
                        (
                            d.national_number().as_str().to_owned(),
                            d.possible_length().to_vec(),
                            d.example().map(str::to_owned),
                        )
                    })
                };
                assert_eq!(pattern(mine), pattern(theirs), "{}", region.id());
                let Some(example) = theirs.and_then(|d| d.example()) else {
                    continue;
                };
                let input = format!("+{}{example}", region.country_code());
                let read = |database: &Database| {
                    phonenumber::parse_with(database, None, &input).map(|number| {
                        let region = number.metadata(database).map(|m| m.id().to_owned());
                        (phonenumber::is_valid_with(database, &number), region)
                    })
                };
                assert_eq!(read(ours).ok(), read(&DATABASE).ok(), "{input}");
                compared += 1;
            }
        }
        assert!(compared > 1_000, "only {compared} examples compared");
    }

    /// Digits a pattern may be matched against: numbers of every length up to libphonenumber's
    /// longest, drawn the same way at every run.
    fn digit_texts() -> Vec<String> {
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        (0..200)
            .map(|index| {
                let len = 1 + index % 19;
                (0..len)
                    .map(|_| {
                        state = state
                            .wrapping_mul(6_364_136_223_846_793_005)
                            .wrapping_add(1_442_695_040_888_963_407);
                        char::from(b'0' + u8::try_from((state >> 33) % 10).expect("a digit"))
                    })
                    .collect()
            })
            .collect()
    }

    /// The patterns are compiled with ASCII classes (`vendor/regex-cache`): on the ASCII digits the
    /// crate matches them against, each finds what it found with Unicode classes, group by group.
    #[test]
    fn every_pattern_reads_ascii_digits_alike_in_both_modes() {
        let digits = digit_texts();
        let mut compared = 0;
        for region in copy(0).iter() {
            let mut texts = digits.clone();
            for example in kinds(region)
                .into_iter()
                .flatten()
                .filter_map(|d| d.example())
            {
                texts.push(example.to_owned());
                texts.push(format!(
                    "{}{example}",
                    region.national_prefix().unwrap_or("")
                ));
                texts.push(format!("{}{example}", region.country_code()));
            }
            let formats = region
                .formats()
                .iter()
                .chain(region.international_formats());
            let patterns = kinds(region)
                .into_iter()
                .flatten()
                .map(Descriptor::national_number)
                .chain(region.international_prefix())
                .chain(region.national_prefix_for_parsing())
                .chain(region.leading_digits())
                .chain(
                    formats.flat_map(|f| std::iter::once(f.pattern()).chain(f.leading_digits())),
                );
            for pattern in patterns {
                let unicode = regex::RegexBuilder::new(pattern.as_str())
                    .ignore_whitespace(true)
                    .build()
                    .expect("the crate's patterns compile");
                for text in &texts {
                    let groups = |captures: Option<regex::Captures<'_>>| {
                        captures.map(|c| c.iter().map(|g| g.map(|g| g.range())).collect::<Vec<_>>())
                    };
                    assert_eq!(
                        groups(pattern.captures(text)),
                        groups(unicode.captures(text)),
                        "{} in {}: {text}",
                        pattern.as_str(),
                        region.id()
                    );
                }
                compared += 1;
            }
        }
        assert!(compared > 3_000, "only {compared} patterns compared");
    }
}
