use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use std::time::Duration;

use crate::api::campaigns::list_campaigns;
use crate::client::href;
use crate::components::{
    CampaignFilters, CampaignSendTime, ColumnHeads, PageTitle, StatusCounts, TableScroll, Time,
};
use crate::debounce::debounced;
use crate::i18n::{use_i18n, word};
use crate::models::{CampaignFilter, CampaignState, CampaignSummary, ProviderId};
use crate::polling::refresh_while;

/// How often a list with campaigns in progress is asked for again.
const REFRESH: Duration = Duration::from_secs(5);
/// How long the search waits for the user to stop typing.
const SEARCH_DELAY: Duration = Duration::from_millis(300);

/// Every campaign, newest first, with where its recipients stand, kept up to date.
#[component]
pub fn CampaignsPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    // `?state=awaiting_approval` (the navigation's badge) opens the list filtered.
    let query = use_query_map();
    let asked_state = move || query.with(|q| q.get("state").and_then(|s| CampaignState::parse(&s)));
    let state = RwSignal::new(asked_state());
    Effect::new(move |first: Option<()>| {
        let asked = asked_state();
        if first.is_some() {
            state.set(asked);
        }
    });
    let provider = RwSignal::new(None::<ProviderId>);
    let search = RwSignal::new(String::new());
    let settled_search = debounced(SEARCH_DELAY, move || search.get());
    // Read straight from the signals (no memo in between): the resource refetches when a
    // memo it reads changes only on its next explicit refetch.
    let filter = move || CampaignFilter {
        state: state.get(),
        provider: provider.get(),
        search: settled_search.get().unwrap_or_default(),
    };
    // Where the shown page starts (a previous page's `next_before`), for the filter it was
    // reached with: another filter starts again from the newest.
    let cursor = RwSignal::new(None::<(CampaignFilter, String)>);
    let page = LocalResource::new(move || {
        let filter = filter();
        let before = cursor.with(|c| {
            c.as_ref()
                .filter(|(reached_with, _)| *reached_with == filter)
                .map(|(_, before)| before.clone())
        });
        list_campaigns(before, filter)
    });
    refresh_while(
        REFRESH,
        move || {
            page.with_untracked(|page| {
                matches!(page, Some(Ok(page)) if page.campaigns.iter().any(CampaignSummary::is_live))
            })
        },
        move || page.refetch(),
    );
    let campaigns = Memo::new(move |_| {
        page.with(|page| match page {
            Some(Ok(page)) => page.campaigns.clone(),
            _ => Vec::new(),
        })
    });
    let next_before = Memo::new(move |_| {
        page.with(|page| match page {
            Some(Ok(page)) => page.next_before.clone(),
            _ => None,
        })
    });

    view! {
        <PageTitle name=|t| t.nav_campaigns/>
        <section class="panel" aria-labelledby="campaigns-title">
            <h2 id="campaigns-title">{word(|t| t.nav_campaigns)}</h2>
            <CampaignFilters state provider search/>
            {move || match page.get() {
                None => Some(view! { <p class="muted">{t().loading}</p> }.into_any()),
                Some(Err(error)) => Some(
                    view! { <p class="error" role="alert">{t().error(&error)}</p> }.into_any(),
                ),
                Some(Ok(page)) if page.campaigns.is_empty() && filter() != CampaignFilter::default() => Some(
                    view! { <p class="muted" data-testid="no-match">{t().no_match}</p> }.into_any(),
                ),
                Some(Ok(page)) if page.campaigns.is_empty() => Some(
                    view! {
                        <p class="muted">{t().no_campaign_yet} <A href=href("/")>{t().schedule_one}</A> "."</p>
                    }
                        .into_any(),
                ),
                Some(Ok(_)) => None,
            }}
            <Show when=move || !campaigns.with(Vec::is_empty)>
                <TableScroll label=|t| t.nav_campaigns>
                    <table class="campaigns cards">
                        <ColumnHeads columns=|t| t.campaign_columns/>
                        <tbody>
                            <For
                                each=move || campaigns.get()
                                key=|campaign| (
                                    campaign.id.clone(),
                                    campaign.counts.clone(),
                                    campaign.paused,
                                    campaign.requested_send_at.clone(),
                                    campaign.sends.clone(),
                                )
                                children=campaign_row
                            />
                        </tbody>
                    </table>
                </TableScroll>
            </Show>
            <div class="pager">
                <Show when=move || cursor.with(|c| c.as_ref().is_some_and(|(reached_with, _)| *reached_with == filter()))>
                    <button class="secondary" on:click=move |_| cursor.set(None)>
                        {word(|t| t.newest_campaigns)}
                    </button>
                </Show>
                <Show when=move || next_before.with(Option::is_some)>
                    <button
                        class="secondary"
                        on:click=move |_| {
                            let next = next_before.get_untracked();
                            cursor.set(next.map(|next| (untrack(filter), next)));
                        }
                    >
                        {word(|t| t.older_campaigns)}
                    </button>
                </Show>
            </div>
        </section>
    }
}

/// One campaign: a table row on a wide screen, a card on a phone (each cell then names its
/// column: `data-label`).
fn campaign_row(campaign: CampaignSummary) -> impl IntoView {
    let link = href(&format!("/campaigns/{}", campaign.id));
    let i18n = use_i18n();
    let label = move |column: usize| move || i18n.t().campaign_columns[column];
    let state = campaign.state();
    let counts = campaign.counts.clone();
    let when = view! {
        <CampaignSendTime
            requested=campaign.requested_send_at.clone()
            sends=campaign.sends.clone()
            zone=campaign.time_zone.clone()
        />
    };
    let sender = campaign.sender.clone();
    // Named, the name is the link and the message follows it; otherwise the message is the link.
    let (title, message) = match campaign.name.clone() {
        Some(name) => (name, Some(campaign.text.clone())),
        None => (campaign.text.clone(), None),
    };
    view! {
        <tr data-testid="campaign-row">
            <td data-label=label(0)><Time at=campaign.created_at.clone()/></td>
            <td data-label=label(1) class="message-cell">
                <A href=link>{title}</A>
                {campaign.simulation.then_some(view! { <span class="badge">{word(|t| t.simulation_badge)}</span> })}
                {message.map(|text| view! { <p class="muted row-message">{text}</p> })}
            </td>
            <td data-label=label(2) data-testid="campaign-send-time">{when}</td>
            <td data-label=label(3) data-testid="campaign-sender">
                {move || sender.clone().unwrap_or_else(|| i18n.t().default_sender.to_owned())}
            </td>
            <td data-label=label(4)>{campaign.provider.to_string()}</td>
            <td data-label=label(5)>
                {campaign.recipient_count}
                <StatusCounts counts=Signal::stored(counts)/>
            </td>
            <td data-label=label(6)>{move || (i18n.t().state_name)(state)}</td>
        </tr>
    }
}
