use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_location;
use leptos_router::{lazy_route, path, ChooseView, Lazy, LazyRoute};

use leptos::task::spawn_local;

use crate::access::Access;
use crate::api::approvals::awaiting_approval;
use crate::client::{base_path, href};
use crate::components::{
    preload_composer_parts, CreditSpent, LanguageSwitch, LowBalanceWarning, PageTitle, SignedInAs,
};
use crate::fetched::Fetched;
use crate::i18n::{provide_i18n, use_i18n, word};
use crate::models::Right;
use crate::pages::{
    preload_composer_calls, AuditPage, CampaignPage, CampaignsPage, ComposerPage, OptOutsPage,
    SettingsPage,
};
use crate::polling::refresh_while;

/// The whole single-page app, routed under the server's base path.
#[component]
pub fn App() -> impl IntoView {
    provide_i18n();
    CreditSpent::provide();
    Access::provide();
    Effect::new(|_| spawn_local(preload_the_rest()));
    view! {
        <Router base=base_path()>
            <header class="app-header">
                <h1>{word(|t| t.app_title)}</h1>
                <nav class="app-nav" aria-label=word(|t| t.nav_label)>
                    <A href=href("/") exact=true>{word(|t| t.nav_compose)}</A>
                    <A href=href("/campaigns")>{word(|t| t.nav_campaigns)}</A>
                    <AwaitingApprovalLink/>
                    <A href=href("/opt-outs")>{word(|t| t.nav_opt_outs)}</A>
                    <A href=href("/settings")>{word(|t| t.nav_settings)}</A>
                    <AuditLink/>
                </nav>
                <LowBalanceWarning/>
                <SignedInAs/>
                <LanguageSwitch/>
            </header>
            <main class="app-main">
                <Routes fallback=move || view! {
                    <PageTitle name=|t| t.not_found/>
                    <p class="not-found">{word(|t| t.not_found)}</p>
                }>
                    <Route path=path!("/") view=composer_route()/>
                    <Route path=path!("/campaigns") view={Lazy::<CampaignsRoute>::new()}/>
                    <Route path=path!("/campaigns/:id") view={Lazy::<CampaignRoute>::new()}/>
                    <Route path=path!("/opt-outs") view={Lazy::<OptOutsRoute>::new()}/>
                    <Route path=path!("/settings") view={Lazy::<SettingsRoute>::new()}/>
                    <Route path=path!("/audit") view={Lazy::<AuditRoute>::new()}/>
                </Routes>
            </main>
        </Router>
    }
}

// The pages other than the composer, loaded when first visited.
macro_rules! lazy_page {
    ($route:ident, $page:ident) => {
        struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(_this: Self) -> AnyView {
                view! { <$page/> }.into_any()
            }
        }
    };
}

lazy_page!(CampaignsRoute, CampaignsPage);
lazy_page!(CampaignRoute, CampaignPage);
lazy_page!(OptOutsRoute, OptOutsPage);
lazy_page!(SettingsRoute, SettingsPage);
lazy_page!(AuditRoute, AuditPage);

/// The audit trail's link, for those whose role may read it (the server checks anyway).
#[component]
fn AuditLink() -> impl IntoView {
    let access = Access::from_context();
    move || {
        let may = access
            .signed_in()
            .is_some_and(|who| who.role.may(Right::ReadAudit));
        may.then(|| view! { <A href=href("/audit")>{word(|t| t.nav_audit)}</A> })
    }
}

/// How often the navigation asks how many campaigns await the user's approval.
const AWAITING_REFRESH: std::time::Duration = std::time::Duration::from_secs(30);

/// A badge with how many campaigns await the user's approval, for those who may approve, linked
/// to the list of them; asked again on each page change and every half minute.
#[component]
fn AwaitingApprovalLink() -> impl IntoView {
    let access = Access::from_context();
    let i18n = use_i18n();
    let location = use_location();
    let count = Fetched::new(move || {
        location.pathname.track();
        let may = access
            .signed_in()
            .is_some_and(|who| who.role.may(Right::Approve));
        async move {
            if may {
                awaiting_approval().await.unwrap_or(0)
            } else {
                0
            }
        }
    });
    refresh_while(AWAITING_REFRESH, || true, move || count.refetch());
    move || {
        let waiting = count.get().unwrap_or(0);
        (waiting > 0).then(|| {
            view! {
                <A
                    href=href("/campaigns?state=awaiting_approval")
                    attr:class="nav-badge"
                    attr:data-testid="awaiting-badge"
                    attr:aria-label=move || (i18n.t().awaiting_badge)(waiting)
                >
                    {waiting}
                </A>
            }
        })
    }
}

/// The composer, in the code loaded first: it is the page people come for.
#[cfg(not(feature = "lazy-composer"))]
fn composer_route() -> impl ChooseView {
    ComposerPage
}

/// The composer in a chunk of its own, for `scripts/measure.sh --shell` only: it measures what
/// the app costs before any page is drawn.
#[cfg(feature = "lazy-composer")]
fn composer_route() -> impl ChooseView {
    Lazy::<ComposerRoute>::new()
}

#[cfg(feature = "lazy-composer")]
lazy_page!(ComposerRoute, ComposerPage);

#[cfg(feature = "csr")]
const PRELOAD_AFTER: std::time::Duration = std::time::Duration::from_secs(1);

/// Once the first page has had its moment, the code of the others comes in the background (the
/// composer's later parts first): a page then opens at once, and a new version installed later
/// in the session cannot take away code the page still needs.
async fn preload_the_rest() {
    // Compiling the chunks at once would slow the first page down (its data, its first clicks).
    #[cfg(feature = "csr")]
    gloo_timers::future::sleep(PRELOAD_AFTER).await;
    preload_composer_calls().await;
    preload_composer_parts().await;
    CampaignsRoute::preload().await;
    CampaignRoute::preload().await;
    OptOutsRoute::preload().await;
    SettingsRoute::preload().await;
    AuditRoute::preload().await;
    crate::client::mark_code_complete();
}
