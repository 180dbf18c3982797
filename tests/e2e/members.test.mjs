// End-to-end test of the built Zirkel app: first start on an empty store, creating a member with a
// non-ASCII name, refusing a bad e-mail address with a German message under the field, three wrong
// fields refused at once with a message under each, and the member surviving a restart of the app.
//
// It drives the real binary through tauri-driver (port 4444), which starts WebKitWebDriver (port
// 4445), which starts the app. Each run gets a fresh temporary store (XDG_DATA_HOME and ZIRKEL_DB),
// so it never touches a real one. Run it through ./scripts/test.sh, or by hand:
//
//   cargo build -p zirkel-app --features tauri/custom-protocol   # embeds ui/dist
//   DISPLAY=:99 node --test tests/e2e/                           # with an X server (Xvfb) on :99
//
// Environment: ZIRKEL_APP (the binary; default $CARGO_TARGET_DIR/debug/zirkel-app, else
// ./target/debug/zirkel-app), ZIRKEL_E2E_PORT / ZIRKEL_E2E_NATIVE_PORT (default 4444 / 4445),
// ZIRKEL_E2E_KEEP=1 keeps the temporary store for a look afterwards.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..', '..');
const ARTIFACTS = join(HERE, 'artifacts');
const TARGET_DIR = process.env.CARGO_TARGET_DIR
  ? resolve(REPO, process.env.CARGO_TARGET_DIR)
  : join(REPO, 'target');
const APP = process.env.ZIRKEL_APP
  ? resolve(process.env.ZIRKEL_APP)
  : join(TARGET_DIR, 'debug', 'zirkel-app');
const DRIVER_PORT = Number(process.env.ZIRKEL_E2E_PORT ?? 4444);
const NATIVE_PORT = Number(process.env.ZIRKEL_E2E_NATIVE_PORT ?? 4445);

/** Generous: the app starts in about 2 s, but CI machines are slow and share two cores. */
const UI_TIMEOUT = 20_000;
const STEP_TIMEOUT = 120_000;

const FIRST_NAME = 'Şükrü';
const LAST_NAME = 'Özdemir';
const ROW_TEXT = `${LAST_NAME}, ${FIRST_NAME}`;
const BAD_EMAIL = 'kein-at-zeichen';
// A valid name with the bad e-mail, so that the e-mail is the only thing to refuse.
const BAD_FIRST_NAME = 'Erika';
const BAD_LAST_NAME = 'Mustermann';

const byTestId = (id) => `[data-testid="${id}"]`;

let dataHome;
let driver;
let driverLog;
let browser;

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

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

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

async function openSession() {
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

async function closeSession() {
  if (!browser) return;
  const closing = browser;
  browser = undefined;
  // Ending the session ends the app.
  await closing.deleteSession();
}

// ---------------------------------------------------------------------------------------------
// UI helpers

async function click(testId) {
  const element = await browser.$(byTestId(testId));
  await element.waitForClickable({
    timeout: UI_TIMEOUT,
    timeoutMsg: `${byTestId(testId)} not clickable in ${UI_TIMEOUT} ms`,
  });
  await element.click();
}

/** The form control of a field: the element itself, or the input inside a labelled wrapper. */
async function control(testId) {
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
async function type(testId, text) {
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

/**
 * The text of every member row in the DOM, whitespace collapsed (innerText keeps cells apart;
 * textContent also reads rows that are not rendered).
 */
function memberRows() {
  return browser.execute(
    (selector) =>
      [...document.querySelectorAll(selector)].map((row) =>
        (row.innerText || row.textContent).replace(/\s+/g, ' ').trim(),
      ),
    byTestId('member-row'),
  );
}

async function waitForMemberRow(text) {
  let rows = [];
  try {
    await browser.waitUntil(
      async () => {
        rows = await memberRows();
        return rows.some((row) => row.includes(text));
      },
      { timeout: UI_TIMEOUT, interval: 200 },
    );
  } catch {
    assert.fail(
      `no ${byTestId('member-row')} containing "${text}" in ${UI_TIMEOUT} ms; ` +
        `rows: ${JSON.stringify(rows)}`,
    );
  }
  return rows;
}

/**
 * The texts shown as errors of the field: the elements its control names in aria-errormessage or
 * aria-describedby, `[data-testid="<field>-error"]`, and error-like elements (role=alert, a class
 * or id with "error") in the wrapper that holds this control and no other.
 */
function fieldErrors(testId) {
  return browser.execute((fieldId) => {
    const field = document.querySelector(`[data-testid="${fieldId}"]`);
    if (!field) return [];
    const input = field.matches('input, textarea, select')
      ? field
      : field.querySelector('input, textarea, select');
    const found = new Set();
    const add = (element) => element && element.textContent && found.add(element);
    for (const attribute of ['aria-errormessage', 'aria-describedby']) {
      for (const id of (input?.getAttribute(attribute) ?? '').split(/\s+/).filter(Boolean))
        add(document.getElementById(id));
    }
    add(document.querySelector(`[data-testid="${fieldId}-error"]`));
    for (
      let wrapper = (input ?? field).parentElement, depth = 0;
      wrapper && depth < 4;
      wrapper = wrapper.parentElement, depth++
    ) {
      if (wrapper.querySelectorAll('input, textarea, select').length > 1) break;
      wrapper
        .querySelectorAll('[role="alert"], [class*="error"], [id*="error"], [data-testid*="error"]')
        .forEach(add);
    }
    return [...found]
      .filter((element) => element !== input && !element.matches('label'))
      .map((element) => element.textContent.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
  }, testId);
}

// ---------------------------------------------------------------------------------------------
// The run

/** Steps share one app; once one fails, the later ones are skipped instead of failing in turn. */
let broken = false;
function step(name, body) {
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
        await browser.saveScreenshot(shot).then(
          () => console.log(`screenshot of the failure: ${shot}`),
          (shotError) => console.log(`no screenshot of the failure: ${shotError.message}`),
        );
      }
      throw error;
    }
  });
}

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

