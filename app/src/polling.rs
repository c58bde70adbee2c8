//! Views that refresh themselves while what they show can still change, and only while the page
//! is visible: a hidden tab, or a campaign whose every recipient is settled, costs no request.

use std::time::Duration;

/// Calls `refresh` every `period` while `live()` holds and the page is visible, and at once when
/// a hidden page becomes visible again. Stops with the component that called it.
pub fn refresh_while(
    period: Duration,
    live: impl Fn() -> bool + Clone + 'static,
    refresh: impl Fn() + Clone + 'static,
) {
    #[cfg(feature = "csr")]
    {
        use leptos::prelude::*;

        let tick = move || {
            if live() && !page_hidden() {
                refresh();
            }
        };
        let millis = u32::try_from(period.as_millis()).unwrap_or(u32::MAX);
        let interval = gloo_timers::callback::Interval::new(millis, tick.clone());
        // Dropped, and so stopped, when the component's owner is disposed.
        let interval = StoredValue::new_local(Some(interval));
        let on_visible = window_event_listener_untyped("visibilitychange", move |_| tick());
        on_cleanup(move || {
            interval.update_value(|interval| drop(interval.take()));
            on_visible.remove();
        });
    }
    #[cfg(not(feature = "csr"))]
    let _ = (period, live, refresh);
}

#[cfg(feature = "csr")]
fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|window| window.document())
        .is_some_and(|document| document.hidden())
}
