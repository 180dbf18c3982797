// The harness of the end-to-end tests: tauri-driver on a fresh temporary store (XDG_DATA_HOME and
// ZIRKEL_DB), WebDriver sessions of the real app, and helpers that act as a user would. Each test
// file calls setup() once and runs its steps in order; see members.test.mjs for how to run them.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..', '..');
export const ARTIFACTS = join(HERE, 'artifacts');
export const TARGET_DIR = process.env.CARGO_TARGET_DIR
  ? resolve(REPO, process.env.CARGO_TARGET_DIR)
  : join(REPO, 'target');
export const APP = process.env.ZIRKEL_APP
  ? resolve(process.env.ZIRKEL_APP)
  : join(TARGET_DIR, 'debug', 'zirkel-app');
const DRIVER_PORT = Number(process.env.ZIRKEL_E2E_PORT ?? 4444);
const NATIVE_PORT = Number(process.env.ZIRKEL_E2E_NATIVE_PORT ?? 4445);

/** Generous: the app starts in about 2 s, but CI machines are slow and share two cores. */
export const UI_TIMEOUT = 20_000;
const STEP_TIMEOUT = 120_000;


export const byTestId = (id) => `[data-testid="${id}"]`;

/** The data folder of this run's temporary store. */
export let dataHome;
let driver;
let driverLog;
/** The WebDriver session of the running app (a live binding: importers see each new one). */
export let browser;

// ---------------------------------------------------------------------------------------------
// tauri-driver and sessions

function accepts(port) {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => {
      socket.destroy();
      done(false);
    });
  });
}

export const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

function driverLogTail() {
  const path = join(ARTIFACTS, 'tauri-driver.log');
  if (!existsSync(path)) return '';
  const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
  return `\n--- last lines of ${path} ---\n${lines.slice(-30).join('\n')}`;
}

async function startDriver(env) {
  for (const port of [DRIVER_PORT, NATIVE_PORT]) {
    if (await accepts(port)) {
      throw new Error(
        `port ${port} is already in use (a tauri-driver or WebKitWebDriver left running?); ` +
          'stop it, or choose other ports with ZIRKEL_E2E_PORT / ZIRKEL_E2E_NATIVE_PORT',
      );
    }
  }
  driverLog = createWriteStream(join(ARTIFACTS, 'tauri-driver.log'));
  await new Promise((done) => driverLog.once('open', done));
  const child = spawn(
    'tauri-driver',
    ['--port', String(DRIVER_PORT), '--native-port', String(NATIVE_PORT)],
    // Its own process group: stopping the group also stops WebKitWebDriver and the app.
    { env, detached: true, stdio: ['ignore', driverLog, driverLog] },
  );
  let exited = null;
  child.once('exit', (code, signal) => {
    exited = `tauri-driver exited (code ${code}, signal ${signal})`;
  });
  child.once('error', (error) => {
    exited =
      `tauri-driver could not start: ${error.message} ` +
      '(is it on PATH? ./scripts/setup.sh installs it)';
  });
  // tauri-driver listens on its port before WebKitWebDriver listens on the native one; a session
  // requested before both accept fails with "connection refused".
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) throw new Error(exited + driverLogTail());
    if ((await accepts(DRIVER_PORT)) && (await accepts(NATIVE_PORT))) return child;
    if (Date.now() > deadline) {
      throw new Error(
        `tauri-driver did not open ports ${DRIVER_PORT} and ${NATIVE_PORT} in 30 s` +
          driverLogTail(),
      );
    }
    await sleep(100);
  }
}

async function stopDriver(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((done) => child.once('exit', done));
  const signal = (name) => {
    try {
      process.kill(-child.pid, name);
    } catch {
      // The group is already gone.
    }
  };
  signal('SIGTERM');
  const timedOut = await Promise.race([gone.then(() => false), sleep(5_000).then(() => true)]);
  if (timedOut) {
    signal('SIGKILL');
    await gone;
  }
}

async function newSession() {
  const started = Date.now();
  const session = await remote({
    hostname: '127.0.0.1',
    port: DRIVER_PORT,
    logLevel: 'warn',
    connectionRetryTimeout: 60_000,
    connectionRetryCount: 2,
    waitforTimeout: UI_TIMEOUT,
    capabilities: {
      'tauri:options': { application: APP },
      // WebKitWebDriver speaks classic WebDriver only; webdriverio 9 would ask for BiDi.
      'wdio:enforceWebDriverClassic': true,
    },
  });
  console.log(`session opened in ${Date.now() - started} ms`);
  return session;
}

/** Starts the app in a new WebDriver session; `browser` is that session afterwards. */
export async function openSession() {
  browser = await newSession();
  return browser;
}

