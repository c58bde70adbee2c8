//! The wasm entry point. Everything the page does lives in the `app` crate.

use wasm_bindgen::prelude::wasm_bindgen;

/// Runs when the module is instantiated by the HTML shell.
#[wasm_bindgen(start)]
pub fn start() {
    // A panic ends the app: log it, and tell the user to reload.
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        app::stopped::show_reload_notice();
    }));
    app::client::use_server_base_path();
    leptos::mount::mount_to_body(app::App);
}
