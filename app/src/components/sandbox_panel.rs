use leptos::prelude::*;

use crate::access::Access;
use crate::api::settings::{read_sandbox_clock, AdvanceSandboxClock};
use crate::components::Time;
use crate::i18n::{use_i18n, word, Texts};
use crate::models::{Right, SandboxClockView};

/// A step the sandbox clock can take from the panel: its label and seconds.
type Step = (fn(&Texts) -> &'static str, i64);
const STEPS: [Step; 3] = [
    (|t| t.step_10_minutes, 600),
    (|t| t.step_1_hour, 3_600),
    (|t| t.step_1_day, 86_400),
];

/// Moves the sandboxes' clock forward so scheduled messages reach their send time now; renders
/// nothing when no sandbox runs. `on_moved` runs after each move (a page re-reads its statuses).
#[component]
pub fn SandboxPanel(#[prop(optional, into)] on_moved: Option<Callback<()>>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
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
            Some(moved) => Some(moved.map_err(|e| t().error(&e))),
            None => initial.get().map(|read| read.map_err(|e| t().error(&e))),
        }
    };
    // Shown to those who may move the clock, when a sandbox runs.
    let access = Access::from_context();
    let mounted = move || {
        access.refusal(Right::SandboxControl).is_none()
            && initial.with(|read| matches!(read, Some(Ok(_))))
    };

    view! {
        <Show when=mounted>
            <section class="panel sandbox-panel" aria-labelledby="sandbox-title">
                <h2 id="sandbox-title">{word(|t| t.sandbox_clock)}</h2>
                <p class="muted">{word(|t| t.sandbox_explained)}</p>
                <p data-testid="sandbox-time" aria-live="polite">
                    {move || match clock() {
                        Some(Ok(view)) => view! {
                            {t().sandbox_time} <Time at=view.now.clone()/> " (" {ahead(t(), view.offset_seconds)} ")"
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
                                {word(label)}
                            </button>
                        })
                        .collect_view()}
                </div>
            </section>
        </Show>
    }
}

/// `0` → "real time"; `5400` → "1 h 30 min ahead of real time".
fn ahead(t: &Texts, offset_seconds: i64) -> String {
    if offset_seconds < 60 {
        return t.real_time.into();
    }
    let minutes = offset_seconds / 60;
    let (days, hours, minutes) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
    let parts: Vec<String> = [(days, t.day_unit), (hours, "h"), (minutes, "min")]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, unit)| format!("{n} {unit}"))
        .collect();
    (t.ahead_of_real_time)(&parts.join(" "))
}

#[cfg(test)]
mod tests {
    use super::ahead;
    use crate::i18n::Locale;

    #[test]
    fn the_offset_reads_in_days_hours_and_minutes() {
        let en = Locale::En.texts();
        assert_eq!(ahead(en, 0), "real time");
        assert_eq!(ahead(en, 600), "10 min ahead of real time");
        assert_eq!(
            ahead(en, 90_000 + 5_400),
            "1 d 2 h 30 min ahead of real time"
        );
        let fr = Locale::Fr.texts();
        assert_eq!(
            ahead(fr, 90_000 + 5_400),
            "1 j 2 h 30 min d'avance sur l'heure réelle"
        );
    }
}
