import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import { AppState, appContext } from '../../lib/app/app.svelte';
import { minutesScreen } from '../../lib/minutes/minutes.svelte';
import { overview } from '../../lib/overview/fixtures';
import { sessions } from '../../lib/sessions/sessions.svelte';
import { recordIPC, storeInfo, type Handler } from '../../test/ipc';
import OverviewView from '../views/OverviewView.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
  sessions.reset();
  minutesScreen.tab = 'minutes';
});

async function setup(handlers: Record<string, Handler> = {}) {
  const calls = recordIPC({ overview_get: () => overview(), ...handlers });
  const app = new AppState();
  app.screen = 'overview';
  app.info = storeInfo({ people: 120, organisations: 57 });
  render(OverviewView, { context: appContext(app) });
  return { app, calls };
}

/** The text as shown: runs of white space are one space. */
const text = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim();

const loaded = () => waitFor(() => screen.getByTestId('overview-next-session'));

describe('OverviewView', () => {
  it('loads the figures when shown and says so while loading', async () => {
    const { calls } = await setup();
    expect(screen.getByTestId('overview-loading').textContent).toContain('wird geladen');
    await loaded();
    expect(calls.map((c) => c.cmd)).toEqual(['overview_get']);
    expect(screen.queryByTestId('overview-loading')).toBeNull();
    // The old facts stay at the bottom.
    expect(screen.getByTestId('overview-people').textContent).toContain('120');
    expect(screen.getByTestId('overview-path').textContent).toContain('zirkel.sqlite3');
  });

  it('shows a refusal in German instead of the figures', async () => {
    await setup({
      overview_get: () => {
        throw { code: 'locked', message: 'Die Datenbank ist gerade gesperrt.' };
      },
    });
    const alert = await waitFor(() => screen.getByTestId('overview-error'));
    expect(alert.textContent).toContain('Übersicht nicht geladen');
    expect(alert.textContent).toContain('Die Datenbank ist gerade gesperrt.');
    expect(screen.queryByTestId('overview-loading')).toBeNull();
  });

  it('shows the next session with its days, deadline and invitation replies', async () => {
    const { app } = await setup();
    const card = await loaded();
    const text = card.textContent ?? '';
    expect(text).toContain('40. Sitzung');
    expect(text).toContain('Frühjahrssitzung');
    expect(text).toContain('19.03.2026 – 20.03.2026');
    expect(text).toContain('in 12 Tagen');
    expect(text).toContain('Rathaus Jena');
    expect(text).toContain('01.03.2026');
    expect(screen.getByTestId('next-session-invited').textContent).toContain('48');
    expect(screen.getByTestId('next-session-registered').textContent).toMatch(/31\s+angemeldet/);
    expect(screen.getByTestId('next-session-declined').textContent).toMatch(/5\s+abgesagt/);
    expect(screen.getByTestId('next-session-no_reply').textContent).toMatch(/12\s+ohne Antwort/);

    await userEvent.click(screen.getByTestId('next-session-open'));
    await waitFor(() => expect(app.screen).toBe('sessions'));
    expect(sessions.selected, 'the session page opens on that session').toBe(40);
  });

  it('says when no session is planned', async () => {
    await setup({ overview_get: () => overview({ next_session: null }) });
    const card = await loaded();
    expect(card.textContent).toContain('Keine Sitzung geplant.');
  });

  it('lists the overdue action items with who, when and from which session', async () => {
    const { app } = await setup();
    await loaded();
    expect(screen.getByTestId('overview-open-count').textContent).toBe('9');
    expect(screen.getByTestId('overview-overdue-count').textContent).toBe('2');
    const list = screen.getByTestId('overview-overdue');
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0].textContent).toContain('Handreichung Einbürgerung an alle Mitglieder senden');
    expect(items[0].textContent).toContain('Anna Weiß');
    expect(items[0].textContent).toContain('fällig 30.11.2025');
    expect(items[0].textContent).toContain('39. Sitzung');
    expect(items[1].textContent, 'nobody assigned is said so').toContain('niemand zugeordnet');

    await userEvent.click(screen.getByTestId('overview-tasks-link'));
    await waitFor(() => expect(app.screen).toBe('minutes'));
    expect(minutesScreen.tab, 'the Protokolle screen opens on its open tasks').toBe('tasks');
  });

  it('lists the recent changes; existing ones open on their screen, deleted ones not', async () => {
    const { app } = await setup();
    await loaded();
    const recent = screen.getByTestId('overview-recent');
    expect(within(recent).getAllByRole('listitem')).toHaveLength(3);
    const person = screen.getByTestId('recent-person-7');
    expect(person.textContent).toContain('Özdemir, Şükrü');
    expect(person.textContent).toContain('geändert am 05.03.2026 14:05 von anna');
    const gone = screen.getByTestId('recent-organisation-3');
    expect(gone.textContent).toContain('gelöscht');
    expect(within(gone).queryByRole('link'), 'a deleted record cannot be opened').toBeNull();

    await userEvent.click(screen.getByTestId('recent-open-practice_example-12'));
    await waitFor(() => expect(app.screen).toBe('practice_examples'));
    expect(app.practiceExamples.selected).toBe(12);

    await userEvent.click(screen.getByTestId('recent-open-person-7'));
    await waitFor(() => expect(app.screen).toBe('members'));
    expect(app.members.selected).toBe(7);
  });

  it('puts one named dot per organisation on the map; a click opens the organisation', async () => {
    const { app } = await setup();
    await loaded();
    const map = screen.getByTestId('overview-map');
    const dots = map.querySelectorAll('[data-testid^="map-point-"]');
    expect(dots).toHaveLength(3);
    const jena = screen.getByTestId('map-point-1');
    expect(jena.getAttribute('aria-label')).toBe('Stadt Jena');
    expect(jena.getAttribute('href'), 'a link: reachable with Tab, opened with Enter').toBeTruthy();
    expect(jena.querySelector('title')?.textContent).toContain('Stadt Jena');
    expect(jena.querySelector('title')?.textContent).toContain('Jena, Thüringen');
    const district = screen.getByTestId('map-point-2');
    const radius = (dot: Element) => Number(dot.querySelector('circle')?.getAttribute('r'));
    expect(radius(jena), 'cities are drawn larger').toBeGreaterThan(radius(district));
    expect(map.querySelectorAll('path')).toHaveLength(16);
    expect(text(screen.getByTestId('overview-map-missing'))).toBe(
      '4 Organisationen ohne Koordinaten',
    );
    expect(document.body.textContent).toContain('Karte: © GeoBasis-DE / BKG (2017)');

    await userEvent.click(district);
    await waitFor(() => expect(app.screen).toBe('organisations'));
    expect(app.organisations.selected).toBe(2);
  });

  it('opens an organisation from the map with the keyboard', async () => {
    const { app } = await setup();
    await loaded();
    const herten = screen.getByTestId('map-point-3');
    herten.focus();
    expect(document.activeElement, 'a dot takes the focus').toBe(herten);
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(app.screen).toBe('organisations'));
    expect(app.organisations.selected).toBe(3);
  });

  it('draws one bar per held session and offers the numbers as a table', async () => {
    await setup();
    await loaded();
    const chart = screen.getByTestId('overview-attendance-chart');
    expect(chart.querySelectorAll('[data-testid^="attendance-bar-"]')).toHaveLength(3);
    expect(chart.getAttribute('role')).toBe('img');
    expect(chart.textContent).toContain('25.09.2025');
    const table = screen.getByTestId('overview-attendance-table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    const cells = (row: HTMLElement) => [...row.querySelectorAll('th, td')].map(text);
    expect(rows.map((row) => cells(row).join(' '))).toEqual([
      '37. Sitzung 26.09.2024 38 46',
      '38. Sitzung 20.03.2025 41 47',
      '39. Sitzung 25.09.2025 35 48',
    ]);
  });
});