/** Ends the app (ending the session ends it). */
export async function closeSession() {
  if (!browser) return;
  const closing = browser;
  browser = undefined;
  // Ending the session ends the app.
  await closing.deleteSession();
}

/**
 * Kills the running app with SIGKILL (no close, no unload: a power cut or the task manager) and
 * forgets its WebDriver session. Returns the pids killed.
 */
export async function killApp() {
  const found = spawnSync('pgrep', ['-f', '--', APP], { encoding: 'utf8' });
  const pids = found.stdout
    .split('\n')
    .map((line) => Number(line.trim()))
    .filter((pid) => pid > 0 && pid !== process.pid);
  assert.ok(pids.length > 0, `no running ${APP} to kill (pgrep: ${found.stderr})`);
  for (const pid of pids) process.kill(pid, 'SIGKILL');
  const dead = browser;
  browser = undefined;
  // The session's app is gone; WebKitWebDriver answers with an error, which is expected.
  await dead?.deleteSession().catch(() => {});
  return pids;
}

// ---------------------------------------------------------------------------------------------
// UI helpers

export async function click(testId) {
  // The element is looked up afresh on each attempt: a Svelte re-render may replace it between
  // the look-up and the click (a stale element), which a user never notices.
  for (let attempt = 1; ; attempt++) {
    const element = await browser.$(byTestId(testId));
    await element.waitForClickable({
      timeout: UI_TIMEOUT,
      timeoutMsg: `${byTestId(testId)} not clickable in ${UI_TIMEOUT} ms`,
    });
    try {
      await element.click();
      return;
    } catch (error) {
      const transient = /stale|not interactable|detached/i.test(String(error?.message));
      if (!transient || attempt >= 3) throw error;
      console.log(`click on ${testId} hit a re-rendered element (${attempt}); trying again`);
      await sleep(300);
    }
  }
}

/** The form control of a field: the element itself, or the input inside a labelled wrapper. */
export async function control(testId) {
  const element = await browser.$(byTestId(testId));
  await element.waitForDisplayed({
    timeout: UI_TIMEOUT,
    timeoutMsg: `${byTestId(testId)} not shown in ${UI_TIMEOUT} ms`,
  });
  const tag = (await element.getTagName()).toLowerCase();
  if (['input', 'textarea', 'select'].includes(tag)) return element;
  const inner = await element.$('input, textarea, select');
  assert.ok(await inner.isExisting(), `${byTestId(testId)} is a <${tag}> with no input inside`);
  return inner;
}

/**
 * Types like a user. WebKitWebDriver may synthesize non-ASCII keys wrongly; if what arrived
 * differs, set the value through the DOM and fire `input` (what Svelte's bind:value listens to),
 * and say so in the log.
 */
export async function type(testId, text) {
  const input = await control(testId);
  // WebKitWebDriver refuses to send no keys at all: emptying a field goes through the DOM below,
  // as select-all and delete would.
  if (text !== '') {
    await input.setValue(text);
    const arrived = await input.getValue();
    if (arrived === text) return;
    console.log(
      `typing into ${testId} gave ${JSON.stringify(arrived)}, not ${JSON.stringify(text)}: ` +
        'setting it via the DOM',
    );
  }
  await browser.execute(
    (element, value) => {
      const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element), 'value').set;
      setter.call(element, value);
      element.dispatchEvent(new Event('input', { bubbles: true }));
      element.dispatchEvent(new Event('change', { bubbles: true }));
    },
    input,
    text,
  );
  assert.equal(await input.getValue(), text, `value of ${byTestId(testId)}`);
}

/** Whitespace collapsed, as a user reads it. */
export const squash = (text) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The text of every element matching `selector`, as shown; none while the page reloads. */
export function texts(selector) {
  return browser
    .execute(
      (sel) =>
        [...document.querySelectorAll(sel)].map((element) =>
          (element.innerText || element.textContent).replace(/\s+/g, ' ').trim(),
        ),
      selector,
    )
    .catch(() => []);
}

/** Polls `read` until `ok` holds for what it returns; fails with the last value read. */
export async function waitFor(read, ok, what, timeout = UI_TIMEOUT) {
  let shown;
  try {
    await browser.waitUntil(
      async () => {
        shown = await read();
        return ok(shown);
      },
      { timeout, interval: 200 },
    );
  } catch {
    assert.fail(`${what} (in ${timeout} ms); shown: ${JSON.stringify(shown)}`);
  }
  return shown;
}

/** The text of one element, '' while it is not there. */
export async function textOf(selector) {
  const element = await browser.$(selector);
  return (await element.isExisting()) ? squash(await element.getText()) : '';
}

