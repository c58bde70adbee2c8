use leptos::prelude::*;

use crate::api::settings::{read_sandbox_clock, AdvanceSandboxClock};
use crate::components::Time;
use crate::models::SandboxClockView;

/// Steps the sandbox clock can take from the panel: label and seconds.
const STEPS: [(&str, i64); 3] = [("+10 minutes", 600), ("+1 hour", 3_600), ("+1 day", 86_400)];

/// Moves the sandboxes' clock forward so scheduled messages reach their send time now; renders
/// nothing when no sandbox runs. `on_moved` runs after each move (a page re-reads its statuses).
#[component]
pub fn SandboxPanel(#[prop(optional, into)] on_moved: Option<Callback<()>>) -> impl IntoView {
    let initial = LocalResource::new(read_sandbox_clock);
    let advance = ServerAction::<AdvanceSandboxClock>::new();
    Effect::new(move |_| {
        if advance.version().get() > 0 {
            if let Some(on_moved) = on_moved {
                on_moved.run(());
            }
        }
    });
    // The latest answer: the move's, else the first reading.
    let clock = move || -> Option<Result<SandboxClockView, String>> {
        match advance.value().get() {
            Some(moved) => Some(moved.map_err(|e| e.to_string())),
            None => initial.get().map(|read| read.map_err(|e| e.to_string())),
        }
    };
    let mounted = move || initial.with(|read| matches!(read, Some(Ok(_))));

    view! {
        <Show when=mounted>
            <section class="panel sandbox-panel" aria-labelledby="sandbox-title">
                <h2 id="sandbox-title">"Sandbox clock"</h2>
                <p class="muted">
                    "The sandboxes send scheduled messages when their clock reaches the send time. \
                     Move it forward to watch statuses change now; real providers are not affected."
                </p>
                <p data-testid="sandbox-time" aria-live="polite">
                    {move || match clock() {
                        Some(Ok(view)) => view! {
                            "Sandbox time: " <Time at=view.now.clone()/> " (" {ahead(view.offset_seconds)} ")"
                        }.into_any(),
                        Some(Err(error)) => view! { <span class="error">{error}</span> }.into_any(),
                        None => view! { "…" }.into_any(),
                    }}
                </p>
                <div class="button-row">
                    {STEPS
                        .into_iter()
                        .map(|(label, seconds)| view! {
                            <button
                                type="button"
                                class="secondary"
                                disabled=move || advance.pending().get()
                                on:click=move |_| {
                                    advance.dispatch(AdvanceSandboxClock { seconds });
                                }
                            >
                                {label}
                            </button>
                        })
                        .collect_view()}
                </div>
            </section>
        </Show>
    }
}

/// `0` → "real time"; `5400` → "1 h 30 min ahead of real time".
fn ahead(offset_seconds: i64) -> String {
    if offset_seconds < 60 {
        return "real time".into();
    }
    let minutes = offset_seconds / 60;
    let (days, hours, minutes) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
    let parts: Vec<String> = [(days, "d"), (hours, "h"), (minutes, "min")]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, unit)| format!("{n} {unit}"))
        .collect();
    format!("{} ahead of real time", parts.join(" "))
}

#[cfg(test)]
mod tests {
    use super::ahead;

    #[test]
    fn the_offset_reads_in_days_hours_and_minutes() {
        assert_eq!(ahead(0), "real time");
        assert_eq!(ahead(600), "10 min ahead of real time");
        assert_eq!(ahead(90_000 + 5_400), "1 d 2 h 30 min ahead of real time");
    }
}
