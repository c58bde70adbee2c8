//! `message`'s tests.

use super::*;

#[test]
fn empty_text_takes_no_part() {
    let stats = analyze("");
    assert_eq!(
        (stats.units, stats.parts, stats.encoding),
        (0, 0, Encoding::Gsm7)
    );
}

#[test]
fn gsm7_fits_160_in_one_part_and_153_per_part_beyond() {
    assert_eq!(analyze(&"a".repeat(160)).parts, 1);
    assert_eq!(analyze(&"a".repeat(161)).parts, 2);
    assert_eq!(analyze(&"a".repeat(306)).parts, 2);
    assert_eq!(analyze(&"a".repeat(307)).parts, 3);
}

#[test]
fn the_ascii_table_agrees_with_the_alphabets() {
    for byte in 0u8..128 {
        let c = char::from(byte);
        let expected = if GSM7_BASIC.contains(c) {
            Some(1)
        } else if GSM7_EXTENSION.contains(c) {
            Some(2)
        } else {
            None
        };
        assert_eq!(gsm7_cost(c), expected, "{c:?}");
    }
    assert_eq!(gsm7_cost('`'), None);
    assert_eq!(gsm7_cost('\t'), None);
}

#[test]
fn extension_characters_count_twice() {
    let stats = analyze("€{}");
    assert_eq!((stats.characters, stats.units), (3, 6));
    assert_eq!(analyze(&"€".repeat(80)).parts, 1);
    assert_eq!(analyze(&"€".repeat(81)).parts, 2);
    // The same in ASCII, which is read a byte at a time while it fits one part.
    let stats = analyze("{[x]}");
    assert_eq!((stats.characters, stats.units, stats.parts), (5, 9, 1));
    assert_eq!(stats.encoding, Encoding::Gsm7);
    assert_eq!(analyze(&"{".repeat(80)).parts, 1);
    let stats = analyze(&"{".repeat(81));
    assert_eq!((stats.characters, stats.units, stats.parts), (81, 162, 2));
}

#[test]
fn an_escape_pair_is_never_split_across_parts() {
    // 152 septets then a two-septet character: it cannot start in the last free septet.
    let text = format!("{}€{}", "a".repeat(152), "a".repeat(10));
    let stats = analyze(&text);
    assert_eq!(stats.units, 164);
    assert_eq!(stats.parts, 2);
    let text = format!("{}€{}", "a".repeat(152), "a".repeat(152));
    // 152 | 2 + 151 | 1: the pair moved to part two pushes one septet into part three.
    assert_eq!(analyze(&text).parts, 3);
}

#[test]
fn one_character_outside_gsm7_switches_to_ucs2() {
    let stats = analyze("Bonjour Michał");
    assert_eq!(stats.encoding, Encoding::Ucs2);
    assert_eq!(stats.non_gsm_characters, vec!['ł']);
    assert_eq!(analyze(&"ł".repeat(70)).parts, 1);
    assert_eq!(analyze(&"ł".repeat(71)).parts, 2);
    assert_eq!(analyze(&"ł".repeat(134)).parts, 2);
    assert_eq!(analyze(&"ł".repeat(135)).parts, 3);
}

#[test]
fn characters_outside_the_bmp_count_as_two_units() {
    let stats = analyze("🙂");
    assert_eq!((stats.characters, stats.units, stats.parts), (1, 2, 1));
    assert_eq!(analyze(&"🙂".repeat(35)).parts, 1);
    assert_eq!(analyze(&"🙂".repeat(36)).parts, 2);
}

#[test]
fn accented_letters_in_the_default_alphabet_stay_gsm7() {
    assert_eq!(analyze("éèùìòÇÅåÄÖÑÜäöñüàß£¥§¿¡").encoding, Encoding::Gsm7);
    assert_eq!(analyze("ê").encoding, Encoding::Ucs2);
}

#[test]
fn curly_quote_is_named_with_its_replacement() {
    let stats = analyze("C\u{2019}est prêt");
    assert_eq!(stats.non_gsm_characters, vec!['\u{2019}', 'ê']);
    assert_eq!(gsm7_look_alike('\u{2019}'), Some("'"));
    assert_eq!(gsm7_look_alike('ê'), None);
}

