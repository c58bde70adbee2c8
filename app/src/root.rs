use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

use crate::client::{base_path, href};
use crate::components::LanguageSwitch;
use crate::i18n::provide_i18n;
use crate::pages::{CampaignPage, CampaignsPage, ComposerPage, OptOutsPage, SettingsPage};

/// The whole single-page app, routed under the server's base path.
#[component]
pub fn App() -> impl IntoView {
    let i18n = provide_i18n();
    let t = move || i18n.t();
    view! {
        <Router base=base_path()>
            <header class="app-header">
                <h1>{move || t().app_title}</h1>
                <nav class="app-nav" aria-label=move || t().nav_label>
                    <A href=href("/") exact=true>{move || t().nav_compose}</A>
                    <A href=href("/campaigns")>{move || t().nav_campaigns}</A>
                    <A href=href("/opt-outs")>{move || t().nav_opt_outs}</A>
                    <A href=href("/settings")>{move || t().nav_settings}</A>
                </nav>
                <LanguageSwitch/>
            </header>
            <main class="app-main">
                <Routes fallback=move || view! { <p class="not-found">{move || t().not_found}</p> }>
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
