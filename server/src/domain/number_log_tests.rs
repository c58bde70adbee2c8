use super::*;
use crate::domain::phone::Region;
use crate::domain::recipients::{find_repeats, read_each, KnownRepeats, ListReport, Recipient};
use std::ops::ControlFlow;

fn fr() -> Region {
    Region::parse("FR").unwrap()
}

/// A list with a bit of everything: a header, placeholder and zone columns, a number written
/// nationally and one internationally, a repeat, a wrong number, a blank line, an empty phone, a
/// quoted cell over two lines, a US and an overseas number, and Windows line ends.
const LIST: &str = "phone,first_name,time_zone\r\n\
06 12 34 56 78,Ada,Europe/Paris\r\n\
+44 7911 123456,Bob,\r\n\
\r\n\
06 12 34 56 78,Ada again,\r\n\
not a number,Cy,\r\n\
,Dee,\r\n\
+1 212 736 5000,\"Ed\n(two lines)\",America/New_York\r\n\
+262 692 12 34 56,Flo,\r\n\
0033 6 98 76 54 32,Gus,\r\n";

/// What a reading of `LIST` gives: its recipients and its report.
fn read(numbers: &mut Numbers) -> (Vec<Recipient>, ListReport) {
    let repeats = find_repeats(LIST.as_bytes(), fr()).unwrap();
    read_list(LIST, numbers, &repeats)
}

/// What a reading of `list` gives.
fn read_list(
    list: &str,
    numbers: &mut Numbers,
    repeats: &KnownRepeats,
) -> (Vec<Recipient>, ListReport) {
    let mut recipients = Vec::new();
    let report = read_each(list.as_bytes(), fr(), repeats, numbers, &mut |recipient| {
        recipients.push(recipient);
        ControlFlow::Continue(())
    })
    .unwrap();
    (recipients, report)
}

fn number(input: &str) -> PhoneNumber {
    PhoneNumber::parse(input, fr()).unwrap()
}

/// A log of `entries` (each row's line, its number as written, and the number the log gives it,
/// if any), as a reading would have written it.
fn log_of(entries: &[(u32, &str, Option<&str>)]) -> LoggedNumbers {
    let mut log = NumberLog::new().unwrap();
    for (line, written, input) in entries {
        let hash = written_hash(written);
        log.note(*line, hash, input.map(number).as_ref()).unwrap();
    }
    log.finish().unwrap()
}

#[test]
fn a_reading_from_the_log_finds_what_the_reading_that_wrote_it_found() {
    let mut numbers = Numbers::Logged(NumberLog::new().unwrap());
    let first = read(&mut numbers);
    let Numbers::Logged(log) = numbers else {
        panic!("the log was given up");
    };
    let logged = log.finish().unwrap();
    let mut again = Numbers::Known(logged.again().unwrap());
    assert_eq!(read(&mut again), first);
    // As checked with no log at all; and twice from the same log.
    assert_eq!(read(&mut Numbers::Checked), first);
    assert_eq!(read(&mut Numbers::Known(logged)), first);
    let (recipients, report) = first;
    assert_eq!(recipients.len(), 5, "{recipients:?}");
    assert_eq!(
        report.errors.len(),
        2,
        "the wrong number and the empty phone"
    );
    assert_eq!(report.duplicates.len(), 1);
}

#[test]
fn each_row_takes_its_entry_s_number_and_a_row_without_one_is_checked() {
    let list = "phone,first_name\n\
06 12 34 56 78,Ada\n\
+44 7911 123456,Bob\n\
not a number,Cy\n\
,Dee\n\
+1 212 736 5000,Ed\n";
    // Ada's number as the log says it (the log is what is read, not the line), Bob without one
    // (checked), Cy's wrong number logged as if it were one (the log is trusted for its rows),
    // and the log ending there (Ed checked; Dee's empty phone is no row to check).
    let logged = log_of(&[
        (2, "06 12 34 56 78", Some("+33 6 00 00 00 01")),
        (3, "+44 7911 123456", None),
        (4, "not a number", Some("+33 6 00 00 00 04")),
    ]);
    let (recipients, report) =
        read_list(list, &mut Numbers::Known(logged), &KnownRepeats::default());
    let numbers: Vec<(u32, &str)> = recipients
        .iter()
        .map(|r| (r.line, r.number.e164()))
        .collect();
    assert_eq!(
        numbers,
        [
            (2, "+33600000001"),
            (3, "+447911123456"),
            (4, "+33600000004"),
            (6, "+12127365000"),
        ]
    );
    let lines: Vec<Option<u32>> = report.errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [Some(5)], "the empty phone: {:?}", report.errors);
}

