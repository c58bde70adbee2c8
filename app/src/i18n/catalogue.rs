//! The shape of a language's catalogue: its words (fixed texts) and its phrases (texts built from
//! values). Each language fills in every field.

use crate::domain::column_mapping::{ColumnTarget, LoadedList, MappingProblem};
use crate::domain::message::MessageStats;
use crate::models::{
    AppError, CampaignState, CapTerms, Enforcement, Field, FieldError, Notice, OperationReport,
    Problem, ProviderId, ProviderOptions, RecipientStatus, Refusal, ScheduleProgress, WindowTerms,
};
use crate::picked_file::FileProblem;

macro_rules! catalogue {
    (
        words { $($word:ident),* $(,)? }
        phrases { $($phrase:ident: $kind:ty),* $(,)? }
    ) => {
        /// Every text of the app in one language.
        pub struct Texts {
            $(pub $word: &'static str,)*
            $(pub $phrase: $kind,)*
        }

        impl Texts {
            /// Each word with its field name, for the checks that compare the languages.
            #[cfg(test)]
            pub(super) fn words(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($word), self.$word)),*]
            }
        }
    };
}

catalogue! {
    words {
        // The frame of every page.
        app_title, nav_label, nav_compose, nav_campaigns, nav_opt_outs, nav_settings,
        language_label, not_found, stopped, reload,
        // Shared.
        loading, refresh, cancel, keep_it, previous, next, all, provider, recipients, message,
        purpose, state, send_at, time_zone, reschedule, sms, now, at_once, left_out,
        moved_by_rules, balance, some_fields,
        // The composer.
        composer_title, campaign_name_label, recipients_label, campaign_type, premium, low_cost, purpose_alert_choice,
        purpose_marketing_choice, sender_label, send_when, send_later_choice, send_now_choice,
        send_at_label, send_at_incomplete, local_time_choice,
        with_replies_choice, simulation_choice, scheduling, checking, schedule, recording,
        placeholder_group, insert, upload_csv, use_columns, mapping_no_phone, outside_window,
        outside_defer, outside_skip, outside_override, override_reason, reading_balance,
        octopush_options, remove_blacklisted_choice, infobip_options, flash_choice, validity_label,
        no_stop_mention,
        // The preview and the confirm step.
        preview_title, preview_empty, preview_not_ready, preview_search, at_requested_time,
        no_price, over_cap, moved_to_word, moved_to, confirm_schedule_title, confirm_simulate_title, to,
        when, estimated_cost, cost_unknown, confirm_button, change_something, options_chosen,
        blacklist_option, flash_option, replies_option,
        // The receipt.
        receipt_scheduled, receipt_simulated, receipt_nothing, schedule_again, new_campaign,
        reference, sms_needed, cost, send_time, not_given,
        reference_unknown, not_handed_over, left_out_list, repeated_list, refused_list,
        warnings_list, follow_campaign,
        // The campaign list.
        no_match, no_campaign_yet, schedule_one, newest_campaigns, older_campaigns,
        simulation_badge, filters_label, search, search_placeholder,
        // One campaign.
        all_campaigns, campaign_title, campaign_name, default_sender, timeline, show, export_csv, hide, history, scheduled_by,
        rules_overridden, actions, cancel_campaign, cancel_question, yes_cancel, new_time, pause,
        resume, not_offered,
        // The sandbox clock.
        sandbox_clock, sandbox_explained, sandbox_time, real_time, day_unit, step_10_minutes,
        step_1_hour, step_1_day,
        // Opt-outs.
        add_numbers, numbers_per_line, add_to_list, import_csv, opt_out_file_help, opt_out_list,
        still_scheduled_intro, still_scheduled_what_to_do,
        find_number, no_number, remove, remove_question, yes_remove,
        // Settings.
        providers, sandbox, real_service, pause_resume, per_request, scheduling_ahead, no_limit,
        reading, yes, sending_rules, numbers_without_plus, per_campaign, frequency_cap,
        policy_caption, every_other, server, base_path, site_root, identity_header, no_identity,
        framed_by, own_pages_only, database,
    }
    phrases {
        // A table's box, named apart from the section it stands in.
        table_of: fn(&str) -> String,
        // Tables' column headings.
        campaign_columns: &'static [&'static str],
        recipient_columns: &'static [&'static str],
        opt_out_columns: &'static [&'static str],
        policy_columns: &'static [&'static str],
        // Names of values.
        status_name: fn(RecipientStatus) -> &'static str,
        // `5 scheduled`, `5 planifiés`: a count of recipients in a status.
        status_count: fn(RecipientStatus, u64) -> String,
        enforcement_name: fn(Enforcement) -> &'static str,
        state_name: fn(CampaignState) -> &'static str,
        // A purpose or an operation as the server names it (`marketing`, `cancel`).
        term: fn(&str) -> Option<&'static str>,
        column_target: fn(ColumnTarget) -> &'static str,
        // `12.5` → `12.50` (English) or `12,50` (French).
        decimal: fn(f64) -> String,
        // The composer.
        sandbox_provider: fn(&str) -> String,
        counter: fn(&MessageStats) -> String,
        ucs2_warning: fn(&str) -> String,
        non_gsm: fn(char, Option<&str>) -> String,
        mapping_legend: fn(&str) -> String,
        column_named: fn(&str) -> String,
        mapping_twice: fn(&str) -> String,
        list_loaded: fn(&str, LoadedList) -> String,
        stop_mention_hint: fn(ProviderId, &str) -> String,
        file_too_large: fn(&str, f64) -> String,
        file_unreadable: fn(&str) -> String,
        handover: fn(&str, &ScheduleProgress) -> String,
        // The preview and the confirm step.
        preview_parts: fn(u64, u32, &str) -> String,
        estimated: fn(&str) -> String,
        among_first: fn(usize) -> String,
        // `3: outside…`: how many recipients something is said of.
        counted: fn(u64, &str) -> String,
        moved_heading: fn(&str) -> String,
        left_out_heading: fn(&str) -> String,
        duplicates_merged: fn(usize) -> String,
        left_out_because: fn(&str) -> String,
        line_and_number: fn(u32, &str) -> String,
        encoding_parts: fn(&str, u32) -> String,
        in_recipient_time: fn(&str) -> String,
        validity_option: fn(&str) -> String,
        recipient_count: fn(u64) -> String,
        moved_of_them: fn(u64) -> String,
        moved_from: fn(u64) -> String,
        left_out_count: fn(u64) -> String,
        parts_count: fn(u64) -> String,
        // The receipt.
        receipt_partial: fn(u32, u32) -> String,
        // The navigation's warning: the provider's balance is less than its last campaign of
        // so many recipients would cost again.
        low_balance: fn(&str, &str, u64, &str) -> String,
        // The link to the composer holding a campaign's refused recipients, and its note.
        refused_again_link: fn(u64) -> String,
        refused_again_loaded: fn(u64, &str) -> String,
        refused_recipients: fn(u32, &str) -> String,
        no_answer_recipients: fn(u32, &str) -> String,
        line_note: fn(u32, &str, &str) -> String,
        and_more: fn(u32) -> String,
        same_as_line: fn(u32, &str, u32) -> String,
        // Campaigns.
        operation_report: fn(&OperationReport) -> String,
        ahead_of_real_time: fn(&str) -> String,
        all_statuses: fn(u64) -> String,
        page_range: fn(u64, u64, u64) -> String,
        history_of_line: fn(u32) -> String,
        // Opt-outs.
        opt_outs_added: fn(u32, u32) -> String,
        remove_number: fn(&str) -> String,
        still_scheduled_item: fn(&str, &str) -> String,
        // Settings.
        refresh_balance: fn(&str) -> String,
        // `Credit in FR`: what the balance buys there, product by product.
        credit_in: fn(&str) -> String,
        product_sms: fn(&str, f64) -> String,
        days: fn(u32) -> String,
        yes_with: fn(&str) -> String,
        no_because: fn(&str) -> String,
        read_as: fn(&str) -> String,
        at_most: fn(u64) -> String,
        identity_set_by: fn(&str) -> String,
        window_terms: fn(&WindowTerms) -> String,
        cap_terms: fn(&CapTerms) -> String,
        // Errors.
        // What the server found wrong with an input, and why it refused a request.
        problem: fn(&Problem) -> String,
        // Why a recipient is left out, moved, or sent with a caution.
        notice: fn(&Notice) -> String,
        refusal: fn(&Refusal) -> String,
        line_error: fn(u32, &str) -> String,
        provider_refused: fn(&str, &str) -> String,
        unreachable: fn(&str, &str) -> String,
        busy: fn(&str, Option<u64>) -> String,
        not_configured: fn(&str) -> String,
        server_failed: fn(&str) -> String,
        request_failed: fn(&str) -> String,
    }
}

