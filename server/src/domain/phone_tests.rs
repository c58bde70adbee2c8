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
fn a_number_spaced_with_any_space_reads_as_one_spaced_with_ascii_spaces() {
    // Narrow no-break (French number formatting), no-break, thin, figure, ideographic, a tab.
    for space in [
        '\u{202F}', '\u{00A0}', '\u{2009}', '\u{2007}', '\u{3000}', '\t',
    ] {
        for written in ["06 12 34 56 78", "+33 6 12 34 56 78", "00 33 6 12 34 56 78"] {
            let input = written.replace(' ', &space.to_string());
            let number = PhoneNumber::parse(&input, fr())
                .unwrap_or_else(|error| panic!("{input:?} (U+{:04X}): {error}", space as u32));
            assert_eq!(number.e164(), "+33612345678", "{input:?}");
        }
    }
    // The text quoted in an error is the one given.
    let refused = PhoneNumber::parse("06\u{202F}12\u{202F}34", fr()).unwrap_err();
    assert!(
        refused.to_string().contains("06\u{202F}12\u{202F}34"),
        "{refused}"
    );
}

#[test]
fn a_number_that_does_not_usually_receive_sms_says_its_kind() {
    for (input, kind) in [
        ("06 12 34 56 78", None),
        ("+44 7911 123456", None),
        // North American numbers may be mobiles or landlines alike.
        ("+1 212 736 5000", None),
        ("01 44 55 66 77", Some(NumberKind::Landline)),
        // A New Zealand mobile and an Australian one written nationally, read as French.
        ("021 123 4567", Some(NumberKind::Landline)),
        ("0412 345 678", Some(NumberKind::Landline)),
        ("0800 123 456", Some(NumberKind::TollFree)),
        ("0899 123 456", Some(NumberKind::PremiumRate)),
        ("+44 20 7946 0000", Some(NumberKind::Landline)),
    ] {
        let number = PhoneNumber::parse(input, fr()).unwrap_or_else(|e| panic!("{input}: {e}"));
        assert_eq!(number.not_mobile(), kind, "{input}");
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

#[test]
fn the_crate_reads_a_number_s_type_with_its_leading_zeros_as_it_reads_its_validity() {
    // Read with no default region, an Italian landline keeps its leading zero (vendored
    // `PhoneNumber::number_type`, PATCH.md): valid, and of a type.
    let metadata = phone_metadata::copy(0);
    let italian = phonenumber::parse_with(metadata, None, "+39 02 1234 5678").unwrap();
    assert_eq!(italian.national().zeros(), 1);
    assert!(phonenumber::is_valid_with(metadata, &italian));
    assert_eq!(italian.number_type(metadata), Type::FixedLine);
    assert_eq!(italian.metadata(metadata).map(|m| m.id()), Some("IT"));
}

#[test]
fn a_number_written_with_another_country_code_keeps_the_zeros_the_default_region_would_take() {
    // France's national prefix, 0, is not taken from an Italian number's own zero, nor from a
    // number of Côte d'Ivoire (vendored parser, PATCH.md).
    for (input, e164, region, kind) in [
        (
            "+39 02 1234 5678",
            "+390212345678",
            "IT",
            Some(NumberKind::Landline),
        ),
        (
            "0039 02 1234 5678",
            "+390212345678",
            "IT",
            Some(NumberKind::Landline),
        ),
        (
            "+39 06 698 12345",
            "+390669812345",
            "VA",
            Some(NumberKind::Landline),
        ),
        ("+225 07 07 12 34 56", "+2250707123456", "CI", None),
    ] {
        let number = PhoneNumber::parse(input, fr()).unwrap_or_else(|e| panic!("{input}: {e}"));
        assert_eq!(number.e164(), e164, "{input}");
        assert_eq!(number.region(), Some(region), "{input}");
        assert_eq!(number.not_mobile(), kind, "{input}");
    }
}
