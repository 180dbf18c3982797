//! The web view's settings that keep Zirkel's window lean on Linux (WebKitGTK), measured with
//! `scripts/bench.sh` and `scripts/bench/feel.mjs` on a 2-core machine under Xvfb with the demo
//! data (figures in the README, "Benchmarks"). Windows' WebView2 gets none of these: its memory is
//! Chromium's and measured apart.
//!
//! Measured and left out: the JavaScript JIT off (`JSC_useJIT=false`, about 20 MB less) doubled
//! the frame time while scrolling the 10,000-row members list (19 → 40 ms, 15 of 120 frames over
//! 50 ms) and the delay of a typed key; that costs more than it saves.

/// Settings of the main window's web view and its web context, applied once it exists.
pub fn lean<R: tauri::Runtime>(window: &tauri::WebviewWindow<R>) {
    #[cfg(target_os = "linux")]
    let result = window.with_webview(|webview| {
        use webkit2gtk::{
            CacheModel, HardwareAccelerationPolicy, SettingsExt, WebContextExt, WebViewExt,
        };
        let view = webview.inner();
        if let Some(context) = view.context() {
            // Everything the window loads is bundled and served from memory: the browser-sized
            // memory and disk caches of WebKit's default model hold nothing worth keeping.
            context.set_cache_model(CacheModel::DocumentViewer);
        }
        if let Some(settings) = WebViewExt::settings(&view) {
            // Accelerated compositing (GPU layers; llvmpipe's software GL where there is no GPU)
            // kept the web process about 180 MB larger after every screen (338 → 156 MB), and
            // made scrolling the 10,000-row list slower, not faster (234 → 19 ms a frame).
            settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            // One page for the app's lifetime: no back/forward cache of earlier pages.
            settings.set_enable_page_cache(false);
        }
    });
    #[cfg(not(target_os = "linux"))]
    let result: tauri::Result<()> = Ok(());
    if let Err(error) = result {
        log::warn!("web view settings not applied: {error}");
    }
    let _ = window;
}
