//! English: what the server says about a recipient or a campaign (why it is left out, moved or
//! sent with a caution, what happened to it), and the terms those sentences are made of. `Display`
//! of [`Notice`] is the English sentence; the French ones are in `fr_notices.rs`.

use std::fmt;

use super::window_words::{window_in_words, WindowWords};
use super::{en_names, instants, plural};
use crate::domain::holidays::Holiday;
use crate::models::calendar_date;
use crate::models::{
    ClockChange, Closed, Notice, NumberKind, Reconciliation, ResendBlocked, Then, UndeliveredCause,
    WindowTerms,
};

/// The days of the week in English, from Monday.
pub(super) const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The months in English.
pub(super) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `3 days`.
pub(super) fn days(n: u32) -> String {
    format!("{n} day{}", plural::english(n.into()))
}

/// `Monday–Friday 08:00–20:00, never on French public holidays (Europe/Paris)`.
pub(super) fn window_terms(window: &WindowTerms) -> String {
    window_in_words(
        window,
        &WindowWords {
            days: DAYS,
            every_day: "every day",
            french_holidays: ", never on French public holidays",
            territory_holidays:
                ", never on French public holidays or the territory's abolition-of-slavery day",
            local_time: "recipient's local time",
        },
    )
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::OptedOut { source, since } => {
                let source = en_names::opt_out_source(*source);
                write!(f, "opted out ({source}, {since})")
            }
            Notice::OverCap {
                sent,
                days: within,
                at,
                cap,
            } => write!(
                f,
                "frequency cap: already {sent} marketing SMS within {} (at {}); the cap is {cap}",
                days(*within),
                instants(at)
            ),
            Notice::ZonesChecked { policy, zones } => write!(
                f,
                "time zone not given: {policy} is checked in all of the country's zones ({})",
                zones.join(", ")
            ),
            Notice::ZoneUnknown {
                policy,
                campaign_zone,
            } => write!(
                f,
                "time zone not known: {policy} is checked in the campaign's zone, {campaign_zone}"
            ),
            Notice::LocalTimeInCampaignZone {
                local,
                campaign_zone,
            } => write!(
                f,
                "time zone not known: sent at {local} in the campaign's zone, {campaign_zone}"
            ),
            Notice::Outside {
                policy,
                window,
                closed,
                then,
            } => {
                let window = window_terms(window);
                write!(f, "outside {policy}: {window}: {closed}")?;
                match then {
                    Then::Advised => Ok(()),
                    Then::Deferred => f.write_str("; moved to the next allowed time"),
                    Then::NoTimeWithinAYear => f.write_str("; no allowed time within a year"),
                    Then::Skipped => f.write_str("; the campaign skips such recipients"),
                    Then::SentAnyway { reason } => write!(f, "; sent anyway: {reason}"),
                }
            }
            Notice::NotHandedOverInTime { due } => write!(
                f,
                "Not handed to the provider before its send time ({due}): the server stopped. \
                 Nothing was sent; schedule it again."
            ),
            Notice::NotHandedOverRequestLost => f.write_str(
                "Not handed to the provider (the server stopped), and the request was not kept: \
                 schedule it again.",
            ),
            Notice::HandOverUnconfirmed { why, because } => {
                let because = match because {
                    ResendBlocked::SendTimePassed { due } => {
                        format!("its send time ({due}) has passed")
                    }
                    ResendBlocked::RequestNotKept => "the request was not kept".to_owned(),
                    ResendBlocked::CouldBeSentTwice => {
                        "a resend could now be sent twice".to_owned()
                    }
                };
                write!(
                    f,
                    "The server stopped while handing this over, and whether the provider has it \
                     cannot be established: {why} It is not sent again because {because}. A \
                     delivery report will settle it; otherwise check with the provider."
                )
            }
            Notice::NoAnswerLookedUp { provider, message } => write!(
                f,
                "{message}; it is recorded, and will be looked up and handed over again if \
                 {provider} does not have it: do not schedule it again"
            ),
            Notice::TakenOverByReconciliation => {
                f.write_str("taken over by another instance's reconciliation")
            }
            Notice::LeftToReconciliation => {
                f.write_str("not sent yet: storage failed; reconciliation will send it")
            }
            Notice::RateLimitedSentLater { provider } => write!(
                f,
                "not sent yet: {provider} asked to slow down (too many requests); it is sent \
                 again automatically while its send time allows: do not schedule it again"
            ),
            Notice::ProviderRefused { reason } => write!(f, "refused by the provider: {reason}"),
            Notice::StopReply { provider, text } => write!(f, "{provider} reply: {text}"),
            Notice::RulesOverridden { reason } => write!(f, "sending rules overridden: {reason}"),
            Notice::MovedTo { at, refused } => {
                write!(f, "to {at}")?;
                if !refused.is_empty() {
                    write!(f, "; refused: {}", refused.join("; "))?;
                }
                Ok(())
            }
            Notice::OperationRefused { refused } => write!(f, "refused: {}", refused.join("; ")),
            Notice::Reconciled {
                recipients,
                submission,
                outcome,
            } => {
                let what = match outcome {
                    Reconciliation::ProviderHadIt => "the provider had it",
                    Reconciliation::SentAgain => "sent again",
                    Reconciliation::SentAgainRefused => "sent again, refused by the provider",
                    Reconciliation::Missed => "missed its send time, not sent",
                    Reconciliation::Unconfirmed => "could not be confirmed",
                };
                write!(
                    f,
                    "{recipients} recipient(s) of submission {submission}: {what}"
                )
            }
            Notice::Words(words) | Notice::RequestRefused { words, .. } => f.write_str(words),
            Notice::ValueOnSeveralLines { column } => write!(
                f,
                "its {{{column}}} is on several lines in the list: the SMS breaks its line there \
                 too"
            ),
            Notice::CanceledBy { actor } => write!(f, "canceled by {actor}"),
            Notice::NotMobile { kind } => write!(
                f,
                "{kind}, which may not receive SMS (another country's mobile written without \
                 its country code can read as one)"
            ),
            Notice::ClockChange {
                local,
                zone,
                change:
                    ClockChange::HappensTwice {
                        offset,
                        later_offset,
                    },
            } => write!(
                f,
                "{local} happens twice in {zone} (the clocks go back): sent at the first, \
                 UTC{offset}, not the second, UTC{later_offset}"
            ),
            Notice::ClockChange {
                local,
                zone,
                change: ClockChange::DoesNotHappen { sent },
            } => write!(
                f,
                "{local} does not happen in {zone} (the clocks go forward): sent at {sent}"
            ),
            Notice::Undelivered {
                provider,
                cause,
                code,
                words,
            } => {
                write!(f, "{cause}")?;
                match (code, words) {
                    (Some(code), Some(words)) => write!(f, " ({provider}: {code}, “{words}”)"),
                    (Some(said), None) | (None, Some(said)) => write!(f, " ({provider}: {said})"),
                    (None, None) => Ok(()),
                }
            }
        }
    }
}

