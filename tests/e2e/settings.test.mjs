// End-to-end test of Einstellungen → Geschäftsstelle und Briefkopf in the built app, on the demo
// data: the saved group name is shown, a changed one is saved and still there after a restart of
// the app; an empty group name is refused under its field; the data folder and the log file are
// shown (the log file lies in the app-data folder and exists); no CSP violation on the screen.
// Run it like members.test.mjs (see there), e.g.
//
//   DISPLAY=:99 node --test tests/e2e/settings.test.mjs

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  APP,
  UI_TIMEOUT,
  browser,
  byTestId,
  click,
  closeSession,
  control,
  dataHome,
  loadDemo,
  openSession,
  setup,
  shoot,
  sleep,
  step,
  textOf,
  type,
  waitFor,
} from './harness.mjs';

const DEMO_GROUP = 'Kommunaler Qualitätszirkel zur Integrationspolitik';
const NEW_GROUP = 'Qualitätszirkel Integration – Ruhr & Rhein';

const valueOf = async (testId) => (await control(testId)).getValue();

/** What the window's CSP blocked so far (kept by main.ts). */
const violations = () => browser.execute(() => window.zirkelCspViolations ?? ['(no recorder)']);

/** Waits until no process of the app is left (after closing its session). */
async function appGone() {
  const deadline = Date.now() + UI_TIMEOUT;
  for (;;) {
    const found = spawnSync('pgrep', ['-f', '--', APP], { encoding: 'utf8' });
    if (found.stdout.trim() === '') return;
    if (Date.now() > deadline) return;
    await sleep(200);
  }
}

async function openSettings() {
  await click('nav-settings');
  return waitFor(
    () => valueOf('letterhead-group-name'),
    (value) => value !== '',
    'the letterhead form shows the saved group name',
  );
}

setup();

step('the demo data is loaded on first start', loadDemo);

step('Einstellungen shows the letterhead first, with the saved values and the logo', async () => {
  assert.equal(await openSettings(), DEMO_GROUP);
  assert.match(await valueOf('letterhead-secretariat-address'), /Marktplatz 1\n70173 Stuttgart/);
  const info = await textOf(byTestId('logo-info'));
  assert.match(info, /Standardlogo · PNG, 96 × 96 Pixel/, `the default logo: ${info}`);
  const src = await (await browser.$(byTestId('logo-preview'))).getAttribute('src');
  assert.match(src, /^data:image\/png;base64,/, 'the preview is a data: URL');
  const loaded = await browser.execute(() => {
    const img = document.querySelector('[data-testid="logo-preview"]');
    return img instanceof HTMLImageElement && img.complete && img.naturalWidth;
  });
  assert.equal(loaded, 96, 'the CSP lets the preview load');
  assert.equal(
    await browser.$(byTestId('settings-later')).isExisting(),
    false,
    'no "folgt später" note',
  );
  const order = await browser.execute(() =>
    [...document.querySelectorAll('section[data-testid$="-section"]')].map((s) =>
      s.getAttribute('data-testid'),
    ),
  );
  const at = (id) => order.indexOf(id);
  assert.ok(
    at('letterhead-section') === 0 &&
      at('letterhead-section') < at('folders-section') &&
      at('folders-section') < at('privacy-section'),
    `the letterhead first, the folders next, backup and privacy below: ${order}`,
  );
});

step('the data folder and the log file in it are shown', async () => {
  const folder = await textOf(byTestId('folders-data'));
  assert.equal(folder, join(dataHome, 'de.zirkel.desktop'), 'the data folder of this store');
  const log = await textOf(byTestId('folders-log'));
  assert.equal(log, join(dataHome, 'de.zirkel.desktop', 'logs', 'zirkel.log'));
  assert.ok(existsSync(log), `the log file exists: ${log}`);
});

step('an empty group name is refused under its field and nothing is saved', async () => {
  await type('letterhead-group-name', '');
  await click('letterhead-save');
  const error = await waitFor(
    () => textOf('#letterhead-group-name-error'),
    (text) => text !== '',
    'the message under the field',
  );
  assert.match(error, /Name der Gruppe/, error);
  await click('letterhead-cancel');
  assert.equal(await valueOf('letterhead-group-name'), DEMO_GROUP, '"Abbrechen" restores it');
});

step('a changed group name is saved', async () => {
  await type('letterhead-group-name', NEW_GROUP);
  await click('letterhead-save');
  await waitFor(
    () => textOf(byTestId('letterhead-saved')),
    (text) => text === 'Gespeichert.',
    'the save is confirmed',
  );
  await shoot('settings-letterhead', { scrollTo: byTestId('letterhead-section') });
  await shoot('settings-folders', { scrollTo: byTestId('folders-section') });
  assert.deepEqual(await violations(), [], 'nothing was blocked by the CSP');
});

step('after a restart of the app the new group name is still there', async () => {
  await closeSession();
  await appGone();
  await openSession();
  await waitFor(
    async () => (await browser.$(byTestId('nav-settings'))).isExisting(),
    Boolean,
    'the app is up again',
    60_000,
  );
  assert.equal(await openSettings(), NEW_GROUP, 'the saved name is kept');
});
