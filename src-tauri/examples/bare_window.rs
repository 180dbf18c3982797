//! A bare Tauri window: the floor that `scripts/bench.sh` measures beside Zirkel. The same tauri
//! crate, features and Cargo.lock as the app, no plugins, no commands, default WebKit settings,
//! one static page with a small table (`bare_window/dist/index.html`), so that what it costs at
//! start and in memory is what any Tauri window costs on this machine.
//!
//! `cargo build --release -p zirkel-app --example bare_window --features tauri/custom-protocol`

// No console window next to it on Windows release builds, like the app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    let context = tauri::generate_context!("examples/bare_window/tauri.conf.json");
    if let Err(error) = tauri::Builder::default().run(context) {
        eprintln!("the bare window could not start: {error}");
        std::process::exit(1);
    }
}
