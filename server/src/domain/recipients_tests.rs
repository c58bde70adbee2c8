//! The recipient list reader's tests (`recipients.rs`).

use super::*;
use crate::domain::parse_errors::{PhoneNumberError, SendTimeError};
use app::models::Field;

fn fr() -> Region {
    Region::parse("FR").unwrap()
}

#[test]
fn reports_bad_lines_by_number_and_keeps_the_first_of_duplicates() {
    let list = parse_recipients(
        "06 12 34 56 78\n\nnot a number\n+33612345678\n+12125550123\n",
        fr(),
    );
    let numbers: Vec<_> = list
        .recipients
        .iter()
        .map(|r| (r.line, r.number.e164()))
        .collect();
    assert_eq!(numbers, vec![(1, "+33612345678"), (5, "+12125550123")]);
    assert_eq!(
        list.duplicates,
        vec![DuplicateRecipient {
            line: 4,
            first_line: 1,
            number: "+33612345678".into(),
            other_values: false,
        }]
    );
    assert_eq!(list.errors.len(), 1);
    assert_eq!(list.errors[0].line, Some(3));
    assert_eq!(list.errors[0].field, Field::Recipients);
}

#[test]
fn columns_named_ignore_are_skipped_however_many() {
    let list = parse_recipients(
        "ignore;phone;ignore;first_name\nLyon;0612345678;x;Ana\n",
        fr(),
    );
    assert_eq!(list.errors, vec![]);
    assert_eq!(list.recipients[0].number.e164(), "+33612345678");
    let fields: Vec<(&str, &str)> = list.recipients[0].fields.iter().collect();
    assert_eq!(fields, vec![("first_name", "Ana")]);
}

#[test]
fn a_csv_list_carries_placeholder_values_and_time_zones() {
    let list = parse_recipients(
        "Phone,First Name,param1,time_zone\n06 12 34 56 78,Michał,A-12,\n\"+1 212 555 0123\",Ann,B-7,America/New_York\n",
        fr(),
    );
    assert!(list.errors.is_empty(), "{:?}", list.errors);
    let [first, second] = list.recipients.as_slice() else {
        panic!("two recipients")
    };
    assert_eq!((first.line, second.line), (2, 3));
    assert_eq!(first.fields.get("first_name"), Some("Michał"));
    assert_eq!(second.fields.get("param1"), Some("B-7"));
    assert_eq!(
        (first.zone, second.zone),
        (None, Some(chrono_tz::America::New_York))
    );
}

#[test]
fn csv_errors_name_the_line_and_the_column() {
    let list = parse_recipients(
        "phone;first_name;time_zone\n0612345678;Ann\n0612345679;Bob;Mars/Olympus\nhello;Eve;\n0612345678;Ann;\n",
        fr(),
    );
    let lines: Vec<_> = list.errors.iter().map(|e| e.line.unwrap()).collect();
    assert_eq!(lines, vec![2, 3, 4]);
    assert_eq!(
        list.errors[0].problem,
        Problem::ValueCount {
            values: 2,
            columns: 3
        }
    );
    assert_eq!(
        list.errors[1].problem,
        Problem::RecipientZone(SendTimeError::UnknownZone("Mars/Olympus".into()))
    );
    assert_eq!(list.recipients.len(), 1);

    let unknown = parse_recipients("phone,nickname\n0612345678,Al\n", fr());
    assert_eq!(unknown.errors.len(), 1);
    assert_eq!(unknown.errors[0].line, Some(1));
    assert_eq!(
        unknown.errors[0].problem,
        Problem::UnknownColumn("nickname".into())
    );
}

#[test]
fn a_csv_phone_cell_with_two_numbers_or_stray_text_is_an_error_on_its_line() {
    let list = parse_recipients(
        "phone,first_name\n0611111111,Ann\n\"0612345678, 0698765432\",Bob\n0612345678;0698765432,Eve\n+33612345678 x12,Al\n",
        fr(),
    );
    assert_eq!(list.recipients.len(), 1);
    let errors = errors_by_line(&list);
    assert_eq!(
        errors,
        vec![
            (
                Some(3),
                Problem::SeveralValuesInPhoneCell("0612345678, 0698765432".into())
            ),
            (
                Some(4),
                Problem::SeveralValuesInPhoneCell("0612345678;0698765432".into())
            ),
            (
                Some(5),
                Problem::Phone(PhoneNumberError::StrayCharacter {
                    input: "+33612345678 x12".into(),
                    character: 'x'
                })
            ),
        ]
    );
}

