//! The catalogue's words and phrases in both languages.

use crate::domain::column_mapping::{ColumnTarget, LoadedList, MappingProblem};
use crate::domain::message::analyze;
use crate::i18n::Locale;
use crate::models::ProviderOptions;
use chrono::Weekday;

/// Words that are the same in both languages.
const SAME_IN_BOTH: &[&str] = &[
    "message",
    "sms",
    "premium",
    "low_cost",
    "purpose_marketing_choice",
    "actions",
    "simulation_badge",
    "step_10_minutes",
    "audit_action_label",
];

#[test]
fn every_word_is_written_and_translated() {
    let english = Locale::En.texts().words();
    let french = Locale::Fr.texts().words();
    assert_eq!(english.len(), french.len());
    for ((name, en), (_, fr)) in english.iter().zip(&french) {
        assert!(!en.trim().is_empty(), "{name} is empty in English");
        assert!(!fr.trim().is_empty(), "{name} is empty in French");
        if !SAME_IN_BOTH.contains(name) {
            assert_ne!(en, fr, "{name} is not translated");
        }
    }
}

#[test]
fn counts_follow_each_languages_plural_rule() {
    use crate::models::{CapTerms, RecipientStatus, ScheduleProgress};
    let (en, fr) = (Locale::En.texts(), Locale::Fr.texts());
    assert_eq!(
        (fr.status_count)(RecipientStatus::Scheduled, 5),
        "5 planifiés"
    );
    assert_eq!(
        (fr.status_count)(RecipientStatus::Scheduled, 1),
        "1 planifié"
    );
    assert_eq!(
        (fr.status_count)(RecipientStatus::Pending, 2),
        "2 en attente"
    );
    assert_eq!((fr.status_count)(RecipientStatus::Delivered, 2), "2 remis");
    assert_eq!(
        (fr.status_count)(RecipientStatus::Unknown, 2),
        "2 incertains"
    );
    assert_eq!(
        (en.status_count)(RecipientStatus::Scheduled, 5),
        "5 scheduled"
    );
    assert_eq!(
        (en.list_loaded)("a.csv", LoadedList::Rows(3)),
        "a.csv: a header and 3 recipients (one a row) loaded below."
    );
    assert_eq!(
        (en.list_loaded)("a.txt", LoadedList::Lines(1)),
        "a.txt: 1 line of numbers loaded below."
    );
    assert_eq!(
        (fr.list_loaded)("a.csv", LoadedList::Rows(1)),
        "a.csv : un en-tête et 1 destinataire (un par ligne) chargés ci-dessous."
    );
    assert_eq!(
        (en.counter)(&analyze("A")),
        "1 character · GSM-7 · 1 SMS · 159 left in this part"
    );
    assert!((fr.counter)(&analyze(&"a".repeat(159))).ends_with("· 1 restant dans cette partie"));
    assert_eq!(
        (en.receipt_partial)(1, 1),
        "Partly scheduled: 1 of 1 recipient handed over"
    );
    assert_eq!(
        (en.duplicates_merged)(1),
        "1 repeated number merged into its first line."
    );
    assert_eq!(
        (fr.duplicates_merged)(2),
        "2 numéros répétés fusionnés avec leur première ligne."
    );
    let progress = ScheduleProgress {
        requests: 1,
        answered: 1,
        recipients: 1,
        recipients_answered: 1,
    };
    assert!((en.handover)("Octopush", &progress)
        .ends_with("1 of 1 provider request answered (1 of 1 recipient)"));
    assert!((fr.handover)("Octopush", &progress).ends_with("(1 destinataire sur 1)"));
    let cap = CapTerms {
        max_messages: 2,
        days: 1,
        over_cap_left_out: false,
    };
    assert!((en.cap_terms)(&cap).starts_with("At most 2 marketing messages per number in 1 day;"));
    assert!((fr.cap_terms)(&cap).starts_with("Au plus 2 messages marketing par numéro en 1 jour ;"));
}

