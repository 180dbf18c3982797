// End-to-end test of the single instance: while Zirkel runs, starting it a second time (a user
// double-clicking the icon again) hands over to the running window and ends at once, and the
// running window keeps working. Needs a D-Bus session bus (the plugin meets the second start
// there): scripts/test.sh runs the tests under `dbus-run-session`. Run it like members.test.mjs,
// e.g.
//
//   DISPLAY=:99 dbus-run-session -- node --test tests/e2e/instance.test.mjs

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { APP, UI_TIMEOUT, browser, byTestId, dataHome, openSession, setup, step } from './harness.mjs';

setup();

step('the first start shows the window', async () => {
  assert.ok(
    process.env.DBUS_SESSION_BUS_ADDRESS,
    'no D-Bus session bus: run the end-to-end tests under dbus-run-session',
  );
  await openSession();
  await browser.$(byTestId('demo-load')).waitForDisplayed({ timeout: UI_TIMEOUT });
});

step('a second start hands over to the running window and ends', async () => {
  const started = Date.now();
  const second = spawn(APP, [], {
    env: {
      ...process.env,
      XDG_DATA_HOME: dataHome,
      ZIRKEL_DB: join(dataHome, 'de.zirkel.desktop', 'zirkel.sqlite3'),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  second.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise((done, fail) => {
    const timer = setTimeout(() => {
      second.kill('SIGKILL');
      fail(new Error(`the second start still runs after 15 s (stderr: ${stderr})`));
    }, 15_000);
    second.once('exit', (exitCode) => {
      clearTimeout(timer);
      done(exitCode);
    });
  });
  assert.equal(code, 0, `the second start ended with ${code}: ${stderr}`);
  console.log(`the second start ended after ${Date.now() - started} ms`);
  // The first window is still there and answers.
  assert.equal(await browser.getTitle(), 'Zirkel');
  await browser.$(byTestId('demo-load')).waitForDisplayed({ timeout: UI_TIMEOUT });
});
