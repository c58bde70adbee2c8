use leptos::prelude::*;

use crate::components::ProvidersAnswer;
use crate::domain::promotional::promotional_sign;
use crate::domain::Purpose;
use crate::i18n::use_i18n;
use crate::models::ProviderId;

/// Next to the message of a marketing campaign: the opt-out mention the chosen provider asks for
/// (Octopush's to every number, Infobip's configured one to French numbers), or that none is
/// configured, before anything is refused for it.
#[component]
pub fn StopMentionHint(
    provider: ReadSignal<ProviderId>,
    purpose: ReadSignal<Purpose>,
    providers: ProvidersAnswer,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        if purpose.get() != Purpose::Marketing {
            return None;
        }
        let chosen = provider.get();
        let mention = providers
            .get()
            .and_then(Result::ok)
            .and_then(|list| list.into_iter().find(|info| info.id == chosen))?
            .stop_mention;
        Some(view! {
            <p class="muted" id="stop-mention-hint" data-testid="stop-mention-hint">
                {move || match &mention {
                    Some(mention) => (i18n.t().stop_mention_hint)(chosen, mention),
                    None => i18n.t().no_stop_mention.to_owned(),
                }}
            </p>
        })
    }
}

/// Under the message of an alert that reads like a promotion: choose Marketing, so that the
/// marketing rules apply. Next to the words that prompted it, where a phone's user is typing (the
/// purpose is chosen further down).
#[component]
pub fn PromotionHint(purpose: ReadSignal<Purpose>, text: ReadSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let sign = (purpose.get() == Purpose::Alert)
            .then(|| text.with(|text| promotional_sign(text)))
            .flatten()?;
        Some(view! {
            <p class="muted" id="purpose-hint" data-testid="purpose-hint">
                {move || (i18n.t().reads_like_marketing)(&sign)}
            </p>
        })
    }
}
