use leptos::prelude::*;

/// An instant in the browser's own time zone, minute precision; the exact RFC 3339 value stays in
/// `datetime` and the tooltip. A value that is not an instant shows as it is.
#[component]
pub fn Time(#[prop(into)] at: String) -> impl IntoView {
    let shown = local_minute(&at).unwrap_or_else(|| at.clone());
    view! { <time datetime=at.clone() title=at>{shown}</time> }
}

/// `YYYY-MM-DD HH:MM` on the browser's clock, read by the browser's own `Date` (chrono's RFC 3339
/// parser and formatter would otherwise be in the wasm for this alone). Only a value that names
/// its offset is an instant: `Date` would read one without as local time.
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
        "{:04}-{:02}-{:02} {:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    ))
}

/// The server draws no view: nothing to read there.
#[cfg(not(feature = "csr"))]
fn local_minute(_at: &str) -> Option<String> {
    None
}
