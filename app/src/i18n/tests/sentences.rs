//! The sentences of the server's problems, refusals and notices in both languages.

use super::every::{every_notice, every_problem, every_refusal};
use crate::domain::holidays::Holiday;
use crate::domain::parse_errors::PhoneNumberError;
use crate::i18n::Locale;
use crate::models::{
    Closed, Field, FieldError, Notice, Problem, ProviderId, Refusal, Then, WindowTerms,
};
use chrono::Weekday;

#[test]
fn errors_name_the_line_in_each_language_and_keep_the_providers_words() {
    let (en, fr) = (Locale::En.texts(), Locale::Fr.texts());
    let error = FieldError::on_line(
        Field::Recipients,
        3,
        PhoneNumberError::Unparsable("hello".into()),
    );
    assert_eq!(
        en.field_error(&error),
        "Line 3: 'hello' is not a phone number."
    );
    assert_eq!(
        fr.field_error(&error),
        "Ligne 3 : « hello » n'est pas un numéro de téléphone."
    );
    let refused = crate::models::AppError::Provider {
        provider: ProviderId::Infobip,
        code: Some("EC_INVALID".into()),
        message: "bad sender".into(),
        field: Some(Field::Sender),
    };
    assert_eq!(
        fr.error(&refused),
        "Infobip a refusé la requête : bad sender"
    );
    assert_eq!(fr.field_errors(&refused, Field::Sender), ["bad sender"]);
    assert!(fr.field_errors(&refused, Field::Text).is_empty());
}

#[test]
fn a_documented_refusal_code_is_said_in_each_language() {
    let (en, fr) = (Locale::En.texts(), Locale::Fr.texts());
    let refused = crate::models::AppError::Provider {
        provider: ProviderId::Octopush,
        code: Some("106".into()),
        message: "the sender must be 3 to 11 letters or digits (code 106: bad sender)".into(),
        field: Some(Field::Sender),
    };
    assert_eq!(
        en.error(&refused),
        "Octopush refused the request: the sender must be 3 to 11 letters or digits (code 106: bad sender)"
    );
    assert_eq!(
        fr.error(&refused),
        "Octopush a refusé la requête : l'expéditeur doit compter de 3 à 11 lettres ou chiffres (code 106)"
    );
    assert_eq!(
        fr.field_errors(&refused, Field::Sender),
        ["l'expéditeur doit compter de 3 à 11 lettres ou chiffres (code 106)"]
    );
}

#[test]
fn every_documented_refusal_code_has_its_french_sentence() {
    use crate::models::RefusalCode::{self, *};
    let fr = Locale::Fr.texts();
    let codes = [
        (
            ProviderId::Octopush,
            ["101", "103", "104", "106", "107", "113", "117", "120"].as_slice(),
        ),
        (
            ProviderId::Octopush,
            &["121", "122", "150", "151", "152", "153", "500", "501"],
        ),
        (
            ProviderId::Infobip,
            &["UNAUTHORIZED", "E401", "FORBIDDEN", "E403", "NOT_FOUND"],
        ),
        (ProviderId::Infobip, &["E404", "TOO_MANY_REQUESTS"]),
    ];
    let mut meanings = Vec::new();
    for (provider, codes) in codes {
        for code in codes {
            let known = RefusalCode::read(provider, code).unwrap_or_else(|| panic!("{code}"));
            // A new meaning stops this compiling until it is listed above.
            match known {
                WrongLoginOrKey | NoRecipients | NotEnoughCredit | BadSender | NoText
                | AccountNotValidated | NoValidNumber | AlreadySubmitted | StopMentionPremium
                | StopMentionLowCost | NoCountryForPrefix | CountryNotServed | NoLowCostRoute
                | RouteCongested | OctopushFailed | OctopushConnection | WrongApiKey
                | KeyNotAllowed | UnknownBulk | LimitingRequests => {}
            }
            if !meanings.contains(&known) {
                meanings.push(known);
            }
            let english = format!("{known} (code {code})");
            let said = (fr.problem)(&Problem::ProviderSaid {
                provider,
                code: Some((*code).into()),
                words: english.clone(),
            });
            assert_ne!(said, english, "not translated: {english}");
            assert!(said.ends_with(&format!("(code {code})")), "{said}");
        }
    }
    assert_eq!(meanings.len(), 20, "every meaning is listed");
}

#[test]
fn every_notice_is_said_in_french_with_its_values() {
    let (en, fr) = (Locale::En.texts(), Locale::Fr.texts());
    for notice in every_notice() {
        let (english, french) = ((en.notice)(&notice), (fr.notice)(&notice));
        assert_ne!(english, french, "not translated: {english}");
        for value in values_of(&english) {
            assert!(
                french.contains(&value),
                "the French for \"{english}\" lost {value}: {french}"
            );
        }
    }
    let skipped = &every_notice()[8];
    assert_eq!(
        (en.notice)(skipped),
        "outside France marketing: Monday, Saturday 08:00–20:00, never on French public \
         holidays (Europe/Paris): Wednesday 14 July 2027 is a public holiday (Bastille Day) in \
         Europe/Paris; the campaign skips such recipients"
    );
    assert_eq!(
        (fr.notice)(skipped),
        "hors de la règle Marketing en France : lundi, samedi 08:00–20:00, jamais les jours \
         fériés en France (Europe/Paris) : le mercredi 14 juillet 2027 est férié (fête \
         nationale) en Europe/Paris ; la campagne écarte ces destinataires"
    );
}

