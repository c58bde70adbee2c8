//! One of each problem, refusal and notice, for the checks that every one is said in each language.

use crate::domain::holidays::Holiday;
use crate::domain::message::MessageTextError;
use crate::domain::parse_errors::{PhoneNumberError, SendTimeError};
use crate::domain::placeholders::PlaceholderError;
use crate::domain::sender::SenderIdError;
use crate::domain::OptOutSource;
use crate::models::{
    Amount, Approval, CancelLimits, ClockChange, Closed, Notice, NumberKind, Problem, ProviderId,
    ProviderOption, Reconciliation, Refusal, ResendBlocked, Right, Role, RuleBreak, Then,
    UndeliveredCause, WindowTerms,
};
use chrono::Weekday;

/// One of each problem the server can name, nested errors included; the match below stops
/// compiling when a kind is added, so that it is added here too.
pub(super) fn every_problem() -> Vec<Problem> {
    let zone = || SendTimeError::UnknownZone("Mars/Olympus".into());
    let problems = vec![
        Problem::Text(MessageTextError::Empty),
        Problem::Text(MessageTextError::TooLong(1300)),
        Problem::PersonalisedText(MessageTextError::TooLong(1300)),
        Problem::Placeholder(PlaceholderError::Unknown("name".into())),
        Problem::Placeholder(PlaceholderError::Unfilled("last_name".into())),
        Problem::Placeholder(PlaceholderError::InNoLine("param1".into())),
        Problem::Placeholder(PlaceholderError::Unclosed("first_name".into())),
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
        Problem::NotUtf8Line,
        Problem::RecipientFileGone,
        Problem::FileAndTypedRecipients,
        Problem::FileTooLarge { max_megabytes: 64 },
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
        Problem::TooSoonForApproval { minutes_needed: 7 },
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
        Problem::NoNumber,
        Problem::NotADay("2026-13-01".into()),
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
            | Problem::NotUtf8Line
            | Problem::RecipientFileGone
            | Problem::FileAndTypedRecipients
            | Problem::FileTooLarge { .. }
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
            | Problem::TooSoonForApproval { .. }
            | Problem::TimeBreaksRules { .. }
            | Problem::OverrideReasonMissing
            | Problem::NameTooLong { .. }
            | Problem::NoNumber
            | Problem::NotADay(_)
            | Problem::ValidityNotMinutes(_)
            | Problem::ValidityOutOfRange { .. }
            | Problem::OverBalance { .. }
            | Problem::OptionNotOffered { .. }
            | Problem::ProviderSaid { .. } => {}
        }
    }
    problems
}

