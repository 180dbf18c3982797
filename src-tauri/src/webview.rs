//! The web view's settings that keep Zirkel's window lean on Linux (WebKitGTK), measured with
//! `scripts/bench.sh` and `scripts/bench/feel.mjs` on a 2-core machine under Xvfb with the demo
//! data (figures in the README, "Benchmarks"). Windows' WebView2 gets none of these: its memory is
//! Chromium's and measured apart.
//!
//! - Accelerated compositing off ([`before_start`]): GPU layers (llvmpipe's software GL where
//!   there is no GPU) kept the web process about 180 MB larger after every screen, and made
//!   scrolling the 10,000-row members list slower, not faster (234 → 19 ms a frame without it).
//!   It is switched off for the whole process before GTK starts, so that every page starts
//!   without compositing and WebKit never has to leave compositing on a page already shown
//!   (what setting the hardware-acceleration policy "never" on the live web view asks of it,
//!   a switch WebKit's own change notes call flaky). Without compositing, WebKitWebDriver's
//!   screenshot waits for the next paint, which a page that does not change never makes: the
//!   end-to-end tests' `screenshot()` (tests/e2e/harness.mjs) keeps a pixel changing for it.
//! - The document-viewer cache model and no page cache ([`lean`]).
//!
//! Measured and left out: the JavaScript JIT off (`JSC_useJIT=false`, about 20 MB less) doubled
//! the frame time while scrolling the 10,000-row members list (19 → 40 ms, 15 of 120 frames over
//! 50 ms) and the delay of a typed key; that costs more than it saves.

/// The environment variable WebKitGTK reads once, when it starts, to run without accelerated
/// compositing.
pub const NO_COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Switches WebKitGTK's accelerated compositing off for this process and the web processes it
/// starts; called first thing in `run`, before GTK and WebKit start. A value set from outside
/// (an office's IT trying `WEBKIT_DISABLE_COMPOSITING_MODE=0` on a machine with a real GPU) is
/// left as it is.
pub fn before_start() {
    #[cfg(target_os = "linux")]
    if std::env::var_os(NO_COMPOSITING).is_none() {
        std::env::set_var(NO_COMPOSITING, "1");
    }
}

/// Settings of the main window's web context and view, applied once it exists.
pub fn lean<R: tauri::Runtime>(window: &tauri::WebviewWindow<R>) {
    #[cfg(target_os = "linux")]
    let result = window.with_webview(|webview| {
        use webkit2gtk::{CacheModel, SettingsExt, WebContextExt, WebViewExt};
        let view = webview.inner();
        if let Some(context) = view.context() {
            // Everything the window loads is bundled and served from memory: the browser-sized
            // memory and disk caches of WebKit's default model hold nothing worth keeping.
            context.set_cache_model(CacheModel::DocumentViewer);
        }
        if let Some(settings) = WebViewExt::settings(&view) {
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

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[test]
    fn compositing_is_switched_off_unless_the_environment_says_otherwise() {
        std::env::remove_var(NO_COMPOSITING);
        before_start();
        assert_eq!(std::env::var(NO_COMPOSITING).as_deref(), Ok("1"));
        std::env::set_var(NO_COMPOSITING, "0");
        before_start();
        assert_eq!(
            std::env::var(NO_COMPOSITING).as_deref(),
            Ok("0"),
            "a value set from outside stays"
        );
    }
}
