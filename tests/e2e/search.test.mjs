// End-to-end test of the global search in the built app: on the demo data, from another screen,
// Ctrl+K opens the search, "oezdemir" (typed without the umlaut) finds Şükrü Özdemir among the
// people, Enter opens his page on the members screen, and Escape closes a reopened search without
// losing that page. Run it like members.test.mjs (see there), e.g.
//
//   DISPLAY=:99 node --test tests/e2e/search.test.mjs

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

const QUERY = 'oezdemir';
const NAME = 'Şükrü Özdemir';

/** Whitespace collapsed, as a user reads it. */
const squash = (text) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Whether the search dialog shows its input (it renders it only while open). */
async function searchShown() {
  const input = await browser.$(byTestId('search-input'));
  return (await input.isExisting()) && (await input.isDisplayed());
}

/**
 * Presses Ctrl+K and waits for the search. A key press arriving while the screen re-renders can
 * get lost in WebKitWebDriver; then it is pressed once more, and the log says so.
 */
async function pressCtrlK() {
  for (let attempt = 1; attempt <= 2; attempt++) {
    await browser.keys(['Control', 'k']);
    const opened = await browser
      .waitUntil(searchShown, { timeout: attempt === 1 ? 5_000 : UI_TIMEOUT, interval: 100 })
      .then(
        () => true,
        () => false,
      );
    if (opened) return;
    console.log(`Ctrl+K did not open the search on press ${attempt}`);
  }
  assert.fail(`Ctrl+K did not open the search (${byTestId('search-input')} never showed)`);
}

/** The hits of the person group as shown: [{ testId, optionId, text }]. */
function personHits() {
  return browser.execute((groupSelector) => {
    const group = document.querySelector(groupSelector);
    if (!group) return [];
    return [...group.querySelectorAll('[data-testid^="search-hit-person-"]')].map((option) => ({
      testId: option.getAttribute('data-testid'),
      optionId: option.id,
      text: (option.innerText || option.textContent).replace(/\s+/g, ' ').trim(),
      marked: [...option.querySelectorAll('mark')].map((mark) => mark.textContent),
    }));
  }, byTestId('search-group-person'));
}

/** Waits for the hit whose title is `name` in the person group; fails with what was shown. */
async function waitForPersonHit(name) {
  let hits = [];
  try {
    await browser.waitUntil(
      async () => {
        hits = await personHits();
        return hits.some((hit) => hit.text.startsWith(name));
      },
      { timeout: UI_TIMEOUT, interval: 200 },
    );
  } catch {
    const status = await browser
      .$(byTestId('search-status'))
      .getText()
      .catch(() => '');
    assert.fail(
      `no hit "${name}" in ${byTestId('search-group-person')} in ${UI_TIMEOUT} ms; ` +
        `person hits: ${JSON.stringify(hits)}; status: "${squash(status)}"`,
    );
  }
  return hits.find((hit) => hit.text.startsWith(name));
}

/** The option aria-activedescendant of the search input names. */
async function activeOption() {
  const input = await browser.$(byTestId('search-input'));
  return input.getAttribute('aria-activedescendant');
}

/** Waits until the members screen shows the person's page; fails with what it shows. */
async function waitForPersonPage(name) {
  let shown = { current: null, heading: null, firstName: null };
  try {
    await browser.waitUntil(
      async () => {
        shown = await browser.execute(() => ({
          current: document
            .querySelector('[data-testid^="nav-"][aria-current="page"]')
            ?.getAttribute('data-testid'),
          heading: document
            .querySelector('[data-testid="person-panel"] #person-heading')
            ?.textContent.replace(/\s+/g, ' ')
            .trim(),
          firstName: document.querySelector('[data-testid="person-first_name"]')?.value ?? null,
        }));
        return shown.current === 'nav-members' && shown.heading === name;
      },
      { timeout: UI_TIMEOUT, interval: 200 },
    );
  } catch {
    assert.fail(
      `the members screen did not show ${name}'s page (${byTestId('person-panel')}) in ` +
        `${UI_TIMEOUT} ms; shown: ${JSON.stringify(shown)}`,
    );
  }
  return shown;
}

setup();

step('the demo data is loaded on first start', loadDemo);

step('Ctrl+K opens the search from another screen', async () => {
  // From the sessions screen, so that opening the hit has to switch screens.
  await click('nav-sessions');
  await browser.$(byTestId('sessions-count')).waitForDisplayed({
    timeout: UI_TIMEOUT,
    timeoutMsg: 'the sessions screen did not show',
  });
  assert.equal(await searchShown(), false, 'the search is closed before Ctrl+K');
  await pressCtrlK();
  await browser.waitUntil(
    async () =>
      (await browser.execute(() => document.activeElement?.getAttribute('data-testid'))) ===
      'search-input',
    { timeout: UI_TIMEOUT, timeoutMsg: 'the search input did not get the focus' },
  );
});

step(`"${QUERY}" finds ${NAME} among the people, with the name marked`, async () => {
  await type('search-input', QUERY);
  const hit = await waitForPersonHit(NAME);
  console.log(`hit shown: ${JSON.stringify(hit)}`);
  assert.ok(
    hit.marked.some((word) => word.includes('Özdemir')),
    `the matching word is marked in the hit: ${JSON.stringify(hit.marked)}`,
  );
  await shoot('search');
});

step(`Enter opens ${NAME}'s page on the members screen`, async () => {
  const hit = await waitForPersonHit(NAME);
  // The first hit is active once the answer is in; should another person come first, ↓ moves on.
  for (let moves = 0; (await activeOption()) !== hit.optionId; moves++) {
    assert.ok(
      moves < 10,
      `${hit.testId} never became the active option (now: ${await activeOption()})`,
    );
    await browser.keys(['ArrowDown']);
    await sleep(100);
  }
  await browser.keys(['Enter']);
  await browser.waitUntil(async () => !(await searchShown()), {
    timeout: UI_TIMEOUT,
    timeoutMsg: 'the search stayed open after Enter',
  });
  const shown = await waitForPersonPage(NAME);
  console.log(`person page shown: ${JSON.stringify(shown)}`);
  await shoot('search-opened');
});

step('Escape closes a reopened search and the page stays', async () => {
  await pressCtrlK();
  const input = await browser.$(byTestId('search-input'));
  assert.equal(await input.getValue(), QUERY, 'the search reopens with the last query');
  await browser.keys(['Escape']);
  await browser.waitUntil(async () => !(await searchShown()), {
    timeout: UI_TIMEOUT,
    timeoutMsg: 'Escape did not close the search',
  });
  await waitForPersonPage(NAME);
});
