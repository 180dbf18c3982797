import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from '../../App.svelte';
import AppHeader from '../shell/AppHeader.svelte';
import { AppState, appContext } from '../../lib/app/app.svelte';
import type { SearchResults } from '../../lib/api/types';
import { minutesDetail, sessionEntries } from '../../lib/minutes/fixtures';
import { group, hit, oezdemir, results } from '../../lib/search/fixtures';
import { SearchState } from '../../lib/search/search.svelte';
import {
  memberList,
  memberRow,
  noOrganisations,
  person,
  recordIPC,
  reference,
  storeInfo,
  type Handler,
} from '../../test/ipc';

afterEach(() => {
  cleanup();
  clearMocks();
  const app = new AppState();
  app.sessions.reset();
  app.minutes.reset();
});

function renderHeader(handlers: Record<string, Handler>) {
  const calls = recordIPC(handlers);
  const app = new AppState();
  const search = new SearchState();
  render(AppHeader, { props: { search }, context: appContext(app) });
  return { app, search, calls, user: userEvent.setup() };
}

const input = () => screen.getByTestId('search-input') as HTMLInputElement;
const dialogOpen = () => screen.getByTestId('search-dialog').hasAttribute('open');
const activeOption = () => {
  const id = input().getAttribute('aria-activedescendant');
  return id ? document.getElementById(id) : null;
};
const marks = (element: HTMLElement) =>
  [...element.querySelectorAll('mark')].map((m) => m.textContent);

