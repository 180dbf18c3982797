import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import { AppState, appContext } from '../../lib/app/app.svelte';
import { sessions } from '../../lib/sessions/sessions.svelte';
import { detail, entry } from '../../lib/sessions/test-fixtures';
import { recordIPC, type Handler } from '../../test/ipc';
import SessionsView from '../views/SessionsView.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
  sessions.reset();
});

const ROWS = [
  entry(3, { number: 38, first_day: '2026-09-21', last_day: '2026-09-22' }, {
    when: 'next',
    invited: 31,
    expected: 24,
  }),
  entry(4, { number: 39, first_day: '2027-03-15', last_day: '2027-03-15', title: 'Bildung' }),
  entry(2, { number: 37, first_day: '2026-03-10', last_day: '2026-03-11', status: 'held' }, {
    when: 'past',
  }),
];

async function setup(handlers: Record<string, Handler> = {}) {
  const calls = recordIPC({ sessions_list: () => ROWS, ...handlers });
  render(SessionsView, { context: appContext(new AppState()) });
  await waitFor(() => expect(screen.getByTestId('sessions-row-38')).toBeTruthy());
  return calls;
}

const rowNumbers = () =>
  screen
    .getAllByRole('row')
    .map((row) => row.getAttribute('data-testid'))
    .filter((id): id is string => id?.startsWith('sessions-row-') ?? false);

describe('SessionsView', () => {
  it('lists the sessions in the core order, the next one marked, with term and counts', async () => {
    const calls = await setup();

    expect(calls[0]).toEqual({ cmd: 'sessions_list', args: { year: null, status: null } });
    expect(rowNumbers()).toEqual(['sessions-row-38', 'sessions-row-39', 'sessions-row-37']);
    const next = screen.getByTestId('sessions-row-38');
    expect(within(next).getByTestId('sessions-next').textContent).toBe('Nächste Sitzung');
    expect(next.textContent).toContain('21.–22.09.2026');
    expect(next.textContent).toContain('31 / 24');
    expect(next.textContent).toContain('geplant');
    expect(screen.getByTestId('sessions-row-39').textContent, 'one day').toContain('15.03.2027');
    expect(screen.getByTestId('sessions-row-37').textContent).toContain('durchgeführt');
    expect(screen.queryAllByTestId('sessions-next'), 'only one is next').toHaveLength(1);
    expect(screen.getByTestId('sessions-count').textContent).toContain('3 Sitzungen');
  });

  it('sends the chosen year and status to the core', async () => {
    const calls = await setup();
    const user = userEvent.setup();
    const years = [...(screen.getByTestId('sessions-year') as HTMLSelectElement).options].map(
      (o) => o.textContent,
    );
    expect(years).toEqual(['Alle Jahre', '2027', '2026']);

    await user.selectOptions(screen.getByTestId('sessions-year'), '2026');
    await user.selectOptions(screen.getByTestId('sessions-status'), 'durchgeführt');

    await waitFor(() => expect(calls).toHaveLength(3));
    expect(calls.map((c) => c.args)).toEqual([
      { year: null, status: null },
      { year: 2026, status: null },
      { year: 2026, status: 'held' },
    ]);
  });

  it('keeps the filter when the screen is left and shown again, without asking again', async () => {
    const calls = await setup();
    await userEvent.selectOptions(screen.getByTestId('sessions-status'), 'geplant');
    await waitFor(() => expect(calls).toHaveLength(2));
    cleanup();

    render(SessionsView, { context: appContext(new AppState()) });

    expect((screen.getByTestId('sessions-status') as HTMLSelectElement).selectedOptions[0].text).toBe(
      'geplant',
    );
    expect(calls, 'the list is already loaded').toHaveLength(2);
  });

  it('opens the session page with its form when a row is selected', async () => {
    const calls = await setup({ session_get: () => detail(3) });

    await userEvent.click(screen.getByTestId('sessions-row-38'));

    await waitFor(() => expect(screen.getByTestId('session-form')).toBeTruthy());
    expect(calls.find((c) => c.cmd === 'session_get')?.args).toEqual({ id: 3 });
    expect((screen.getByTestId('session-field-number') as HTMLInputElement).value).toBe('38');
    expect((screen.getByTestId('session-field-first_day') as HTMLInputElement).value).toBe(
      '21.09.2026',
    );
    expect(screen.getByTestId('sessions-row-38').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('session-tab-agenda').getAttribute('aria-selected')).toBe('true');
  });

  it('creates a new session and opens it', async () => {
    let created = false;
    const calls = await setup({
      session_create: () => {
        created = true;
        return detail(9).session;
      },
      session_get: () => detail(9),
      sessions_list: () => (created ? [...ROWS, entry(9, { number: 40 })] : ROWS),
    });
    const user = userEvent.setup();

    await user.click(screen.getByTestId('sessions-new'));
    expect(document.activeElement).toBe(screen.getByTestId('session-field-number'));
    await user.type(screen.getByTestId('session-field-number'), '40');
    await user.type(screen.getByTestId('session-field-title'), 'Religiöse Vielfalt');
    await user.type(screen.getByTestId('session-field-first_day'), '14.09.2027');
    await user.click(screen.getByTestId('session-save'));

    await waitFor(() => expect(screen.getByTestId('session-notice').textContent).toContain('Gespeichert.'));
    expect(calls.find((c) => c.cmd === 'session_create')?.args.input).toMatchObject({
      number: 40,
      title: 'Religiöse Vielfalt',
      first_day: '14.09.2027',
      last_day: '',
    });
    expect(sessions.selected).toBe(9);
  });
});
