// End-to-end test of the minutes' autosave in the built app: on the demo data, the minutes of the
// 39th session are begun and notes typed; the app is killed with SIGKILL (no close, no unload, as
// in a power cut) two seconds after the last keystroke; after a restart the notes are there.
// Run it like members.test.mjs (see there).

import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  ARTIFACTS,
  UI_TIMEOUT,
  browser,
  byTestId,
  click,
  killApp,
  loadDemo,
  openSession,
  screenshot,
  setup,
  shoot,
  sleep,
  step,
  type,
} from './harness.mjs';

const NOTES = 'Şükrü Özdemir begrüßt die Runde; Łukasz Wiśniewski stellt das Programm vor.';
const LATE = ' Nachtrag kurz vor dem Absturz';

/** Chooses the session by its running number in the minutes' session chooser. */
async function chooseSession(number) {
  const select = await browser.$(byTestId('minutes-session'));
  await select.waitForDisplayed({ timeout: UI_TIMEOUT });
  const chosen = await browser.execute(
    (element, prefix) => {
      const option = [...element.options].find((o) => o.textContent.trim().startsWith(prefix));
      if (!option) return null;
      element.value = option.value;
      element.dispatchEvent(new Event('change', { bubbles: true }));
      return option.textContent.trim();
    },
    select,
    `${number}.`,
  );
  assert.ok(chosen, `no session ${number}. in ${byTestId('minutes-session')}`);
}

/** The first notes field of the minutes. */
async function firstNotes() {
  const field = await browser.$('[data-testid^="minutes-notes-"]');
  await field.waitForDisplayed({
    timeout: UI_TIMEOUT,
    timeoutMsg: 'no notes field (minutes-notes-…) shown',
  });
  return field;
}

setup();

step('the minutes of the 39th session are begun on the demo data', async () => {
  await loadDemo();
  await click('nav-minutes');
  await chooseSession(39);
  await click('minutes-start');
  await firstNotes();
});

step('notes typed two seconds before a SIGKILL survive the restart', async () => {
  const field = await firstNotes();
  const testId = await field.getAttribute('data-testid');
  await type(testId, NOTES);
  await sleep(2_000);
  // Typed just before the kill: may be lost (at most about two seconds are), never garbled.
  await (await browser.$(byTestId(testId))).addValue(LATE);
  const shot = join(ARTIFACTS, 'minutes-before-kill.png');
  await screenshot(shot);
  const pids = await killApp();
  console.log(`killed the app (pids ${pids.join(', ')}) with SIGKILL`);
  await openSession();
  await click('nav-minutes');
  await chooseSession(39);
  const restored = await browser.$(byTestId(testId));
  let value = '';
  try {
    await browser.waitUntil(
      async () => {
        value = await restored.getValue();
        return value.startsWith(NOTES);
      },
      { timeout: UI_TIMEOUT, interval: 200 },
    );
  } catch {
    assert.fail(`after the restart ${byTestId(testId)} holds ${JSON.stringify(value)}`);
  }
  assert.ok(
    value === NOTES || value === NOTES + LATE || (NOTES + LATE).startsWith(value),
    `the notes are the typed text, perhaps without the last keystrokes: ${JSON.stringify(value)}`,
  );
  console.log(`after the restart: ${JSON.stringify(value)}`);
  await shoot('minutes-after-restart');
});