impl Texts {
    /// An error from the server in this language (a provider's own words are kept as they are).
    pub fn error(&self, error: &AppError) -> String {
        match error {
            AppError::Invalid(_) => self.some_fields.to_owned(),
            AppError::Provider {
                provider,
                code,
                message,
                ..
            } => {
                let said = Problem::ProviderSaid {
                    provider: *provider,
                    code: code.clone(),
                    words: message.clone(),
                };
                (self.provider_refused)(&provider.to_string(), &(self.problem)(&said))
            }
            AppError::Unreachable { provider, message } => {
                (self.unreachable)(&provider.to_string(), message)
            }
            AppError::Busy {
                provider,
                retry_after_seconds,
            } => (self.busy)(&provider.to_string(), *retry_after_seconds),
            AppError::ProviderNotConfigured(provider) => {
                (self.not_configured)(&provider.to_string())
            }
            AppError::NotFound(why) | AppError::NotAllowed(why) => (self.refusal)(why),
            AppError::Internal(message) => (self.server_failed)(message),
            AppError::Transport(message) => (self.request_failed)(message),
        }
    }

    /// One problem with a field, with its line when it is about one.
    pub fn field_error(&self, error: &FieldError) -> String {
        match error.line {
            Some(line) => (self.line_error)(line, &(self.problem)(&error.problem)),
            None => (self.problem)(&error.problem),
        }
    }

