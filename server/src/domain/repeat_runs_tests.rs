//! The repeat runs' tests (`repeat_runs.rs`): runs merged from memory and disk find what a
//! table of the numbers seen finds.

use super::*;

/// The line of row `row`: two numbers a line, from line 3 (a header and a blank line first).
fn line_of(row: usize) -> u32 {
    row as u32 / 2 + 3
}

/// The values' digest of row `row`: most rows of a number have its first row's, some not.
fn values_of(row: usize) -> u64 {
    if row.is_multiple_of(13) {
        row as u64
    } else {
        7
    }
}

/// The repeats of `numbers` (one a row) by a table: those with other values than their number's
/// first row listed first, then the others, each by row.
fn by_table(numbers: &[String], listed: usize) -> FoundRepeats {
    let mut first = std::collections::HashMap::new();
    let mut found = FoundRepeats::default();
    let mut repeats = Vec::new();
    for (row, number) in numbers.iter().enumerate() {
        let line = line_of(row);
        match first.get(number) {
            Some(&(first_line, values)) => {
                found.rows.insert(row as u64);
                let repeat = DuplicateRecipient {
                    line,
                    first_line,
                    number: number.clone(),
                    other_values: values != values_of(row),
                };
                repeats.push((row, repeat));
            }
            None => {
                first.insert(number.clone(), (line, values_of(row)));
            }
        }
    }
    let (other, same): (Vec<_>, Vec<_>) = repeats.iter().partition(|(_, r)| r.other_values);
    let mut chosen: Vec<_> = other.into_iter().chain(same).take(listed).collect();
    chosen.sort_by_key(|(row, _)| *row);
    found.listed = chosen.into_iter().map(|(_, r)| r.clone()).collect();
    found.more = (repeats.len() - found.listed.len()) as u64;
    found
}

fn by_runs(numbers: &[String], run: usize, listed: usize) -> (FoundRepeats, usize) {
    let mut runs = RepeatRuns::with_run(run);
    for (row, number) in numbers.iter().enumerate() {
        runs.push(number, row as u64, line_of(row), values_of(row))
            .unwrap();
    }
    let spilled = runs.ends.len();
    (runs.finish(listed).unwrap(), spilled)
}

#[test]
fn runs_on_disk_find_what_a_table_finds() {
    // Numbers repeated within a run, across runs, many times, and the longest numbers
    // libphonenumber reads (20 digits) beside short ones.
    let numbers: Vec<String> = (0..5_000_u64)
        .map(|n| match n % 7 {
            0 => format!("+3361{:07}", n % 300),
            1 => format!("+1212555{:04}", n % 11),
            2 => format!("+{}", 99_999_999_999_999_999_999_u128 - u128::from(n % 5)),
            _ => format!("+4915{:09}", n * 7919 % 4_000),
        })
        .collect();
    for listed in [0, 3, 100, 10_000] {
        let expected = by_table(&numbers, listed);
        assert!(expected.more + expected.listed.len() as u64 > 1_000);
        if listed == 10_000 {
            let other_values = expected.listed.iter().filter(|r| r.other_values).count();
            assert!((100..expected.listed.len() - 100).contains(&other_values));
        }
        for run in [1, 2, 64, 999, 100_000] {
            // One run of one number each time (5,000 runs) is still one file.
            let (found, spilled) = by_runs(&numbers, run, listed);
            assert_eq!(found, expected, "runs of {run}, {listed} listed");
            assert_eq!(spilled, numbers.len() / run, "runs of {run}");
        }
    }
}

#[test]
fn a_list_without_repeats_has_none_and_an_empty_list_too() {
    let numbers: Vec<String> = (0..1_000).map(|n| format!("+3361{n:07}")).collect();
    assert_eq!(by_runs(&numbers, 10, 100).0, FoundRepeats::default());
    assert_eq!(by_runs(&[], 10, 100).0, FoundRepeats::default());
}

#[test]
fn numbers_keep_their_digits_and_an_entry_takes_twenty_eight_bytes() {
    for e164 in [
        "+1",
        "+33612345678",
        "+99999999999999999999",
        "+18446744073709551616",
    ] {
        let seen = Seen {
            number: digits(e164).unwrap(),
            row: 7,
            line: 9,
            values: [u32::MAX, 3],
        };
        assert_eq!(seen.e164(), e164);
        assert_eq!(Seen::from_bytes(&seen.to_bytes()), seen);
    }
    assert!(digits("+33612345678") > digits("+3361234567"));
    assert_eq!(digits(&format!("+{}", u128::MAX)), None);
    assert_eq!(std::mem::size_of::<Seen>(), SEEN_BYTES);
}

#[test]
fn a_run_that_cannot_be_written_is_a_sorting_failure() {
    let mut runs = RepeatRuns::with_run(2);
    let nowhere = format!("no-such-directory-{}", uuid::Uuid::new_v4());
    runs.directory = Some(std::env::temp_dir().join(nowhere));
    runs.push("+33612345678", 0, 1, 0).unwrap();
    let error = runs.push("+33612345679", 1, 2, 0).unwrap_err();
    assert!(is_sorting_failure(&error), "{error}");
    // Numbers that cannot be counted are one too.
    let mut runs = RepeatRuns::with_run(2);
    let error = runs.push("+33612345678", 1 << 32, 1, 0).unwrap_err();
    assert!(is_sorting_failure(&error), "{error}");
}
