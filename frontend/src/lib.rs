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

/// Room in the read-only data that nothing reads. `cargo leptos build --split` moves each chunk's
/// data out of the main module, but only if the data, laid out again chunk by chunk (each part
/// aligned), fits in the room the linker gave it; otherwise every chunk's data stays in the main
/// module, 12 KB of gzip on the first screen. Kept by the linker (`#[used]`) and read by no
/// code, this is in no module's data after the split, and leaves that layout room to spare. Not
/// zeros: zero-filled statics go to memory the module does not carry, not to the data.
#[used]
static SPLIT_DATA_ROOM: [u8; 4096] = [0xA5; 4096];
