// Measures one Tauri binary's window for scripts/bench.sh: cold start to the first painted rows of
// the members list, and the PSS of the app and its WebKit processes after the start and (for
// Zirkel) after opening every screen. Each run is a cold start: a new process on a new temporary
// home (no WebKit caches, no window state) with a fresh copy of the store.
//
//   node scripts/bench/window.mjs --app BIN --label NAME --runs 3 [--store FILE] [--screens]
//        --out RESULT.json
//
// Start: from the process's start (/proc/PID/stat, field 22) to the page's mark
// `zirkel:members-painted`, two animation frames after the first `[data-testid="member-row"]`
// entered the DOM (so the frame with the rows has been painted), both on the boot-time clock. The
// app is started through tauri-driver + WebKitWebDriver (from tests/e2e).
//
// Memory: the sum of `Pss:` in /proc/PID/smaps_rollup over the app and every process below it
// (WebKitWebProcess, WebKitNetworkProcess), 3 s after the rows were painted and again after
// visiting every screen of the side navigation and coming back to the members list.

import { realpathSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { OFFSET, launch, median, processStart, pss, sleep } from './lib.mjs';

const { values: args } = parseArgs({
  options: {
    app: { type: 'string' },
    label: { type: 'string' },
    runs: { type: 'string', default: '3' },
    store: { type: 'string' },
    screens: { type: 'boolean', default: false },
    out: { type: 'string' },
    port: { type: 'string', default: process.env.ZIRKEL_BENCH_PORT ?? '4464' },
    // NAME=VALUE for the app's environment (to compare WebKit switches; the shipped ones are set
    // by the app itself, src-tauri/src/webview.rs).
    env: { type: 'string', multiple: true, default: [] },
  },
});
if (!args.app || !args.label || !args.out) {
  console.error('usage: window.mjs --app BIN --label NAME --out FILE [--runs N] [--store F] [--screens]');
  process.exit(2);
}
const APP = realpathSync(args.app);
const RUNS = Number(args.runs);
const ROW = '[data-testid="member-row"]';
const TIMEOUT = 20_000;
const SETTLE_MS = 3_000;
// The side navigation's screens (ui/src/lib/app/app.svelte.ts, SCREENS), the members list last.
const SCREENS = [
  'overview',
  'organisations',
  'sessions',
  'minutes',
  'practice_examples',
  'recommendations',
  'settings',
  'audit',
  'members',
];

const log = (line) => console.log(`[bench ${args.label}] ${line}`);
const describe = (m) =>
  `${m.total.toFixed(0)} MB (${m.parts.map((p) => `${p.name} ${p.mb.toFixed(0)}`).join(', ')})`;

async function run(index) {
  const { browser, pid, close } = await launch(APP, {
    port: Number(args.port),
    store: args.store,
    env: Object.fromEntries(args.env.map((pair) => pair.split('='))),
  });
  try {
    const started = processStart(pid);
    const sessionAt = Date.now() - OFFSET;
    // The page marks when the first rows were painted (ui/src/main.ts; the bare window's
    // mark.js): two animation frames after they entered the DOM. Read it once it is there.
    const deadline = Date.now() + TIMEOUT;
    // Besides the mark: when the page's navigation began (the window and its web process
    // exist), when the bundle had run (DOMContentLoaded: module scripts run before it) and when
    // the first rows entered the DOM, to tell the shell's start from the page's.
    let marks = null;
    while (marks === null) {
      marks = await browser
        .execute(() => {
          const mark = performance.getEntriesByName('zirkel:members-painted')[0];
          if (!mark) return null;
          const nav = performance.getEntriesByType('navigation')[0];
          return {
            origin: performance.timeOrigin,
            painted: mark.startTime,
            loaded: nav ? nav.domContentLoadedEventEnd : null,
          };
        })
        .catch(() => null);
      if (marks === null) {
        if (Date.now() > deadline) throw new Error(`no painted ${ROW} in ${TIMEOUT} ms`);
        await sleep(50);
      }
    }
    const since = (epoch) => epoch - OFFSET - started;
    const startMs = since(marks.origin + marks.painted);
    const navigationMs = since(marks.origin);
    const loadedMs = marks.loaded === null ? null : since(marks.origin + marks.loaded);
    log(
      `run ${index + 1}: rows painted ${startMs.toFixed(0)} ms after the process started ` +
        `(WebDriver session ready at ${(sessionAt - started).toFixed(0)} ms, page navigation ` +
        `began at ${navigationMs.toFixed(0)} ms, DOMContentLoaded at ` +
        `${loadedMs === null ? '?' : loadedMs.toFixed(0)} ms)`,
    );
    await sleep(SETTLE_MS);
    const afterStart = pss(pid);
    log(`run ${index + 1}: PSS after start ${describe(afterStart)}`);
    let afterScreens = null;
    if (args.screens) {
      for (const screen of SCREENS) {
        const link = await browser.$(`[data-testid="nav-${screen}"]`);
        await link.waitForClickable({ timeout: TIMEOUT });
        await link.click();
        await browser.waitUntil(
          async () => (await link.getAttribute('aria-current')) === 'page',
          { timeout: TIMEOUT, timeoutMsg: `screen ${screen} did not open` },
        );
        await sleep(1_000);
      }
      await browser.waitUntil(
        async () =>
          (await browser.execute((selector) => document.querySelectorAll(selector).length, ROW)) >
          0,
        { timeout: TIMEOUT, timeoutMsg: 'the members list did not come back' },
      );
      await sleep(SETTLE_MS);
      afterScreens = pss(pid);
      log(`run ${index + 1}: PSS after every screen ${describe(afterScreens)}`);
    }
    return { startMs, navigationMs, loadedMs, afterStart, afterScreens };
  } finally {
    await close();
  }
}

const runs = [];
for (let index = 0; index < RUNS; index++) runs.push(await run(index));
const result = {
  label: args.label,
  app: APP,
  runs,
  startMs: median(runs.map((r) => r.startMs)),
  pssStartMb: median(runs.map((r) => r.afterStart.total)),
  pssScreensMb: args.screens ? median(runs.map((r) => r.afterScreens.total)) : null,
};
writeFileSync(args.out, JSON.stringify(result, null, 2));
log(
  `median of ${RUNS}: start ${result.startMs.toFixed(0)} ms, PSS ${result.pssStartMb.toFixed(0)} MB` +
    (result.pssScreensMb === null ? '' : `, after every screen ${result.pssScreensMb.toFixed(0)} MB`),
);