#[test]
fn lines_are_counted_alike_whatever_ends_them() {
    // Excel ends lines with CR LF; the bad number is on line 3 either way, and so is the
    // second recipient of a plain list.
    for ending in ["\n", "\r\n"] {
        let csv = [
            "phone,first_name",
            "0612345678,Ann",
            "06 98,Bob",
            "0698765432,Cy",
            "",
        ]
        .join(ending);
        let list = parse_recipients(&csv, fr());
        let lines: Vec<u32> = list.recipients.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 4], "{ending:?}");
        assert_eq!(list.errors[0].line, Some(3), "{ending:?}");
        let plain = ["0612345678", "06 98", "0698765432", ""].join(ending);
        let list = parse_recipients(&plain, fr());
        let lines: Vec<u32> = list.recipients.iter().map(|r| r.line).collect();
        assert_eq!(lines, [1, 3], "{ending:?}");
        assert_eq!(list.errors[0].line, Some(2), "{ending:?}");
    }
}

#[test]
fn a_tab_delimited_list_is_read_by_its_columns() {
    let tsv = "phone\tfirst_name\tignore\r\n0612345678\tHélène\tLyon\r\n06 98\tBob\tNice\r\n";
    let list = parse_recipients(tsv, fr());
    assert_eq!(list.recipients.len(), 1);
    assert_eq!(list.recipients[0].line, 2);
    assert_eq!(list.recipients[0].fields.get("first_name"), Some("Hélène"));
    assert_eq!(list.errors[0].line, Some(3));
}

#[test]
fn a_row_without_its_number_says_so_and_an_empty_row_is_skipped() {
    // Excel writes `;;` for an empty row at the end of a sheet.
    let list = parse_recipients(
        "phone;first_name\r\n0612345678;Ann\r\n;Zoë\r\n  ;Eve\r\n;;\r\n",
        fr(),
    );
    assert_eq!(list.recipients.len(), 1);
    assert_eq!(
        errors_by_line(&list),
        vec![
            (Some(3), Problem::NoPhoneValue),
            (Some(4), Problem::NoPhoneValue)
        ]
    );
}

/// A source that counts the bytes read from it.
struct Counting<'a> {
    bytes: &'a [u8],
    read: &'a std::cell::Cell<usize>,
}

impl std::io::Read for Counting<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let n = self.bytes.len().min(out.len());
        out[..n].copy_from_slice(&self.bytes[..n]);
        self.bytes = &self.bytes[n..];
        self.read.set(self.read.get() + n);
        Ok(n)
    }
}

#[test]
fn a_reading_told_to_stop_stops_within_two_batches_of_lines() {
    let list: String = (0..100_000).map(|n| format!("+3361{n:07}\n")).collect();
    let read = std::cell::Cell::new(0);
    let source = std::io::BufReader::new(Counting {
        bytes: list.as_bytes(),
        read: &read,
    });
    let mut given = 0;
    read_each(
        source,
        fr(),
        &KnownRepeats::default(),
        &mut Numbers::Checked,
        &mut |_| {
            given += 1;
            std::ops::ControlFlow::Break(())
        },
    )
    .unwrap();
    assert_eq!(given, 1);
    // The first two batches of lines read (32,768 of 100,000: the first is checked while the
    // second is read) and what the reader's buffer holds, not the whole list.
    assert!(
        read.get() < list.len() * 2 / 5,
        "{} of {} bytes",
        read.get(),
        list.len()
    );
}

/// Keeps what a reading gives: its recipients, and the rows it found repeating.
#[derive(Default)]
struct Kept {
    recipients: Vec<Recipient>,
    repeats: crate::domain::row_set::RowSet,
}

impl RecipientSink for Kept {
    fn recipient(&mut self, recipient: Recipient) {
        self.recipients.push(recipient);
    }

    fn repeats(&mut self, rows: crate::domain::row_set::RowSet) {
        self.repeats = rows;
    }
}