step('first start on an empty store offers the demo data, and it can be skipped', async () => {
  browser = await openSession();
  const skip = await browser.$(byTestId('demo-skip'));
  await skip.waitForDisplayed({
    timeout: UI_TIMEOUT,
    timeoutMsg: `the demo-data dialog (${byTestId('demo-skip')}) did not show on an empty store`,
  });
  await skip.click();
  // A fresh look-up each time: the dialog's button leaves the DOM (a stale element otherwise).
  await browser.waitUntil(async () => !(await browser.$(byTestId('demo-skip')).isDisplayed()), {
    timeout: UI_TIMEOUT,
    timeoutMsg: 'the demo-data dialog stayed open after "skip"',
  });
});

step('a new member with a Turkish and German name is saved and listed', async () => {
  await click('nav-members');
  await click('new-person');
  await type('person-first_name', FIRST_NAME);
  await type('person-last_name', LAST_NAME);
  await click('save');
  const rows = await waitForMemberRow(ROW_TEXT);
  assert.equal(
    rows.length,
    1,
    `exactly the one new member is listed; rows: ${JSON.stringify(rows)}`,
  );
});

step('an e-mail address without @ is refused with a German message under the field', async () => {
  const before = await memberRows();
  await click('new-person');
  await type('person-first_name', BAD_FIRST_NAME);
  await type('person-last_name', BAD_LAST_NAME);
  await type('person-email', BAD_EMAIL);
  // A hint under the field may name the e-mail too: only a text that appears on saving counts.
  const shownBefore = await fieldErrors('person-email');
  const isNewError = (text) => text.includes('E-Mail') && !shownBefore.includes(text);
  await click('save');
  let errors = [];
  try {
    await browser.waitUntil(
      async () => {
        errors = await fieldErrors('person-email');
        return errors.some(isNewError);
      },
      { timeout: UI_TIMEOUT, interval: 200 },
    );
  } catch {
    assert.fail(
      `no error containing "E-Mail" under ${byTestId('person-email')} in ${UI_TIMEOUT} ms; ` +
        `field errors: ${JSON.stringify(errors)} (if the input is type="email", the form ` +
        "needs novalidate so that the core's message shows)",
    );
  }
  console.log(`error shown: ${errors.find(isNewError)}`);
  const afterwards = await memberRows();
  assert.deepEqual(afterwards, before, 'a refused input must not add or change a member row');
});

step('three wrong fields show three messages at once, each under its field', async () => {
  // The form still holds the refused person: now the first name is missing and the postcode
  // has four digits too, besides the e-mail without @.
  const before = await memberRows();
  await type('person-first_name', '');
  await type('person-postal_code', '7017');
  await click('save');
  const wanted = {
    'person-first_name': 'Vorname',
    'person-email': 'E-Mail',
    'person-postal_code': 'PLZ',
  };
  let shown = {};
  try {
    await browser.waitUntil(
      async () => {
        shown = {};
        for (const id of Object.keys(wanted)) shown[id] = await fieldErrors(id);
        return Object.entries(wanted).every(([id, label]) =>
          shown[id].some((text) => text.includes(label)),
        );
      },
      { timeout: UI_TIMEOUT, interval: 200 },
    );
  } catch {
    assert.fail(`not every field shows its error at once: ${JSON.stringify(shown)}`);
  }
  console.log(`errors shown together: ${JSON.stringify(shown)}`);
  const shot = join(ARTIFACTS, 'three-errors.png');
  await browser.saveScreenshot(shot);
  console.log(`screenshot: ${shot}`);
  assert.deepEqual(await memberRows(), before, 'a refused input must not add or change a row');
});

step('after a restart the member is still there', async () => {
  await closeSession();
  browser = await openSession();
  await click('nav-members');
  const rows = await waitForMemberRow(ROW_TEXT);
  assert.equal(rows.length, 1, `only the valid member was stored; rows: ${JSON.stringify(rows)}`);
  assert.ok(
    !rows.some((row) => row.includes(BAD_LAST_NAME)),
    'the refused person must not have been stored',
  );
  assert.equal(
    await browser.$(byTestId('demo-skip')).isDisplayed(),
    false,
    'a non-empty store must not offer the demo data',
  );
  const shot = join(ARTIFACTS, 'members.png');
  await browser.saveScreenshot(shot);
  console.log(`screenshot: ${shot}`);
});

step('the command-line tool reads the same store', async () => {
  // Cross-check through the core's own CLI when the test run has built it (cargo test does).
  const cli = join(TARGET_DIR, 'debug', 'zirkel');
  if (!existsSync(cli)) {
    console.log(`${cli} not built: CLI cross-check skipped`);
    return;
  }
  await closeSession();
  const result = spawnSync(
    cli,
    ['--db', join(dataHome, 'de.zirkel.desktop', 'zirkel.sqlite3'), 'members', 'list', '--json'],
    {
      encoding: 'utf8',
      timeout: 30_000,
    },
  );
  assert.equal(result.status, 0, `zirkel members list failed: ${result.stderr}`);
  assert.ok(
    result.stdout.includes(LAST_NAME) && result.stdout.includes(FIRST_NAME),
    `the CLI lists ${ROW_TEXT}: ${result.stdout}`,
  );
  assert.ok(!result.stdout.includes(BAD_LAST_NAME), 'the refused person is not in the store');
});
