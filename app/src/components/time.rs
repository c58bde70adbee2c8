use leptos::prelude::*;

/// An instant in the browser's own time zone, minute precision; the exact RFC 3339 value stays in
/// `datetime` and the tooltip.
#[component]
pub fn Time(#[prop(into)] at: String) -> impl IntoView {
    let shown = chrono::DateTime::parse_from_rfc3339(&at)
        .map(|instant| {
            instant
                .with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_else(|_| at.clone());
    view! { <time datetime=at.clone() title=at>{shown}</time> }
}
