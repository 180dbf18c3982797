// End-to-end test of sessions in the built app: on the demo data, a new two-day session, three
// agenda items whose times follow from the day's start and the durations, reordered with the
// keyboard (Alt+↑), the members invited, two people ticked in the sign-in screen by typing a few
// letters of their names, and after a restart of the app the computed times, the order and the
// counts on screen. Run it like members.test.mjs (see there).

import assert from 'node:assert/strict';
import {
  UI_TIMEOUT,
  browser,
  byTestId,
  click,
  closeSession,
  loadDemo,
  openSession,
  setup,
  shoot,
  step,
  type,
} from './harness.mjs';

const NUMBER = 40;
const DAY1 = '2027-09-16';
const DAY2 = '2027-09-17';
const ITEMS = [
  ['Begrüßung durch die Stadt Herten', 15],
  ['Berichte aus den Kommunen', 30],
  ['Diskussion: Einbürgerungskampagnen', 45],
];

/** Text of an element, whitespace collapsed. */
async function text(testId) {
  const element = await browser.$(byTestId(testId));
  await element.waitForDisplayed({
    timeout: UI_TIMEOUT,
    timeoutMsg: `${byTestId(testId)} not shown in ${UI_TIMEOUT} ms`,
  });
  return (await element.getText()).replace(/\s+/g, ' ').trim();
}

/** Waits until the element's text satisfies `ok`; fails with what was shown. */
async function waitForText(testId, ok, what) {
  let shown = '';
  try {
    await browser.waitUntil(
      async () => {
        const element = await browser.$(byTestId(testId));
        if (!(await element.isExisting())) return false;
        shown = (await element.getText()).replace(/\s+/g, ' ').trim();
        return ok(shown);
      },
      { timeout: UI_TIMEOUT, interval: 200 },
    );
  } catch {
    assert.fail(`${byTestId(testId)} never showed ${what}; it showed "${shown}"`);
  }
  return shown;
}

/** The agenda of a day as shown: [{id, number, time, title}] in screen order. */
function agendaOf(day) {
  return browser.execute((dayId) => {
    const section = document.querySelector(`[data-testid="agenda-day-${dayId}"]`);
    if (!section) return [];
    return [...section.querySelectorAll('[data-testid^="agenda-item-"]')]
      .map((row) => /^agenda-item-(\d+)$/.exec(row.getAttribute('data-testid'))?.[1])
      .filter(Boolean)
      .map((id) => {
        const read = (part) =>
          (document.querySelector(`[data-testid="agenda-item-${part}-${id}"]`)?.textContent ?? '')
            .replace(/\s+/g, ' ')
            .trim();
        return { id, number: read('number'), time: read('time'), title: read('title') };
      });
  }, day);
}

async function waitForAgenda(day, ok, what) {
  let shown = [];
  try {
    await browser.waitUntil(
      async () => {
        shown = await agendaOf(day);
        return ok(shown);
      },
      { timeout: UI_TIMEOUT, interval: 200 },
    );
  } catch {
    assert.fail(`the agenda of ${day} never showed ${what}: ${JSON.stringify(shown)}`);
  }
  return shown;
}

const EXPECTED = [
  { number: '1', time: '09:00–09:30', title: ITEMS[1][0] },
  { number: '2', time: '09:30–09:45', title: ITEMS[0][0] },
  { number: '3', time: '09:45–10:30', title: ITEMS[2][0] },
];
const matches = (rows) =>
  rows.length === 3 &&
  rows.every(
    (row, i) =>
      row.number.includes(EXPECTED[i].number) &&
      row.time.replace(/\s/g, '') === EXPECTED[i].time &&
      row.title === EXPECTED[i].title,
  );

/** Switches the session page to a tab and waits for its panel; clicks again if a re-render of
 * the page (it reloads after a change) swallowed the click. */
async function openTab(tab) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    await click(`session-tab-${tab}`);
    const shown = await browser
      .$(byTestId(`session-panel-${tab}`))
      .waitForDisplayed({ timeout: 5_000 })
      .then(
        () => true,
        () => false,
      );
    if (shown) return;
    console.log(`the ${tab} tab did not open on click ${attempt}; clicking again`);
  }
  assert.fail(`${byTestId(`session-panel-${tab}`)} did not show after three clicks`);
}

setup();

step('the demo data is loaded on first start', loadDemo);

step('a new session with two days is saved', async () => {
  await click('nav-sessions');
  await click('sessions-new');
  await type('session-field-number', String(NUMBER));
  await type('session-field-title', `${NUMBER}. Sitzung des Qualitätszirkels`);
  await type('session-field-first_day', '16.09.2027');
  await type('session-field-last_day', '17.09.2027');
  await type('session-field-venue', 'Rathaus Herten, Ratssaal');
  await click('session-save');
  await waitForText(`sessions-row-${NUMBER}`, (t) => t.includes('Herten'), 'the new session');
});

