use leptos::prelude::*;

use crate::components::ZonedTime;
use crate::i18n::{campaign_words, use_i18n};
use crate::models::SendSpan;

/// A campaign's send time: the time asked for; or, when its messages go at other times (the
/// sending rules moved them, each recipient's own zone spread them), those first and the time
/// asked for below, so that a list never says 10:00 of messages that go at 20:00.
#[component]
pub fn CampaignSendTime(
    requested: Option<String>,
    sends: Option<SendSpan>,
    zone: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let requested_view = {
        let zone = zone.clone();
        move || match requested.clone() {
            Some(at) => view! { <ZonedTime at zone=zone.clone()/> }.into_any(),
            None => i18n.t().at_once.into_any(),
        }
    };
    match sends {
        None => requested_view.into_any(),
        Some(SendSpan { first, last }) => {
            let words = move || campaign_words::from_to(i18n.locale());
            let span = if first == last {
                view! { <ZonedTime at=first zone=zone.clone()/> }.into_any()
            } else {
                view! {
                    {move || words().0}
                    <ZonedTime at=first zone=zone.clone()/>
                    {move || words().1}
                    <ZonedTime at=last zone=zone.clone()/>
                }
                .into_any()
            };
            view! {
                <span data-testid="campaign-sends">{span}</span>
                <span class="muted asked-for" data-testid="campaign-asked-for">
                    {move || campaign_words::asked_for(i18n.locale())} " " {requested_view}
                </span>
            }
            .into_any()
        }
    }
}
