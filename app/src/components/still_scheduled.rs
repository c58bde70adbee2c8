use leptos::prelude::*;
use leptos_router::components::A;

use crate::client::href;
use crate::components::Time;
use crate::i18n::{use_i18n, word};
use crate::models::StillScheduled;

/// Campaigns handed over before a number opted out: the provider still sends to it, and says
/// what can be done about it.
#[component]
pub fn StillScheduledNote(holds: Vec<StillScheduled>) -> impl IntoView {
    let i18n = use_i18n();
    (!holds.is_empty()).then(|| {
        let items = holds
            .into_iter()
            .map(|hold| {
                let label = move || {
                    (i18n.t().still_scheduled_item)(&hold.phone, &hold.provider.to_string())
                };
                let when = hold.send_at.clone().map(|at| view! { " " <Time at/> });
                view! {
                    <li>
                        <A href=href(&format!("/campaigns/{}", hold.campaign_id))>{label}</A>
                        {when}
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="still-scheduled" role="status" data-testid="still-scheduled">
                <p class="warning">{word(|t| t.still_scheduled_intro)}</p>
                <ul>{items}</ul>
                <p class="muted">{word(|t| t.still_scheduled_what_to_do)}</p>
            </div>
        }
    })
}
