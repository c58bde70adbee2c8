//! The composer's form turned into an order the providers accept, or every reason it is not one.

use chrono::{DateTime, Utc};

use super::campaign::{has_octopush_stop_mention, CampaignType, Purpose, OCTOPUSH_STOP_MENTION};
use super::message::MessageText;
use super::phone::Region;
use super::recipients::{parse_recipient_lines, Recipient};
use super::send_time::{parse_zone, SendTime, SendTimeError};
use super::sender::SenderId;
use crate::models::{DuplicateRecipient, Field, FieldError, ProviderId, ScheduleRequest};

/// Infobip refuses a send time further ahead than this.
const INFOBIP_MAX_AHEAD: chrono::Duration = chrono::Duration::days(180);

/// Limits that depend on the deployment rather than on the form.
#[derive(Debug, Clone, Copy)]
pub struct OrderRules {
    /// Region whose national format numbers without `+` are read in.
    pub default_region: Region,
    /// Most recipients one campaign may name.
    pub max_recipients: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmsOrder {
    pub provider: ProviderId,
    pub text: MessageText,
    pub recipients: Vec<Recipient>,
    pub duplicates: Vec<DuplicateRecipient>,
    pub campaign_type: CampaignType,
    pub sender: Option<SenderId>,
    /// `None`: send now.
    pub send_at: Option<SendTime>,
    pub purpose: Purpose,
    pub with_replies: bool,
    pub simulation: bool,
}

impl SmsOrder {
    /// Checks every field and reports all problems at once.
    pub fn parse(
        request: &ScheduleRequest,
        rules: &OrderRules,
        now: DateTime<Utc>,
    ) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();

        let text = MessageText::parse(&request.text)
            .map_err(|e| errors.push(FieldError::new(Field::Text, e.to_string())))
            .ok();
        if request.provider == ProviderId::Octopush
            && request.purpose == Purpose::Marketing
            && !has_octopush_stop_mention(&request.text)
        {
            errors.push(FieldError::new(
                Field::Text,
                format!(
                    "A marketing SMS must carry the opt-out mention \"{OCTOPUSH_STOP_MENTION}\", written exactly so \
                     (Octopush replaces XXXXX with its opt-out number)."
                ),
            ));
        }

        let list = parse_recipient_lines(&request.recipients, rules.default_region);
        errors.extend(list.errors);
        if list.recipients.is_empty() && errors.iter().all(|e| e.field != Field::Recipients) {
            errors.push(FieldError::new(
                Field::Recipients,
                "Add at least one recipient.",
            ));
        }
        if list.recipients.len() > rules.max_recipients {
            errors.push(FieldError::new(
                Field::Recipients,
                format!(
                    "{} recipients: a campaign can have at most {}.",
                    list.recipients.len(),
                    rules.max_recipients
                ),
            ));
        }

        let sender = if request.sender.trim().is_empty() {
            None
        } else {
            SenderId::parse(&request.sender)
                .map_err(|e| errors.push(FieldError::new(Field::Sender, e.to_string())))
                .ok()
        };

        let send_at = parse_send_at(request, now)
            .map_err(|e| errors.push(e))
            .ok()
            .flatten();
        if let Some(time) = &send_at {
            if request.provider == ProviderId::Infobip && time.instant > now + INFOBIP_MAX_AHEAD {
                errors.push(FieldError::new(
                    Field::SendAt,
                    "Infobip schedules at most 180 days ahead; pick an earlier date.",
                ));
            }
        }

        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Self {
            provider: request.provider,
            text: text.expect("checked above"),
            recipients: list.recipients,
            duplicates: list.duplicates,
            campaign_type: request.campaign_type,
            sender,
            send_at,
            purpose: request.purpose,
            with_replies: request.with_replies,
            simulation: request.simulation,
        })
    }
}

