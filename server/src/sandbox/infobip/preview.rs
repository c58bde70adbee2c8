//! `POST /sms/1/preview`: how a text would be split, counted like the composer (GSM-7 or UCS-2).
//!
//! The spec's examples answer the text as given first, then one preview per configuration asked
//! for. Of `transliteration` the sandbox does `NON_UNICODE` (look-alikes and accented Latin letters
//! replaced by their GSM-7 equivalents) and `NONE`; of `languageCode` (the national language
//! shift tables of GSM 03.38) nothing: the other values are refused, each by name, in the
//! operation's error envelope rather than silently ignored.

use crate::domain::message::{analyze, gsm7_look_alike};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use super::errors::{bad_request, Authorized, Envelope, Problem};
use crate::providers::infobip::wire::{Preview, PreviewRequest, PreviewResponse};

const LANGUAGE_CODES: [&str; 4] = ["TR", "ES", "PT", "AUTODETECT"];
const TRANSLITERATIONS: [&str; 12] = [
    "TURKISH",
    "GREEK",
    "CYRILLIC",
    "SERBIAN_CYRILLIC",
    "BULGARIAN_CYRILLIC",
    "CENTRAL_EUROPEAN",
    "BALTIC",
    "PORTUGUESE",
    "COLOMBIAN",
    "NON_UNICODE",
    "NONE",
    "ALL",
];

/// An accented Latin letter outside GSM-7, as its letter without the accent.
fn unaccented(c: char) -> Option<char> {
    const FROM: &str = "áâãāăąÁÂÃĀĂĄćĉċčĆĈĊČďđĎĐêëēĕėęěÈÊËĒĔĖĘĚĝğġģĜĞĠĢĥĤíîïĩīĭįıÍÌÎÏĨĪĬĮİĵĴķĶĺļľŀłĹĻĽĿŁńņňŃŅŇóôõōŏőÓÒÔÕŌŎŐŕŗřŔŖŘśŝşšŚŜŞŠţťŢŤúûũūŭůűųÚÙÛŨŪŬŮŰŲŵŴýÿŷÝŶŸźżžŹŻŽ";
    const TO: &str = "aaaaaaAAAAAAccccCCCCddDDeeeeeeeEEEEEEEEggggGGGGhHiiiiiiiiIIIIIIIIIjJkKlllllLLLLLnnnNNNooooooOOOOOOOrrrRRRssssSSSSttTTuuuuuuuuUUUUUUUUUwWyyyYYYzzzZZZ";
    FROM.chars()
        .position(|f| f == c)
        .and_then(|i| TO.chars().nth(i))
}

/// `NON_UNICODE`: every character that has a GSM-7 stand-in gets it; the others stay.
fn non_unicode(text: &str) -> String {
    text.chars()
        .map(|c| {
            if analyze(&c.to_string()).non_gsm_characters.is_empty() {
                return c.to_string();
            }
            gsm7_look_alike(c)
                .map(str::to_owned)
                .or_else(|| unaccented(c).map(String::from))
                .unwrap_or_else(|| c.to_string())
        })
        .collect()
}

fn preview(text: String, configuration: serde_json::Value) -> Preview {
    let stats = analyze(&text);
    Preview {
        message_count: i32::try_from(stats.parts).ok(),
        characters_remaining: i32::try_from(stats.remaining_in_part()).ok(),
        text_preview: Some(text),
        configuration: Some(configuration),
    }
}

pub async fn preview_text(_: Authorized, body: String) -> Response {
    let request = match serde_json::from_str::<PreviewRequest>(&body) {
        Ok(request) => request,
        Err(error) => {
            let violation = if body.contains("\"text\"") {
                error.to_string()
            } else {
                "must not be null".to_owned()
            };
            return bad_request(Envelope::Legacy, vec![Problem::new("text", violation)]);
        }
    };
    let mut problems = Vec::new();
    if let Some(code) = &request.language_code {
        let violation = if LANGUAGE_CODES.contains(&code.as_str()) {
            format!("{code}: the sandbox does not emulate the national language tables")
        } else {
            format!("'{code}' is not one of TR, ES, PT, AUTODETECT")
        };
        problems.push(Problem::new("languageCode", violation));
    }
    let transliteration = request.transliteration.as_deref();
    match transliteration {
        None | Some("NONE") | Some("NON_UNICODE") => {}
        Some(other) if TRANSLITERATIONS.contains(&other) => problems.push(Problem::new(
            "transliteration",
            format!("{other}: the sandbox emulates NON_UNICODE and NONE only"),
        )),
        Some(other) => problems.push(Problem::new(
            "transliteration",
            format!("'{other}' is not a transliteration Infobip offers"),
        )),
    }
    if !problems.is_empty() {
        return bad_request(Envelope::Legacy, problems);
    }
    let mut previews = vec![preview(request.text.clone(), json!({}))];
    if transliteration == Some("NON_UNICODE") {
        previews.push(preview(
            non_unicode(&request.text),
            json!({"transliteration": "NON_UNICODE"}),
        ));
    }
    Json(PreviewResponse {
        original_text: Some(request.text),
        previews,
    })
    .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_unicode_keeps_gsm7_and_replaces_what_has_a_stand_in() {
        assert_eq!(non_unicode("Łódź – “café” ç"), "Lodz - \"café\" Ç");
        assert!(analyze(&non_unicode("Zażółć gęślą jaźń"))
            .non_gsm_characters
            .is_empty());
        assert_eq!(non_unicode("你好"), "你好");
    }
}
