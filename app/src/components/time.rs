use leptos::prelude::*;

/// An instant on the browser's own clock, minute precision, with the offset it is read in
/// (`2026-12-06 04:00 UTC−5`): a time never shows without its zone. The exact RFC 3339 value stays
/// in `datetime` and the tooltip. A value that is not an instant shows as it is.
#[component]
pub fn Time(#[prop(into)] at: String) -> impl IntoView {
    let shown = local_minute(&at).unwrap_or_else(|| at.clone());
    view! { <time datetime=at.clone() title=at>{shown}</time> }
}

/// A campaign's own time, on the campaign's clock (`2026-12-06 10:00 Europe/Paris`): `at` is
/// RFC 3339 at the campaign zone's offset, as the server writes it. The tooltip has it on the
/// browser's clock.
#[component]
pub fn ZonedTime(#[prop(into)] at: String, #[prop(into)] zone: String) -> impl IntoView {
    let shown = match wall_clock(&at) {
        Some(wall) => format!("{wall} {zone}"),
        None => at.clone(),
    };
    let title = local_minute(&at).unwrap_or_else(|| at.clone());
    view! { <time datetime=at.clone() title=title>{shown}</time> }
}

/// An instant written in a sentence, as [`Time`] shows it (`2026-12-06 04:00 UTC−5`); a value
/// that is not an instant as it is.
pub fn instant_in_words(at: &str) -> String {
    local_minute(at).unwrap_or_else(|| at.to_owned())
}

/// `YYYY-MM-DD HH:MM` as written in an RFC 3339 value, at its own offset.
fn wall_clock(at: &str) -> Option<String> {
    let (date, rest) = at.split_once('T')?;
    let minute = rest.get(..5)?;
    let well_formed = date.len() == 10 && minute.as_bytes()[2] == b':';
    well_formed.then(|| format!("{date} {minute}"))
}

/// `YYYY-MM-DD HH:MM UTC±H[:MM]` on the browser's clock, read by the browser's own `Date`
/// (chrono's RFC 3339 parser and formatter would otherwise be in the wasm for this alone). Only
/// a value that names its offset is an instant: `Date` would read one without as local time.
#[cfg(feature = "csr")]
fn local_minute(at: &str) -> Option<String> {
    let offset_named = at.ends_with(['Z', 'z'])
        || at.len() > 6 && matches!(at.as_bytes()[at.len() - 6], b'+' | b'-');
    if !offset_named {
        return None;
    }
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(at));
    if date.get_time().is_nan() {
        return None;
    }
    Some(format!(
        "{:04}-{:02}-{:02} {:02}:{:02} {}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes(),
        utc_offset(-(date.get_timezone_offset() as i32))
    ))
}

/// `UTC+1`, `UTC−5`, `UTC+5:30`, `UTC` from minutes east of UTC.
#[cfg_attr(not(feature = "csr"), allow(dead_code))]
fn utc_offset(minutes: i32) -> String {
    let sign = if minutes < 0 { '−' } else { '+' };
    let (hours, rest) = (minutes.abs() / 60, minutes.abs() % 60);
    match (hours, rest) {
        (0, 0) => "UTC".to_owned(),
        (hours, 0) => format!("UTC{sign}{hours}"),
        (hours, rest) => format!("UTC{sign}{hours}:{rest:02}"),
    }
}

/// The server draws no view: nothing to read there.
#[cfg(not(feature = "csr"))]
fn local_minute(_at: &str) -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_campaign_time_is_read_at_its_own_offset() {
        assert_eq!(
            wall_clock("2026-12-06T10:00:00+01:00").as_deref(),
            Some("2026-12-06 10:00")
        );
        assert_eq!(wall_clock("tomorrow"), None);
    }

    #[test]
    fn offsets_are_said_in_hours_and_minutes() {
        assert_eq!(utc_offset(60), "UTC+1");
        assert_eq!(utc_offset(-300), "UTC−5");
        assert_eq!(utc_offset(330), "UTC+5:30");
        assert_eq!(utc_offset(0), "UTC");
        assert_eq!(utc_offset(780), "UTC+13");
    }
}
