// Copyright (C) 2017 1aim GmbH
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
// http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.
//
// Changed in this copy (see PATCH.md): `is_match` asks `matches_at_start` instead of `find` and a
// start of 0; a test compares the two for every pattern.

use regex_cache::CachedRegex;

/// Description of a phone number to parse.
#[derive(Clone, Debug)]
pub struct Descriptor {
    pub(crate) national_number: CachedRegex,

    pub(crate) possible_length: Vec<u16>,
    pub(crate) possible_local_length: Vec<u16>,

    pub(crate) example: Option<String>,
}

impl Descriptor {
    /// The national number is the pattern that a valid national significant
    /// number would match. This specifies information such as its total length
    /// and leading digits.
    pub fn national_number(&self) -> &CachedRegex {
        &self.national_number
    }

    /// These represent the lengths a phone number from this region can be. They
    /// will be sorted from smallest to biggest. Note that these lengths are for
    /// the full number, without country calling code or national prefix. For
    /// example, for the Swiss number +41789270000, in local format 0789270000,
    /// this would be 9.
    ///
    /// This could be used to highlight tokens in a text that may be a phone
    /// number, or to quickly prune numbers that could not possibly be a phone
    /// number for this locale.
    pub fn possible_length(&self) -> &[u16] {
        &self.possible_length
    }

    /// These represent the lengths that only local phone numbers (without an
    /// area code) from this region can be. They will be sorted from smallest to
    /// biggest. For example, since the American number 456-1234 may be locally
    /// diallable, although not diallable from outside the area, 7 could be a
    /// possible value.  This could be used to highlight tokens in a text that
    /// may be a phone number.
    ///
    /// To our knowledge, area codes are usually only relevant for some
    /// fixed-line and mobile numbers, so this field should only be set for those
    /// types of numbers (and the general description) - however there are
    /// exceptions for NANPA countries.
    ///
    /// This data is used to calculate whether a number could be a possible
    /// number for a particular type.
    pub fn possible_local_length(&self) -> &[u16] {
        &self.possible_local_length
    }

    /// An example national significant number for the specific type. It should
    /// not contain any formatting information.
    pub fn example(&self) -> Option<&str> {
        self.example.as_ref().map(AsRef::as_ref)
    }

    /// Check if the descriptor matches the given national number.
    pub fn is_match(&self, value: &str) -> bool {
        if !self.possible_length.is_empty() && !self.possible_length.contains(&(value.len() as u16))
        {
            return false;
        }

        self.national_number.matches_at_start(value)
    }
}

#[cfg(test)]
mod test {
    use crate::metadata::{Metadata, DATABASE};
    use regex_cache::CachedRegex;

    /// The patterns the crate asks whether they match from the start of a text (`is_match`,
    /// `source_for`, the check for an international prefix after a `+`).
    fn patterns(meta: &Metadata) -> Vec<&CachedRegex> {
        let d = &meta.descriptors;
        let descriptors = [
            Some(&d.general),
            d.fixed_line.as_ref(),
            d.mobile.as_ref(),
            d.toll_free.as_ref(),
            d.premium_rate.as_ref(),
            d.shared_cost.as_ref(),
            d.personal_number.as_ref(),
            d.voip.as_ref(),
            d.pager.as_ref(),
            d.uan.as_ref(),
            d.emergency.as_ref(),
            d.voicemail.as_ref(),
            d.short_code.as_ref(),
            d.standard_rate.as_ref(),
            d.carrier.as_ref(),
            d.no_international.as_ref(),
        ];
        let mut patterns: Vec<&CachedRegex> = descriptors
            .into_iter()
            .flatten()
            .map(|descriptor| &descriptor.national_number)
            .collect();
        patterns.extend(meta.leading_digits.as_ref());
        patterns.extend(meta.international_prefix.as_ref());
        patterns
    }

    /// The region's example numbers, each cut short, lengthened, and behind one or two more
    /// digits (where a pattern is found further in), and digit strings of every length up to 17.
    fn texts(meta: &Metadata) -> Vec<String> {
        let mut texts: Vec<String> = (1..=17)
            .flat_map(|length| {
                (0..10u64).map(move |seed| {
                    let mut state = seed * 7_919 + length as u64;
                    (0..length)
                        .map(|_| {
                            state = state
                                .wrapping_mul(6_364_136_223_846_793_005)
                                .wrapping_add(1);
                            char::from(b'0' + (state >> 59) as u8 % 10)
                        })
                        .collect()
                })
            })
            .collect();
        let d = &meta.descriptors;
        let examples = [
            d.general.example(),
            d.fixed_line.as_ref().and_then(|d| d.example()),
        ]
        .into_iter()
        .chain(descriptor_examples(meta))
        .flatten();
        for example in examples {
            texts.push(example.to_owned());
            texts.push(example[..example.len() / 2].to_owned());
            texts.push(format!("{example}0"));
            for prefix in ["0", "1", "00", "011", "9"] {
                texts.push(format!("{prefix}{example}"));
            }
        }
        texts.push(String::new());
        texts
    }

    fn descriptor_examples(meta: &Metadata) -> Vec<Option<&str>> {
        let d = &meta.descriptors;
        [
            d.mobile.as_ref(),
            d.toll_free.as_ref(),
            d.premium_rate.as_ref(),
            d.shared_cost.as_ref(),
            d.personal_number.as_ref(),
            d.voip.as_ref(),
            d.pager.as_ref(),
            d.uan.as_ref(),
            d.voicemail.as_ref(),
        ]
        .into_iter()
        .map(|descriptor| descriptor.and_then(|d| d.example()))
        .collect()
    }

    /// `matches_at_start` answers as a search finding a match at 0 did, for every pattern the
    /// crate asks so, on texts where the pattern matches from the start, further in, or not at all.
    #[test]
    fn every_pattern_matches_from_the_start_as_its_search_found_it_there() {
        let (mut at_start, mut further_in, mut nowhere) = (0, 0, 0);
        for meta in DATABASE.iter() {
            let texts = texts(meta);
            for pattern in patterns(meta) {
                for text in &texts {
                    let found = pattern.find(text).map(|m| m.start());
                    let expected = found == Some(0);
                    assert_eq!(
                        pattern.matches_at_start(text),
                        expected,
                        "{} ({}) on {text:?}",
                        pattern.as_str(),
                        meta.id
                    );
                    match found {
                        Some(0) => at_start += 1,
                        Some(_) => further_in += 1,
                        None => nowhere += 1,
                    }
                }
            }
        }
        // The texts try each answer many times over.
        assert!(at_start > 10_000, "{at_start} matches from the start");
        assert!(further_in > 10_000, "{further_in} matches further in");
        assert!(nowhere > 10_000, "{nowhere} texts without a match");
    }
}
