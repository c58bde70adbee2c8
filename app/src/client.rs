//! What the page learns from the browser and from the HTML shell.

/// Name of the `<meta>` the server writes into the shell with its base path (e.g. `/tools/sms`).
pub const BASE_PATH_META: &str = "sms-scheduler-base-path";

/// The base path the app is served under; empty at the site root.
pub fn base_path() -> String {
    #[cfg(feature = "csr")]
    {
        web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| {
                document
                    .query_selector(&format!("meta[name=\"{BASE_PATH_META}\"]"))
                    .ok()
                    .flatten()
            })
            .and_then(|element| element.get_attribute("content"))
            .map(|path| path.trim_end_matches('/').to_owned())
            .unwrap_or_default()
    }
    #[cfg(not(feature = "csr"))]
    String::new()
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
