use super::super::recipients::{
    parse_recipients, read_each, read_list, read_repeats_last, KnownRepeats,
};
use super::*;
use std::io::{self, BufReader, Read};

fn fr() -> Region {
    Region::parse("FR").unwrap()
}

/// Keeps what a reading gives: every recipient, and the rows it was told repeat.
#[derive(Default)]
struct Kept {
    recipients: Vec<Recipient>,
    repeats: RowSet,
}

impl RecipientSink for Kept {
    fn recipient(&mut self, recipient: Recipient) {
        self.recipients.push(recipient);
    }

    fn repeats(&mut self, rows: RowSet) {
        self.repeats = rows;
    }
}

/// A source that gives one byte a read, as a slow upload may.
struct Trickle<'a>(&'a [u8]);

impl Read for Trickle<'_> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let Some((first, rest)) = self.0.split_first() else {
            return Ok(0);
        };
        buffer[0] = *first;
        self.0 = rest;
        Ok(1)
    }
}

#[test]
fn a_list_read_a_byte_at_a_time_is_the_list_read_at_once() {
    let lists = [
        "\n\nphone;first_name;time_zone\r\n0612345678;Ann;Europe/Paris\r\n\
         x;Bob;\n0612345678;Ann again;\n+12125550123;\"Cy, Jr\";America/New_York",
        "06 12 34 56 78\r\nnot a number\n\n0612345678, +12125550123\n",
    ];
    for list in lists {
        let trickled = read_list(
            BufReader::with_capacity(1, Trickle(list.as_bytes())),
            fr(),
            0,
        )
        .unwrap();
        assert_eq!(trickled, parse_recipients(list, fr()), "{list}");
    }
}

#[test]
fn repeats_found_by_sorting_are_those_found_afterwards() {
    // Repeats on other lines, on one line, in other writings of a number, and more than
    // are listed: the list kept and its report are the same either way.
    let mut lines = vec![
        "phone;first_name".to_owned(),
        "0612345678;Ann".to_owned(),
        "+12125550123;Bob".to_owned(),
        "06 12 34 56 78;Ann again".to_owned(),
        "x;Nobody".to_owned(),
    ];
    lines.extend((0..150).map(|n| format!("+3361{:07};N{n}", n % 40)));
    lines.push("0033612345678;Ann once more".to_owned());
    let csv = lines.join("\n");
    let plain = "0612345678, 06 12 34 56 78\n+12125550123\n0612345678\n";
    for list in [csv.as_str(), plain] {
        let afterwards = parse_recipients(list, fr());
        // Found last by sorting: every recipient given, then the same repeats told.
        let mut sorted = Kept::default();
        let report = read_repeats_last(list.as_bytes(), fr(), usize::MAX, &mut sorted).unwrap();
        assert_eq!(afterwards.duplicates, report.duplicates, "{list}");
        assert_eq!(afterwards.more_duplicates, report.more_duplicates, "{list}");
        assert_eq!(afterwards.errors, report.errors, "{list}");
        let repeated = sorted.repeats.iter().count();
        assert_eq!(
            repeated as u64,
            report.duplicates.len() as u64 + report.more_duplicates
        );
        // Read again with them known: the list read once, and the same report.
        let known = KnownRepeats {
            rows: Arc::new(sorted.repeats),
            duplicates: report.duplicates.clone(),
            more_duplicates: report.more_duplicates,
        };
        let mut again = Vec::new();
        let reread = read_each(
            list.as_bytes(),
            fr(),
            &known,
            &mut Numbers::Checked,
            &mut |recipient| {
                again.push(recipient);
                std::ops::ControlFlow::Continue(())
            },
        )
        .unwrap();
        assert_eq!(sorted.recipients.len() - repeated, again.len());
        assert_eq!(afterwards.recipients, again, "{list}");
        assert_eq!(afterwards.duplicates, reread.duplicates, "{list}");
        assert_eq!(afterwards.errors, reread.errors, "{list}");
    }
    let afterwards = parse_recipients(&csv, fr());
    assert_eq!(afterwards.duplicates.len(), DUPLICATES_LISTED);
    assert_eq!(afterwards.more_duplicates, 12);
    assert_eq!(afterwards.recipients.len(), 42);
}

#[test]
fn a_line_that_is_not_utf8_is_an_error_on_its_line_alone() {
    for list in [
        &b"0612345678\n06\xe9\n0698765432\n"[..],
        &b"phone,first_name\n0612345678,Ann\n06\xe9,Bob\n0698765432,Cy\n"[..],
    ] {
        let read = read_list(list, fr(), 4).unwrap();
        let lines: Vec<_> = read.recipients.iter().map(|r| r.line).collect();
        let offset = u32::from(list.starts_with(b"phone"));
        assert_eq!(lines, vec![1 + offset, 3 + offset]);
        assert_eq!(read.errors.len(), 1);
        assert_eq!(read.errors[0].line, Some(2 + offset));
        assert_eq!(read.errors[0].problem, Problem::NotUtf8Line);
    }
}

