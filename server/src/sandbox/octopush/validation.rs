//! The field rules Octopush documents, each failure answered with Octopush's code.

use crate::domain::campaign::has_octopush_stop_mention;
use crate::domain::message::{analyze, MAX_TEXT_CHARS};
use crate::domain::placeholders::render;
use chrono::{DateTime, FixedOffset};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

use super::coercion::{coerce_flag, read_send_at};
use crate::domain::placeholders::PLACEHOLDERS;
use crate::providers::octopush::wire::{ErrorBody, SmsType, WirePurpose};
use crate::providers::octopush::MAX_RECIPIENTS_PER_REQUEST;

pub const MAX_RECIPIENTS: usize = MAX_RECIPIENTS_PER_REQUEST as usize;
const MAX_CONTACT_FIELD: usize = 50;

/// A send request that passed every rule.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidSend {
    pub phone_numbers: Vec<String>,
    pub sms_type: SmsType,
    pub send_at: Option<DateTime<FixedOffset>>,
    pub simulation: bool,
    pub request_id: Option<String>,
    /// Parts summed over recipients, each text personalised first.
    pub sms_needed: u32,
    /// `auto_remove_blacklisted_numbers`: charged for, whatever the blacklist holds.
    pub remove_blacklisted: bool,
}

fn refuse(code: i64, message: impl Into<String>) -> ErrorBody {
    ErrorBody {
        code,
        message: message.into(),
    }
}

/// What Octopush does with a marketing SMS that lacks the opt-out mention: undocumented for v1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum MissingStopMention {
    /// Refuse with code 121 (premium) or 122 (low cost): the default.
    #[default]
    Refuse,
    /// Append ` STOP au 30101` (14 characters), as Octopush's older API did.
    Append,
}

/// The mention Octopush appended in its older API, its opt-out short code filled in.
const APPENDED_STOP_MENTION: &str = " STOP au 30101";

pub fn validate_send(
    body: &Value,
    missing_stop: MissingStopMention,
) -> Result<ValidSend, ErrorBody> {
    let fields = body
        .as_object()
        .ok_or_else(|| refuse(500, "The request body must be a JSON object."))?;

    let text = match fields.get("text") {
        Some(Value::String(text)) if !text.is_empty() => text,
        Some(Value::String(_)) | None | Some(Value::Null) => {
            return Err(refuse(107, "text is required."))
        }
        Some(_) => return Err(refuse(107, "text must be a string.")),
    };
    let characters = text.chars().count();
    if characters > MAX_TEXT_CHARS {
        // 102 is the documented code for a text over the length limit (written when it was 160).
        return Err(refuse(
            102,
            format!("text has {characters} characters; at most {MAX_TEXT_CHARS} are allowed."),
        ));
    }

    let contacts = match fields.get("recipients") {
        Some(Value::Array(list)) if !list.is_empty() => list,
        Some(Value::Array(_)) | None | Some(Value::Null) => {
            return Err(refuse(103, "recipients is required."))
        }
        Some(_) => return Err(refuse(103, "recipients must be an array.")),
    };
    if contacts.len() > MAX_RECIPIENTS {
        // No documented code says "too many recipients"; 500 is its generic refusal.
        return Err(refuse(
            500,
            format!(
                "{} recipients; at most {MAX_RECIPIENTS} per request.",
                contacts.len()
            ),
        ));
    }

    let sms_type = match fields.get("type").and_then(Value::as_str) {
        Some("sms_premium") => SmsType::Premium,
        Some("sms_low_cost") => SmsType::LowCost,
        _ => return Err(refuse(500, "type must be sms_premium or sms_low_cost.")),
    };
    let purpose = match fields.get("purpose").and_then(Value::as_str) {
        Some("alert") => WirePurpose::Alert,
        Some("wholesale") => WirePurpose::Wholesale,
        _ => return Err(refuse(500, "purpose must be alert or wholesale.")),
    };

    if let Some(sender) = optional_string(fields, "sender")? {
        let valid =
            (3..=11).contains(&sender.len()) && sender.chars().all(|c| c.is_ascii_alphanumeric());
        if !valid {
            return Err(refuse(
                106,
                format!("Invalid sender '{sender}': 3 to 11 characters [0-9a-zA-Z]."),
            ));
        }
    }
    let send_at = optional_string(fields, "send_at")?
        .map(|raw| {
            read_send_at(raw).ok_or_else(|| {
                refuse(
                    500,
                    format!("send_at '{raw}' is not an ISO 8601 date and time."),
                )
            })
        })
        .transpose()?;
    let flag_set = |flag: &str| fields.get(flag).and_then(coerce_flag).unwrap_or(false);
    let simulation = flag_set("simulation_mode");
    let remove_blacklisted = flag_set("auto_remove_blacklisted_numbers");
    let request_id = optional_string(fields, "request_id")?.map(str::to_owned);

    let appended;
    let text = if purpose == WirePurpose::Wholesale && !has_octopush_stop_mention(text) {
        if missing_stop == MissingStopMention::Refuse {
            let code = match sms_type {
                SmsType::Premium => 121,
                SmsType::LowCost => 122,
            };
            return Err(refuse(
                code,
                "Marketing SMS must contain the mention STOP au XXXXX.",
            ));
        }
        appended = format!("{text}{APPENDED_STOP_MENTION}");
        &appended
    } else {
        text
    };

    let mut phone_numbers = Vec::with_capacity(contacts.len());
    let mut sms_needed: u32 = 0;
    for (index, contact) in contacts.iter().enumerate() {
        let (number, values) = read_contact(index, contact)?;
        let personalised =
            render(text, &values).map_err(|e| refuse(500, format!("recipients[{index}]: {e}")))?;
        sms_needed += u32::try_from(analyze(&personalised).parts).unwrap_or(u32::MAX);
        phone_numbers.push(number);
    }

    Ok(ValidSend {
        phone_numbers,
        sms_type,
        send_at,
        simulation,
        request_id,
        sms_needed,
        remove_blacklisted,
    })
}

