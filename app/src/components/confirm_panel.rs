use leptos::html::H2;
use leptos::prelude::*;

use crate::models::{CampaignPreview, ScheduleRequest};

/// The last look before scheduling: what will be sent, to whom, when, at what estimated cost.
#[component]
pub fn ConfirmPanel(
    request: ScheduleRequest,
    preview: CampaignPreview,
    on_confirm: impl Fn() + 'static,
    on_back: impl Fn() + 'static,
) -> impl IntoView {
    let when = match (request.send_at.trim(), request.local_time) {
        ("", _) => "now".to_owned(),
        (at, true) => format!("{} in each recipient's own time", at.replace('T', " ")),
        (at, false) => format!("{} ({})", at.replace('T', " "), request.time_zone),
    };
    let cost = match (preview.cost, &preview.currency) {
        (Some(cost), Some(currency)) => format!("{cost:.2} {currency}"),
        (Some(cost), None) => format!("{cost:.2}"),
        _ => "not known (no price configured)".to_owned(),
    };
    let moved = (preview.deferred > 0).then(|| {
        format!(
            ", {} of them moved to a later time by the sending rules",
            preview.deferred
        )
    });
    let left_out = (preview.excluded > 0).then(|| format!("; {} left out", preview.excluded));
    let heading = NodeRef::<H2>::new();
    // Keyboard and screen-reader users land on the question.
    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    view! {
        <section class="confirm" aria-labelledby="confirm-title" data-testid="confirm">
            <h2 id="confirm-title" tabindex="-1" node_ref=heading>
                {if request.simulation { "Simulate this campaign?" } else { "Schedule this campaign?" }}
            </h2>
            <blockquote class="campaign-text">{request.text.clone()}</blockquote>
            <dl class="facts">
                <dt>"Provider"</dt><dd>{request.provider.to_string()}</dd>
                <dt>"To"</dt>
                <dd data-testid="confirm-recipients">
                    {format!("{} recipient{}", preview.to_send, if preview.to_send == 1 { "" } else { "s" })}
                    {moved}
                    {left_out}
                </dd>
                <dt>"When"</dt><dd data-testid="confirm-when">{when}</dd>
                <dt>"SMS"</dt><dd>{format!("{} parts", preview.parts)}</dd>
                <dt>"Estimated cost"</dt><dd data-testid="confirm-cost">{cost}</dd>
            </dl>
            <div class="pager">
                <button type="button" class="primary" on:click=move |_| on_confirm()>
                    "Confirm and schedule"
                </button>
                <button type="button" class="secondary" on:click=move |_| on_back()>
                    "Change something"
                </button>
            </div>
        </section>
    }
}
