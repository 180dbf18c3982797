// What a WebKit setting costs in use (scripts/bench.sh does not run this; it backs the choice of
// the settings in src-tauri/src/webview.rs): scrolling the members list of a large store and
// typing into a form, in the release app under Xvfb.
//
//   node scripts/bench/feel.mjs --app BIN --store STORE_WITH_10000_PEOPLE [--env NAME=VALUE ...]
//
// Scrolling: the list's scroller moves by 300 px in each animation frame for 120 frames (about
// 200 rows a second at 60 Hz, far faster than a mouse wheel); printed are the mean frame interval
// and how many frames took longer than 50 ms. Typing: 200 characters through WebDriver into the
// notes of a new person; printed are the mean and p95 from each keydown to the next frame (the
// key on screen), measured in the page.

import { realpathSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { launch, sleep } from './lib.mjs';

const { values: args } = parseArgs({
  options: {
    app: { type: 'string' },
    store: { type: 'string' },
    env: { type: 'string', multiple: true, default: [] },
    port: { type: 'string', default: process.env.ZIRKEL_BENCH_PORT ?? '4464' },
  },
});
const FRAMES = 120;
const env = Object.fromEntries(args.env.map((pair) => pair.split('=')));
const { browser, close } = await launch(realpathSync(args.app), {
  port: Number(args.port),
  store: args.store,
  env,
});
try {
  await browser.waitUntil(
    async () =>
      (await browser.execute(() => document.querySelectorAll('[data-testid="member-row"]').length)) >
      0,
    { timeout: 30_000, timeoutMsg: 'no member rows' },
  );
  await sleep(2_000);
  await browser.setTimeout({ script: 180_000 });
  const scroll = await browser.executeAsync((FRAMES, done) => {
    const scroller = document.querySelector('.zk-table-scroller');
    const times = [];
    let frames = 0;
    const frame = (now) => {
      times.push(now);
      if (frames++ >= FRAMES) {
        const gaps = times.slice(1).map((t, i) => t - times[i]);
        done({
          rows: document.querySelector('[aria-rowcount]')?.getAttribute('aria-rowcount'),
          height: scroller.scrollHeight,
          meanMs: gaps.reduce((a, b) => a + b, 0) / gaps.length,
          over50: gaps.filter((g) => g > 50).length,
          maxMs: Math.max(...gaps),
        });
        return;
      }
      scroller.scrollTop += 300;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }, FRAMES);
  console.log(
    `scroll (${scroll.rows} rows, ${scroll.height} px): mean frame ${scroll.meanMs.toFixed(1)} ms, ` +
      `max ${scroll.maxMs.toFixed(0)} ms, ${scroll.over50} of ${FRAMES} frames over 50 ms`,
  );

  await (await browser.$('[data-testid="new-person"]')).click();
  const notes = await browser.$('#person-notes');
  await notes.waitForDisplayed({ timeout: 10_000 });
  await browser.execute((element) => {
    window.zirkelKeyLatency = [];
    element.addEventListener('keydown', (event) => {
      const down = event.timeStamp;
      requestAnimationFrame(() => window.zirkelKeyLatency.push(performance.now() - down));
    });
  }, notes);
  const text = 'Bespricht die Ergebnisse der Arbeitsgruppe mit dem Integrationsrat. '.repeat(3);
  const typingStarted = Date.now();
  await notes.addValue(text.slice(0, 200));
  const typingMs = Date.now() - typingStarted;
  await sleep(500);
  const latency = await browser.execute(() => window.zirkelKeyLatency);
  latency.sort((a, b) => a - b);
  const mean = latency.reduce((a, b) => a + b, 0) / latency.length;
  console.log(
    `typing (${latency.length} keys in ${typingMs} ms through WebDriver): keydown to frame mean ` +
      `${mean.toFixed(1)} ms, p95 ${latency[Math.floor(latency.length * 0.95)].toFixed(1)} ms`,
  );
} finally {
  await close();
}