fn optional_string<'a>(
    fields: &'a Map<String, Value>,
    name: &str,
) -> Result<Option<&'a str>, ErrorBody> {
    match fields.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(value)) => Ok(Some(value)),
        Some(_) => Err(refuse(500, format!("{name} must be a string."))),
    }
}

fn read_contact(
    index: usize,
    contact: &Value,
) -> Result<(String, BTreeMap<&str, &str>), ErrorBody> {
    let fields = contact.as_object().ok_or_else(|| {
        refuse(
            117,
            format!("recipients[{index}] must be an object with a phone_number."),
        )
    })?;
    let number = match fields.get("phone_number") {
        Some(Value::String(number)) if is_international(number) => number.clone(),
        Some(Value::String(number)) => {
            return Err(refuse(
                117,
                format!("recipients[{index}].phone_number '{number}' is not in international format (+ and 7 to 15 digits)."),
            ))
        }
        _ => return Err(refuse(117, format!("recipients[{index}].phone_number is required."))),
    };
    let mut values = BTreeMap::new();
    // Octopush's contact fields are the placeholder names the app offers.
    for name in PLACEHOLDERS {
        if let Some(value) = optional_string(fields, name)? {
            if value.chars().count() > MAX_CONTACT_FIELD {
                return Err(refuse(
                    500,
                    format!(
                        "recipients[{index}].{name} is longer than {MAX_CONTACT_FIELD} characters."
                    ),
                ));
            }
            values.insert(name, value);
        }
    }
    Ok((number, values))
}

