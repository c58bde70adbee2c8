//! English.

use super::Texts;
use super::{en_notices, fixed_point, plural};
use crate::domain::column_mapping::{ColumnTarget, LoadedList};
use crate::models::{CampaignState, Enforcement, ProviderId, RecipientStatus};

pub static EN: Texts = Texts {
    app_title: "SMS Scheduler",
    nav_label: "Main",
    nav_compose: "Compose",
    nav_campaigns: "Campaigns",
    nav_opt_outs: "Opt-outs",
    nav_settings: "Settings",
    language_label: "Language",
    not_found: "This page does not exist.",
    stopped: "The page stopped working, most likely because a new version was installed. Reload it to go on.",
    reload: "Reload the page",

    loading: "Loading…",
    refresh: "Refresh",
    cancel: "Cancel",
    keep_it: "Keep it",
    previous: "Previous",
    next: "Next",
    all: "All",
    provider: "Provider",
    recipients: "Recipients",
    message: "Message",
    purpose: "Purpose",
    state: "State",
    send_at: "Send at",
    time_zone: "Time zone",
    reschedule: "Reschedule",
    sms: "SMS",
    now: "now",
    at_once: "at once",
    left_out: "Left out",
    moved_by_rules: "Moved by the sending rules",
    balance: "Balance",
    some_fields: "Some fields need attention.",

    composer_title: "New campaign",
    campaign_name_label: "Campaign name (optional, to tell it apart in the list)",
    recipients_label: "Recipients: one number per line, or CSV with a header (phone, first_name, last_name, param1…param5, time_zone)",
    campaign_type: "Campaign type",
    premium: "Premium",
    low_cost: "Low cost",
    purpose_alert_choice: "Alert (transactional)",
    purpose_marketing_choice: "Marketing",
    sender_label: "Sender (3–11 letters or digits; empty for the provider's default)",
    send_when: "When to send",
    no_stop_mention: "Marketing to French numbers through Infobip needs the account's opt-out mention, and none is configured (infobip.stop_mention): it will be refused.",
    send_later_choice: "At a date and time",
    send_now_choice: "Now",
    send_at_label: "Send at",
    send_at_incomplete: "This date and time is not complete: fill in every part of it, or choose Now.",
    local_time_choice: "Read this time on each recipient's own clock (their zone, from the list or the number)",
    with_replies_choice: "Allow replies (the provider picks a number as sender)",
    octopush_options: "Octopush options",
    remove_blacklisted_choice: "Leave out the numbers on the Octopush account's blacklist (Octopush charges 0.01 EUR for it on each request of up to 500 numbers)",
    infobip_options: "Infobip options",
    flash_choice: "Flash SMS: shown on the phone's screen at once, not kept in its inbox",
    validity_label: "Stop trying to deliver after (minutes, 1 to 2880; empty: 48 hours)",
    simulation_choice: "Simulation: validate and price, send nothing",
    scheduling: "Scheduling…",
    checking: "Checking…",
    schedule: "Schedule",
    recording: "Checking and recording the recipients…",
    placeholder_group: "Insert a placeholder",
    insert: "Insert:",
    upload_csv: "Upload a CSV file",
    use_columns: "Use these columns",
    mapping_no_phone: "Choose the column that holds the phone numbers.",
    outside_window: "Outside the allowed sending hours",
    outside_defer: "Move them to the next allowed time",
    outside_skip: "Leave them out",
    outside_override: "Send anyway, for this reason:",
    override_reason: "Reason for sending outside the allowed hours",
    reading_balance: "Reading the balance…",

    preview_title: "Preview",
    preview_empty: "Write the message and the recipients to see what would be sent.",
    preview_not_ready: "Not ready to schedule yet:",
    preview_search: "Find a recipient (number or line)",
    at_requested_time: "At the requested time",
    no_price: "no price configured for this provider",
    over_cap: "Over the frequency cap (sent with a warning)",
    moved_to_word: " to ",
    moved_to: "moved to ",
    confirm_schedule_title: "Schedule this campaign?",
    confirm_simulate_title: "Simulate this campaign?",
    to: "To",
    when: "When",
    estimated_cost: "Estimated cost",
    cost_unknown: "not known (no price configured)",
    confirm_button: "Confirm and schedule",
    change_something: "Change something",
    options_chosen: "Options",
    blacklist_option: "the numbers on the Octopush blacklist left out",
    flash_option: "flash SMS",
    replies_option: "replies allowed",

    receipt_scheduled: "Scheduled",
    receipt_simulated: "Simulated: nothing was sent",
    receipt_nothing: "Nothing was scheduled",
    schedule_again: "Schedule this form again",
    new_campaign: "New campaign",
    reference: "Reference",
    sms_needed: "SMS needed",
    cost: "Cost",
    send_time: "Send time",
    not_given: "not given",
    reference_unknown: "not known yet: the provider took the campaign; its reference comes with the delivery reports",
    not_handed_over: "Not handed over:",
    left_out_list: "Left out:",
    repeated_list: "Left out because they repeat an earlier line:",
    refused_list: "Refused by the provider:",
    warnings_list: "Warnings:",
    follow_campaign: "Follow this campaign",

    no_match: "No campaign matches these filters.",
    no_campaign_yet: "No campaign yet. ",
    schedule_one: "Schedule one",
    newest_campaigns: "Newest campaigns",
    older_campaigns: "Older campaigns",
    simulation_badge: "simulation",
    filters_label: "Filter campaigns",
    search: "Search",
    search_placeholder: "Words of the message, or a phone number",

    all_campaigns: "← All campaigns",
    campaign_title: "Campaign",
    campaign_name: "Name",
    default_sender: "the provider's default",
    timeline: "Timeline",
    show: "Show",
    export_csv: "Export as CSV",
    hide: "Hide",
    history: "History",
    scheduled_by: "Scheduled by",
    rules_overridden: "Sending rules overridden",
    actions: "Actions",
    cancel_campaign: "Cancel campaign",
    cancel_question: "Cancel every message of this campaign not sent yet?",
    yes_cancel: "Yes, cancel",
    new_time: "New time, in the campaign's time zone",
    pause: "Pause",
    resume: "Resume",
    not_offered: "not offered for this campaign",

    sandbox_clock: "Sandbox clock",
    sandbox_explained: "The sandboxes send scheduled messages when their clock reaches the send time. Move it forward to watch statuses change now; real providers are not affected.",
    sandbox_time: "Sandbox time: ",
    real_time: "real time",
    day_unit: "d",
    step_10_minutes: "+10 minutes",
    step_1_hour: "+1 hour",
    step_1_day: "+1 day",

    add_numbers: "Add numbers",
    numbers_per_line: "Numbers, one per line",
    add_to_list: "Add to the list",
    import_csv: "Import a CSV file",
    opt_out_file_help: "A file has one number per line, or a header row with a phone column. A list with an error adds nothing: fix the lines named and add it again.",
    opt_out_list: "Opt-out list",
    still_scheduled_intro: "Still to be sent: these campaigns were handed over before the number opted out, and the provider holds them.",
    still_scheduled_what_to_do: "Neither Octopush nor Infobip can take one number out of a campaign it holds: cancel the campaign on its page before its send time, then schedule it again (the opt-out list now leaves the number out).",
    find_number: "Find a number",
    no_number: "No number here.",
    remove: "Remove",
    remove_question: "Messages may reach this number again. Remove it?",
    yes_remove: "Yes, remove",

    providers: "Providers",
    sandbox: "sandbox",
    real_service: "real service",
    pause_resume: "Pause and resume",
    per_request: "Recipients per request",
    scheduling_ahead: "Scheduling ahead",
    no_limit: "no limit",
    reading: "Reading…",
    yes: "yes",
    sending_rules: "Sending rules",
    numbers_without_plus: "Numbers without +",
    per_campaign: "Recipients per campaign",
    frequency_cap: "Frequency cap",
    policy_caption: "The first policy naming the recipient's country applies, else the one for every country.",
    every_other: "every other",
    server: "Server",
    base_path: "Base path",
    site_root: "/ (the site root)",
    identity_header: "Signed-in user header",
    no_identity: "none: every action is recorded as local-operator",
    framed_by: "May be framed by",
    own_pages_only: "this app's own pages only",
    database: "Database",

    table_of: |name| format!("Table: {name}"),
    campaign_columns: &["Created", "Campaign", "Send time", "Sender", "Provider", "Recipients", "State"],
    recipient_columns: &["Line", "Number", "Status", "Send at", "Parts", "Reason or warnings", "History"],
    opt_out_columns: &["Number", "Source", "Added by", "Added", ""],
    policy_columns: &["Policy", "Countries", "Purpose", "Window", "Enforcement"],

    // The statuses' own names are English words.
    status_name: RecipientStatus::as_str,
    status_count: |status, n| format!("{n} {status}"),
    enforcement_name: |enforcement| match enforcement {
        Enforcement::Required => "required",
        Enforcement::Recommended => "recommended",
    },
    state_name: |state| match state {
        CampaignState::InProgress => "in progress",
        CampaignState::Paused => "paused",
        CampaignState::Finished => "finished",
    },
    // The server names purposes and operations in English words already.
    term: |_| None,
    column_target: |target| match target {
        ColumnTarget::Phone => "phone number",
        ColumnTarget::Placeholder("first_name") => "first name",
        ColumnTarget::Placeholder("last_name") => "last name",
        ColumnTarget::Placeholder(name) => name,
        ColumnTarget::TimeZone => "time zone",
        ColumnTarget::Ignored => "not used",
    },
    decimal: |value| fixed_point(value, 2, '.'),

    sandbox_provider: |provider| format!("{provider} (sandbox)"),
    counter: |stats| {
        format!(
            "{} character{} · {} · {} SMS · {} left in this part",
            stats.characters,
            plural::english(stats.characters as u64),
            stats.encoding,
            stats.parts,
            stats.remaining_in_part()
        )
    },
    ucs2_warning: |named| {
        format!("UCS-2: 70 characters per SMS instead of 160, because of {named}.")
    },
    non_gsm: |c, look_alike| match look_alike {
        Some(replacement) => format!("“{c}” (U+{:04X}, replace with “{replacement}”)", c as u32),
        None => format!("“{c}” (U+{:04X})", c as u32),
    },
    mapping_legend: |file| format!("What does each column of {file} hold?"),
    column_named: |cell| format!("Column “{cell}”"),
    mapping_twice: |target| format!("Only one column can hold the {target}."),
    stop_mention_hint: |provider, mention| match provider {
        ProviderId::Octopush => format!("Marketing through Octopush must contain “{mention}” (Octopush fills in its number)."),
        ProviderId::Infobip => format!("Marketing to French numbers must contain “{mention}”."),
    },
    list_loaded: |file, loaded| match loaded {
        LoadedList::Rows(n) => {
            format!("{file}: a header and {n} recipient{} (one a row) loaded below.", plural::english(n as u64))
        }
        LoadedList::Lines(n) => format!("{file}: {n} line{} of numbers loaded below.", plural::english(n as u64)),
    },
    file_too_large: |file, megabytes| {
        let size = fixed_point(megabytes, 1, '.');
        format!("{file} is {size} MB; files up to 20 MB can be read.")
    },
    file_unreadable: |file| format!("{file} could not be read as text."),

    preview_parts: |parts, requests, cost| {
        format!(
            "{parts} part{} in {requests} provider request{}, {cost}",
            plural::english(parts),
            plural::english(requests.into())
        )
    },
    handover: |provider, progress| {
        format!(
            "Handing over to {provider}: {} of {} provider request{} answered ({} of {} recipient{})",
            progress.answered,
            progress.requests,
            plural::english(progress.requests.into()),
            progress.recipients_answered,
            progress.recipients,
            plural::english(progress.recipients)
        )
    },
    estimated: |amount| format!("estimated cost {amount}"),
    among_first: |n| format!(" (among the first {n})"),
    counted: |n, what| format!("{n}: {what}"),
    moved_heading: |among| format!("Moved{among}:"),
    left_out_heading: |among| format!("Left out{among}:"),
    duplicates_merged: |n| {
        let (s, their) = if n == 1 { ("", "its") } else { ("s", "their") };
        format!("{n} repeated number{s} merged into {their} first line.")
    },
    left_out_because: |reason| format!("left out: {reason}"),
    line_and_number: |line, number| format!("Line {line} · {number}"),
    encoding_parts: |encoding, parts| format!("{encoding} · {parts} SMS"),
    in_recipient_time: |at| format!("{at} in each recipient's own time"),
    validity_option: |minutes| format!("delivery tried for at most {minutes} minutes"),
    recipient_count: |n| format!("{n} recipient{}", plural::english(n)),
    moved_of_them: |n| format!(", {n} of them moved to a later time by the sending rules"),
    moved_from: |n| format!("{n} recipient{} moved by the sending rules, from", plural::english(n)),
    left_out_count: |n| format!("; {n} left out"),
    parts_count: |n| format!("{n} part{}", plural::english(n)),

    receipt_partial: |handed, total| {
        format!("Partly scheduled: {handed} of {total} recipient{} handed over", plural::english(total.into()))
    },
    refused_recipients: |n, why| format!("{n} recipient{} refused: {why}", plural::english(n.into())),
    low_balance: |provider, balance, recipients, cost| {
        format!(
            "{provider} balance low: {balance}, less than the last campaign ({recipients} recipient{}, {cost})",
            plural::english(recipients)
        )
    },
    refused_again_link: |n| match n {
        1 => "Schedule the refused recipient again".to_owned(),
        n => format!("Schedule the {n} refused recipients again"),
    },
    refused_again_loaded: |n, provider| {
        format!(
            "The {n} recipient{} {provider} refused, with the campaign's message and settings. Fix \
             what made it refuse them (credit, sender…), check the form, and schedule.",
            plural::english(n)
        )
    },
    no_answer_recipients: |n, why| {
        format!(
            "{n} recipient{}: no answer from the provider ({why}); checked again automatically",
            plural::english(n.into())
        )
    },
    line_note: |line, number, note| format!("Line {line} ({number}): {note}"),
    and_more: |n| format!("…and {n} more"),
    same_as_line: |line, number, first| format!("Line {line}: {number} (same as line {first})"),

    operation_report: |report| {
        let mut text = format!(
            "{}: {} provider request{} done, {} recipient{} changed.",
            report.operation.as_str(),
            report.done,
            plural::english(report.done.into()),
            report.recipients_moved,
            plural::english(report.recipients_moved),
        );
        for refusal in &report.refused {
            text.push_str(&format!(" Refused: {refusal}"));
        }
        text
    },
    ahead_of_real_time: |offset| format!("{offset} ahead of real time"),
    all_statuses: |n| format!("All statuses ({n})"),
    page_range: |first, last, total| format!("{first}–{last} of {total}"),
    history_of_line: |line| format!("History of line {line}"),

    opt_outs_added: |added, listed| format!("{added} added, {listed} already on the list."),
    remove_number: |phone| format!("Remove {phone}"),
    still_scheduled_item: |phone, provider| format!("{phone}: a campaign {provider} holds, to go at"),

    refresh_balance: |provider| format!("Refresh the {provider} balance"),
    credit_in: |country| format!("Credit in {country}"),
    product_sms: |product, sms| format!("{product}: {} SMS", fixed_point(sms, 0, '.')),
    days: en_notices::days,
    yes_with: |conditions| format!("yes, {conditions}"),
    no_because: |why| format!("no: {why}"),
    read_as: |region| format!("read as {region} numbers"),
    at_most: |n| format!("at most {n}"),
    window_terms: en_notices::window_terms,
    cap_terms: |cap| {
        let over = if cap.over_cap_left_out {
            "left out"
        } else {
            "sent with a warning"
        };
        format!(
            "At most {} marketing message{} per number in {} day{}; a recipient over it is {over}.",
            cap.max_messages,
            plural::english(cap.max_messages.into()),
            cap.days,
            plural::english(cap.days.into())
        )
    },
    identity_set_by: |header| format!("{header} (set by the portal's sign-in)"),

    // The server's problems, refusals and notices: their `Display` is English
    // (`en_problems.rs`, `en_refusals.rs`, `en_notices.rs`).
    problem: |problem| problem.to_string(),
    notice: |notice| notice.to_string(),
    refusal: |refusal| refusal.to_string(),
    line_error: |line, message| format!("Line {line}: {message}"),
    provider_refused: |provider, message| format!("{provider} refused the request: {message}"),
    unreachable: |provider, message| {
        format!("{provider} did not answer ({message}). It may have acted on the request all the same.")
    },
    busy: |provider, wait| match wait {
        Some(seconds) => format!(
            "{provider} is receiving too many requests; nothing was done. Try again in {seconds} s."
        ),
        None => format!(
            "{provider} is receiving too many requests; nothing was done. Try again in a moment."
        ),
    },
    not_configured: |provider| format!("{provider} is not configured on this server."),
    server_failed: |message| format!("The server failed: {message}"),
    request_failed: |message| format!("The request to the server failed: {message}"),
};
