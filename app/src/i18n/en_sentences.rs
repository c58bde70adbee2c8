//! English: the longer phrases, sentences built from counts and progress.

use super::{en_names, fixed_point, plural};
use crate::domain::column_mapping::LoadedList;
use crate::domain::file_charset::FileCharset;
use crate::domain::message::MessageStats;
use crate::models::{
    CampaignActionKind, CapTerms, LimitedAction, NotLetIn, OperationReport, ScheduleProgress,
    SwitchedToUcs2,
};

pub(super) fn counter(stats: &MessageStats) -> String {
    format!(
        "{} character{} · {} · {} SMS · {} left in this part",
        stats.characters,
        plural::english(stats.characters as u64),
        stats.encoding,
        stats.parts,
        stats.remaining_in_part()
    )
}

pub(super) fn accent_apart(base: char, mark: char, letter: char) -> String {
    format!(
        "“{base}{mark}” (“{base}” then an accent typed apart, U+{:04X}; replace both with “{letter}”)",
        mark as u32
    )
}

pub(super) fn double_characters(characters: &[char]) -> String {
    let listed = super::quoted_letters(characters, "“", "”");
    match characters.len() {
        1 => format!("{listed} counts as two characters in GSM-7 (an escape, then itself)."),
        _ => format!(
            "{listed} count as two characters each in GSM-7 (an escape, then the character)."
        ),
    }
}

pub(super) fn charset_note(charset: FileCharset) -> &'static str {
    match charset {
        FileCharset::Utf8 => "",
        FileCharset::Windows1252 => {
            "It was read as Windows-1252 (Excel's CSV): check its accented letters in the preview."
        }
        FileCharset::MacRoman => {
            "It was read as Mac Roman (a Mac CSV): check its accented letters in the preview."
        }
        FileCharset::Utf16Le | FileCharset::Utf16Be => "It was read as UTF-16.",
    }
}

pub(super) fn list_loaded(file: &str, loaded: LoadedList) -> String {
    match loaded {
        LoadedList::Rows(n) => {
            format!(
                "{file}: a header and {n} recipient{} (one a row) loaded below.",
                plural::english(n as u64)
            )
        }
        LoadedList::Lines(n) => format!(
            "{file}: {n} line{} of numbers loaded below.",
            plural::english(n as u64)
        ),
    }
}

pub(super) fn file_too_large(file: &str, megabytes: f64) -> String {
    let size = fixed_point(megabytes, 1, '.');
    format!("{file} is {size} MB; files up to 20 MB can be read.")
}

pub(super) fn file_sending(file: &str, sent: f64, total: f64) -> String {
    let mb = |bytes: f64| fixed_point(bytes / 1024.0 / 1024.0, 1, '.');
    format!(
        "Sending {file} and reading it on the server: {} of {} MB…",
        mb(sent),
        mb(total)
    )
}

pub(super) fn file_read(file: &str, recipients: u64, repeated: u64, errors: u64) -> String {
    let mut said = format!(
        "{file}: {recipients} recipient{} read on the server (kept there for a day)",
        plural::english(recipients)
    );
    if repeated > 0 {
        said += &format!(
            ", {repeated} repeated number{} (each sent to once)",
            plural::english(repeated)
        );
    }
    if errors > 0 {
        said += &format!(", {errors} line{} with errors", plural::english(errors));
    }
    said + "."
}

pub(super) fn preview_parts(parts: u64, requests: u32, cost: &str) -> String {
    format!(
        "{parts} part{} in {requests} provider request{}, {cost}",
        plural::english(parts),
        plural::english(requests.into())
    )
}

pub(super) fn handover(provider: &str, progress: &ScheduleProgress) -> String {
    format!(
        "Handing over to {provider}: {} of {} provider request{} answered ({} of {} recipient{})",
        progress.answered,
        progress.requests,
        plural::english(progress.requests.into()),
        progress.recipients_answered,
        progress.recipients,
        plural::english(progress.recipients)
    )
}

pub(super) fn duplicates_merged(n: usize) -> String {
    let (s, their) = if n == 1 { ("", "its") } else { ("s", "their") };
    format!("{n} repeated number{s} merged into {their} first line.")
}

