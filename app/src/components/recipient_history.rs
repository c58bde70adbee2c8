use leptos::prelude::*;

use crate::api::campaigns::recipient_history;
use crate::components::Time;
use crate::i18n::use_i18n;

/// Everything that happened to one recipient, oldest first: each status with who reported it.
#[component]
pub fn RecipientHistory(recipient_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let events = LocalResource::new(move || recipient_history(recipient_id.clone()));
    move || {
        match events.get() {
        None => view! { <p class="muted">{i18n.t().loading}</p> }.into_any(),
        Some(Err(error)) => {
            view! { <p class="error" role="alert">{i18n.t().error(&error)}</p> }.into_any()
        }
        Some(Ok(events)) => view! {
            <ol class="timeline" data-testid="recipient-history">
                {events
                    .into_iter()
                    .map(|event| {
                        let detail = event
                            .detail
                            .map(|d| format!(" ({})", (i18n.t().notice)(&d)));
                        view! {
                            <li>
                                <Time at=event.occurred_at/>
                                " · " <strong>{(i18n.t().status_name)(event.status)}</strong> {detail}
                                " · " <span class="muted">{(i18n.t().event_source)(event.source)}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        }
        .into_any(),
    }
    }
}
