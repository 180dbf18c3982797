// End-to-end test of the knowledge screens in the built app, on the demo data: the Übersicht (the
// next session, the map of the members, the attendance chart; a dot opens its organisation), the
// Praxisbeispiele (search as you type, an example renamed and saved, the brochure dialog with its
// order changed by Alt+↓) and the Empfehlungen (grouped by topic; a recommendation with an
// adopted version 1 and a draft version 2 shows both versions and an editable text). No restart;
// the brochure PDF is not written (it would open a viewer). Run it like members.test.mjs, e.g.
//
//   cd tests/e2e && DISPLAY=:99 CARGO_TARGET_DIR=/var/tmp/zirkel-target \
//     node --test --test-concurrency=1 --test-reporter=spec knowledge.test.mjs

import assert from 'node:assert/strict';
import {
  UI_TIMEOUT,
  browser,
  byTestId,
  click,
  loadDemo,
  setup,
  shoot,
  sleep,
  step,
  type,
} from './harness.mjs';

const NEXT_SESSION = 39;
const MIN_MAP_POINTS = 25;
const MAP_CITY = 'Stuttgart';
const EXAMPLE = 'Welcome Center Stuttgart';
const EXAMPLE_FILTER = 'Welcome';
const CHECKED = ' (geprüft)';
const RECOMMENDATION = 'Religiöse Vielfalt in der Kommune gestalten';

/** Whitespace collapsed, as a user reads it. */
const squash = (text) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Polls `read` until `ok` holds for what it returns; fails with the last value read. */
async function waitFor(read, ok, what, timeout = UI_TIMEOUT) {
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
    assert.fail(`never saw ${what} in ${timeout} ms; last seen: ${JSON.stringify(shown)}`);
  }
  return shown;
}

/** The text of an element (whitespace collapsed), or null while it is not there. */
const textOf = (selector) =>
  browser.execute((sel) => {
    const element = document.querySelector(sel);
    return element ? (element.innerText || element.textContent).replace(/\s+/g, ' ').trim() : null;
  }, selector);

/** Which navigation entry is the current page. */
const currentScreen = () =>
  browser.execute(() =>
    document
      .querySelector('[data-testid^="nav-"][aria-current="page"]')
      ?.getAttribute('data-testid'),
  );

/** Clicks a navigation entry and waits until it is the current page. */
async function goTo(screen) {
  await click(`nav-${screen}`);
  await waitFor(currentScreen, (shown) => shown === `nav-${screen}`, `nav-${screen} current`);
}

/**
 * Clicks into the first cell of a table row (WebKitWebDriver does not click a <tr> itself, a user
 * clicks into one of its cells), looking it up afresh on each try: the list may re-render.
 */