describe('SearchPalette', () => {
  it('opens with Ctrl+K, shows the hits grouped by kind with the matching words marked', async () => {
    const { calls, user } = renderHeader({ search: () => oezdemir() });
    expect(dialogOpen()).toBe(false);
    await user.keyboard('{Control>}k{/Control}');
    await waitFor(() => expect(dialogOpen()).toBe(true));
    await waitFor(() => expect(document.activeElement).toBe(input()));
    expect(screen.getByTestId('search-hint').textContent).toContain('Gesucht wird in Personen');

    await user.type(input(), 'oezdemir');
    const person = await screen.findByTestId('search-hit-person-12');
    expect(
      calls.filter((c) => c.cmd === 'search'),
      'one question after the typing pause',
    ).toEqual([{ cmd: 'search', args: { query: 'oezdemir', perKind: 5 } }]);

    const personGroup = screen.getByTestId('search-group-person');
    expect(within(personGroup).getByText('Personen')).toBeTruthy();
    expect(personGroup.getAttribute('role')).toBe('group');
    expect(person.textContent).toContain('Şükrü Özdemir');
    expect(person.textContent).toContain('Stadt Herten · Ständige Vertretung');
    expect(marks(person), 'only the matching word is marked').toEqual(['Özdemir']);

    const note = screen.getByTestId('search-hit-minutes_note-31');
    expect(note.textContent).toContain('38. Sitzung · TOP 4');
    expect(marks(note), 'the snippet marks its match too').toEqual(['Özdemir']);
    expect(screen.getByTestId('search-more-minutes_note').textContent).toContain(
      'weitere Treffer …',
    );
    expect(
      screen.queryByTestId('search-more-person'),
      'no hint where all hits are shown',
    ).toBeNull();

    // The combobox pattern: the listbox it controls, expanded, the first hit active.
    const listbox = screen.getByTestId('search-results');
    expect(input().getAttribute('role')).toBe('combobox');
    expect(input().getAttribute('aria-controls')).toBe(listbox.id);
    expect(listbox.getAttribute('role')).toBe('listbox');
    expect(input().getAttribute('aria-expanded')).toBe('true');
    expect(activeOption()).toBe(person);
    expect(person.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('search-status').textContent).toContain('3 Treffer');
  });

  it('never turns a record’s text into markup', async () => {
    const { user } = renderHeader({
      search: () =>
        results('b', [
          group('person', [hit('person', 1, '<b>[Fett]</b>', { snippet: '<i>x</i>' })]),
        ]),
    });
    await user.click(screen.getByTestId('search-open'));
    await user.type(input(), 'b');
    const option = await screen.findByTestId('search-hit-person-1');
    expect(option.querySelector('b, i')).toBeNull();
    expect(option.textContent).toContain('<b>Fett</b>');
  });

  it('moves with ↓/↑ across groups and opens the active hit with Enter', async () => {
    const { app, user } = renderHeader({
      search: () => oezdemir(),
      minutes_get: () => minutesDetail(),
    });
    await user.click(screen.getByTestId('search-open'));
    await user.type(input(), 'oezdemir');
    await screen.findByTestId('search-hit-person-12');

    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(activeOption()?.dataset.testid, 'from the people to the decisions').toBe(
      'search-hit-decision-44',
    );
    await user.keyboard('{ArrowUp}');
    expect(activeOption()?.dataset.testid).toBe('search-hit-minutes_note-31');

    await user.keyboard('{Enter}');
    await waitFor(() => expect(app.screen).toBe('minutes'));
    expect(app.minutes.sessionId, 'the minutes of the note’s session').toBe(7);
    await waitFor(() => expect(dialogOpen()).toBe(false));
  });

  it('opens a person, an organisation and a practice example from the keyboard', async () => {
    const answer: SearchResults = results('her', [
      group('person', [hit('person', 12, 'Şükrü [Özdemir]')]),
      group('organisation', [hit('organisation', 3, 'Stadt [Her]ten')]),
      group('practice_example', [hit('practice_example', 9, '[Her]tener Lotsen')]),
    ]);
    const { app, user } = renderHeader({ search: () => answer });
    const openNth = async (downs: number) => {
      await user.keyboard('{Control>}k{/Control}');
      await waitFor(() => expect(document.activeElement).toBe(input()));
      await user.clear(input());
      await user.type(input(), 'her');
      await screen.findByTestId('search-hit-practice_example-9');
      await waitFor(() =>
        expect(screen.getByTestId('search-results').getAttribute('aria-busy')).toBe('false'),
      );
      for (let i = 0; i < downs; i++) await user.keyboard('{ArrowDown}');
      await user.keyboard('{Enter}');
      await waitFor(() => expect(dialogOpen()).toBe(false));
    };

    await openNth(0);
    await waitFor(() => expect(app.members.selected).toBe(12));
    expect(app.screen).toBe('members');

    await openNth(1);
    await waitFor(() => expect(app.screen).toBe('organisations'));
    expect(app.organisations.selected).toBe(3);

    await openNth(2);
    await waitFor(() => expect(app.screen).toBe('practice_examples'));
    expect(app.practiceExamples.selected).toBe(9);
  });

  it('opens a hit by click', async () => {
    const { app, user } = renderHeader({ search: () => oezdemir() });
    await user.click(screen.getByTestId('search-open'));
    await user.type(input(), 'oezdemir');
    await user.click(await screen.findByTestId('search-hit-decision-44'));
    await waitFor(() => expect(app.screen).toBe('minutes'));
  });

  it('shows only the answer to the latest query, even when an older one arrives later', async () => {
    const pending = new Map<string, (answer: SearchResults) => void>();
    const { user } = renderHeader({
      search: (args) => new Promise((resolve) => pending.set(args.query as string, resolve)),
    });
    await user.click(screen.getByTestId('search-open'));
    await user.type(input(), 'mue');
    await waitFor(() => expect(pending.has('mue')).toBe(true));
    await user.type(input(), 'ller');
    await waitFor(() => expect(pending.has('mueller')).toBe(true));

    pending.get('mueller')!(
      results('mueller', [group('person', [hit('person', 2, 'Anna [Müller]')])]),
    );
    await screen.findByTestId('search-hit-person-2');
    pending.get('mue')!(
      results('mue', [group('organisation', [hit('organisation', 9, '[Mü]nster')])]),
    );
    // Give the late answer every chance to show.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(
      screen.queryByTestId('search-hit-organisation-9'),
      'the stale answer for "mue"',
    ).toBeNull();
    expect(screen.getByTestId('search-hit-person-2')).toBeTruthy();
  });

  it('says in German when nothing is found', async () => {
    const { user } = renderHeader({ search: (args) => results(args.query as string, []) });
    await user.click(screen.getByTestId('search-open'));
    await user.type(input(), 'xyzzy');
    const empty = await screen.findByTestId('search-empty');
    expect(empty.textContent).toContain('Keine Treffer für „xyzzy“');
    expect(empty.textContent).toContain('Wortanfänge');
    expect(input().getAttribute('aria-expanded')).toBe('false');
  });

  it('closes with Escape and gives the focus back', async () => {
    const { user } = renderHeader({ search: () => oezdemir() });
    const opener = screen.getByTestId('search-open');
    await user.click(opener);
    await waitFor(() => expect(document.activeElement).toBe(input()));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(dialogOpen()).toBe(false));
    await waitFor(() => expect(document.activeElement).toBe(opener));

    // The dialog's own "cancel" (Escape outside the input) closes it as well.
    await user.click(opener);
    await waitFor(() => expect(dialogOpen()).toBe(true));
    await fireEvent(screen.getByTestId('search-dialog'), new Event('cancel', { cancelable: true }));
    await waitFor(() => expect(dialogOpen()).toBe(false));
  });

  it('opens with Cmd+K too, but not over another dialog', async () => {
    const { user } = renderHeader({ search: () => oezdemir() });
    const other = document.createElement('dialog');
    other.setAttribute('open', '');
    document.body.append(other);
    await user.keyboard('{Meta>}k{/Meta}');
    expect(dialogOpen(), 'the leave question or a form dialog keeps the user').toBe(false);
    other.remove();
    await user.keyboard('{Meta>}k{/Meta}');
    await waitFor(() => expect(dialogOpen()).toBe(true));
  });
});

describe('SearchPalette in the app', () => {
  it('opens Şükrü Özdemir’s page on the members screen from another screen', async () => {
    recordIPC({
      store_info: () => storeInfo({ people: 1 }),
      reference_data: () => reference,
      organisations_list: () => noOrganisations,
      members_list: () => memberList([memberRow(12, 'Özdemir, Şükrü')]),
      person_get: (args) => ({
        person: person(args.id as number),
        mandates: [],
        has_history: false,
      }),
      sessions_list: () => sessionEntries(),
      search: () => oezdemir(),
    });
    const app = new AppState();
    render(App, { props: { app } });
    const user = userEvent.setup();
    await user.click(screen.getByTestId('nav-organisations'));
    await waitFor(() => expect(app.screen).toBe('organisations'));

    await user.keyboard('{Control>}k{/Control}');
    await waitFor(() => expect(document.activeElement).toBe(input()));
    await user.type(input(), 'oezdemir');
    await screen.findByTestId('search-hit-person-12');
    await user.keyboard('{Enter}');

    const panel = await screen.findByTestId('person-panel');
    await waitFor(() =>
      expect(within(panel).getByRole('heading', { level: 2 }).textContent).toBe('Şükrü Özdemir'),
    );
    expect(app.screen).toBe('members');
  });
});