#[test]
fn french_names_its_sending_rules_and_their_enforcement_in_french() {
    use crate::models::Enforcement;
    let fr = Locale::Fr.texts();
    for name in [
        "France marketing",
        "French overseas marketing",
        "United States marketing",
        "Business hours (advice)",
    ] {
        assert_ne!(fr.rule_name_or_itself(name), name);
    }
    assert_eq!((fr.enforcement_name)(Enforcement::Required), "obligatoire");
    assert_eq!(fr.purpose, "Nature du message");
}

#[test]
fn tables_have_as_many_headings_in_both_languages() {
    let (en, fr) = (Locale::En.texts(), Locale::Fr.texts());
    assert_eq!(en.campaign_columns.len(), fr.campaign_columns.len());
    assert_eq!(en.recipient_columns.len(), fr.recipient_columns.len());
    assert_eq!(en.opt_out_columns.len(), fr.opt_out_columns.len());
    assert_eq!(en.policy_columns.len(), fr.policy_columns.len());
}

#[test]
fn phrases_put_their_values_in_place() {
    let (en, fr) = (Locale::En.texts(), Locale::Fr.texts());
    assert_eq!(
        (en.counter)(&analyze("Bonjour")),
        "7 characters · GSM-7 · 1 SMS · 153 left in this part"
    );
    assert_eq!(
        (fr.counter)(&analyze("Bonjour")),
        "7 caractères · GSM-7 · 1 SMS · 153 restants dans cette partie"
    );
    assert_eq!((en.recipient_count)(1), "1 recipient");
    assert_eq!((en.recipient_count)(2), "2 recipients");
    assert_eq!((fr.recipient_count)(0), "0 destinataire");
    assert_eq!((fr.recipient_count)(3), "3 destinataires");
    assert_eq!(en.money(12.5, Some("EUR")), "12.50 EUR");
    assert_eq!(fr.money(12.5, Some("EUR")), "12,50 EUR");
    assert_eq!(fr.money(0.5, None), "0,50");
}

#[test]
fn a_mapping_problem_names_the_column_in_each_language() {
    let (en, fr) = (Locale::En.texts(), Locale::Fr.texts());
    let twice = MappingProblem::Repeated(ColumnTarget::TimeZone);
    assert_eq!(
        en.mapping_problem(twice),
        "Only one column can hold the time zone."
    );
    assert_eq!(
        fr.mapping_problem(twice),
        "Une seule colonne peut contenir le fuseau horaire."
    );
    assert_eq!(
        en.mapping_problem(MappingProblem::NoPhoneColumn),
        "Choose the column that holds the phone numbers."
    );
}

#[test]
fn rules_the_configuration_names_stay_as_written() {
    let fr = Locale::Fr.texts();
    assert_eq!(fr.rule_name_or_itself("Night owls"), "Night owls");
}

#[test]
fn each_source_and_action_has_a_name_of_its_own_in_each_language() {
    use crate::domain::OptOutSource;
    use crate::models::{
        CampaignActionKind, DecisionKind, EventSource, OperationKind, RecipientStatus,
    };
    use std::collections::HashSet;
    let actions = CampaignActionKind::all();
    for locale in [Locale::En, Locale::Fr] {
        let t = locale.texts();
        let distinct = |names: Vec<&str>| names.iter().collect::<HashSet<_>>().len() == names.len();
        assert!(distinct(OptOutSource::ALL.map(t.opt_out_source).to_vec()));
        assert!(distinct(EventSource::ALL.map(t.event_source).to_vec()));
        assert!(distinct(actions.clone().map(t.action_name).collect()));
    }
    let fr = Locale::Fr.texts();
    assert_eq!(
        (fr.action_name)(CampaignActionKind::Operation(OperationKind::Cancel)),
        "annulation"
    );
    // The history names what was done, not with a bare verb.
    let en = Locale::En.texts();
    assert_eq!(
        (en.action_name)(CampaignActionKind::Decision(DecisionKind::Reject)),
        "rejection"
    );
    assert_eq!((en.action_name)(CampaignActionKind::Schedule), "scheduling");
    assert_eq!((fr.opt_out_source)(OptOutSource::StopReply), "réponse STOP");
    // A history's source never reads as a status: the hand-over is not "remis" (delivered).
    for locale in [Locale::En, Locale::Fr] {
        let t = locale.texts();
        for source in EventSource::ALL {
            let source = (t.event_source)(source);
            for status in RecipientStatus::ALL {
                let status = (t.status_name)(status);
                assert!(
                    !source.starts_with(status),
                    "{source:?} reads as {status:?}"
                );
            }
        }
    }
}