async function clickRow(testId) {
  for (let attempt = 1; ; attempt++) {
    const cell = await browser.$(byTestId(testId)).$('td');
    try {
      await cell.waitForClickable({
        timeout: UI_TIMEOUT,
        timeoutMsg: `${byTestId(testId)} not clickable in ${UI_TIMEOUT} ms`,
      });
      await cell.click();
      return;
    } catch (error) {
      const transient = /stale|not interactable|detached/i.test(String(error?.message));
      if (!transient || attempt >= 3) throw error;
      console.log(`click on ${testId} hit a re-rendered row (${attempt}); trying again`);
      await sleep(300);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Reading the screens

/** The dots on the map: [{ testId, label }]. */
const mapPoints = () =>
  browser.execute(() =>
    [...document.querySelectorAll('[data-testid="overview-map"] [data-testid^="map-point-"]')].map(
      (dot) => ({ testId: dot.getAttribute('data-testid'), label: dot.getAttribute('aria-label') }),
    ),
  );

/** The rows of the practice examples list: [{ testId, title }] in screen order. */
const practiceRows = () =>
  browser.execute(() =>
    [...document.querySelectorAll('[data-testid^="practice-row-"]')].map((row) => ({
      testId: row.getAttribute('data-testid'),
      title: (row.querySelector('td')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    })),
  );

/** The brochure dialog as shown: its rows in order and the left-out entries. */
const brochureShown = () =>
  browser.execute(() => {
    const dialog = document.querySelector('[data-testid="brochure-dialog"]');
    if (!dialog) return null;
    const titleOf = (row) =>
      (row.querySelectorAll('td')[1]?.textContent ?? '').replace(/\s+/g, ' ').trim();
    return {
      open: dialog.open === true,
      rows: [...dialog.querySelectorAll('[data-testid^="brochure-row-"]')].map((row) => ({
        testId: row.getAttribute('data-testid'),
        title: titleOf(row),
      })),
      chapters: [...dialog.querySelectorAll('[data-testid^="brochure-chapter-"]')].map((row) =>
        row.textContent.replace(/\s+/g, ' ').trim(),
      ),
      leftOutHeading: (
        dialog.querySelector('[data-testid="brochure-left-out"] h3')?.textContent ?? ''
      )
        .replace(/\s+/g, ' ')
        .trim(),
      leftOut: [...dialog.querySelectorAll('[data-testid^="brochure-left-"]')]
        .filter((entry) => entry.getAttribute('data-testid') !== 'brochure-left-out')
        .map((entry) => entry.textContent.replace(/\s+/g, ' ').trim()),
      saving: dialog.querySelector('table[aria-busy="true"]') !== null,
      error: dialog.querySelector('[data-testid="brochure-error"]')?.textContent ?? null,
    };
  });

/** The recommendations list: its topic groups with their heading and row test ids and titles. */
const recommendationGroups = () =>
  browser.execute(() =>
    [...document.querySelectorAll('[data-testid^="recommendation-group-"]')].map((group) => ({
      testId: group.getAttribute('data-testid'),
      heading: (group.querySelector('th[scope="rowgroup"]')?.textContent ?? '')
        .replace(/\s+/g, ' ')
        .trim(),
      rows: [...group.querySelectorAll('[data-testid^="recommendation-row-"]')].map((row) => ({
        testId: row.getAttribute('data-testid'),
        title: (row.querySelector('td')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      })),
    })),
  );

// ---------------------------------------------------------------------------------------------
// The steps

setup();

step('the demo data is loaded on first start', loadDemo);

step(`Übersicht: the ${NEXT_SESSION}. session is next, the map and chart are drawn`, async () => {
  await goTo('overview');
  const card = await waitFor(
    () => textOf(byTestId('overview-next-session')),
    (shown) => shown !== null && shown.includes(`${NEXT_SESSION}. Sitzung`),
    `"${NEXT_SESSION}. Sitzung" in ${byTestId('overview-next-session')}`,
  );
  console.log(`next session card: ${card}`);
  const dots = await waitFor(
    mapPoints,
    (shown) => shown.length >= MIN_MAP_POINTS,
    `at least ${MIN_MAP_POINTS} dots (map-point-*) in ${byTestId('overview-map')}`,
  );
  console.log(`${dots.length} dots on the map`);
  const chart = await browser.$(byTestId('overview-attendance-chart'));
  await chart.waitForExist({
    timeout: UI_TIMEOUT,
    timeoutMsg: `${byTestId('overview-attendance-chart')} not drawn`,
  });
  const bars = await browser.execute(
    (sel) => document.querySelectorAll(`${sel} [data-testid^="attendance-bar-"]`).length,
    byTestId('overview-attendance-chart'),
  );
  assert.ok(bars > 0, `the attendance chart has bars (${bars})`);
  console.log(`${bars} bars in the attendance chart`);
  await shoot('knowledge-overview');
  await shoot('knowledge-overview-chart', { scrollTo: byTestId('overview-attendance-chart') });
});

step(`Übersicht: the dot of ${MAP_CITY} opens that organisation`, async () => {
  const dots = await mapPoints();
  const dot = dots.find((d) => (d.label ?? '').includes(MAP_CITY));
  const labels = JSON.stringify(dots.map((d) => d.label));
  assert.ok(dot, `a map dot named "…${MAP_CITY}…": ${labels}`);
  console.log(`clicking ${dot.testId} (${dot.label})`);
  await browser.execute(
    (sel) => document.querySelector(sel)?.scrollIntoView({ block: 'center' }),
    byTestId(dot.testId),
  );
  // Where on the dot a click reaches it: a smaller dot in the same town may lie on top of it (the
  // map draws cities first), so a user clicks the visible ring. Null when nothing of it shows.
  const spot = await browser.execute((sel) => {
    const dotOf = (x, y) =>
      document.elementFromPoint(x, y)?.closest('[data-testid^="map-point-"]');
    const target = document.querySelector(sel);
    const box = target.querySelector('circle').getBoundingClientRect();
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const atCentre = dotOf(cx, cy);
    const cover = atCentre && atCentre !== target ? atCentre.getAttribute('aria-label') : null;
    // Whole pixels, nearest the centre first: a pointer action takes integers.
    const spots = [];
    for (let x = Math.ceil(box.left); x <= Math.floor(box.right); x++) {
      for (let y = Math.ceil(box.top); y <= Math.floor(box.bottom); y++) {
        spots.push({ x, y, d: (x - cx) ** 2 + (y - cy) ** 2 });
      }
    }
    spots.sort((p, q) => p.d - q.d);
    const free = spots.find(({ x, y }) => dotOf(x, y) === target);
    if (free) return { x: free.x, y: free.y, cover };
    return { x: null, y: null, cover };
  }, byTestId(dot.testId));
  console.log(`where ${dot.testId} can be clicked: ${JSON.stringify(spot)}`);
  let opened = false;
  if (spot.x !== null) {
    await browser
      .action('pointer', { parameters: { pointerType: 'mouse' } })
      .move({ x: spot.x, y: spot.y, origin: 'viewport' })
      .down()
      .up()
      .perform();
    opened = await browser
      .waitUntil(async () => (await currentScreen()) === 'nav-organisations', { timeout: 5_000 })
      .then(
        () => true,
        () => false,
      );
  }
  if (!opened) {
    // The web view may not click an SVG link: a keyboard user focuses the dot and presses Enter,
    // which the map handles too.
    console.log('the click did not open the organisation: focusing the dot and pressing Enter');
    await browser.execute((el) => el.focus(), await browser.$(byTestId(dot.testId)));
    await browser.keys(['Enter']);
  }
  await waitFor(currentScreen, (shown) => shown === 'nav-organisations', 'Organisationen shown');
  const heading = await waitFor(
    () => textOf(`${byTestId('organisation-panel')} #organisation-heading`),
    (shown) => shown !== null && shown.includes(MAP_CITY),
    `a heading with "${MAP_CITY}" in ${byTestId('organisation-panel')}`,
  );
  assert.equal(heading, dot.label, 'the panel shows the organisation of the dot');
  await shoot('knowledge-organisation');
});

let exampleTestId;

step('Praxisbeispiele: the list narrows as you type', async () => {
  await goTo('practice_examples');
  const all = await waitFor(practiceRows, (rows) => rows.length > 1, 'rows in the list');
  console.log(`${all.length} examples: ${all.map((r) => r.title).join(' | ')}`);
  assert.ok(
    all.some((row) => row.title === EXAMPLE),
    `"${EXAMPLE}" is listed: ${JSON.stringify(all.map((r) => r.title))}`,
  );
  await type('practice-search', EXAMPLE_FILTER);
  const narrowed = await waitFor(
    practiceRows,
    (rows) =>
      rows.length > 0 && rows.length < all.length && rows.some((row) => row.title === EXAMPLE),
    `fewer than ${all.length} rows, "${EXAMPLE}" among them, after typing "${EXAMPLE_FILTER}"`,
  );
  console.log(`after "${EXAMPLE_FILTER}": ${narrowed.map((r) => r.title).join(' | ')}`);
  const count = await textOf(byTestId('practice-count'));
  assert.ok(
    count.startsWith(`${narrowed.length} von ${all.length}`),
    `the count says ${narrowed.length} of ${all.length}: "${count}"`,
  );
  exampleTestId = narrowed.find((row) => row.title === EXAMPLE).testId;
  await shoot('knowledge-practice-filtered');
});

step('Praxisbeispiele: a renamed example is saved and listed after a reload', async () => {
  await clickRow(exampleTestId);
  await waitFor(
    () => textOf(`${byTestId('practice-page')} #practice-heading`),
    (shown) => shown === EXAMPLE,
    `the page of "${EXAMPLE}"`,
  );
  const title = await browser.$(byTestId('practice-title'));
  await title.waitForDisplayed({ timeout: UI_TIMEOUT });
  await waitFor(() => title.getValue(), (value) => value === EXAMPLE, 'the title in its field');
  await type('practice-title', EXAMPLE + CHECKED);
  await click('practice-save');
  await waitFor(
    () => textOf(byTestId('practice-notice')),
    (shown) => shown !== null && shown.includes('Gespeichert'),
    `"Gespeichert." in ${byTestId('practice-notice')}`,
  );
  await waitFor(
    () => textOf(`${byTestId('practice-page')} #practice-heading`),
    (shown) => shown === EXAMPLE + CHECKED,
    'the new title as the page heading',
  );
  // Resetting the filter loads the list afresh from the store.
  await click('practice-filter-reset');
  const rows = await waitFor(
    practiceRows,
    (shown) =>
      shown.length > 1 &&
      shown.some((row) => row.testId === exampleTestId && row.title === EXAMPLE + CHECKED),
    `the whole list again with "${EXAMPLE + CHECKED}" in ${byTestId(exampleTestId)}`,
  );
  assert.ok(
    !rows.some((row) => row.title === EXAMPLE),
    'the old title is listed no more',
  );
  await shoot('knowledge-practice-saved');
});

step('Praxisbeispiele: the brochure lists its examples; Alt+↓ moves the first down', async () => {
  await click('brochure-open');
  const before = await waitFor(
    brochureShown,
    (shown) => shown?.open && shown.rows.length > 1 && !shown.saving,
    `an open ${byTestId('brochure-dialog')} with at least two examples`,
  );
  console.log(`brochure: ${JSON.stringify(before)}`);
  assert.equal(before.error, null, 'the brochure loaded without an error');
  assert.ok(
    before.rows.some((row) => row.title === EXAMPLE + CHECKED),
    `the renamed example is in the brochure under its new title: ${JSON.stringify(before.rows)}`,
  );
  assert.ok(before.chapters.length > 0, 'the brochure shows chapter lines');
  const leftOutShown = await browser.$(byTestId('brochure-left-out')).isExisting();
  if (leftOutShown) {
    assert.match(before.leftOutHeading, /^Nicht in der Broschüre \(\d+\)$/);
    assert.ok(before.leftOut.length > 0, 'the left-out section lists examples');
    assert.ok(
      !before.leftOut.some((entry) => before.rows.some((row) => entry.startsWith(row.title))),
      'no example is both in the brochure and left out',
    );
    console.log(`left out: ${before.leftOut.join(' | ')}`);
  } else {
    console.log('the demo leaves no example out of the brochure');
  }
  await shoot('knowledge-brochure');

  const [first, second] = before.rows;
  const row = await browser.$(byTestId(first.testId));
  await browser.execute((element) => element.focus(), row);
  await waitFor(
    () => browser.execute(() => document.activeElement?.getAttribute('data-testid')),
    (shown) => shown === first.testId,
    `the focus on ${byTestId(first.testId)}`,
  );
  await browser.keys(['Alt', 'ArrowDown']);
  const after = await waitFor(
    brochureShown,
    (shown) =>
      shown?.rows.length === before.rows.length &&
      shown.rows[0].testId === second.testId &&
      shown.rows[1].testId === first.testId &&
      !shown.saving,
    `${first.testId} second and ${second.testId} first after Alt+↓`,
  );
  assert.equal(after.error, null, 'the new order was saved without an error');
  assert.deepEqual(
    after.rows.slice(2).map((r) => r.testId),
    before.rows.slice(2).map((r) => r.testId),
    'the other rows keep their places',
  );
  const focused = await browser.execute(() =>
    document.activeElement?.getAttribute('data-testid'),
  );
  assert.equal(focused, first.testId, 'the moved row keeps the focus');
  console.log(`order after Alt+↓: ${after.rows.map((r) => r.title).join(' | ')}`);
  await shoot('knowledge-brochure-reordered');

  await click('brochure-close');
  await waitFor(
    brochureShown,
    (shown) => shown === null || shown.open === false,
    `${byTestId('brochure-dialog')} closed`,
  );
});

step('Empfehlungen: the list is grouped by topic', async () => {
  await goTo('recommendations');
  const groups = await waitFor(
    recommendationGroups,
    (shown) =>
      shown.length > 1 &&
      shown.some((group) => group.rows.some((row) => row.title === RECOMMENDATION)),
    `several topic groups, one with "${RECOMMENDATION}"`,
  );
  console.log(
    `groups: ${groups
      .map((g) => `${g.heading} [${g.rows.map((r) => r.title).join('; ')}]`)
      .join(' | ')}`,
  );
  for (const group of groups) {
    assert.ok(group.heading.length > 0, `${group.testId} has a heading`);
    assert.ok(group.rows.length > 0, `${group.testId} has rows`);
  }
  const home = groups.find((group) => group.rows.some((row) => row.title === RECOMMENDATION));
  assert.match(home.heading, /^Religiöse Vielfalt \(\d+\)$/, 'it is listed under its topic');
  await shoot('knowledge-recommendations');
});

step(`Empfehlungen: "${RECOMMENDATION}" shows two versions and an editable draft`, async () => {
  const groups = await recommendationGroups();
  const row = groups.flatMap((group) => group.rows).find((r) => r.title === RECOMMENDATION);
  await clickRow(row.testId);
  await waitFor(
    () => textOf(`${byTestId('recommendation-page')} #recommendation-heading`),
    (shown) => shown === RECOMMENDATION,
    `the page of "${RECOMMENDATION}"`,
  );
  const versions = await waitFor(
    () =>
      browser.execute((sel) => {
        const section = document.querySelector(sel);
        if (!section) return [];
        return [...section.querySelectorAll('tbody [data-testid^="recommendation-version-"]')].map(
          (tr) => ({
            testId: tr.getAttribute('data-testid'),
            text: tr.textContent.replace(/\s+/g, ' ').trim(),
          }),
        );
      }, byTestId('recommendation-versions')),
    (shown) => shown.length === 2,
    `two rows in ${byTestId('recommendation-versions')}`,
  );
  console.log(`versions: ${JSON.stringify(versions)}`);
  assert.deepEqual(
    versions.map((v) => v.testId),
    ['recommendation-version-2', 'recommendation-version-1'],
    'the newest version first',
  );
  assert.match(versions[0].text, /aktuell/, 'version 2 is the current one');
  assert.match(versions[0].text, /Entwurf/i, 'version 2 is a draft');
  assert.match(versions[1].text, /beschlossen/i, 'version 1 is adopted');
  const status = await textOf(byTestId('recommendation-status'));
  assert.match(status, /Entwurf/i, `the current version's status: "${status}"`);

  const body = await browser.$(byTestId('recommendation-body'));
  await body.waitForDisplayed({ timeout: UI_TIMEOUT });
  const field = await browser.execute(
    (el) => ({ readOnly: el.readOnly, disabled: el.disabled, length: el.value.length }),
    body,
  );
  assert.equal(field.readOnly, false, 'the text of the draft is not read-only');
  assert.equal(field.disabled, false, 'the text of the draft is not disabled');
  assert.ok(field.length > 0, 'the text field shows the draft');
  assert.equal(
    await browser.$(byTestId('recommendation-locked')).isExisting(),
    false,
    'no "nur lesbar" notice over a draft',
  );
  assert.ok(await body.isEnabled(), 'the text field is enabled');
  await shoot('knowledge-recommendation');
  await shoot('knowledge-recommendation-versions', { scrollTo: byTestId('recommendation-versions') });
});