/// What `list` reads as, checked; read again from the log of a first reading, and read from
/// that log, it reads the same.
fn read_twice(list: &str) -> (Vec<Recipient>, ListReport) {
    let none = KnownRepeats::default();
    let mut numbers = Numbers::Logged(NumberLog::new().unwrap());
    let first = read_list(list, &mut numbers, &none);
    let Numbers::Logged(log) = numbers else {
        panic!("the log was given up");
    };
    let again = read_list(list, &mut Numbers::Known(log.finish().unwrap()), &none);
    assert_eq!(again, first);
    assert_eq!(again, read_list(list, &mut Numbers::Checked, &none));
    first
}

#[test]
fn rows_of_one_line_keep_their_own_numbers() {
    // Three rows on line 2, the middle one wrong: the third must not take the first's entry,
    // nor the wrong one the third's.
    let list = "06 12 34 56 78;nope;+44 7911 123456\n0698765432\n";
    let first = read_twice(list);
    assert_eq!(first.0.len(), 3);
    assert_eq!(first.1.errors.len(), 1);
}

#[test]
fn rows_ended_by_a_lone_carriage_return_keep_their_own_numbers() {
    // Old Mac exports end rows with `\r` alone: each row is a line of its own, with its entry.
    let list =
        "phone,first_name\rnot a number,\r06 12 34 56 78,Bob\r+44 7911 123456,Cy\r0698765432,\r";
    let first = read_twice(list);
    let numbers: Vec<&str> = first.0.iter().map(|r| r.number.e164()).collect();
    assert_eq!(numbers, ["+33612345678", "+447911123456", "+33698765432"]);
}

#[test]
fn a_log_out_of_step_with_the_rows_is_given_up() {
    let list = "06 12 34 56 78\n+44 7911 123456\n0698765432\n";
    let none = KnownRepeats::default();
    // The first entry is the first row's; the second names another line, or the row's line but
    // other text (a row cut short where the reading that wrote the log was stopped): from there
    // on, every row is checked.
    let other_line = [
        (1, "06 12 34 56 78", Some("+33 6 00 00 00 01")),
        (3, "+44 7911 123456", Some("+33 6 00 00 00 03")),
        (3, "0698765432", Some("+33 6 00 00 00 04")),
    ];
    let other_text = [
        (1, "06 12 34 56 78", Some("+33 6 00 00 00 01")),
        (2, "+44 7911 12345", Some("+33 6 00 00 00 02")),
        (3, "0698765432", Some("+33 6 00 00 00 03")),
    ];
    for entries in [other_line, other_text] {
        let logged = log_of(&entries);
        let (recipients, _) = read_list(list, &mut Numbers::Known(logged), &none);
        let numbers: Vec<&str> = recipients.iter().map(|r| r.number.e164()).collect();
        assert_eq!(numbers, ["+33600000001", "+447911123456", "+33698765432"]);
    }
}

#[test]
fn a_log_that_does_not_read_back_spares_nothing_and_changes_nothing() {
    let mut log = NumberLog::new().unwrap();
    let written = written_hash("06 12 34 56 78");
    log.note(2, written, Some(&number("06 12 34 56 78")))
        .unwrap();
    // An entry cut short: the log ends in the middle of it.
    log.out.write_all(&3u32.to_le_bytes()).unwrap();
    log.out
        .write_all(&written_hash("+44 7911 123456").to_le_bytes())
        .unwrap();
    log.out.write_all(&[12, b'+', b'4']).unwrap();
    let logged = log.finish().unwrap();
    assert_eq!(
        read(&mut Numbers::Known(logged)),
        read(&mut Numbers::Checked)
    );
}