fn parse_send_at(
    request: &ScheduleRequest,
    now: DateTime<Utc>,
) -> Result<Option<SendTime>, FieldError> {
    if request.send_at.trim().is_empty() {
        return Ok(None);
    }
    if let Err(e) = parse_zone(&request.time_zone) {
        return Err(FieldError::new(Field::TimeZone, e.to_string()));
    }
    SendTime::parse(&request.send_at, &request.time_zone, now)
        .map(Some)
        .map_err(|e| {
            let field = match e {
                SendTimeError::UnknownZone(_) => Field::TimeZone,
                _ => Field::SendAt,
            };
            FieldError::new(field, e.to_string())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn rules() -> OrderRules {
        OrderRules {
            default_region: Region::parse("FR").unwrap(),
            max_recipients: 3,
        }
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 6, 1, 8, 0, 0).unwrap()
    }

    fn request() -> ScheduleRequest {
        ScheduleRequest {
            provider: ProviderId::Octopush,
            text: "Your parcel arrives tomorrow.".into(),
            recipients: "06 12 34 56 78\n+33 6 98 76 54 32".into(),
            campaign_type: CampaignType::Premium,
            sender: "ACME".into(),
            send_at: "2026-06-02T10:00".into(),
            time_zone: "Europe/Paris".into(),
            purpose: Purpose::Alert,
            with_replies: false,
            simulation: false,
        }
    }

    fn fields(errors: &[FieldError]) -> Vec<Field> {
        errors.iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_good_form_becomes_an_order() {
        let order = SmsOrder::parse(&request(), &rules(), now()).unwrap();
        assert_eq!(order.recipients.len(), 2);
        assert_eq!(order.sender.unwrap().as_str(), "ACME");
        assert_eq!(
            order.send_at.unwrap().instant.to_rfc3339(),
            "2026-06-02T10:00:00+02:00"
        );
    }

    #[test]
    fn empty_send_time_means_now_and_empty_sender_means_default() {
        let order = SmsOrder::parse(
            &ScheduleRequest {
                send_at: " ".into(),
                sender: "".into(),
                ..request()
            },
            &rules(),
            now(),
        )
        .unwrap();
        assert!(order.send_at.is_none() && order.sender.is_none());
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let bad = ScheduleRequest {
            text: "".into(),
            recipients: "06 12".into(),
            sender: "AB".into(),
            send_at: "2026-05-01T10:00".into(),
            ..request()
        };
        let errors = SmsOrder::parse(&bad, &rules(), now()).unwrap_err();
        assert_eq!(
            fields(&errors),
            vec![Field::Text, Field::Recipients, Field::Sender, Field::SendAt]
        );
        assert_eq!(errors[1].line, Some(1));
    }

    #[test]
    fn marketing_through_octopush_needs_the_stop_mention() {
        let marketing = ScheduleRequest {
            purpose: Purpose::Marketing,
            ..request()
        };
        assert_eq!(
            fields(&SmsOrder::parse(&marketing, &rules(), now()).unwrap_err()),
            vec![Field::Text]
        );
        let with_mention = ScheduleRequest {
            text: "Sale -20% STOP au XXXXX".into(),
            ..marketing
        };
        assert!(SmsOrder::parse(&with_mention, &rules(), now()).is_ok());
    }

    #[test]
    fn infobip_schedules_at_most_180_days_ahead() {
        let far = ScheduleRequest {
            provider: ProviderId::Infobip,
            send_at: "2026-12-01T10:00".into(),
            ..request()
        };
        assert_eq!(
            fields(&SmsOrder::parse(&far, &rules(), now()).unwrap_err()),
            vec![Field::SendAt]
        );
        let near = ScheduleRequest {
            provider: ProviderId::Infobip,
            send_at: "2026-11-20T10:00".into(),
            ..request()
        };
        assert!(SmsOrder::parse(&near, &rules(), now()).is_ok());
    }

    #[test]
    fn recipient_limits_and_unknown_zones_are_reported() {
        let none = ScheduleRequest {
            recipients: "\n \n".into(),
            ..request()
        };
        assert_eq!(
            fields(&SmsOrder::parse(&none, &rules(), now()).unwrap_err()),
            vec![Field::Recipients]
        );
        let many = ScheduleRequest {
            recipients: "0612345671\n0612345672\n0612345673\n0612345674".into(),
            ..request()
        };
        assert_eq!(
            fields(&SmsOrder::parse(&many, &rules(), now()).unwrap_err()),
            vec![Field::Recipients]
        );
        let zone = ScheduleRequest {
            time_zone: "Nowhere/Land".into(),
            ..request()
        };
        assert_eq!(
            fields(&SmsOrder::parse(&zone, &rules(), now()).unwrap_err()),
            vec![Field::TimeZone]
        );
    }
}
