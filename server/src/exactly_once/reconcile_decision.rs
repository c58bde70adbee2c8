//! What to do with a submission whose outcome is not known (the server stopped during the call, or
//! the answer was lost), from what the provider says and the time. Pure, so that every case is
//! tested without a network.

use app::models::{Notice, ResendBlocked};
use chrono::{DateTime, Duration, Utc};

use crate::providers::Lookup;

/// How late a submission may still be handed over: beyond, its recipients would get it at a time
/// nobody chose (a marketing SMS after the legal hours, an expired code).
pub const LATE_LIMIT: Duration = Duration::minutes(10);

/// How much of a provider's repeat window is not relied on (clocks differ, the first attempt may
/// have arrived after we wrote it down).
pub const REPEAT_WINDOW_MARGIN: Duration = Duration::hours(1);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// The provider has it.
    Record { reference: Option<String> },
    /// Send the stored request (again): the provider does not have it, or would refuse a repeat
    /// as one.
    Resend,
    /// The provider does not have it and its time has passed: nothing was sent, nothing will be.
    Missed(Notice),
    /// It cannot be established whether the provider has it.
    Unconfirmed(Notice),
}

/// What is known of one unfinished submission.
#[derive(Debug, Clone)]
pub struct Situation {
    pub lookup: Lookup,
    /// How long the provider refuses a repeated key, when it does.
    pub repeat_window: Option<Duration>,
    /// When it was first handed over (written just before).
    pub first_sent: DateTime<Utc>,
    /// When it is to be sent; `None`: at once.
    pub send_at: Option<DateTime<Utc>>,
    /// Whether the request was kept, so that it can be sent again.
    pub request_kept: bool,
    pub now: DateTime<Utc>,
}

pub fn decide(situation: Situation) -> Decision {
    let due = situation.send_at.unwrap_or(situation.first_sent);
    let late = situation.now > due + LATE_LIMIT;
    let due_text = due.to_rfc3339();
    match situation.lookup {
        Lookup::Found { reference } => Decision::Record { reference },
        Lookup::Absent if late => Decision::Missed(Notice::NotHandedOverInTime { due: due_text }),
        Lookup::Absent if !situation.request_kept => {
            Decision::Missed(Notice::NotHandedOverRequestLost)
        }
        Lookup::Absent => Decision::Resend,
        Lookup::CannotTell(why) => {
            let repeat_refused = situation.repeat_window.is_some_and(|window| {
                situation.now - situation.first_sent < window - REPEAT_WINDOW_MARGIN
            });
            if repeat_refused && !late && situation.request_kept {
                return Decision::Resend;
            }
            let because = if late {
                ResendBlocked::SendTimePassed { due: due_text }
            } else if !situation.request_kept {
                ResendBlocked::RequestNotKept
            } else {
                ResendBlocked::CouldBeSentTwice
            };
            Decision::Unconfirmed(Notice::HandOverUnconfirmed { why, because })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(hour: u32, minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, hour, minute, 0).unwrap()
    }

    fn situation(lookup: Lookup) -> Situation {
        Situation {
            lookup,
            repeat_window: None,
            first_sent: at(9, 0),
            send_at: Some(at(12, 0)),
            request_kept: true,
            now: at(9, 5),
        }
    }

    fn cannot_tell() -> Lookup {
        Lookup::CannotTell("No look-up.".into())
    }

    #[test]
    fn what_the_provider_has_is_recorded() {
        let found = Lookup::Found {
            reference: Some("bulk-1".into()),
        };
        assert_eq!(
            decide(situation(found)),
            Decision::Record {
                reference: Some("bulk-1".into())
            }
        );
    }

    #[test]
    fn what_it_does_not_have_is_sent_while_still_on_time() {
        assert_eq!(decide(situation(Lookup::Absent)), Decision::Resend);
        // A send at once, a few minutes after the crash.
        let prompt = Situation {
            send_at: None,
            now: at(9, 9),
            ..situation(Lookup::Absent)
        };
        assert_eq!(decide(prompt), Decision::Resend);
    }

    #[test]
    fn what_it_does_not_have_is_not_sent_late() {
        let late = Situation {
            now: at(12, 11),
            ..situation(Lookup::Absent)
        };
        let Decision::Missed(why) = decide(late) else {
            panic!("missed")
        };
        assert_eq!(
            why,
            Notice::NotHandedOverInTime {
                due: at(12, 0).to_rfc3339()
            }
        );
        assert!(why.to_string().contains("Nothing was sent"), "{why}");
        let at_once_late = Situation {
            send_at: None,
            now: at(9, 11),
            ..situation(Lookup::Absent)
        };
        assert!(matches!(decide(at_once_late), Decision::Missed(_)));
    }

    #[test]
    fn without_a_look_up_a_resend_is_safe_only_inside_the_repeat_window() {
        let inside = Situation {
            repeat_window: Some(Duration::hours(24)),
            now: at(9, 0) + Duration::hours(22),
            send_at: Some(at(9, 0) + Duration::days(2)),
            ..situation(cannot_tell())
        };
        assert_eq!(decide(inside.clone()), Decision::Resend);
        let near_its_end = Situation {
            now: at(9, 0) + Duration::hours(23) + Duration::minutes(30),
            ..inside.clone()
        };
        let Decision::Unconfirmed(why) = decide(near_its_end) else {
            panic!("unconfirmed")
        };
        assert!(
            matches!(
                why,
                Notice::HandOverUnconfirmed {
                    because: ResendBlocked::CouldBeSentTwice,
                    ..
                }
            ),
            "{why:?}"
        );
        let no_window = Situation {
            repeat_window: None,
            ..inside
        };
        assert!(matches!(decide(no_window), Decision::Unconfirmed(_)));
    }

    #[test]
    fn without_a_look_up_nothing_is_resent_late() {
        let late = Situation {
            repeat_window: Some(Duration::hours(24)),
            now: at(12, 30),
            ..situation(cannot_tell())
        };
        let Decision::Unconfirmed(why) = decide(late) else {
            panic!("unconfirmed")
        };
        assert!(
            matches!(
                why,
                Notice::HandOverUnconfirmed {
                    because: ResendBlocked::SendTimePassed { .. },
                    ..
                }
            ),
            "{why:?}"
        );
        assert!(why.to_string().contains("has passed"), "{why}");
    }

    #[test]
    fn a_request_not_kept_is_never_resent() {
        let absent = Situation {
            request_kept: false,
            ..situation(Lookup::Absent)
        };
        assert!(matches!(decide(absent), Decision::Missed(_)));
        let unknown = Situation {
            request_kept: false,
            repeat_window: Some(Duration::hours(24)),
            ..situation(cannot_tell())
        };
        let Decision::Unconfirmed(why) = decide(unknown) else {
            panic!("unconfirmed")
        };
        assert!(
            matches!(
                why,
                Notice::HandOverUnconfirmed {
                    because: ResendBlocked::RequestNotKept,
                    ..
                }
            ),
            "{why:?}"
        );
    }
}