#[test]
fn only_text_a_valid_number_is_written_as_reads_back_from_a_log() {
    assert!(PhoneNumber::logged("+33612345678", Some("FR"), None).is_some());
    assert!(PhoneNumber::logged("+33612345678", None, None).is_some());
    for text in ["33612345678", "+", "+33 612", "+33a12345678", "+١٢٣٤"] {
        assert!(
            PhoneNumber::logged(text, Some("FR"), None).is_none(),
            "{text}"
        );
    }
    assert!(PhoneNumber::logged("+33612345678", Some("ZZ"), None).is_none());
    assert!(PhoneNumber::logged(&format!("+{}", "1".repeat(30)), None, None).is_none());
    // Written and read back: the same number, region and kind included.
    for input in ["+262 692 12 34 56", "01 44 55 66 77", "0800 123 456"] {
        let written = number(input);
        let logged =
            PhoneNumber::logged(written.e164(), written.region(), written.not_mobile()).unwrap();
        assert_eq!(logged, written, "{input}");
    }
}

#[test]
fn a_number_s_kind_reads_back_from_the_log() {
    // A mobile, a landline, a toll-free number: read again from the log, each keeps its kind.
    let first = read_twice("phone\n06 12 34 56 78\n01 44 55 66 77\n0800 123 456\n");
    let kinds: Vec<_> = first.0.iter().map(|r| r.number.not_mobile()).collect();
    assert_eq!(
        kinds,
        [None, Some(NumberKind::Landline), Some(NumberKind::TollFree)]
    );
    for kind in [
        None,
        Some(NumberKind::Landline),
        Some(NumberKind::TollFree),
        Some(NumberKind::PremiumRate),
        Some(NumberKind::SharedCost),
        Some(NumberKind::CompanyNumber),
        Some(NumberKind::Voicemail),
        Some(NumberKind::Pager),
    ] {
        assert_eq!(kind_of_code(kind_code(kind)), Some(kind));
    }
    assert_eq!(kind_of_code(8), None, "a byte never written");
}

#[test]
fn the_first_reading_writes_the_log_and_the_next_ones_take_from_it() {
    let readings = ReadingsLog::default();
    let mut first = readings.for_reading();
    assert!(matches!(first, Numbers::Logged(_)));
    let checked = read(&mut first);
    readings.after_reading(first);
    for _ in 0..2 {
        let mut next = readings.for_reading();
        assert!(matches!(next, Numbers::Known(_)));
        assert_eq!(read(&mut next), checked);
        readings.after_reading(next);
    }
    // A reading while another has the log writes one of its own; the last to end is kept.
    let taken = readings.for_reading();
    let meanwhile = readings.for_reading();
    assert!(matches!(taken, Numbers::Known(_)));
    assert!(matches!(meanwhile, Numbers::Logged(_)));
    readings.after_reading(taken);
    assert!(matches!(readings.for_reading(), Numbers::Known(_)));
}

#[test]
fn a_list_of_several_batches_reads_again_from_its_log_as_it_first_read() {
    // The first batch all numbers (read again, taken from the log where it is read), then lines
    // in error (read again, checked a batch ahead on a thread of their own).
    let batch = super::super::recipient_checks::CHECK_BATCH;
    let list: String = (0..batch * 5 / 2)
        .map(|index| match index {
            index if index > batch && index % 997 == 0 => "not a number\n".to_owned(),
            index => format!("+3361{index:07}\n"),
        })
        .collect();
    let wrong = (batch + 1..batch * 5 / 2)
        .filter(|index| index % 997 == 0)
        .count();
    let (recipients, report) = read_twice(&list);
    assert_eq!(report.errors.len(), wrong);
    assert_eq!(recipients.len(), batch * 5 / 2 - wrong);
}