#[test]
fn a_list_read_again_with_its_repeats_found_by_sorting_gives_the_list_read_once() {
    let many: String = (0..300)
        .map(|n| format!("+3361000{:04}\n", n % 120))
        .collect();
    let lists = [
        "0612345678\nnot a number\n06 12 34 56 78\n+33698765432;0698765432, 0611111111\n0698765432\n",
        "phone,first_name\n0612345678,Ann\nx,Bob\n+33612345678,Ann again\n0698765432,Di\n",
        many.as_str(),
    ];
    for list in lists {
        // As an upload reads: repeats found last, by sorting.
        let mut first = Kept::default();
        let report = read_repeats_last(list.as_bytes(), fr(), 100, &mut first).unwrap();
        let repeated = first.repeats.iter().count() as u64;
        assert_eq!(
            repeated,
            report.duplicates.len() as u64 + report.more_duplicates,
            "{list}"
        );
        assert!(repeated > 0, "{list}");
        let once = parse_recipients(list, fr());
        assert_eq!(
            first.recipients.len() as u64 - repeated,
            once.recipients.len() as u64
        );
        // Found by a pass of their own, they are the same.
        let found = find_repeats(list.as_bytes(), fr()).unwrap();
        assert_eq!(*found.rows, first.repeats, "{list}");
        assert_eq!(found.duplicates, once.duplicates, "{list}");
        assert_eq!(found.more_duplicates, once.more_duplicates, "{list}");
        // Read again, the rows found left out: the list read once, and its report.
        let mut again = Vec::new();
        let reread = read_each(
            list.as_bytes(),
            fr(),
            &found,
            &mut Numbers::Checked,
            &mut |recipient| {
                again.push(recipient);
                std::ops::ControlFlow::Continue(())
            },
        )
        .unwrap();
        assert_eq!(again, once.recipients, "{list}");
        assert_eq!(reread.errors, once.errors, "{list}");
        assert_eq!(reread.duplicates, once.duplicates, "{list}");
    }
}

/// The line of each recipient and of each error, as (line, number) and (line, what is wrong).
fn lines_of(text: &str) -> (Vec<(u32, String)>, Vec<Option<u32>>) {
    let list = parse_recipients(text, fr());
    let recipients = list
        .recipients
        .iter()
        .map(|r| (r.line, r.number.e164().to_owned()))
        .collect();
    let errors = list.errors.iter().map(|e| e.line).collect();
    (recipients, errors)
}

#[test]
fn a_csv_row_after_empty_lines_is_told_by_its_own_line() {
    // The `csv` reader begins a row at the empty lines before it, and counted it there.
    let (recipients, errors) =
        lines_of("phone,first_name\n06 12 34 56 78,Ada\n\nnot a number,Cy\n");
    assert_eq!(recipients, [(2, "+33612345678".to_owned())]);
    assert_eq!(errors, [Some(4)]);
    // Several, with Windows line ends.
    let (recipients, errors) = lines_of(
        "phone,first_name\r\n06 12 34 56 78,Ada\r\n\r\n\r\n+44 7911 123456,Bob\r\nnope,Cy\r\n",
    );
    assert_eq!(
        recipients,
        [
            (2, "+33612345678".to_owned()),
            (5, "+447911123456".to_owned())
        ]
    );
    assert_eq!(errors, [Some(6)]);
    // An empty line inside a quoted value is the value's, not a line skipped.
    let (recipients, errors) =
        lines_of("phone,first_name\n06 12 34 56 78,\"A\n\nB\"\n\nnot a number,Cy\n");
    assert_eq!(recipients, [(2, "+33612345678".to_owned())]);
    assert_eq!(errors, [Some(6)]);
    // Lines of spaces or a tab before the header are blank lines, not the header.
    let (recipients, errors) =
        lines_of("  \n\t\r\nphone,first_name\n06 12 34 56 78,Ada\nnope,Cy\n");
    assert_eq!(recipients, [(4, "+33612345678".to_owned())]);
    assert_eq!(errors, [Some(5)]);
    // Empty lines before the header, and a row with a value too few after one.
    let (recipients, errors) = lines_of("\n\nphone,first_name\n06 12 34 56 78,Ada\n\n0698765432\n");
    assert_eq!(recipients, [(4, "+33612345678".to_owned())]);
    assert_eq!(errors, [Some(6)]);
}

#[test]
fn a_carriage_return_alone_ends_a_line() {
    // Old Mac exports end lines with `\r` alone: every row
    // was read on line 1, and a plain list's numbers as one.
    let (recipients, errors) =
        lines_of("phone,first_name\r06 12 34 56 78,Ada\r\rnot a number,Cy\r+44 7911 123456,Bob\r");
    assert_eq!(
        recipients,
        [
            (2, "+33612345678".to_owned()),
            (5, "+447911123456".to_owned())
        ]
    );
    assert_eq!(errors, [Some(4)]);
    let (recipients, errors) = lines_of("06 12 34 56 78\rnope\r\r0698765432;+44 7911 123456\r");
    assert_eq!(
        recipients,
        [
            (1, "+33612345678".to_owned()),
            (4, "+33698765432".to_owned()),
            (4, "+447911123456".to_owned())
        ]
    );
    assert_eq!(errors, [Some(2)]);
    // Blank lines before the header, and line ends of all three kinds in one file.
    let (recipients, errors) =
        lines_of("\r \r\nphone\r\n06 12 34 56 78\rnope\n0698765432\r\n\rbad\r");
    assert_eq!(
        recipients,
        [
            (4, "+33612345678".to_owned()),
            (6, "+33698765432".to_owned())
        ]
    );
    assert_eq!(errors, [Some(5), Some(8)]);
}
