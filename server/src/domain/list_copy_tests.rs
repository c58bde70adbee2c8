use super::*;
use crate::domain::phone::Region;
use crate::domain::recipients::{parse_recipients, Recipient};

fn region() -> Region {
    Region::parse("FR").unwrap()
}

/// `recipients` kept in parts of `per_part`, each part's rows in reverse order (as a part's
/// requests may hold them out of line order), then read back.
fn kept_and_read(recipients: &[Recipient], per_part: usize) -> Vec<KeptRow> {
    recipients
        .chunks(per_part)
        .flat_map(|part| {
            let text = kept_part(part.iter().rev().map(|r| KeptRecipient {
                line: r.line,
                number: r.number.e164(),
                fields: &r.fields,
                zone: r.zone,
            }));
            read_part(&text).unwrap()
        })
        .collect()
}

/// A recipient's number, values (name, value) and zone.
type Said = (String, Vec<(String, String)>, Option<Tz>);

/// What a list says of each recipient, in line order.
fn said(recipients: &[Recipient]) -> Vec<Said> {
    recipients
        .iter()
        .map(|r| {
            let values = r
                .fields
                .iter()
                .map(|(name, value)| (name.to_owned(), value.to_owned()))
                .collect();
            (r.number.e164().to_owned(), values, r.zone)
        })
        .collect()
}

#[test]
fn a_personalised_list_comes_back_with_its_values_zones_and_order() {
    let list = parse_recipients(
        "phone;first_name;param2;time_zone\n\
         06 12 34 56 01;Ann;\"1, rue Haute\";Europe/Paris\n\
         +1 212 555 0102;Bob;;America/New_York\n\
         06 12 34 56 03;\"Zoé\nline two\";x;\n\
         06 12 34 56 04;;;\n",
        region(),
    );
    assert!(list.errors.is_empty(), "{:?}", list.errors);
    assert_eq!(list.recipients.len(), 4);
    let again = list_again(kept_and_read(&list.recipients, 3));
    assert_eq!(again.recipients, 4);
    assert!(
        again
            .text
            .starts_with("phone,first_name,param2,time_zone\n"),
        "{}",
        again.text
    );
    let read = parse_recipients(&again.text, region());
    assert!(read.errors.is_empty(), "{:?}", read.errors);
    assert_eq!(said(&read.recipients), said(&list.recipients));
}

#[test]
fn a_list_of_numbers_alone_comes_back_as_numbers_a_line() {
    let list = parse_recipients("0612345601\n0612345602, 0612345603\n", region());
    let again = list_again(kept_and_read(&list.recipients, 2));
    assert_eq!(again.text, "+33612345601\n+33612345602\n+33612345603");
    assert_eq!(again.recipients, 3);
}

#[test]
fn only_the_rows_kept_come_back() {
    let list = parse_recipients(
        "phone,first_name\n0612345601,Ann\n0612345602,Bob\n",
        region(),
    );
    let rows: Vec<KeptRow> = kept_and_read(&list.recipients, 10)
        .into_iter()
        .filter(|row| row.number.ends_with("02"))
        .collect();
    let again = list_again(rows);
    assert_eq!(again.text, "phone,first_name\n+33612345602,Bob");
    assert_eq!(again.recipients, 1);
}

#[test]
fn a_part_without_its_line_or_phone_column_is_an_error_not_an_empty_list() {
    assert!(read_part("phone,first_name\n+33612345601,Ann\n").is_err());
    assert!(read_part("line,first_name\n2,Ann\n").is_err());
    assert!(read_part("line,phone\nsecond,+33612345601\n").is_err());
}
