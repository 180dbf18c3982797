// Vite configuration of the Zirkel UI. The Tauri shell loads `dist/` (built) or the dev server on
// port 1420 (`npm run dev`); Vitest reuses this file.
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const testing = Boolean(process.env.VITEST);

export default defineConfig({
  plugins: [svelte()],
  // Tauri prints its own output; keep Rust errors visible.
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    watch: { ignored: ['**/src-tauri/**'] },
  },
  // Relative asset URLs: the bundle is served from Tauri's custom protocol.
  base: './',
  build: {
    // WebKitGTK on Linux and WKWebView on macOS: Safari 15 level; Chromium (WebView2) on Windows.
    target: ['es2021', 'safari15', 'chrome105'],
    outDir: 'dist',
    emptyOutDir: true,
    // Fonts must be files, never data: URLs or remote URLs (strict CSP).
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  // Svelte 5 must resolve its browser build in jsdom, not the server build.
  resolve: testing ? { conditions: ['browser'] } : undefined,
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
  },
});