/**
 * First start on an empty store: "Demodaten laden" in the welcome dialog, then waits until the
 * demo data is in (the dialog closes). Starts the app first when no session is open.
 */
export async function loadDemo() {
  if (!browser) await openSession();
  await click('demo-load');
  await browser.waitUntil(async () => !(await browser.$(byTestId('demo-load')).isDisplayed()), {
    timeout: 60_000,
    timeoutMsg: 'the demo data did not load',
  });
}

/**
 * WebDriver's Take Screenshot into `path`. The app runs WebKitGTK without accelerated
 * compositing (src-tauri/src/webview.rs), and there WebKitWebDriver takes the picture only after
 * the web process has painted once more: on a page that does not change, that paint never comes
 * and the call would wait for ever. So a one-pixel element at 1 % opacity in the top left corner
 * changes in every animation frame until the picture is taken (invisible in it), and the call is
 * bounded by `limit` ms.
 */
export async function screenshot(path, limit = 30_000) {
  await browser.execute(() => {
    const marker = document.createElement('div');
    marker.id = 'e2e-repaint';
    marker.setAttribute('aria-hidden', 'true');
    marker.style.cssText =
      'position:fixed;left:0;top:0;width:1px;height:1px;pointer-events:none;' +
      'background:#fff;opacity:0.01;z-index:2147483647';
    document.body.append(marker);
    const tick = () => {
      marker.style.opacity = marker.style.opacity === '0.01' ? '0.011' : '0.01';
      window.zirkelE2eRepaint = requestAnimationFrame(tick);
    };
    tick();
  });
  let timer;
  try {
    await Promise.race([
      browser.saveScreenshot(path),
      new Promise((_, fail) => {
        timer = setTimeout(() => fail(new Error(`no screenshot within ${limit} ms`)), limit);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    await browser
      .execute(() => {
        cancelAnimationFrame(window.zirkelE2eRepaint);
        document.getElementById('e2e-repaint')?.remove();
      })
      .catch(() => {});
  }
}

/**
 * Saves a screenshot as `ARTIFACTS/<name>.png` once the screen has painted what the test just
 * checked: WebKitWebDriver returns the last frame painted, which can lag behind the DOM by a few
 * hundred milliseconds, so two animation frames and a short pause come first. `scrollTo` (a
 * selector) is scrolled into view before, aligned at `block` ('start' or 'end').
 */
export async function shoot(name, { scrollTo, block = 'start' } = {}) {
  if (scrollTo) {
    await browser.execute(
      (sel, where) => document.querySelector(sel)?.scrollIntoView({ block: where }),
      scrollTo,
      block,
    );
  }
  await browser.executeAsync((done) =>
    requestAnimationFrame(() => requestAnimationFrame(() => done())),
  );
  await sleep(400);
  const shot = join(ARTIFACTS, `${name}.png`);
  await screenshot(shot);
  console.log(`screenshot: ${shot}`);
  return shot;
}

// ---------------------------------------------------------------------------------------------
// Accessibility: axe-core in the running app

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The rules of WCAG 2.1 level A and AA, which BITV 2.0 asks for. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const FAILING_IMPACTS = ['serious', 'critical'];

/**
 * Puts axe-core into the page once per page load. The script goes in as the body of a WebDriver
 * "execute script", which the browser's automation runs outside the page's Content-Security-
 * Policy: the shipped CSP (script-src 'self') stays as it is, and no <script> element is added.
 */
async function injectAxe() {
  const present = await browser.execute(() => typeof window.axe?.run === 'function');
  if (present) return;
  const version = await browser.execute(
    `${AXE_SOURCE}\n;return (typeof axe === 'object' && (window.axe = axe)) ? axe.version : null;`,
  );
  assert.ok(version, 'axe-core could not be put into the page');
}

/** One violation as a readable block: rule, impact, help, and each element with its summary. */
function describeViolation(violation) {
  const nodes = violation.nodes
    .slice(0, 8)
    .map((node) => `    - ${node.target.join(' ')}\n      ${node.summary.replace(/\n/g, '\n      ')}`);
  if (violation.nodes.length > 8) nodes.push(`    … and ${violation.nodes.length - 8} more`);
  return [
    `  ${violation.id} (${violation.impact}): ${violation.help}`,
    `    ${violation.helpUrl}`,
    ...nodes,
  ].join('\n');
}

/**
 * Runs axe-core over what the user sees now, with the WCAG 2.1 A/AA rules, and fails on every
 * serious or critical violation with a readable list (rule, target, help). `within` is a CSS
 * selector to check only a part (an open dialog: the page behind it is inert and was checked on
 * its own). Minor and moderate findings are logged. Returns all violations found.
 */
export async function checkA11y(name, { within } = {}) {
  await injectAxe();
  await browser.setTimeout({ script: 60_000 });
  // Let the screen settle (transitions, a list that is still loading).
  await browser.executeAsync((done) =>
    requestAnimationFrame(() => requestAnimationFrame(() => done())),
  );
  const started = Date.now();
  const result = await browser.executeAsync(
    (selector, tags, done) => {
      const context = selector ? document.querySelector(selector) : document;
      if (!context) {
        done({ error: `nothing matches ${selector}` });
        return;
      }
      window.axe
        .run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
        .then(
          (run) =>
            done({
              checked: run.passes.length + run.violations.length + run.incomplete.length,
              // What axe could not decide (e.g. a contrast over an image): logged for a look.
              incomplete: run.incomplete.map((v) => `${v.id} (${v.nodes.length})`),
              violations: run.violations.map((v) => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                helpUrl: v.helpUrl,
                nodes: v.nodes.map((n) => ({
                  target: n.target.map(String),
                  summary: n.failureSummary ?? '',
                })),
              })),
            }),
          (error) => done({ error: String(error?.stack ?? error) }),
        );
    },
    within ?? null,
    WCAG_TAGS,
  );
  assert.ok(!result.error, `axe-core failed on ${name}: ${result.error}`);
  assert.ok(result.checked > 0, `axe-core applied no rule to ${name}`);
  const failing = result.violations.filter((v) => FAILING_IMPACTS.includes(v.impact));
  const other = result.violations.filter((v) => !FAILING_IMPACTS.includes(v.impact));
  console.log(
    `axe ${name}: ${result.checked} rules applied, ${failing.length} serious/critical, ` +
      `${other.length} minor/moderate (${Date.now() - started} ms)`,
  );
  for (const violation of other) console.log(describeViolation(violation));
  if (result.incomplete.length > 0) console.log(`  undecided: ${result.incomplete.join(', ')}`);
  if (failing.length > 0) {
    assert.fail(
      `${name}: ${failing.length} serious or critical WCAG 2.1 A/AA violation(s):\n` +
        failing.map(describeViolation).join('\n'),
    );
  }
  return result.violations;
}

// ---------------------------------------------------------------------------------------------
// The run

/** Steps share one app; once one fails, the later ones are skipped instead of failing in turn. */
let broken = false;
export function step(name, body) {
  test(name, { timeout: STEP_TIMEOUT }, async (t) => {
    if (broken) {
      t.skip('an earlier step failed');
      return;
    }
    try {
      await body();
    } catch (error) {
      broken = true;
      if (browser) {
        const shot = join(ARTIFACTS, 'failure.png');
        await screenshot(shot, 15_000).then(
          () => console.log(`screenshot of the failure: ${shot}`),
          (shotError) => console.log(`no screenshot of the failure: ${shotError.message}`),
        );
      }
      throw error;
    }
  });
}

/**
 * Registers the hooks that start tauri-driver on a fresh store before the file's steps and stop
 * it afterwards.
 */
export function setup() {
  before(async () => {
    assert.ok(
      existsSync(APP),
      `app binary ${APP} is missing: build it with ` +
        '`cargo build -p zirkel-app --features tauri/custom-protocol` ' +
        '(after `npm run build` in ui/), or point ZIRKEL_APP at it',
    );
    assert.ok(
      process.env.DISPLAY,
      'DISPLAY is not set: start an X server (Xvfb :99 &) and export DISPLAY=:99',
    );
    mkdirSync(ARTIFACTS, { recursive: true });
    dataHome = mkdtempSync(join(tmpdir(), 'zirkel-e2e-'));
    const env = {
      ...process.env,
      XDG_DATA_HOME: dataHome,
      ZIRKEL_DB: join(dataHome, 'de.zirkel.desktop', 'zirkel.sqlite3'),
    };
    mkdirSync(dirname(env.ZIRKEL_DB), { recursive: true });
    console.log(`app ${APP}\nstore ${env.ZIRKEL_DB}\ndisplay ${env.DISPLAY}`);
    const started = Date.now();
    driver = await startDriver(env);
    console.log(`tauri-driver ready in ${Date.now() - started} ms`);
  });

  after(async () => {
    await closeSession().catch((error) =>
      console.log(`closing the session failed: ${error.message}`),
    );
    const stopping = Date.now();
    await stopDriver(driver);
    console.log(`tauri-driver stopped in ${Date.now() - stopping} ms`);
    driverLog?.end();
    if (dataHome && process.env.ZIRKEL_E2E_KEEP !== '1')
      rmSync(dataHome, { recursive: true, force: true });
    else if (dataHome) console.log(`kept the store in ${dataHome}`);
  });
}
