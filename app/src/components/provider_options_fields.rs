use leptos::prelude::*;

use crate::components::FieldErrors;
use crate::i18n::word;
use crate::models::{Field, ProviderId};

/// The chosen provider's own options: Octopush's simulation, replies and blacklist; Infobip's
/// flash SMS and how long it keeps trying to deliver. Infobip has no simulation: its requests
/// always send, so the choice is never shown with it, and a simulation chosen for Octopush is
/// said not to hold. The values stay when the other provider is chosen, so choosing back finds
/// them as they were.
#[component]
pub fn ProviderOptionsFields(
    provider: ReadSignal<ProviderId>,
    simulation: RwSignal<bool>,
    with_replies: RwSignal<bool>,
    remove_blacklisted: RwSignal<bool>,
    flash: RwSignal<bool>,
    /// Minutes, as typed: the server says what is wrong with it.
    validity: RwSignal<String>,
    #[prop(into)] errors: Signal<Vec<String>>,
) -> impl IntoView {
    let invalid = move || (!errors.get().is_empty()).then_some("true");
    // One view per provider, drawn again when the provider changes.
    let fields = move || match provider.get() {
        ProviderId::Octopush => view! {
            <legend>{word(|t| t.octopush_options)}</legend>
            <label>
                <input id="simulation" type="checkbox" bind:checked=simulation/>
                {word(|t| t.simulation_choice)}
            </label>
            <label>
                <input id="with-replies" type="checkbox" bind:checked=with_replies/>
                {word(|t| t.with_replies_choice)}
            </label>
            <label>
                <input id="remove-blacklisted" type="checkbox" bind:checked=remove_blacklisted/>
                {word(|t| t.remove_blacklisted_choice)}
            </label>
        }
        .into_any(),
        ProviderId::Infobip => view! {
            <legend>{word(|t| t.infobip_options)}</legend>
            // Simulation chosen with Octopush stays chosen for it, but would not hold here.
            <p class="warning" data-testid="infobip-sends" hidden=move || !simulation.get()>
                {word(|t| t.infobip_sends)}
            </p>
            <label>
                <input id="flash" type="checkbox" bind:checked=flash/>
                {word(|t| t.flash_choice)}
            </label>
            <label for="validity" class="stacked">{word(|t| t.validity_label)}</label>
            // Text, not a number input: a browser empties a number field it cannot read, and
            // the user would not learn that what they typed was dropped.
            <input
                id="validity"
                type="text"
                inputmode="numeric"
                autocomplete="off"
                bind:value=validity
                aria-invalid=invalid
                aria-describedby="provider-options-errors"
            />
        }
        .into_any(),
    };
    view! {
        <fieldset class="field" id="provider-options" aria-describedby="provider-options-errors">
            {fields}
            <FieldErrors field=Field::ProviderOptions messages=errors/>
        </fieldset>
    }
}
