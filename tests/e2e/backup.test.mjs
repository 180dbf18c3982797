// End-to-end test of backup, restore and recovery in the built app. On the demo data:
// Einstellungen → Datensicherung, "Jetzt sichern" adds a backup "Von Hand", "Datenbank prüfen"
// finds the database in order, a person added afterwards is gone once that backup is restored
// from its row. Then the app starts on a damaged store (made with the CLI: demo data, a backup
// beside it, 8 KB zeroed in the middle): it shows the recovery screen, and restoring the backup
// brings up the members list with the demo data. Run it like members.test.mjs (see there), e.g.
//
//   DISPLAY=:99 node --test tests/e2e/backup.test.mjs
//
// The second part needs the CLI ($CARGO_TARGET_DIR/debug/zirkel, built by `cargo build`).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import {
  APP,
  TARGET_DIR,
  UI_TIMEOUT,
  browser,
  byTestId,
  click,
  closeSession,
  dataHome,
  loadDemo,
  openSession,
  setup,
  shoot,
  sleep,
  step,
  textOf,
  texts,
  type,
  waitFor,
} from './harness.mjs';

const CLI = join(TARGET_DIR, 'debug', 'zirkel');
// Names that sort first, so their rows are among those the list renders (it renders only the rows
// in view).
const LATER_FIRST = 'Nora';
const LATER_LAST = 'Aaberg';
const LATER_ROW = `${LATER_LAST}, ${LATER_FIRST}`;
// The first person of the demo data (assets/demo/demo.json) by name.
const DEMO_ROW = 'Adeyemi, Oluwaseun';
/** The members count of the demo data ("… von 60 Personen"), read before anything changes. */
let demoCount = '';

const storePath = () => join(dataHome, 'de.zirkel.desktop', 'zirkel.sqlite3');

/** The backup rows with their reason, as the list shows them (newest first). */
function backupRows() {
  return browser.execute(() =>
    [...document.querySelectorAll('[data-testid="backup-row"]')].map((row) => ({
      reason: row.getAttribute('data-reason'),
      file: row.getAttribute('data-file'),
      text: (row.innerText || row.textContent).replace(/\s+/g, ' ').trim(),
    })),
  );
}

