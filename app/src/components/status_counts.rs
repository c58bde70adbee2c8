use leptos::prelude::*;

use crate::i18n::{fixed_point, use_i18n};
use crate::models::StatusCount;

/// How many recipients stand in each status: a stacked bar (decoration) and the numbers in words.
#[component]
pub fn StatusCounts(#[prop(into)] counts: Signal<Vec<StatusCount>>) -> impl IntoView {
    let i18n = use_i18n();
    let total = move || counts.with(|c| c.iter().map(|c| c.count).sum::<u64>().max(1));
    view! {
        <div class="status-counts">
            <div class="status-bar" aria-hidden="true">
                <For
                    each=move || counts.get()
                    key=|count| (count.status, count.count)
                    let:count
                >
                    <span
                        class=format!("segment status-{}", count.status)
                        style=move || format!("width: {}%", fixed_point(count.count as f64 * 100.0 / total() as f64, 2, '.'))
                    ></span>
                </For>
            </div>
            <ul class="status-legend" data-testid="status-counts">
                <For
                    each=move || counts.get()
                    key=|count| (count.status, count.count)
                    let:count
                >
                    <li>
                        <span class=format!("swatch status-{}", count.status) aria-hidden="true"></span>
                        {move || (i18n.t().status_count)(count.status, count.count)}
                    </li>
                </For>
            </ul>
        </div>
    }
}
