use leptos::prelude::*;
use std::time::Duration;

use crate::api::sms::read_schedule_progress;
use crate::i18n::use_i18n;
use crate::models::ProviderId;
use crate::polling::refresh_while;

/// How often the hand-over is asked about while it lasts.
const PERIOD: Duration = Duration::from_millis(400);

/// The hand-over bar as the composer shows it, in a chunk of its own (`cargo leptos build
/// --split`) that the app fetches once its first page is drawn.
#[leptos::lazy]
pub fn handover_progress_view(campaign_id: String, provider: ProviderId) -> AnyView {
    view! { <HandoverProgress campaign_id=campaign_id provider=provider/> }.into_any()
}

/// A campaign being scheduled: first its recording, then a bar of the provider requests answered.
/// Shown while the schedule call lasts (it stops asking when it is removed).
#[component]
pub fn HandoverProgress(campaign_id: String, provider: ProviderId) -> impl IntoView {
    let i18n = use_i18n();
    let progress = LocalResource::new(move || read_schedule_progress(campaign_id.clone()));
    refresh_while(PERIOD, || true, move || progress.refetch());
    let step = move || match progress.get() {
        Some(Ok(Some(step))) if step.requests > 0 => Some(step),
        _ => None,
    };
    view! {
        <div class="handover" data-testid="handover-progress">
            {move || match step() {
                Some(step) => view! {
                    <progress aria-labelledby="handover-words" max=step.requests value=step.answered></progress>
                }
                    .into_any(),
                // Not recorded yet: the checks and the writing come first.
                None => view! { <progress aria-labelledby="handover-words"></progress> }.into_any(),
            }}
            <p id="handover-words" role="status">
                {move || {
                    let t = i18n.t();
                    step().map_or_else(|| t.recording.to_owned(), |step| (t.handover)(&provider.to_string(), &step))
                }}
            </p>
        </div>
    }
}