impl fmt::Display for UndeliveredCause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            UndeliveredCause::NoSuchNumber => "the number does not exist or cannot receive SMS",
            UndeliveredCause::Unreachable => "the phone was off, out of reach or could not take it",
            UndeliveredCause::NotAllowed => "the operator does not allow it for this number",
            UndeliveredCause::Blacklisted => {
                "the number is on the provider's blacklist (it sent STOP)"
            }
            UndeliveredCause::Handset => "a problem with the phone or its subscription",
            UndeliveredCause::Account => "a problem with the account, the sender or the message",
            UndeliveredCause::Operator => "a problem in the operator's network",
            UndeliveredCause::NeverConfirmed => "the operator never confirmed delivery",
            UndeliveredCause::Unexplained => "a status the provider does not explain",
        })
    }
}

impl fmt::Display for NumberKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NumberKind::Landline => "a landline number",
            NumberKind::TollFree => "a toll-free number",
            NumberKind::PremiumRate => "a premium-rate number",
            NumberKind::SharedCost => "a shared-cost number",
            NumberKind::CompanyNumber => "a company's single number",
            NumberKind::Voicemail => "a voicemail access number",
            NumberKind::Pager => "a pager number",
        })
    }
}

impl fmt::Display for Closed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Closed::Holiday {
                date,
                holiday,
                zone,
            } => write!(
                f,
                "{} is a public holiday ({holiday}) in {zone}",
                calendar_date::in_words(*date, &DAYS, &MONTHS)
            ),
            Closed::NotASendingDay { date, zone } => {
                write!(
                    f,
                    "{} is not a sending day in {zone}",
                    calendar_date::in_words(*date, &DAYS, &MONTHS)
                )
            }
            Closed::Hours {
                time,
                start,
                end,
                zone,
            } => write!(f, "{time} is outside {start}–{end} in {zone}"),
        }
    }
}

impl fmt::Display for Holiday {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Holiday::NewYearsDay => "New Year's Day",
            Holiday::EasterMonday => "Easter Monday",
            Holiday::LabourDay => "Labour Day",
            Holiday::VictoryInEuropeDay => "Victory in Europe Day",
            Holiday::AscensionDay => "Ascension Day",
            Holiday::WhitMonday => "Whit Monday",
            Holiday::BastilleDay => "Bastille Day",
            Holiday::AssumptionDay => "Assumption Day",
            Holiday::AllSaintsDay => "All Saints' Day",
            Holiday::ArmisticeDay => "Armistice Day",
            Holiday::ChristmasDay => "Christmas Day",
            Holiday::AbolitionOfSlavery => "Abolition of Slavery Day",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn says_the_date_as_chrono_would() {
        let date = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        let english = calendar_date::in_words(date, &DAYS, &MONTHS);
        assert_eq!(english, date.format("%A %-d %B %Y").to_string());
        assert_eq!(english, "Sunday 6 December 2026");
    }
}