#[test]
fn the_chosen_options_are_said_and_none_says_nothing() {
    let (en, fr) = (Locale::En.texts(), Locale::Fr.texts());
    assert_eq!(en.provider_options(&ProviderOptions::default()), None);
    let infobip = ProviderOptions {
        flash: true,
        validity_minutes: " 90 ".into(),
        ..ProviderOptions::default()
    };
    assert_eq!(
        en.provider_options(&infobip).as_deref(),
        Some("flash SMS, delivery tried for at most 90 minutes")
    );
    assert_eq!(
        fr.provider_options(&infobip).as_deref(),
        Some("SMS flash, remise tentée pendant 90 minutes au plus")
    );
    let octopush = ProviderOptions {
        remove_blacklisted: true,
        ..ProviderOptions::default()
    };
    assert_eq!(
        en.provider_options(&octopush).as_deref(),
        Some("the numbers on the Octopush blacklist left out")
    );
}

#[test]
fn a_window_and_the_cap_read_as_words_in_each_language() {
    let (en, fr) = (Locale::En.texts(), Locale::Fr.texts());
    let window = crate::models::WindowTerms {
        days: vec![
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
        ],
        start: "08:00".into(),
        end: "20:00".into(),
        french_holidays: true,
        territory_holidays: false,
        zone: Some("Europe/Paris".into()),
    };
    assert_eq!(
        (en.window_terms)(&window),
        "Monday–Saturday 08:00–20:00, never on French public holidays (Europe/Paris)"
    );
    assert_eq!(
        (fr.window_terms)(&window),
        "lundi–samedi 08:00–20:00, jamais les jours fériés en France (Europe/Paris)"
    );
    let overseas = crate::models::WindowTerms {
        territory_holidays: true,
        zone: None,
        ..window.clone()
    };
    assert_eq!(
        (en.window_terms)(&overseas),
        "Monday–Saturday 08:00–20:00, never on French public holidays or the territory's \
         abolition-of-slavery day (recipient's local time)"
    );
    assert_eq!(
        (fr.window_terms)(&overseas),
        "lundi–samedi 08:00–20:00, jamais les jours fériés en France ni le jour de l'abolition \
         de l'esclavage du territoire (heure locale du destinataire)"
    );
    let anywhere = crate::models::WindowTerms {
        days: vec![Weekday::Mon, Weekday::Wed],
        french_holidays: false,
        zone: None,
        ..window
    };
    assert_eq!(
        (en.window_terms)(&anywhere),
        "Monday, Wednesday 08:00–20:00 (recipient's local time)"
    );
    assert_eq!(
        (fr.window_terms)(&anywhere),
        "lundi, mercredi 08:00–20:00 (heure locale du destinataire)"
    );

    let cap = crate::models::CapTerms {
        max_messages: 2,
        days: 30,
        over_cap_left_out: true,
    };
    assert_eq!(
        (en.cap_terms)(&cap),
        "At most 2 marketing messages per number in 30 days; a recipient over it is left out."
    );
    assert_eq!(
        (fr.cap_terms)(&cap),
        "Au plus 2 messages marketing par numéro en 30 jours ; un destinataire au-delà est écarté."
    );
    let one = crate::models::CapTerms {
        max_messages: 1,
        over_cap_left_out: false,
        ..cap
    };
    assert_eq!(
        (en.cap_terms)(&one),
        "At most 1 marketing message per number in 30 days; a recipient over it is sent with a warning."
    );
    assert_eq!(
        (fr.cap_terms)(&one),
        "Au plus 1 message marketing par numéro en 30 jours ; un destinataire au-delà le reçoit avec un avertissement."
    );
}