#[test]
fn an_accent_typed_apart_is_named_with_the_one_letter_gsm7_has() {
    // "Café" as macOS may write it: e, then U+0301.
    let decomposed = "Cafe\u{301} ouvert, cre\u{300}me, Nin\u{303}o, e\u{302}";
    let stats = analyze(decomposed);
    assert_eq!(stats.encoding, Encoding::Ucs2);
    assert_eq!(
        stats.non_gsm_characters,
        ['\u{301}', '\u{300}', '\u{303}', '\u{302}']
    );
    assert_eq!(
        gsm7_accent_typed_apart(decomposed, '\u{301}'),
        Some(('e', 'é'))
    );
    assert_eq!(
        gsm7_accent_typed_apart(decomposed, '\u{300}'),
        Some(('e', 'è'))
    );
    assert_eq!(
        gsm7_accent_typed_apart(decomposed, '\u{303}'),
        Some(('n', 'ñ'))
    );
    // ê is not in GSM-7: nothing cheaper to offer; nor for a mark with no letter before it.
    assert_eq!(gsm7_accent_typed_apart(decomposed, '\u{302}'), None);
    assert_eq!(gsm7_accent_typed_apart("\u{301}", '\u{301}'), None);
    // Each letter offered is GSM-7, and its text with it is.
    for (base, mark) in [
        ('e', '\u{301}'),
        ('C', '\u{327}'),
        ('A', '\u{30A}'),
        ('U', '\u{308}'),
    ] {
        let letter = gsm7_composed(base, mark).unwrap();
        assert_eq!(
            analyze(&letter.to_string()).encoding,
            Encoding::Gsm7,
            "{letter}"
        );
    }
}

#[test]
fn characters_that_take_two_septets_are_found_each_once() {
    assert_eq!(
        gsm7_double_characters("Prix : 5€, 10€ [promo]"),
        ['€', '[', ']']
    );
    assert!(gsm7_double_characters("Bonjour à tous").is_empty());
    // Each of them costs two of the 160.
    assert_eq!(analyze("€").units, 2);
}

#[test]
fn remaining_in_part_counts_down_to_the_next_part() {
    assert_eq!(analyze("abc").remaining_in_part(), 157);
    assert_eq!(analyze(&"a".repeat(161)).remaining_in_part(), 145);
    assert_eq!(analyze(&"a".repeat(306)).remaining_in_part(), 0);
    // 400 emoji of two UTF-16 units: 33 a part of 67 (one unit left unused), so the 13th part
    // holds 4 of them (8 units) and has 59 to spare, not the 4 that 800 units modulo 67 gives.
    let emoji = analyze(&"👍".repeat(400));
    assert_eq!((emoji.parts, emoji.remaining_in_part()), (13, 59));
    // An escape pair is not split either: after 152 septets, `€` opens the second part, which
    // then holds 10 (143 to spare; 162 modulo 153 would say 144).
    let euro = analyze(&format!("{}€{}", "a".repeat(152), "a".repeat(8)));
    assert_eq!((euro.parts, euro.remaining_in_part()), (2, 143));
}

#[test]
fn a_text_in_pieces_counts_as_the_text_written_out() {
    let texts = [
        String::new(),
        "Hello Ann, your parcel arrives tomorrow.".to_owned(),
        format!("{}€{}", "a".repeat(152), "a".repeat(152)),
        format!("Bonjour Michał {}", "ł".repeat(140)),
        format!("{}🙂{}", "x".repeat(66), "🙂".repeat(40)),
        "[{}] ~ ^ | €".repeat(20),
        "{[x]}".repeat(10),
        "{[x]}".repeat(30),
        "a ` b".to_owned(),
        "\r\n\x0c".repeat(53),
    ];
    for text in &texts {
        let whole = analyze(text);
        let cuts: Vec<usize> = (0..=text.len())
            .filter(|&at| text.is_char_boundary(at))
            .collect();
        for &first in &cuts {
            for &second in cuts.iter().filter(|&&at| at >= first).step_by(7) {
                let pieces = [&text[..first], &text[first..second], &text[second..]];
                assert_eq!(
                    analyze_pieces(&pieces),
                    whole,
                    "{text:?} cut at {first}, {second}"
                );
            }
        }
    }
}

#[test]
fn text_must_not_be_blank_nor_too_long() {
    assert_eq!(MessageText::parse("  \n"), Err(MessageTextError::Empty));
    assert_eq!(
        MessageText::parse(&"a".repeat(1225)),
        Err(MessageTextError::TooLong(1225))
    );
    assert!(MessageText::parse(&"a".repeat(1224)).is_ok());
}

#[test]
fn the_byte_at_a_time_reading_agrees_with_the_layout() {
    let mut texts = vec![String::new()];
    for byte in 0_u8..128 {
        for count in [1, 79, 80, 81, 159, 160, 161] {
            texts.push(char::from(byte).to_string().repeat(count));
        }
    }
    // A two-septet character on the last septets of one part, and just past them.
    for before in [158, 159] {
        texts.push(format!("{}{{", "a".repeat(before)));
        texts.push(format!("{{{}", "a".repeat(before)));
    }
    let mut read_by_bytes = 0;
    for text in &texts {
        let pieces = [text.as_str()];
        let whole = laid_out(&pieces);
        match one_gsm7_part_of_ascii(&pieces) {
            Some(stats) => {
                read_by_bytes += 1;
                assert_eq!(stats, whole, "{text:?}");
            }
            // Left to the layout: only texts beyond one GSM-7 part.
            None => assert!(
                whole.encoding == Encoding::Ucs2 || whole.parts > 1,
                "{text:?}: {whole:?}"
            ),
        }
    }
    assert!(
        read_by_bytes > 300,
        "{read_by_bytes} texts read a byte at a time"
    );
}
