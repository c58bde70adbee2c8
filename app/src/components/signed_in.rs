use leptos::prelude::*;

use crate::access::Access;
use crate::i18n::use_i18n;

/// Who the portal signed in, and their role; nothing without sign-in (everyone is the local
/// operator then).
#[component]
pub fn SignedInAs() -> impl IntoView {
    let i18n = use_i18n();
    let access = Access::from_context();
    move || {
        let who = access.signed_in().filter(|who| who.from_sign_in)?;
        let role = (i18n.t().role_name)(who.role);
        Some(view! {
            <p class="signed-in" data-testid="signed-in">{who.name} " · " {role}</p>
        })
    }
}
