use leptos::prelude::*;

use crate::models::{CampaignState, ProviderId};

/// The campaign list's filters: state, provider, and words of the message or a number.
#[component]
pub fn CampaignFilters(
    state: RwSignal<Option<CampaignState>>,
    provider: RwSignal<Option<ProviderId>>,
    search: RwSignal<String>,
) -> impl IntoView {
    let states = CampaignState::ALL.map(|s| (s, s.as_str(), s.to_string()));
    let providers = ProviderId::ALL.map(|p| (p, p.as_str(), p.to_string()));
    view! {
        <form class="filters" role="search" aria-label="Filter campaigns" on:submit=|ev| ev.prevent_default()>
            {one_of("State", state, states.to_vec(), CampaignState::parse)}
            {one_of("Provider", provider, providers.to_vec(), ProviderId::parse)}
            <label class="grow">
                "Search"
                <input
                    type="search"
                    name="search"
                    placeholder="Words of the message, or a phone number"
                    prop:value=move || search.get()
                    on:input=move |ev| search.set(event_target_value(&ev))
                />
            </label>
        </form>
    }
}

/// A labelled choice of one value (`(value, form name, words)`), or "All" for none.
fn one_of<T>(
    label: &'static str,
    chosen: RwSignal<Option<T>>,
    options: Vec<(T, &'static str, String)>,
    parse: fn(&str) -> Option<T>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    view! {
        <label>
            {label}
            <select on:change=move |ev| chosen.set(parse(&event_target_value(&ev)))>
                <option value="">"All"</option>
                {options
                    .into_iter()
                    .map(|(value, name, words)| view! {
                        <option value=name selected=move || chosen.get() == Some(value)>{words}</option>
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