#[test]
fn a_failing_source_fails_the_reading_rather_than_a_line() {
    struct Cut;
    impl Read for Cut {
        fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
            Err(io::Error::new(io::ErrorKind::ConnectionReset, "cut"))
        }
    }
    let plain = io::Cursor::new(b"0612345678\n".to_vec()).chain(Cut);
    assert!(read_list(BufReader::new(plain), fr(), 2).is_err());
    let csv = io::Cursor::new(b"phone\n0612345678\n".to_vec()).chain(Cut);
    assert!(read_list(BufReader::new(csv), fr(), 3).is_err());
}

#[test]
fn errors_beyond_those_listed_are_counted_and_recipients_go_to_the_sink() {
    let list = "x\n".repeat(CHECK_BATCH + 10) + "0612345678\n";
    let mut kept = Vec::new();
    let report = read_repeats_last(list.as_bytes(), fr(), 5, &mut kept).unwrap();
    assert_eq!(report.errors.len(), 5);
    assert_eq!(report.more_errors, (CHECK_BATCH + 5) as u64);
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].line, (CHECK_BATCH + 11) as u32);
}

/// What line `index` (0-based) of `long_list` holds: a number of its own, the same number every
/// 1,000 lines from the sixth, or a line in error every 1,000 from the 1,000th, so that each batch
/// of lines starts and ends among numbers, errors and repeats alike.
fn long_list_line(index: usize) -> String {
    match index % 1_000 {
        999 => "not a number".to_owned(),
        5 => "06 12 34 56 78".to_owned(),
        _ => format!("+3361{index:07}"),
    }
}

fn long_list(lines: usize) -> String {
    (0..lines)
        .map(|index| long_list_line(index) + "\n")
        .collect()
}

#[test]
fn a_list_of_several_batches_reads_as_its_lines_one_by_one() {
    // Three and a half batches, and two whole ones (the last batch empty): each is checked on a
    // thread of its own while the next lines are read.
    for lines in [CHECK_BATCH * 7 / 2, CHECK_BATCH * 2] {
        several_batches_read_as_lines_one_by_one(lines);
    }
}

fn several_batches_read_as_lines_one_by_one(lines: usize) {
    let read = read_list(long_list(lines).as_bytes(), fr(), 0).unwrap();
    let (mut recipients, mut errors, mut repeats) = (Vec::new(), Vec::new(), Vec::new());
    for index in 0..lines {
        let line = index as u32 + 1;
        match PhoneNumber::parse(&long_list_line(index), fr()) {
            Err(_) => errors.push(line),
            Ok(_) if index % 1_000 == 5 && index > 5 => repeats.push((line, 6)),
            Ok(number) => recipients.push((line, number.e164().to_owned())),
        }
    }
    let read_recipients: Vec<(u32, String)> = read
        .recipients
        .iter()
        .map(|r| (r.line, r.number.e164().to_owned()))
        .collect();
    assert_eq!(read_recipients.len(), recipients.len());
    assert!(read_recipients == recipients, "recipients out of place");
    let error_lines: Vec<u32> = read.errors.iter().filter_map(|e| e.line).collect();
    assert_eq!(error_lines, errors);
    let listed: Vec<(u32, u32)> = read
        .duplicates
        .iter()
        .map(|d| (d.line, d.first_line))
        .collect();
    assert_eq!(listed, repeats[..listed.len()]);
    assert_eq!(
        listed.len() as u64 + read.more_duplicates,
        repeats.len() as u64
    );
}

#[test]
fn repeats_with_other_values_are_said_and_listed_first() {
    // 120 repeats with their first line's values, then one with another name and one in
    // another zone: those two are listed although more than the listed lines come before them.
    let mut lines = vec![
        "phone;first_name;time_zone".to_owned(),
        "0612345678;Ann;Europe/Paris".to_owned(),
    ];
    lines.extend((0..120).map(|_| "06 12 34 56 78;Ann;Europe/Paris".to_owned()));
    lines.push("0612345678;Bob;Europe/Paris".to_owned());
    lines.push("+33612345678;Ann;America/New_York".to_owned());
    let csv = lines.join("\n");
    let afterwards = parse_recipients(&csv, fr());
    let sorted = read_repeats_last(csv.as_bytes(), fr(), usize::MAX, &mut Kept::default()).unwrap();
    for (duplicates, more) in [
        (&afterwards.duplicates, afterwards.more_duplicates),
        (&sorted.duplicates, sorted.more_duplicates),
    ] {
        assert_eq!((duplicates.len(), more), (DUPLICATES_LISTED, 22));
        let other: Vec<u32> = duplicates
            .iter()
            .filter(|d| d.other_values)
            .map(|d| d.line)
            .collect();
        assert_eq!(other, vec![123, 124]);
        assert!(duplicates
            .windows(2)
            .all(|pair| pair[0].line < pair[1].line));
        let first = DuplicateRecipient {
            line: 3,
            first_line: 2,
            number: "+33612345678".into(),
            other_values: false,
        };
        assert_eq!(duplicates[0], first);
    }
    assert_eq!(afterwards.recipients.len(), 1);
    assert_eq!(
        afterwards.recipients[0].fields.get("first_name"),
        Some("Ann")
    );
}
