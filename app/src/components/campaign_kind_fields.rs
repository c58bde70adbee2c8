use leptos::prelude::*;

use crate::domain::{CampaignType, Purpose};
use crate::i18n::word;
use crate::models::ProviderId;

/// What kind of campaign: Octopush's premium or low-cost route (Infobip has one), and whether it
/// is an alert or marketing (which the sending rules and the opt-out mention depend on).
#[component]
pub fn CampaignKindFields(
    provider: ReadSignal<ProviderId>,
    campaign_type: RwSignal<CampaignType>,
    purpose: RwSignal<Purpose>,
) -> impl IntoView {
    view! {
        <div class="field-row">
            // Plain closures rather than `<Show>` or `<Suspense>` on this first screen:
            // each of those costs kilobytes of wasm.
            {move || (provider.get() == ProviderId::Octopush).then(|| view! {
                <fieldset class="field">
                    <legend>{word(|t| t.campaign_type)}</legend>
                    <label>
                        <input
                            type="radio"
                            name="campaign-type"
                            value="premium"
                            // Follows the choice: the radios are drawn again when Octopush is chosen again.
                            checked=move || campaign_type.get() == CampaignType::Premium
                            on:change=move |_| campaign_type.set(CampaignType::Premium)
                        />
                        {word(|t| t.premium)}
                    </label>
                    <label>
                        <input
                            type="radio"
                            name="campaign-type"
                            value="low-cost"
                            checked=move || campaign_type.get() == CampaignType::LowCost
                            on:change=move |_| campaign_type.set(CampaignType::LowCost)
                        />
                        {word(|t| t.low_cost)}
                    </label>
                </fieldset>
            })}
            <fieldset class="field">
                <legend>{word(|t| t.purpose)}</legend>
                <label>
                    <input
                        type="radio"
                        name="purpose"
                        value="alert"
                        checked=true
                        on:change=move |_| purpose.set(Purpose::Alert)
                    />
                    {word(|t| t.purpose_alert_choice)}
                </label>
                <label>
                    <input
                        type="radio"
                        name="purpose"
                        value="marketing"
                        on:change=move |_| purpose.set(Purpose::Marketing)
                    />
                    {word(|t| t.purpose_marketing_choice)}
                </label>
            </fieldset>
        </div>
    }
}