pub(super) fn moved_from(n: u64) -> String {
    format!(
        "{n} recipient{} moved by the sending rules, from",
        plural::english(n)
    )
}

pub(super) fn receipt_partial(handed: u32, total: u32) -> String {
    format!(
        "Partly scheduled: {handed} of {total} recipient{} handed over",
        plural::english(total.into())
    )
}

pub(super) fn low_balance(provider: &str, balance: &str, recipients: u64, cost: &str) -> String {
    format!(
        "{provider} balance low: {balance}, less than the last campaign ({recipients} recipient{}, {cost})",
        plural::english(recipients)
    )
}

pub(super) fn campaign_again_loaded(n: u64, provider: &str) -> String {
    format!(
        "The campaign's {n} recipient{} and settings ({provider}), as a new campaign: check them, \
         then schedule.",
        plural::english(n)
    )
}

pub(super) fn refused_again_loaded(n: u64, provider: &str) -> String {
    format!(
        "The {n} recipient{} {provider} refused, with the campaign's message and settings. Fix \
         what made it refuse them (credit, sender…), check the form, and schedule.",
        plural::english(n)
    )
}

pub(super) fn no_answer_recipients(n: u32, why: &str) -> String {
    format!(
        "{n} recipient{}: no answer from the provider ({why}); checked again automatically",
        plural::english(n.into())
    )
}

pub(super) fn operation_report(report: &OperationReport) -> String {
    let mut text = format!(
        "{}: {} provider request{} done",
        en_names::action(CampaignActionKind::Operation(report.operation)),
        report.done,
        plural::english(report.done.into()),
    );
    if report.says_recipients() {
        text.push_str(&format!(
            ", {} recipient{} changed",
            report.recipients_moved,
            plural::english(report.recipients_moved)
        ));
    }
    text.push('.');
    for refusal in &report.refused {
        text.push_str(&format!(" Refused: {refusal}"));
    }
    text
}

pub(super) fn cap_terms(cap: &CapTerms) -> String {
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
}

pub(super) fn busy(provider: &str, wait: Option<u64>) -> String {
    match wait {
        Some(seconds) => format!(
        "{provider} is receiving too many requests; nothing was done. Try again in {seconds} s."
    ),
        None => format!(
            "{provider} is receiving too many requests; nothing was done. Try again in a moment."
        ),
    }
}

pub(super) fn throttled(action: LimitedAction, per_minute: u32, wait_seconds: u64) -> String {
    let what = match action {
        LimitedAction::Preview => "previews",
        LimitedAction::Schedule => "schedules",
    };
    format!(
        "You have asked for more than {per_minute} {what} a minute; nothing was done. Try again in {wait_seconds} s."
    )
}

pub(super) fn not_let_in(why: &NotLetIn) -> String {
    match why {
        NotLetIn::NotThroughPortal => {
            "Nobody is signed in, so nothing was done: open this app through the portal, which signs you in.".into()
        }
        NotLetIn::UntrustedAddress => "This request did not come through the portal's proxy, so the name it carries is not believed and nothing was done: open the app through the portal.".into(),
        NotLetIn::ProxySecret => "The portal's proxy did not prove itself (its secret is missing or wrong), so nothing was done: tell whoever runs the portal.".into(),
        NotLetIn::NoRole(name) => format!("{name} is signed in, but none of their groups gives a role in this app, so nothing was done: ask an administrator for one."),
        NotLetIn::Unavailable => "Sign-in cannot be checked for a moment, so nothing was done: try again shortly.".into(),
    }
}

pub(super) fn switched_to_ucs2(switched: &SwitchedToUcs2) -> String {
    let n = switched.messages;
    format!(
        "{n} message{} {} sent in UCS-2 (70 characters a part instead of 160) because of letters \
         in {} values, such as {} on line {}.",
        plural::english(n),
        if n == 1 { "is" } else { "are" },
        if n == 1 {
            "its recipient's"
        } else {
            "their recipients'"
        },
        super::quoted_letters(&switched.letters, "“", "”"),
        switched.first_line
    )
}