    /// The problems `error` names about `field`, for display under it.
    pub fn field_errors(&self, error: &AppError, field: Field) -> Vec<String> {
        error
            .errors_for(field)
            .iter()
            .map(|e| self.field_error(e))
            .collect()
    }

    pub fn file_problem(&self, problem: &FileProblem) -> String {
        match problem {
            FileProblem::TooLarge { name, megabytes } => (self.file_too_large)(name, *megabytes),
            FileProblem::Unreadable { name } => (self.file_unreadable)(name),
        }
    }

    pub fn mapping_problem(&self, problem: MappingProblem) -> String {
        match problem {
            MappingProblem::NoPhoneColumn => self.mapping_no_phone.to_owned(),
            MappingProblem::Repeated(target) => (self.mapping_twice)((self.column_target)(target)),
        }
    }

    /// An amount with its currency, when it is known.
    pub fn money(&self, amount: f64, currency: Option<&str>) -> String {
        match currency {
            Some(currency) => format!("{} {currency}", (self.decimal)(amount)),
            None => (self.decimal)(amount),
        }
    }

    /// The provider's options chosen for a campaign, in words; `None` when none was.
    pub fn provider_options(&self, options: &ProviderOptions) -> Option<String> {
        let validity = options.validity_minutes.trim();
        let chosen: Vec<String> = [
            options
                .remove_blacklisted
                .then(|| self.blacklist_option.to_owned()),
            options.with_replies.then(|| self.replies_option.to_owned()),
            options.flash.then(|| self.flash_option.to_owned()),
            (!validity.is_empty()).then(|| (self.validity_option)(validity)),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!chosen.is_empty()).then(|| chosen.join(", "))
    }

    /// A purpose or operation named by the server, in words; unknown names as they are.
    pub fn term_or_itself(&self, name: &str) -> String {
        (self.term)(name).map_or_else(|| name.to_owned(), str::to_owned)
    }
}

