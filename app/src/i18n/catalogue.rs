//! The shape of a language's catalogue: its words (fixed texts) and its phrases (texts built from
//! values). Each language fills in every field.

use crate::domain::column_mapping::{ColumnTarget, LoadedList, MappingProblem};
use crate::domain::file_charset::FileCharset;
use crate::domain::message::MessageStats;
use crate::domain::{Encoding, OptOutSource, Purpose};
use crate::models::{
    AppError, Approval, ApprovalReason, AuditAction, CampaignActionKind, CampaignState, CapTerms,
    DecisionKind, Enforcement, EventSource, Field, FieldError, LimitedAction, NotLetIn, Notice,
    OperationReport, Problem, ProviderId, ProviderOptions, RecipientStatus, Refusal, Right, Role,
    ScheduleProgress, WindowTerms,
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
        moved_by_rules, balance, label_colon, some_fields,
        // The composer.
        composer_title, campaign_name_label, recipients_label, campaign_type, premium, low_cost, purpose_alert_choice,
        purpose_marketing_choice, sender_label, send_when, send_later_choice, send_now_choice,
        send_at_label, send_at_incomplete, local_time_choice,
        with_replies_choice, simulation_choice, infobip_sends, scheduling, checking, schedule, recording,
        placeholder_group, insert, upload_csv, remove_file, use_columns, mapping_no_phone, outside_window,
        outside_defer, outside_skip, outside_override, override_reason, reading_balance,
        octopush_options, remove_blacklisted_choice, infobip_options, flash_choice, validity_label,
        no_stop_mention, counter_of_template,
        // The preview and the confirm step.
        preview_title, preview_empty, preview_not_ready, preview_search, at_requested_time,
        no_price, over_cap, moved_to_word, moved_to, confirm_schedule_title, confirm_simulate_title, to,
        when, estimated_cost, cost_unknown, confirm_button, change_something, options_chosen,
        blacklist_option, flash_option, replies_option,
        // The receipt.
        receipt_scheduled, receipt_simulated, receipt_nothing, receipt_none_to_send, schedule_again, new_campaign,
        reference, sms_needed, cost, send_time, not_given,
        reference_unknown, reference_none, reference_none_held, not_handed_over, left_out_list, repeated_list, refused_list,
        warnings_list, follow_campaign,
        // The campaign list.
        no_match, no_campaign_yet, schedule_one, newest_campaigns, older_campaigns,
        simulation_badge, filters_label, search, search_placeholder,
        // One campaign.
        all_campaigns, copy_campaign, campaign_title, campaign_name, default_sender, timeline, show, export_csv, hide, history, scheduled_by,
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
        // The audit trail.
        nav_audit, audit_person, audit_action_label, audit_campaign, audit_from, audit_until,
        all_actions, no_audit_entry, audit_done, audit_provider_refused,
        // Four-eyes approval.
        approval_title, held_receipt, held_because, rejection_reason, will_be_held,
        // Built-in sign-in.
        signed_out, session_ended, sign_in_again, sign_out,
    }
    phrases {
        // A table's box, named apart from the section it stands in.
        table_of: fn(&str) -> String,
        // Tables' column headings.
        campaign_columns: &'static [&'static str],
        recipient_columns: &'static [&'static str],
        opt_out_columns: &'static [&'static str],
        audit_columns: &'static [&'static str],
        policy_columns: &'static [&'static str],
        // Names of values.
        status_name: fn(RecipientStatus) -> &'static str,
        // `5 scheduled`, `5 planifiés`: a count of recipients in a status.
        status_count: fn(RecipientStatus, u64) -> String,
        enforcement_name: fn(Enforcement) -> &'static str,
        state_name: fn(CampaignState) -> &'static str,
        purpose_name: fn(Purpose) -> &'static str,
        action_name: fn(CampaignActionKind) -> &'static str,
        opt_out_source: fn(OptOutSource) -> &'static str,
        event_source: fn(EventSource) -> &'static str,
        role_name: fn(Role) -> &'static str,
        audit_action: fn(AuditAction) -> &'static str,
        // Refused: the right the person lacked.
        audit_refused: fn(Right) -> String,
        // The zone the period's days are read in.
        audit_days_in: fn(&str) -> String,
        // A built-in sending rule's name (`France marketing`); `None` for a rule the
        // configuration names.
        rule_name: fn(&str) -> Option<&'static str>,
        column_target: fn(ColumnTarget) -> &'static str,
        // `12.5` → `12.50` (English) or `12,50` (French).
        decimal: fn(f64) -> String,
        // The composer.
        sandbox_provider: fn(&str) -> String,
        counter: fn(&MessageStats) -> String,
        ucs2_warning: fn(&str) -> String,
        non_gsm: fn(char, Option<&str>) -> String,
        // An accent typed apart (U+0301) after a letter, and the one letter GSM-7 has for both.
        accent_apart: fn(char, char, char) -> String,
        // The characters that take two of GSM-7's 160 (`€`…), listed.
        double_characters: fn(&[char]) -> String,
        mapping_legend: fn(&str) -> String,
        column_named: fn(&str) -> String,
        mapping_twice: fn(&str) -> String,
        list_loaded: fn(&str, LoadedList) -> String,
        stop_mention_hint: fn(ProviderId, &str) -> String,
        // The purpose is "alert", and the message has this sign of a promotion.
        reads_like_marketing: fn(&str) -> String,
        file_too_large: fn(&str, f64) -> String,
        file_unreadable: fn(&str) -> String,
        file_large_utf16: fn(&str) -> String,
        // What a file not in UTF-8 was read as, said after what it loaded ("" for UTF-8).
        charset_note: fn(FileCharset) -> &'static str,
        handover: fn(&str, &ScheduleProgress) -> String,
        // The preview and the confirm step.
        preview_parts: fn(u64, u32, &str) -> String,
        estimated: fn(&str) -> String,
        among_first: fn(usize) -> String,
        // `3 recipients: outside…`: how many recipients something is said of (a bare `3:` would
        // read as a line number).
        counted: fn(u64, &str) -> String,
        moved_heading: fn(&str) -> String,
        left_out_heading: fn(&str) -> String,
        duplicates_merged: fn(usize) -> String,
        left_out_because: fn(&str) -> String,
        line_and_number: fn(u32, &str) -> String,
        encoding_parts: fn(Encoding, u32) -> String,
        in_recipient_time: fn(&str) -> String,
        validity_option: fn(&str) -> String,
        recipient_count: fn(u64) -> String,
        moved_of_them: fn(u64) -> String,
        moved_from: fn(u64) -> String,
        left_out_count: fn(u64) -> String,
        parts_count: fn(u64) -> String,
        // The receipt.
        receipt_partial: fn(u32, u32) -> String,
        // What a held campaign sends once approved.
        once_approved: fn(u64) -> String,
        // The navigation's warning: the provider's balance is less than its last campaign of
        // so many recipients would cost again.
        low_balance: fn(&str, &str, u64, &str) -> String,
        // The link to the composer holding a campaign's refused recipients, and its note.
        refused_again_link: fn(u64) -> String,
        refused_again_loaded: fn(u64, &str) -> String,
        // The composer's note once a campaign is loaded again ("schedule again").
        campaign_again_loaded: fn(u64, &str) -> String,
        refused_recipients: fn(u32, &str) -> String,
        no_answer_recipients: fn(u32, &str) -> String,
        line_note: fn(u32, &str, &str) -> String,
        and_more: fn(u32) -> String,
        // Campaigns.
        operation_report: fn(&OperationReport) -> String,
        ahead_of_real_time: fn(&str) -> String,
        all_statuses: fn(u64) -> String,
        page_range: fn(u64, u64, u64) -> String,
        history_of_line: fn(u32) -> String,
        // Opt-outs.
        opt_outs_added: fn(u32, u32, u32) -> String,
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
        signed_in_through: fn(&str) -> String,
        window_terms: fn(&WindowTerms) -> String,
        cap_terms: fn(&CapTerms) -> String,
        // Errors.
        // What the server found wrong with an input, and why it refused a request.
        problem: fn(&Problem) -> String,
        // Why a recipient is left out, moved, or sent with a caution.
        notice: fn(&Notice) -> String,
        refusal: fn(&Refusal) -> String,
        not_let_in: fn(&NotLetIn) -> String,
        line_error: fn(u32, &str) -> String,
        provider_refused: fn(&str, &str) -> String,
        unreachable: fn(&str, &str) -> String,
        busy: fn(&str, Option<u64>) -> String,
        throttled: fn(LimitedAction, u32, u64) -> String,
        not_configured: fn(&str) -> String,
        server_failed: fn(&str) -> String,
        request_failed: fn(&str) -> String,
        // Four-eyes approval.
        approval_name: fn(Approval) -> &'static str,
        decision_name: fn(DecisionKind) -> &'static str,
        approval_reason: fn(&ApprovalReason) -> String,
        awaiting_badge: fn(u64) -> String,
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
            AppError::Throttled {
                action,
                per_minute,
                retry_after_seconds,
            } => (self.throttled)(*action, *per_minute, *retry_after_seconds),
            AppError::ProviderNotConfigured(provider) => {
                (self.not_configured)(&provider.to_string())
            }
            AppError::NotFound(why) | AppError::NotAllowed(why) | AppError::Forbidden(why) => {
                (self.refusal)(why)
            }
            AppError::Internal(message) => (self.server_failed)(message),
            AppError::Transport(message) => (self.request_failed)(message),
            AppError::SignedOut => self.signed_out.to_owned(),
            AppError::NotLetIn(why) => (self.not_let_in)(why),
        }
    }

    /// Why an action the page lists is unavailable: `None` when it is available; "not offered"
    /// when the server did not list it (`listed` is `None`).
    pub fn unavailable(&self, listed: Option<&Option<Refusal>>) -> Option<String> {
        match listed {
            None => Some(self.not_offered.to_owned()),
            Some(refusal) => refusal.as_ref().map(|why| (self.refusal)(why)),
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
            FileProblem::LargeUtf16 { name } => (self.file_large_utf16)(name),
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

    /// A sending rule's name: a built-in one in words, one from the configuration as it is.
    pub fn rule_name_or_itself(&self, name: &str) -> String {
        (self.rule_name)(name).map_or_else(|| name.to_owned(), str::to_owned)
    }
}