/**
 * Opens the form for a new item of the day. Right after a new session is saved its page loads
 * once more; a click during that reload can go to the button being replaced, so the click is
 * repeated (as a user would) until the form shows, and the log says so.
 */
async function openNewItem(day) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    await click(`agenda-add-${day}`);
    const form = await browser.$(byTestId('agenda-form'));
    if (await form.waitForDisplayed({ timeout: 5_000 }).catch(() => false)) return;
    console.log(`the item form did not open on click ${attempt}; clicking again`);
  }
  assert.fail(`${byTestId('agenda-form')} did not open after three clicks on agenda-add-${day}`);
}

/**
 * Saves the item form and waits until it closes. While the live times are recomputed the form
 * re-renders, and a WebDriver click can reach a button that was just replaced (a stale element);
 * then the save is clicked again, and the log says so.
 */
async function saveItem() {
  for (let attempt = 1; attempt <= 3; attempt++) {
    await click('agenda-item-save');
    const closed = await browser
      .waitUntil(async () => !(await browser.$(byTestId('agenda-form')).isDisplayed()), {
        timeout: 5_000,
      })
      .then(
        () => true,
        () => false,
      );
    if (closed) return;
    console.log(`the item form is still open after save click ${attempt}; clicking again`);
  }
  assert.fail(`${byTestId('agenda-form')} did not close after three clicks on save`);
}

step('three agenda items get their times from the day start and the durations', async () => {
  await waitForText('session-page', (t) => t.includes(`${NUMBER}. Sitzung:`), 'the new session');
  await openTab('agenda');
  for (const [title, minutes] of ITEMS) {
    await openNewItem(DAY1);
    await type('agenda-field-title', title);
    await type('agenda-field-duration_minutes', String(minutes));
    // The live time of the draft shows while typing; saving after it settled, as a user does.
    await waitForText('agenda-draft-time', (t) => /\d\d:\d\d/.test(t), 'the live time');
    await browser.pause(400);
    await saveItem();
    await waitForAgenda(DAY1, (rows) => rows.some((r) => r.title === title), `"${title}"`);
  }
  const rows = await waitForAgenda(
    DAY1,
    (r) => r.length === 3 && r[2].time.replace(/\s/g, '') === '09:45–10:30',
    'three items timed 09:00, 09:15, 09:45',
  );
  assert.deepEqual(
    rows.map((r) => r.title),
    ITEMS.map(([title]) => title),
  );
  assert.deepEqual(await agendaOf(DAY2), [], 'the second day has no items');
});

step('Alt+↑ moves the second item up: TOP numbers and times follow', async () => {
  const [, second] = await agendaOf(DAY1);
  const row = await browser.$(byTestId(`agenda-item-${second.id}`));
  await browser.execute((element) => element.focus(), row);
  await browser.keys(['Alt', 'ArrowUp']);
  await waitForAgenda(DAY1, matches, JSON.stringify(EXPECTED));
  await shoot('agenda');
});

step('the members are invited in one step', async () => {
  await openTab('attendance');
  await click('attendance-invite-members');
  await waitForText(`attendance-count-status-invited`, (t) => /[1-9]\d*/.test(t), 'invitations');
});

step('the sign-in screen ticks two people by a few letters of their names', async () => {
  await click('attendance-signin-open');
  await click(`signin-day-${DAY1}`);
  for (const letters of ['sukru', 'lukasz']) {
    await type('signin-filter', letters);
    await browser.keys(['Enter']);
    await browser.pause(300);
  }
  await waitForText('signin-count', (t) => t.startsWith('2 von'), '"2 von … anwesend"');
  await shoot('sign-in');
  await click('signin-done');
  await waitForText(`attendance-count-day-${DAY1}`, (t) => t.includes('2 anwesend'), '2 present');
});

step('after a restart the times, the order and the counts are on screen', async () => {
  await closeSession();
  await openSession();
  await click('nav-sessions');
  // WebKitWebDriver does not click a table row itself: a user clicks into one of its cells.
  const cell = await browser.$(byTestId(`sessions-row-${NUMBER}`)).$('td:nth-child(2)');
  await cell.waitForClickable({ timeout: UI_TIMEOUT });
  await cell.click();
  await openTab('agenda');
  await waitForAgenda(DAY1, matches, JSON.stringify(EXPECTED));
  await openTab('attendance');
  const day1 = await waitForText(
    `attendance-count-day-${DAY1}`,
    (t) => t.includes('2 anwesend'),
    '2 present on the first day',
  );
  const day2 = await text(`attendance-count-day-${DAY2}`);
  assert.ok(day2.includes('0 anwesend'), `nobody ticked on the second day: ${day2}`);
  console.log(`counts: ${day1} | ${day2}`);
  await shoot('sessions');
});