#[cfg(test)]
mod tests {
    use super::super::Locale;
    use crate::domain::column_mapping::{ColumnTarget, LoadedList, MappingProblem};
    use crate::domain::holidays::Holiday;
    use crate::domain::message::analyze;
    use crate::domain::message::MessageTextError;
    use crate::domain::parse_errors::{PhoneNumberError, SendTimeError};
    use crate::domain::placeholders::PlaceholderError;
    use crate::domain::sender::SenderIdError;
    use crate::models::{
        Amount, Closed, Field, FieldError, Notice, Problem, ProviderId, ProviderOption,
        ProviderOptions, Reconciliation, Refusal, ResendBlocked, RuleBreak, Then, WindowTerms,
    };
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
        assert!(
            (en.cap_terms)(&cap).starts_with("At most 2 marketing messages per number in 1 day;")
        );
        assert!(
            (fr.cap_terms)(&cap).starts_with("Au plus 2 messages marketing par numéro en 1 jour ;")
        );
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
            assert_ne!(fr.term_or_itself(name), name);
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
                    | AccountNotValidated | NoValidNumber | AlreadySubmitted
                    | StopMentionPremium | StopMentionLowCost | NoCountryForPrefix
                    | CountryNotServed | NoLowCostRoute | RouteCongested | OctopushFailed
                    | OctopushConnection | WrongApiKey | KeyNotAllowed | UnknownBulk
                    | LimitingRequests => {}
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
    fn terms_unknown_to_a_language_stay_as_the_server_wrote_them() {
        let fr = Locale::Fr.texts();
        assert_eq!(fr.term_or_itself("cancel"), "annulation");
        assert_eq!(fr.term_or_itself("something-new"), "something-new");
    }

