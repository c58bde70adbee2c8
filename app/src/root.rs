use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

use crate::client::{base_path, href};
use crate::pages::{CampaignPage, CampaignsPage, ComposerPage, OptOutsPage, SettingsPage};

/// The whole single-page app, routed under the server's base path.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router base=base_path()>
            <header class="app-header">
                <h1>"SMS Scheduler"</h1>
                <nav class="app-nav" aria-label="Main">
                    <A href=href("/") exact=true>"Compose"</A>
                    <A href=href("/campaigns")>"Campaigns"</A>
                    <A href=href("/opt-outs")>"Opt-outs"</A>
                    <A href=href("/settings")>"Settings"</A>
                </nav>
            </header>
            <main class="app-main">
                <Routes fallback=|| view! { <p class="not-found">"This page does not exist."</p> }>
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
