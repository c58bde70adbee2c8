use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

use crate::client::{base_path, href};
use crate::components::LanguageSwitch;
use crate::i18n::{provide_i18n, word};
use crate::pages::{CampaignPage, CampaignsPage, ComposerPage, OptOutsPage, SettingsPage};

/// The whole single-page app, routed under the server's base path.
#[component]
pub fn App() -> impl IntoView {
    provide_i18n();
    view! {
        <Router base=base_path()>
            <header class="app-header">
                <h1>{word(|t| t.app_title)}</h1>
                <nav class="app-nav" aria-label=word(|t| t.nav_label)>
                    <A href=href("/") exact=true>{word(|t| t.nav_compose)}</A>
                    <A href=href("/campaigns")>{word(|t| t.nav_campaigns)}</A>
                    <A href=href("/opt-outs")>{word(|t| t.nav_opt_outs)}</A>
                    <A href=href("/settings")>{word(|t| t.nav_settings)}</A>
                </nav>
                <LanguageSwitch/>
            </header>
            <main class="app-main">
                <Routes fallback=move || view! { <p class="not-found">{word(|t| t.not_found)}</p> }>
                    <Route path=path!("/") view=ComposerPage/>
                    <Route path=path!("/campaigns") view=CampaignsPage/>
                    <Route path=path!("/campaigns/:id") view=CampaignPage/>
                    <Route path=path!("/opt-outs") view=OptOutsPage/>
                    <Route path=path!("/settings") view=SettingsPage/>
                </Routes>
            </main>
        </Router>
    }
}
