use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::client::base_path;
use crate::pages::ComposerPage;

/// The whole single-page app, routed under the server's base path.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router base=base_path()>
            <header class="app-header">
                <h1>"SMS Scheduler"</h1>
            </header>
            <main class="app-main">
                <Routes fallback=|| view! { <p class="not-found">"This page does not exist."</p> }>
                    <Route path=path!("/") view=ComposerPage/>
                </Routes>
            </main>
        </Router>
    }
}
