//! Build-time setup of the shell: Tauri's code generation, and the app's permission manifest.
//!
//! Every command registered in `zirkel_handlers!` (src/lib.rs, the one list) gets the
//! permissions `allow-<command>` / `deny-<command>`. Once an app manifest exists, the page may
//! call a command only when `capabilities/main.json` allows it, so a command nobody listed
//! there cannot be called; `tests/capabilities.rs` fails for a command without an entry.

mod handlers;

fn main() {
    println!("cargo:rerun-if-changed=src/lib.rs");
    let lib = std::fs::read_to_string("src/lib.rs").expect("src/lib.rs is readable");
    let commands: Vec<&'static str> = handlers::registered(&lib)
        .into_iter()
        .map(|name| &*Box::leak(name.into_boxed_str()))
        .collect();
    let commands: &'static [&'static str] = Box::leak(commands.into_boxed_slice());
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(commands)),
    )
    .expect("tauri-build");
}