/** Runs the CLI on the store; fails with its output. */
function cli(...args) {
  const result = spawnSync(CLI, ['--db', storePath(), ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(
    result.status,
    0,
    `zirkel ${args.join(' ')} failed (${result.status}): ${result.stderr}${result.stdout}`,
  );
  return result.stdout;
}

/**
 * Waits until no process of the app binary runs any more: it holds the store's lock, and the
 * store is about to be replaced. After the timeout it goes on (the next start then says why).
 */
async function appGone() {
  const deadline = Date.now() + UI_TIMEOUT;
  for (;;) {
    const found = spawnSync('pgrep', ['-f', '--', APP], { encoding: 'utf8' });
    if (found.stdout.trim() === '') return;
    if (Date.now() > deadline) {
      console.log(`the app still runs ${UI_TIMEOUT} ms after closing: ${found.stdout.trim()}`);
      return;
    }
    await sleep(200);
  }
}

/** A fresh store from the CLI: the demo data and one backup beside it; then 8 KB in its middle zeroed. */
function damagedStoreWithBackup() {
  const db = storePath();
  for (const path of [db, `${db}-wal`, `${db}-shm`, join(db, '..', 'backups')]) {
    rmSync(path, { recursive: true, force: true });
  }
  console.log(cli('demo').trim());
  console.log(cli('backup').trim());
  for (const side of [`${db}-wal`, `${db}-shm`]) rmSync(side, { force: true });
  const size = statSync(db).size;
  const zeros = Buffer.alloc(8 * 1024);
  const at = Math.floor(size / 2 / 4096) * 4096;
  const file = openSync(db, 'r+');
  try {
    writeSync(file, zeros, 0, zeros.length, at);
  } finally {
    closeSync(file);
  }
  console.log(`zeroed 8 KB at ${at} of ${size} bytes in ${db}`);
}

// ---------------------------------------------------------------------------------------------
// The steps

setup();

step('the demo data is loaded on first start', loadDemo);

step('Einstellungen: "Jetzt sichern" adds a backup "Von Hand" to the list', async () => {
  await click('nav-settings');
  await waitFor(
    () => textOf(byTestId('backup-database')),
    (text) => text.endsWith('zirkel.sqlite3'),
    'the Datensicherung section shows where the database is',
  );
  const before = (await backupRows()).filter((row) => row.reason === 'manual');
  await click('backup-now');
  const rows = await waitFor(
    backupRows,
    (shown) => shown.filter((row) => row.reason === 'manual').length === before.length + 1,
    'a new backup with reason manual is listed',
  );
  const made = rows.find((row) => row.reason === 'manual');
  assert.match(made.text, /Von Hand/, `the row names the reason in German: ${made.text}`);
  assert.match(made.text, /\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/, `the row shows TT.MM.JJJJ HH:MM`);
  assert.equal(rows[0].file, made.file, 'the newest backup is listed first');
  const notice = await textOf(byTestId('notice-success'));
  assert.ok(notice.includes(made.file), `the notice names the file ${made.file}: ${notice}`);
  // The app made its daily backup at start, once.
  const daily = rows.filter((row) => row.reason === 'daily');
  assert.equal(daily.length, 1, `one daily backup from the start: ${JSON.stringify(rows)}`);
  assert.match(daily[0].text, /Täglich beim Start/);
  await shoot('backup-settings');
});

step('"Datenbank prüfen" finds the database in order', async () => {
  await click('backup-check');
  await waitFor(
    () => textOf(byTestId('backup-check-result')),
    (text) => text.includes('Die Datenbank ist in Ordnung.'),
    'the check says the database is in order',
  );
  await shoot('backup-settings-rules', { scrollTo: byTestId('backup-rules-save'), block: 'end' });
});

step('"Sicherung speichern": two different passphrases are refused under the second field', async () => {
  await click('backup-save-as');
  await click('backup-save-encrypt');
  await type('backup-save-passphrase', 'Rathaus-2025');
  await type('backup-save-repeat', 'Rathaus-2026');
  await click('backup-save-confirm');
  await waitFor(
    () => textOf(byTestId('backup-save-repeat-error')),
    (text) => text.includes('stimmen nicht überein'),
    'the mismatch is shown under "Wiederholen"',
  );
  await shoot('backup-save-as');
  await click('backup-save-cancel');
  await browser.waitUntil(
    async () => !(await browser.$(byTestId('backup-save-passphrase')).isExisting()),
    { timeout: UI_TIMEOUT, timeoutMsg: 'the save dialog stayed open after "Abbrechen"' },
  );
});

step('a person added after the backup is listed', async () => {
  await click('nav-members');
  demoCount = await waitFor(
    () => textOf(byTestId('members-count')),
    (text) => /Person/.test(text) && !text.includes('lädt'),
    'the members count of the demo data',
  );
  await click('new-person');
  await type('person-first_name', LATER_FIRST);
  await type('person-last_name', LATER_LAST);
  await click('save');
  await waitFor(
    () => texts(byTestId('member-row')),
    (rows) => rows.some((row) => row.includes(LATER_ROW)),
    `a member row "${LATER_ROW}"`,
  );
});

step('restoring the backup from its row brings back the state without that person', async () => {
  await click('nav-settings');
  const manual = `${byTestId('backup-row')}[data-reason="manual"] ${byTestId('backup-restore')}`;
  const button = await browser.$(manual);
  await button.waitForClickable({ timeout: UI_TIMEOUT, timeoutMsg: `${manual} not clickable` });
  await button.click();
  const summary = await waitFor(
    () => textOf(byTestId('restore-summary')),
    (text) => text.includes('Personen'),
    'the restore dialog shows what the backup holds',
  );
  console.log(`backup holds: ${summary}`);
  assert.match(summary, /Personen\s*60(?!\d)/, 'the demo data has 60 people');
  const dialog = await textOf(byTestId('backup-restore-dialog'));
  assert.ok(dialog.includes('ersetzt'), `the dialog says the data will be replaced: ${dialog}`);
  await shoot('backup-restore-dialog');
  await click('restore-confirm');
  const done = await waitFor(
    () => textOf(byTestId('restore-done')),
    (text) => text.includes('restore.sqlite3'),
    'the restore names the backup of the state before it',
  );
  console.log(`restored: ${done}`);
  await click('restore-close');
  // The app reloads and opens on the members list.
  const rows = await waitFor(
    () => texts(byTestId('member-row')),
    (shown) => shown.some((row) => row.includes(DEMO_ROW)),
    `the members list shows the demo data (${DEMO_ROW}) after the restore`,
    60_000,
  );
  assert.ok(
    !rows.some((row) => row.includes(LATER_ROW)),
    `the person added after the backup is gone: ${JSON.stringify(rows.filter((r) => r.includes(LATER_LAST)))}`,
  );
  await waitFor(
    () => textOf(byTestId('members-count')),
    (text) => text === demoCount,
    `the members count is the demo's again (${demoCount})`,
  );
});

step('a damaged store opens on the recovery screen with the backup beside it', async () => {
  assert.ok(existsSync(CLI), `the CLI ${CLI} is needed to make a damaged store: build it`);
  await closeSession();
  await appGone();
  damagedStoreWithBackup();
  await openSession();
  const problem = await waitFor(
    () => textOf(byTestId('recovery-problem')),
    (text) => text.includes('beschädigt'),
    'the recovery screen says the database is damaged',
    60_000,
  );
  console.log(`problem shown: ${problem}`);
  assert.equal(
    await browser.$(byTestId('nav-members')).isExisting(),
    false,
    'the recovery screen shows no navigation',
  );
  const backups = await texts(byTestId('recovery-backup'));
  assert.equal(backups.length, 1, `the one backup beside the store: ${JSON.stringify(backups)}`);
  assert.match(backups[0], /Von Hand/);
  await shoot('backup-recovery');
});

step('restoring the backup brings up the members list with the demo data', async () => {
  await click('recovery-restore');
  // First the check: what the backup holds, before anything is replaced.
  const contents = await waitFor(
    () => textOf(byTestId('recovery-dialog')),
    (text) => text.includes('Personen') && text.includes('60'),
    'the recovery shows what the backup holds before it is used',
  );
  console.log(`backup checked: ${contents.replace(/\s+/g, ' ').slice(0, 160)}`);
  await shoot('backup-recovery-check');
  await click('recovery-confirm');
  const moved = await waitFor(
    () => textOf(byTestId('recovery-moved')),
    (text) => text.includes('zirkel.sqlite3.'),
    'the recovery says where the damaged file was moved',
  );
  console.log(`damaged file moved to ${moved}`);
  assert.ok(existsSync(moved), `the damaged file is kept at ${moved}`);
  await shoot('backup-recovery-done');
  await click('recovery-continue');
  const rows = await waitFor(
    () => texts(byTestId('member-row')),
    (shown) => shown.some((row) => row.includes(DEMO_ROW)),
    `the members list shows the demo data (${DEMO_ROW})`,
  );
  assert.ok(rows.length > 10, `the demo members are listed: ${rows.length} rows`);
  await waitFor(
    () => textOf(byTestId('members-count')),
    (text) => text === demoCount,
    `the members count is the demo's (${demoCount})`,
  );
});
