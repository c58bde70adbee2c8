//! What the page learns from the browser and from the HTML shell.

/// Name of the `<meta>` the server writes into the shell with its base path (e.g. `/tools/sms`).
pub const BASE_PATH_META: &str = "sms-scheduler-base-path";
/// Name of the `<meta>` with the largest recipient file the server takes, in bytes.
pub const MAX_FILE_BYTES_META: &str = "sms-scheduler-max-file-bytes";

/// The content of the shell's `<meta name="{name}">`.
fn shell_meta(name: &str) -> Option<String> {
    #[cfg(feature = "csr")]
    {
        web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| {
                document
                    .query_selector(&format!("meta[name=\"{name}\"]"))
                    .ok()
                    .flatten()
            })
            .and_then(|element| element.get_attribute("content"))
    }
    #[cfg(not(feature = "csr"))]
    {
        let _ = name;
        None
    }
}

/// The base path the app is served under; empty at the site root.
pub fn base_path() -> String {
    shell_meta(BASE_PATH_META)
        .map(|path| path.trim_end_matches('/').to_owned())
        .unwrap_or_default()
}

/// The largest recipient file the server takes, when the shell says.
pub fn max_file_bytes() -> Option<u64> {
    shell_meta(MAX_FILE_BYTES_META)?.parse().ok()
}

/// An app route (`/campaigns`) as a link under the base path (`/tools/sms/campaigns`): the
/// router takes absolute links as they are.
pub fn href(route: &str) -> String {
    let base = base_path();
    if base.is_empty() || route != "/" {
        format!("{base}{route}")
    } else {
        format!("{base}/")
    }
}

/// Sends server-function calls under the base path, so the app works behind a portal's sub-path.
pub fn use_server_base_path() {
    let base = base_path();
    if !base.is_empty() {
        leptos::server_fn::client::set_server_url(Box::leak(base.into_boxed_str()));
    }
}

/// The browser's IANA time zone, e.g. `Europe/Paris`.
pub fn browser_time_zone() -> Option<String> {
    #[cfg(feature = "csr")]
    {
        let options =
            js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
                .resolved_options();
        js_sys::Reflect::get(&options, &"timeZone".into())
            .ok()
            .and_then(|zone| zone.as_string())
    }
    #[cfg(not(feature = "csr"))]
    None
}

/// A fresh random UUID (version 4) for a campaign about to be scheduled, from the browser's
/// cryptographic generator (`crypto.getRandomValues`, there on plain-HTTP intranet pages too);
/// `None` without one, and the server picks the id.
pub fn new_campaign_id() -> Option<String> {
    #[cfg(feature = "csr")]
    {
        let mut bytes = [0_u8; 16];
        web_sys::window()?
            .crypto()
            .ok()?
            .get_random_values_with_u8_array(&mut bytes)
            .ok()?;
        Some(uuid_v4(bytes))
    }
    #[cfg(not(feature = "csr"))]
    None
}

/// 16 random bytes as a version 4, RFC 4122 variant UUID: `xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`.
#[cfg_attr(not(feature = "csr"), allow(dead_code))]
fn uuid_v4(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// A form field shows something the browser cannot read as a value (a date with a part left
/// blank): its value is then empty, which must not pass for "nothing typed".
pub fn input_incomplete(input: &leptos::web_sys::HtmlInputElement) -> bool {
    #[cfg(feature = "csr")]
    {
        js_sys::Reflect::get(input, &"validity".into())
            .and_then(|validity| js_sys::Reflect::get(&validity, &"badInput".into()))
            .ok()
            .and_then(|bad| bad.as_bool())
            .unwrap_or(false)
    }
    #[cfg(not(feature = "csr"))]
    {
        let _ = input;
        false
    }
}

/// The document's title, as the tab and the history show it.
pub fn set_document_title(title: &str) {
    #[cfg(feature = "csr")]
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        document.set_title(title);
    }
    #[cfg(not(feature = "csr"))]
    let _ = title;
}

/// Marks the document once every part of the app's code has arrived (`data-code="complete"` on
/// `<html>`): from then on a new version installed on the server cannot break this page.
pub fn mark_code_complete() {
    #[cfg(feature = "csr")]
    if let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
    {
        let _ = root.set_attribute("data-code", "complete");
    }
}

/// Moves the focus to the element `id`, so the user lands where the problem is.
pub fn focus_by_id(id: &str) {
    #[cfg(feature = "csr")]
    {
        use wasm_bindgen::JsCast;
        if let Some(element) = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.get_element_by_id(id))
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    }
    #[cfg(not(feature = "csr"))]
    let _ = id;
}

/// Once the page shows the errors just set, moves the focus to the first control marked invalid
/// within `scope` (a CSS selector), in the page's order; to `fallback` (an id) when none is.
pub fn focus_first_invalid(scope: &'static str, fallback: &'static str) {
    #[cfg(feature = "csr")]
    leptos::prelude::request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        let first = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| {
                document
                    .query_selector(&format!("{scope} [aria-invalid=\"true\"]"))
                    .ok()
                    .flatten()
            })
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
        match first {
            Some(element) => {
                let _ = element.focus();
            }
            None => focus_by_id(fallback),
        }
    });
    #[cfg(not(feature = "csr"))]
    let _ = (scope, fallback);
}

/// The last minute of the day `days` from today on the browser's clock, as a datetime-local
/// value: the latest a date field offers.
pub fn date_input_max(days: u32) -> String {
    #[cfg(feature = "csr")]
    {
        let day = js_sys::Date::new_0();
        day.set_date(day.get_date() + days);
        format!(
            "{:04}-{:02}-{:02}T23:59",
            day.get_full_year(),
            day.get_month() + 1,
            day.get_date()
        )
    }
    #[cfg(not(feature = "csr"))]
    {
        let _ = days;
        String::new()
    }
}

/// `text` as a URL query value: every byte but unreserved ASCII percent-encoded.
pub fn query_value(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                char::from(byte).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{query_value, uuid_v4};

    #[test]
    fn query_values_keep_only_unreserved_characters() {
        assert_eq!(query_value("Europe/Paris"), "Europe%2FParis");
        assert_eq!(query_value("a b&c=é"), "a%20b%26c%3D%C3%A9");
        assert_eq!(query_value("2026-12-01_x.~"), "2026-12-01_x.~");
    }

    #[test]
    fn random_bytes_make_a_version_4_uuid() {
        let id = uuid_v4([0xff; 16]);
        assert_eq!(id, "ffffffff-ffff-4fff-bfff-ffffffffffff");
        assert_eq!(uuid_v4([0; 16]), "00000000-0000-4000-8000-000000000000");
    }
}