pub(super) fn every_refusal() -> Vec<Refusal> {
    let refusals = vec![
        Refusal::NoRight {
            role: Role::Viewer,
            right: Right::Send,
        },
        Refusal::NotYourCampaign {
            sender: "alice@example.com".into(),
        },
        Refusal::NoSuchCampaign("c-1".into()),
        Refusal::NoSuchRecipient("r-1".into()),
        Refusal::NotOptedOut("+33612345678".into()),
        Refusal::NotAUuid("../campaigns".into()),
        Refusal::AlreadyScheduled("c-1".into()),
        Refusal::UploadsUnderWay { at_once: 2 },
        Refusal::Simulation,
        Refusal::ProviderGone,
        Refusal::AlreadyPaused,
        Refusal::NotPaused,
        Refusal::SentAtLocalTimes,
        Refusal::NothingWaiting,
        Refusal::NothingRefused,
        Refusal::SendTimePassed("2026-12-01T10:00:00Z".into()),
        Refusal::OctopushCancelLimits(CancelLimits {
            notice_minutes: 10,
            max_recipients: 2,
            per_month: 1000,
        }),
        Refusal::CancelTooLate(10),
        Refusal::CancelTooManyRecipients(2),
        Refusal::OctopushCannotMove,
        Refusal::OctopushCannotPause,
        Refusal::InfobipMoveHorizon(180),
        Refusal::NoSandbox,
        Refusal::ClockStepOutOfRange { max: 31_536_000 },
        Refusal::ClockTooFarAhead { max_days: 3660 },
        Refusal::OwnCampaign,
        Refusal::NotAwaitingApproval(Approval::Rejected),
        Refusal::AwaitingApproval,
        Refusal::TooLateToApprove {
            due: "2026-12-03 14:00 Europe/Paris".into(),
            minutes_needed: 6,
        },
        Refusal::RejectionReasonNeeded { max: 500 },
    ];
    for refusal in &refusals {
        match refusal {
            Refusal::NoRight { .. }
            | Refusal::NotYourCampaign { .. }
            | Refusal::NoSuchCampaign(_)
            | Refusal::NoSuchRecipient(_)
            | Refusal::NotOptedOut(_)
            | Refusal::NotAUuid(_)
            | Refusal::AlreadyScheduled(_)
            | Refusal::UploadsUnderWay { .. }
            | Refusal::Simulation
            | Refusal::ProviderGone
            | Refusal::AlreadyPaused
            | Refusal::NotPaused
            | Refusal::SentAtLocalTimes
            | Refusal::NothingWaiting
            | Refusal::NothingRefused
            | Refusal::SendTimePassed(_)
            | Refusal::OctopushCancelLimits(_)
            | Refusal::CancelTooLate(_)
            | Refusal::CancelTooManyRecipients(_)
            | Refusal::OctopushCannotMove
            | Refusal::OctopushCannotPause
            | Refusal::InfobipMoveHorizon(_)
            | Refusal::NoSandbox
            | Refusal::ClockStepOutOfRange { .. }
            | Refusal::ClockTooFarAhead { .. }
            | Refusal::OwnCampaign
            | Refusal::NotAwaitingApproval(_)
            | Refusal::AwaitingApproval
            | Refusal::TooLateToApprove { .. }
            | Refusal::RejectionReasonNeeded { .. } => {}
        }
    }
    refusals
}

pub(super) fn every_notice() -> Vec<Notice> {
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
            source: OptOutSource::StopReply,
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
        Notice::CanceledBy {
            actor: "ann@example.com".into(),
        },
        Notice::ClockChange {
            local: "2026-10-25 02:30".into(),
            zone: "Europe/Paris".into(),
            change: ClockChange::HappensTwice {
                offset: "+02:00".into(),
                later_offset: "+01:00".into(),
            },
        },
        Notice::ClockChange {
            local: "2027-03-14 02:30".into(),
            zone: "America/New_York".into(),
            change: ClockChange::DoesNotHappen {
                sent: "03:00".into(),
            },
        },
    ]
    .into_iter()
    .chain(
        [
            NumberKind::Landline,
            NumberKind::TollFree,
            NumberKind::PremiumRate,
            NumberKind::SharedCost,
            NumberKind::CompanyNumber,
            NumberKind::Voicemail,
            NumberKind::Pager,
        ]
        .map(|kind| Notice::NotMobile { kind }),
    )
    .chain(
        [
            UndeliveredCause::NoSuchNumber,
            UndeliveredCause::Unreachable,
            UndeliveredCause::NotAllowed,
            UndeliveredCause::Blacklisted,
            UndeliveredCause::Handset,
            UndeliveredCause::Account,
            UndeliveredCause::Operator,
            UndeliveredCause::NeverConfirmed,
            UndeliveredCause::Unexplained,
        ]
        .map(|cause| Notice::Undelivered {
            provider: ProviderId::Infobip,
            cause,
            code: Some("EC_UNKNOWN_SUBSCRIBER".into()),
            words: Some("Unknown subscriber".into()),
        }),
    )
    .chain([Notice::ValueOnSeveralLines {
        column: "address".into(),
    }])
    .chain([Notice::RequestRefused {
        provider: ProviderId::Octopush,
        code: Some("104".into()),
        words: "the account does not have enough credit (code 104: Not enough credit.)".into(),
    }])
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
            | Notice::Reconciled { .. }
            | Notice::CanceledBy { .. }
            | Notice::NotMobile { .. }
            | Notice::ClockChange { .. }
            | Notice::Undelivered { .. }
            | Notice::RequestRefused { .. }
            | Notice::ValueOnSeveralLines { .. } => {}
            // Words as they were written: the same in every language.
            Notice::Words(_) => unreachable!(),
        }
    }
    notices
}