    /// One of each problem the server can name, nested errors included; the match below stops
    /// compiling when a kind is added, so that it is added here too.
    fn every_problem() -> Vec<Problem> {
        let zone = || SendTimeError::UnknownZone("Mars/Olympus".into());
        let problems = vec![
            Problem::Text(MessageTextError::Empty),
            Problem::Text(MessageTextError::TooLong(1300)),
            Problem::PersonalisedText(MessageTextError::TooLong(1300)),
            Problem::Placeholder(PlaceholderError::Unknown("name".into())),
            Problem::Placeholder(PlaceholderError::Unfilled("last_name".into())),
            Problem::StopMentionMissing {
                provider: ProviderId::Octopush,
                mention: "STOP au XXXXX".into(),
            },
            Problem::StopMentionMissing {
                provider: ProviderId::Infobip,
                mention: "STOP au 36111".into(),
            },
            Problem::StopMentionNotConfigured,
            Problem::NoRecipient,
            Problem::TooManyRecipients {
                count: 200_001,
                max: 200_000,
            },
            Problem::MoreLineErrors(12),
            Problem::Phone(PhoneNumberError::Unparsable("hello".into())),
            Problem::Phone(PhoneNumberError::Invalid("+3312".into())),
            Problem::Phone(PhoneNumberError::UnknownRegion("XX".into())),
            Problem::Phone(PhoneNumberError::StrayCharacter {
                input: "+33612345678 x12".into(),
                character: 'x',
            }),
            Problem::UnreadableLine {
                detail: "invalid UTF-8".into(),
            },
            Problem::UnreadableHeader {
                detail: "invalid UTF-8".into(),
            },
            Problem::ValueCount {
                values: 2,
                columns: 3,
            },
            Problem::UnknownColumn("nickname".into()),
            Problem::RepeatedColumn("phone".into()),
            Problem::ValueTooLong {
                column: "param1".into(),
                chars: 60,
                max: 50,
            },
            Problem::RecipientZone(zone()),
            Problem::NoPhoneValue,
            Problem::SeveralValuesInPhoneCell("0612345678;0698765432".into()),
            Problem::Sender(SenderIdError::TooShort(2)),
            Problem::Sender(SenderIdError::TooLong(12)),
            Problem::Sender(SenderIdError::InvalidCharacter('é')),
            Problem::SendTime(zone()),
            Problem::SendTime(SendTimeError::Unparsable("tomorrow".into())),
            Problem::SendTime(SendTimeError::Skipped {
                local: "2027-03-28 02:30".into(),
                zone: "Europe/Paris".into(),
            }),
            Problem::SendTime(SendTimeError::InPast {
                local: "2020-01-01 10:00".into(),
                zone: "Europe/Paris".into(),
                now: "2026-12-01 16:00".into(),
            }),
            Problem::SendTime(SendTimeError::Missing),
            Problem::SendTime(SendTimeError::NowAndTime),
            Problem::SendTime(SendTimeError::BeyondHorizon {
                local: "2028-01-01 10:00".into(),
                days: 366,
            }),
            Problem::TooFarAhead {
                provider: ProviderId::Infobip,
                days: 180,
            },
            Problem::MoveTooFarAhead(180),
            Problem::TimeBreaksRules {
                count: 3,
                named: vec![RuleBreak {
                    line: 1,
                    phone: "+33612345678".into(),
                    closed: Closed::NotASendingDay {
                        date: chrono::NaiveDate::from_ymd_opt(2026, 12, 6).unwrap(),
                        zone: "Europe/Paris".into(),
                    },
                }],
            },
            Problem::OverrideReasonMissing,
            Problem::NameTooLong {
                length: 81,
                max: 80,
            },
            Problem::UnknownOptOutSource("web".into()),
            Problem::NoNumber,
            Problem::ValidityNotMinutes("2h".into()),
            Problem::ValidityOutOfRange {
                minutes: 3000,
                max: 2880,
            },
            Problem::OptionNotOffered {
                provider: ProviderId::Octopush,
                option: ProviderOption::Flash,
            },
            Problem::OptionNotOffered {
                provider: ProviderId::Octopush,
                option: ProviderOption::Validity,
            },
            Problem::OptionNotOffered {
                provider: ProviderId::Infobip,
                option: ProviderOption::RemoveBlacklisted,
            },
            Problem::OptionNotOffered {
                provider: ProviderId::Infobip,
                option: ProviderOption::Simulation,
            },
            Problem::OptionNotOffered {
                provider: ProviderId::Infobip,
                option: ProviderOption::WithReplies,
            },
            Problem::OverBalance {
                provider: ProviderId::Octopush,
                estimate: Amount::from_units(110.0),
                balance: Amount::from_units(99.56),
                currency: "EUR".into(),
            },
            Problem::ProviderSaid {
                provider: ProviderId::Octopush,
                code: Some("106".into()),
                words: "the sender must be 3 to 11 letters or digits (code 106)".into(),
            },
        ];
        for problem in &problems {
            match problem {
                Problem::Text(_)
                | Problem::PersonalisedText(_)
                | Problem::Placeholder(_)
                | Problem::StopMentionMissing { .. }
                | Problem::StopMentionNotConfigured
                | Problem::NoRecipient
                | Problem::TooManyRecipients { .. }
                | Problem::MoreLineErrors(_)
                | Problem::Phone(_)
                | Problem::UnreadableLine { .. }
                | Problem::UnreadableHeader { .. }
                | Problem::ValueCount { .. }
                | Problem::UnknownColumn(_)
                | Problem::RepeatedColumn(_)
                | Problem::ValueTooLong { .. }
                | Problem::RecipientZone(_)
                | Problem::NoPhoneValue
                | Problem::SeveralValuesInPhoneCell(_)
                | Problem::Sender(_)
                | Problem::SendTime(_)
                | Problem::TooFarAhead { .. }
                | Problem::MoveTooFarAhead(_)
                | Problem::TimeBreaksRules { .. }
                | Problem::OverrideReasonMissing
                | Problem::NameTooLong { .. }
                | Problem::UnknownOptOutSource(_)
                | Problem::NoNumber
                | Problem::ValidityNotMinutes(_)
                | Problem::ValidityOutOfRange { .. }
                | Problem::OverBalance { .. }
                | Problem::OptionNotOffered { .. }
                | Problem::ProviderSaid { .. } => {}
            }
        }
        problems
    }

