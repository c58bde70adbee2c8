//! Values that settle: the server preview follows the form once the user pauses, not at every key.

use std::time::Duration;

use crate::held::Held;

/// `source`'s value once it has stayed the same for `delay`; `None` until then.
pub fn debounced<T>(delay: Duration, source: impl Fn() -> T + 'static) -> Held<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let settled = Held::new();
    #[cfg(feature = "csr")]
    {
        use leptos::prelude::*;

        let millis = u32::try_from(delay.as_millis()).unwrap_or(u32::MAX);
        let waiting = StoredValue::new_local(None::<gloo_timers::callback::Timeout>);
        Effect::new(move |_| {
            let value = source();
            // `try_set`: the page may have been left meanwhile.
            let timeout = gloo_timers::callback::Timeout::new(millis, move || {
                settled.try_set(Some(value));
            });
            // Replacing the waiting timeout drops it, which cancels it.
            waiting.set_value(Some(timeout));
        });
    }
    #[cfg(not(feature = "csr"))]
    let _ = (delay, source);
    settled
}