fn is_international(number: &str) -> bool {
    number.strip_prefix('+').is_some_and(|digits| {
        (7..=15).contains(&digits.len())
            && digits.chars().all(|c| c.is_ascii_digit())
            && !digits.starts_with('0')
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn body() -> Value {
        json!({
            "text": "Hello {first_name}",
            "recipients": [{"phone_number": "+33612345678", "first_name": "Ann"}],
            "type": "sms_premium",
            "purpose": "alert",
            "sender": "ACME",
            "with_replies": false
        })
    }

    fn code_for(patch: impl FnOnce(&mut Map<String, Value>)) -> i64 {
        let mut body = body();
        patch(body.as_object_mut().unwrap());
        validate_send(&body, MissingStopMention::Refuse)
            .unwrap_err()
            .code
    }

    #[test]
    fn a_missing_stop_mention_can_be_appended_and_priced_instead() {
        let mut marketing = body();
        marketing["purpose"] = json!("wholesale");
        marketing["text"] = json!("a".repeat(150));
        marketing["recipients"][0]
            .as_object_mut()
            .unwrap()
            .remove("first_name");
        assert_eq!(
            validate_send(&marketing, MissingStopMention::Refuse)
                .unwrap_err()
                .code,
            121
        );
        let appended = validate_send(&marketing, MissingStopMention::Append).unwrap();
        assert_eq!(appended.sms_needed, 2, "150 + 14 characters take two parts");
    }

    #[test]
    fn a_documented_request_passes_and_is_priced_per_personalised_text() {
        let valid = validate_send(&body(), MissingStopMention::Refuse).unwrap();
        assert_eq!(valid.phone_numbers, vec!["+33612345678"]);
        assert_eq!(valid.sms_needed, 1);
        let mut long_name = body();
        long_name["recipients"][0]["first_name"] = json!("ł");
        long_name["text"] = json!(format!("{}{{first_name}}", "a".repeat(70)));
        assert_eq!(
            validate_send(&long_name, MissingStopMention::Refuse)
                .unwrap()
                .sms_needed,
            2,
            "UCS-2 after personalisation"
        );
    }

    #[test]
    fn each_rule_answers_with_octopushs_code() {
        assert_eq!(
            code_for(|b| {
                b.remove("text");
            }),
            107
        );
        assert_eq!(
            code_for(|b| {
                b.insert("text".into(), json!("a".repeat(1225)));
            }),
            102
        );
        assert_eq!(
            code_for(|b| {
                b.insert("recipients".into(), json!([]));
            }),
            103
        );
        assert_eq!(
            code_for(|b| {
                b.insert(
                    "recipients".into(),
                    json!(vec![json!({"phone_number": "+33612345678"}); 501]),
                );
            }),
            500
        );
        assert_eq!(
            code_for(|b| {
                b.insert("recipients".into(), json!([{"phone_number": "0612345678"}]));
            }),
            117
        );
        assert_eq!(
            code_for(|b| {
                b.insert("sender".into(), json!("AB"));
            }),
            106
        );
        assert_eq!(
            code_for(|b| {
                b.insert("sender".into(), json!("Acme Shop"));
            }),
            106
        );
        assert_eq!(
            code_for(|b| {
                b.insert("purpose".into(), json!("wholesale"));
            }),
            121
        );
        assert_eq!(
            code_for(|b| {
                b.insert("purpose".into(), json!("wholesale"));
                b.insert("type".into(), json!("sms_low_cost"));
            }),
            122
        );
        assert_eq!(
            code_for(|b| {
                b.insert("type".into(), json!("sms"));
            }),
            500
        );
        assert_eq!(
            code_for(|b| {
                b.insert("send_at".into(), json!("tomorrow"));
            }),
            500
        );
        assert_eq!(
            code_for(|b| {
                b.insert("text".into(), json!("Hi {last_name}"));
            }),
            500
        );
    }

    #[test]
    fn what_the_tutorial_sends_is_read_as_octopush_reads_it() {
        let mut tutorial = body();
        tutorial["with_replies"] = json!("True");
        tutorial["simulation_mode"] = json!("False");
        tutorial["auto_remove_blacklisted_numbers"] = json!("maybe");
        tutorial["send_at"] = json!("2025-11-29T16:42:00");
        let valid = validate_send(&tutorial, MissingStopMention::Refuse).unwrap();
        assert!(!valid.simulation);
        assert!(!valid.remove_blacklisted, "an unfixable value is ignored");
        assert_eq!(
            valid.send_at.unwrap().to_rfc3339(),
            "2025-11-29T16:42:00+01:00",
            "Paris time, winter"
        );
    }

    #[test]
    fn marketing_with_the_mention_passes() {
        let mut marketing = body();
        marketing["purpose"] = json!("wholesale");
        marketing["text"] = json!("Sale -20% STOP au XXXXX");
        assert!(validate_send(&marketing, MissingStopMention::Refuse).is_ok());
    }
}