    fn every_refusal() -> Vec<Refusal> {
        let refusals = vec![
            Refusal::NoSuchCampaign("c-1".into()),
            Refusal::NoSuchRecipient("r-1".into()),
            Refusal::NotOptedOut("+33612345678".into()),
            Refusal::NotAUuid("../campaigns".into()),
            Refusal::AlreadyScheduled("c-1".into()),
            Refusal::Simulation,
            Refusal::ProviderGone,
            Refusal::AlreadyPaused,
            Refusal::NotPaused,
            Refusal::SentAtLocalTimes,
            Refusal::NothingWaiting,
            Refusal::NothingRefused,
            Refusal::SendTimePassed("2026-12-01T10:00:00Z".into()),
            Refusal::OctopushCancelLimits,
            Refusal::CancelTooLate(10),
            Refusal::CancelTooManyRecipients(2),
            Refusal::OctopushCannotMove,
            Refusal::OctopushCannotPause,
            Refusal::InfobipMoveHorizon(180),
            Refusal::NoSandbox,
            Refusal::ClockStepOutOfRange { max: 31_536_000 },
            Refusal::ClockTooFarAhead { max_days: 3660 },
        ];
        for refusal in &refusals {
            match refusal {
                Refusal::NoSuchCampaign(_)
                | Refusal::NoSuchRecipient(_)
                | Refusal::NotOptedOut(_)
                | Refusal::NotAUuid(_)
                | Refusal::AlreadyScheduled(_)
                | Refusal::Simulation
                | Refusal::ProviderGone
                | Refusal::AlreadyPaused
                | Refusal::NotPaused
                | Refusal::SentAtLocalTimes
                | Refusal::NothingWaiting
                | Refusal::NothingRefused
                | Refusal::SendTimePassed(_)
                | Refusal::OctopushCancelLimits
                | Refusal::CancelTooLate(_)
                | Refusal::CancelTooManyRecipients(_)
                | Refusal::OctopushCannotMove
                | Refusal::OctopushCannotPause
                | Refusal::InfobipMoveHorizon(_)
                | Refusal::NoSandbox
                | Refusal::ClockStepOutOfRange { .. }
                | Refusal::ClockTooFarAhead { .. } => {}
            }
        }
        refusals
    }