#[test]
fn a_territorys_own_holiday_is_said_in_each_language() {
    let (en, fr) = (Locale::En.texts(), Locale::Fr.texts());
    let closed = Closed::Holiday {
        date: chrono::NaiveDate::from_ymd_opt(2027, 12, 20).unwrap(),
        holiday: Holiday::AbolitionOfSlavery,
        zone: "Indian/Reunion".into(),
    };
    let notice = Notice::Outside {
        policy: "French overseas marketing".into(),
        window: WindowTerms {
            days: vec![Weekday::Mon, Weekday::Sat],
            start: "08:00".into(),
            end: "20:00".into(),
            french_holidays: true,
            territory_holidays: true,
            zone: None,
        },
        closed,
        then: Then::Deferred,
    };
    let (english, french) = ((en.notice)(&notice), (fr.notice)(&notice));
    assert!(
        english.contains(
            "Monday 20 December 2027 is a public holiday (Abolition of Slavery Day) in \
             Indian/Reunion"
        ),
        "{english}"
    );
    assert!(
        french.contains(
            "le lundi 20 décembre 2027 est férié (abolition de l'esclavage) en Indian/Reunion"
        ),
        "{french}"
    );
}

/// The values a sentence is built from, as they appear in it (numbers, names, inputs).
fn values_of(sentence: &str) -> Vec<String> {
    sentence
        .split(|c: char| c.is_whitespace() || "«»'\",:;.()".contains(c))
        .filter(|word| word.chars().any(|c| c.is_ascii_digit()) || word.contains('+'))
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_problem_and_refusal_is_said_in_french_with_its_values() {
    let (en, fr) = (Locale::En.texts(), Locale::Fr.texts());
    let sentences = every_problem()
        .iter()
        .map(|p| ((en.problem)(p), (fr.problem)(p)))
        .chain(
            every_refusal()
                .iter()
                .map(|r| ((en.refusal)(r), (fr.refusal)(r))),
        )
        .collect::<Vec<_>>();
    for (english, french) in &sentences {
        assert_ne!(english, french, "not translated: {english}");
        for value in values_of(english) {
            assert!(
                french.contains(&value),
                "the French for \"{english}\" lost {value}: {french}"
            );
        }
    }
}

#[test]
fn not_being_let_in_is_said_in_each_language_with_the_persons_name() {
    use crate::models::NotLetIn;
    let (en, fr) = (Locale::En.texts(), Locale::Fr.texts());
    let all = [
        NotLetIn::NotThroughPortal,
        NotLetIn::UntrustedAddress,
        NotLetIn::ProxySecret,
        NotLetIn::NoRole("bob@example.com".into()),
        NotLetIn::Unavailable,
    ];
    for why in &all {
        let (english, french) = ((en.not_let_in)(why), (fr.not_let_in)(why));
        assert_ne!(english, french);
        assert!(english.contains("nothing was done"), "{english}");
        assert!(french.contains("rien n'a"), "{french}");
    }
    assert!((fr.not_let_in)(&all[3]).starts_with("bob@example.com est connecté"));
}

#[test]
fn a_refusal_from_the_server_is_said_in_the_users_language() {
    let (en, fr) = (Locale::En.texts(), Locale::Fr.texts());
    let refused = crate::models::AppError::NotAllowed(Refusal::AlreadyPaused);
    assert_eq!(en.error(&refused), "The campaign is already paused.");
    assert_eq!(fr.error(&refused), "La campagne est déjà en pause.");
}

#[test]
fn a_person_over_their_allowance_is_told_what_and_how_long_in_each_language() {
    use crate::models::{AppError, LimitedAction};
    let (en, fr) = (Locale::En.texts(), Locale::Fr.texts());
    let throttled = |action| AppError::Throttled {
        action,
        per_minute: 10,
        retry_after_seconds: 6,
    };
    assert_eq!(
        en.error(&throttled(LimitedAction::Schedule)),
        "You have asked for more than 10 schedules a minute; nothing was done. Try again in 6 s."
    );
    assert_eq!(
        fr.error(&throttled(LimitedAction::Preview)),
        "Vous avez demandé plus de 10 aperçus par minute ; rien n'a été fait. Réessayez dans 6 s."
    );
    assert_eq!(
        throttled(LimitedAction::Preview).retry_after_seconds(),
        Some(6)
    );
}

#[test]
fn every_approval_reason_is_said_in_each_language_with_its_values() {
    use crate::domain::Purpose;
    use crate::models::ApprovalReason;
    let (en, fr) = (Locale::En.texts(), Locale::Fr.texts());
    let reasons = [
        (
            ApprovalReason::Purpose(Purpose::Marketing),
            vec!["marketing"],
        ),
        (
            ApprovalReason::Provider(ProviderId::Infobip),
            vec!["Infobip"],
        ),
        (
            ApprovalReason::MoreRecipientsThan {
                limit: 1000,
                count: 1200,
            },
            vec!["1000", "1200"],
        ),
        (
            ApprovalReason::CostAbove {
                limit: 50.0,
                estimate: 61.25,
                currency: "EUR".into(),
            },
            vec!["50", "61", "25", "EUR"],
        ),
        (ApprovalReason::CostUnknown { limit: 50.0 }, vec!["50"]),
    ];
    for (reason, values) in &reasons {
        let (english, french) = ((en.approval_reason)(reason), (fr.approval_reason)(reason));
        assert_ne!(english, french, "not translated: {english}");
        for value in values {
            assert!(english.contains(value), "{english} lost {value}");
            assert!(french.contains(value), "{french} lost {value}");
        }
    }
    assert_eq!((fr.decimal)(61.25), "61,25");
    assert_eq!(
        (fr.awaiting_badge)(2),
        "2 campagnes attendent votre approbation"
    );
    assert_eq!((en.awaiting_badge)(1), "1 campaign awaits your approval");
}

#[test]
fn messages_switched_to_ucs2_are_counted_in_each_languages_plural() {
    use crate::i18n::preview_words;
    use crate::models::SwitchedToUcs2;
    let one = SwitchedToUcs2 {
        messages: 1,
        first_line: 5,
        letters: vec!['ë'],
    };
    let two = SwitchedToUcs2 {
        messages: 2,
        first_line: 2,
        letters: vec!['ë', 'ł'],
    };
    assert_eq!(
        preview_words::switched_to_ucs2(Locale::En, &one),
        "1 message is sent in UCS-2 (70 characters a part instead of 160) because of letters \
         in its recipient's values, such as “ë” on line 5."
    );
    assert_eq!(
        preview_words::switched_to_ucs2(Locale::En, &two),
        "2 messages are sent in UCS-2 (70 characters a part instead of 160) because of letters \
         in their recipients' values, such as “ë”, “ł” on line 2."
    );
    assert_eq!(
        preview_words::switched_to_ucs2(Locale::Fr, &one),
        "1 message part en UCS-2 (70 caractères par partie au lieu de 160) à cause de \
         caractères dans les valeurs de son destinataire, comme « ë » à la ligne 5."
    );
    assert_eq!(
        preview_words::switched_to_ucs2(Locale::Fr, &two),
        "2 messages partent en UCS-2 (70 caractères par partie au lieu de 160) à cause de \
         caractères dans les valeurs de leurs destinataires, comme « ë », « ł » à la ligne 2."
    );
}

#[test]
fn the_counter_s_hints_are_said_in_each_language_one_or_many() {
    let (en, fr) = (Locale::En.texts(), Locale::Fr.texts());
    assert_eq!(
        (fr.double_characters)(&['€']),
        "« € » compte pour deux caractères en GSM-7 (un échappement, puis lui-même)."
    );
    assert_eq!(
        (en.double_characters)(&['€', '[']),
        "“€”, “[” count as two characters each in GSM-7 (an escape, then the character)."
    );
    assert!((fr.double_characters)(&['€', '[']).contains("« € », « [ » comptent chacun"));
    let french = (fr.accent_apart)('e', '\u{301}', 'é');
    assert!(
        french.contains("U+0301") && french.ends_with("par « é »)"),
        "{french}"
    );
}

#[test]
fn an_operation_says_the_recipients_it_changed_and_not_none_for_a_pause() {
    let (en, fr) = (Locale::En.texts(), Locale::Fr.texts());
    let report = |operation, recipients_moved| crate::models::OperationReport {
        campaign_id: "c-1".into(),
        operation,
        done: 1,
        refused: Vec::new(),
        recipients_moved,
    };
    let paused = report(crate::models::OperationKind::Pause, 0);
    assert_eq!(
        (en.operation_report)(&paused),
        "pause: 1 provider request done."
    );
    assert_eq!(
        (fr.operation_report)(&paused),
        "suspension : 1 requête traitée."
    );
    let canceled = report(crate::models::OperationKind::Cancel, 2);
    assert_eq!(
        (en.operation_report)(&canceled),
        "cancellation: 1 provider request done, 2 recipients changed."
    );
    assert!(
        (fr.operation_report)(&canceled).ends_with(", 2 destinataires modifiés."),
        "{}",
        (fr.operation_report)(&canceled)
    );
}

#[test]
fn an_opt_out_import_counts_a_number_written_twice_apart_in_each_language() {
    let (en, fr) = (Locale::En.texts(), Locale::Fr.texts());
    assert_eq!(
        (en.opt_outs_added)(2, 0, 0),
        "2 added, 0 already on the list."
    );
    assert_eq!(
        (fr.opt_outs_added)(2, 1, 3),
        "2 ajoutés, 1 déjà dans la liste, 3 répétés dans cette liste (comptés une fois)."
    );
}