    fn every_notice() -> Vec<Notice> {
        let window = WindowTerms {
            days: vec![Weekday::Mon, Weekday::Sat],
            start: "08:00".into(),
            end: "20:00".into(),
            french_holidays: true,
            territory_holidays: false,
            zone: Some("Europe/Paris".into()),
        };
        let date = chrono::NaiveDate::from_ymd_opt(2027, 7, 14).unwrap();
        let outside = |closed, then| Notice::Outside {
            policy: "France marketing".into(),
            window: window.clone(),
            closed,
            then,
        };
        let holiday = || Closed::Holiday {
            date,
            holiday: Holiday::BastilleDay,
            zone: "Europe/Paris".into(),
        };
        let notices = vec![
            Notice::OptedOut {
                source: "stop-reply".into(),
                since: "2026-11-02".into(),
            },
            Notice::OverCap {
                sent: 2,
                days: 7,
                at: vec!["2026-11-29T10:00:00+00:00".into()],
                cap: 1,
            },
            Notice::ZonesChecked {
                policy: "United States marketing".into(),
                zones: vec!["America/New_York".into(), "America/Chicago".into()],
            },
            Notice::ZoneUnknown {
                policy: "Business hours (advice)".into(),
                campaign_zone: "Europe/Paris".into(),
            },
            Notice::LocalTimeInCampaignZone {
                local: "10:00".into(),
                campaign_zone: "Europe/Paris".into(),
            },
            outside(holiday(), Then::Advised),
            outside(
                Closed::NotASendingDay {
                    date: chrono::NaiveDate::from_ymd_opt(2026, 12, 6).unwrap(),
                    zone: "Europe/Paris".into(),
                },
                Then::Deferred,
            ),
            outside(
                Closed::Hours {
                    time: "21:30".into(),
                    start: "08:00".into(),
                    end: "20:00".into(),
                    zone: "Europe/Paris".into(),
                },
                Then::NoTimeWithinAYear,
            ),
            outside(holiday(), Then::Skipped),
            outside(
                holiday(),
                Then::SentAnyway {
                    reason: "storm alert 2027".into(),
                },
            ),
            Notice::NotHandedOverInTime {
                due: "2026-12-01T10:00:00+00:00".into(),
            },
            Notice::NotHandedOverRequestLost,
            Notice::HandOverUnconfirmed {
                why: "HTTP 503".into(),
                because: ResendBlocked::SendTimePassed {
                    due: "2026-12-01T10:00:00+00:00".into(),
                },
            },
            Notice::HandOverUnconfirmed {
                why: "HTTP 503".into(),
                because: ResendBlocked::RequestNotKept,
            },
            Notice::HandOverUnconfirmed {
                why: "HTTP 503".into(),
                because: ResendBlocked::CouldBeSentTwice,
            },
            Notice::NoAnswerLookedUp {
                provider: ProviderId::Octopush,
                message: "timed out after 10 s".into(),
            },
            Notice::TakenOverByReconciliation,
            Notice::LeftToReconciliation,
            Notice::RateLimitedSentLater {
                provider: ProviderId::Infobip,
            },
            Notice::ProviderRefused {
                reason: "invalid number 42".into(),
            },
            Notice::StopReply {
                provider: "octopush".into(),
                text: "STOP 2026".into(),
            },
            Notice::RulesOverridden {
                reason: "storm alert 2027".into(),
            },
            Notice::MovedTo {
                at: "2026-12-03T11:30:00+00:00".into(),
                refused: vec![],
            },
            Notice::MovedTo {
                at: "2026-12-03T11:30:00+00:00".into(),
                refused: vec!["bulk-1: 404".into()],
            },
            Notice::OperationRefused {
                refused: vec!["bulk-1: 404".into()],
            },
        ]
        .into_iter()
        .chain(
            [
                Reconciliation::ProviderHadIt,
                Reconciliation::SentAgain,
                Reconciliation::SentAgainRefused,
                Reconciliation::Missed,
                Reconciliation::Unconfirmed,
            ]
            .map(|outcome| Notice::Reconciled {
                recipients: 2,
                submission: "s-1".into(),
                outcome,
            }),
        )
        .collect::<Vec<_>>();
        for notice in &notices {
            match notice {
                Notice::OptedOut { .. }
                | Notice::OverCap { .. }
                | Notice::ZonesChecked { .. }
                | Notice::ZoneUnknown { .. }
                | Notice::LocalTimeInCampaignZone { .. }
                | Notice::Outside { .. }
                | Notice::NotHandedOverInTime { .. }
                | Notice::NotHandedOverRequestLost
                | Notice::HandOverUnconfirmed { .. }
                | Notice::NoAnswerLookedUp { .. }
                | Notice::TakenOverByReconciliation
                | Notice::LeftToReconciliation
                | Notice::RateLimitedSentLater { .. }
                | Notice::ProviderRefused { .. }
                | Notice::StopReply { .. }
                | Notice::RulesOverridden { .. }
                | Notice::MovedTo { .. }
                | Notice::OperationRefused { .. }
                | Notice::Reconciled { .. } => {}
                // Words as they were written: the same in every language.
                Notice::Words(_) => unreachable!(),
            }
        }
        notices
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
    fn a_refusal_from_the_server_is_said_in_the_users_language() {
        let (en, fr) = (Locale::En.texts(), Locale::Fr.texts());
        let refused = crate::models::AppError::NotAllowed(Refusal::AlreadyPaused);
        assert_eq!(en.error(&refused), "The campaign is already paused.");
        assert_eq!(fr.error(&refused), "La campagne est déjà en pause.");
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
}
