import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import { AppState, appContext } from '../../lib/app/app.svelte';
import type { ActionItem, OrganisationRow } from '../../lib/api/types';
import { actionItem, minutesDetail, sessionEntries } from '../../lib/minutes/fixtures';
import { MinutesState } from '../../lib/minutes/minutes.svelte';
import { defaultTaskFilter, TasksState } from '../../lib/minutes/tasks.svelte';
import { memberList, memberRow, recordIPC, type Handler } from '../../test/ipc';
import MinutesView from '../views/MinutesView.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

const herten: OrganisationRow = {
  id: 3,
  name: 'Stadt Herten',
  kind: 'city',
  state: null,
  city: 'Herten',
  member_since: null,
  member_until: null,
  representatives: [],
};

function rows(): ActionItem[] {
  return [
    actionItem(1, { text: 'Handreichung verschicken', assignee: 'Müller, Anna', due_date: '2026-01-31', overdue: true, session_number: 37 }),
    actionItem(2, { text: 'Praxisbeispiel einreichen', assignee: 'Stadt Herten', due_date: '2026-12-31' }),
  ];
}

/** The screen on the "Offene Aufgaben" tab over a fake core. */
async function setup(handlers: Record<string, Handler> = {}) {
  const calls = recordIPC({
    sessions_list: () => sessionEntries(),
    minutes_get: () => minutesDetail(),
    tasks_list: () => rows(),
    ...handlers,
  });
  const minutes = new MinutesState();
  const tasks = new TasksState();
  const app = new AppState();
  app.organisationOptions = [herten];
  render(MinutesView, { props: { minutes, tasks }, context: appContext(app) });
  await waitFor(() => expect(minutes.detail).not.toBeNull());
  const user = userEvent.setup();
  await user.click(screen.getByTestId('minutes-tab-tasks'));
  await waitFor(() => expect(screen.getByTestId('tasks-row-1')).toBeTruthy());
  calls.length = 0;
  return { calls, tasks, user };
}

const filters = (calls: { cmd: string; args: Record<string, unknown> }[]) =>
  calls.filter((c) => c.cmd === 'tasks_list').map((c) => c.args.filter);

describe('Offene Aufgaben', () => {
  it('lists the items with who, due date (overdue in red), session and status', async () => {
    await setup();
    expect(screen.getByTestId('minutes-tab-tasks').getAttribute('aria-selected')).toBe('true');
    const row = screen.getByTestId('tasks-row-1');
    const cells = [...row.querySelectorAll('th, td')].map((c) => c.textContent?.replace(/\s+/g, ' ').trim());
    expect(cells.slice(0, 4)).toEqual(['Handreichung verschicken', 'Müller, Anna', '31.01.2026überfällig', '37.']);
    expect(row.querySelector('.zk-overdue')?.textContent).toContain('überfällig');
    expect(screen.getByTestId('tasks-row-2').querySelector('.zk-overdue')).toBeNull();
    expect((screen.getByTestId('tasks-status-1') as HTMLSelectElement).value).toBe('open');
    expect(screen.getByTestId('tasks-count').textContent).toContain('2 Aufgaben');
  });

  it('sends the whole filter on each change: open, overdue, person, organisation, session', async () => {
    const { calls, user } = await setup({
      members_list: () => memberList([memberRow(102, 'Müller, Anna')]),
    });
    await user.click(screen.getByTestId('tasks-filter-overdue'));
    await user.click(screen.getByTestId('tasks-filter-open'));
    await user.type(screen.getByTestId('tasks-filter-person-search'), 'müll');
    await user.click(await screen.findByTestId('tasks-filter-person-option-102'));
    await user.selectOptions(screen.getByTestId('tasks-filter-organisation'), 'Stadt Herten');
    await user.selectOptions(screen.getByTestId('tasks-filter-session'), '38. Sitzung');

    await waitFor(() => expect(filters(calls)).toHaveLength(5));
    expect(filters(calls)).toEqual([
      { ...defaultTaskFilter(), overdue_only: true },
      { ...defaultTaskFilter(), overdue_only: true, open_only: false },
      { open_only: false, overdue_only: true, person_id: 102, organisation_id: null, session_id: null },
      { open_only: false, overdue_only: true, person_id: 102, organisation_id: 3, session_id: null },
      { open_only: false, overdue_only: true, person_id: 102, organisation_id: 3, session_id: 7 },
    ]);
    expect(screen.getByTestId('tasks-filter-person-chosen').textContent).toBe('Müller, Anna');
    await user.click(screen.getByTestId('tasks-filter-person-clear'));
    await waitFor(() => expect(filters(calls).at(-1)).toMatchObject({ person_id: null }));
  });

  it('"Erledigt" saves the item as done today, and the status select saves its choice', async () => {
    const { calls, user } = await setup({
      action_set_status: (args) =>
        actionItem(args.id as number, { status: args.status as ActionItem['status'], done_on: args.status === 'done' ? '2026-09-21' : null }),
    });
    await user.click(screen.getByTestId('tasks-done-1'));
    await waitFor(() => expect((screen.getByTestId('tasks-status-1') as HTMLSelectElement).value).toBe('done'));
    expect(calls[0]).toEqual({ cmd: 'action_set_status', args: { id: 1, status: 'done', doneOn: '' } });
    expect(screen.getByTestId('tasks-row-1').textContent).toContain('am 21.09.2026');
    expect((screen.getByTestId('tasks-done-1') as HTMLButtonElement).disabled).toBe(true);

    await user.selectOptions(screen.getByTestId('tasks-status-2'), 'entfallen');
    await waitFor(() => expect(calls[1]).toEqual({ cmd: 'action_set_status', args: { id: 2, status: 'dropped', doneOn: '' } }));
  });

  it('shows a refused status change and the stored status again', async () => {
    const { user } = await setup({
      action_set_status: () => {
        throw { code: 'not_found', message: 'Die Aufgabe gibt es nicht mehr.', field: null };
      },
    });
    await user.selectOptions(screen.getByTestId('tasks-status-2'), 'entfallen');
    await waitFor(() => expect(screen.getByTestId('tasks-failure').textContent).toContain('gibt es nicht mehr'));
    expect((screen.getByTestId('tasks-status-2') as HTMLSelectElement).value).toBe('open');
  });

  it('exports what the filter shows as XLSX where the user chooses', async () => {
    const { calls, user } = await setup({
      'plugin:dialog|save': () => '/home/anna/Aufgaben.xlsx',
      tasks_export: () => 2,
    });
    await user.click(screen.getByTestId('tasks-export'));
    await waitFor(() => expect(screen.getByTestId('tasks-notice').textContent).toContain('2 Zeilen'));
    expect(calls.at(-1)).toEqual({ cmd: 'tasks_export', args: { filter: defaultTaskFilter(), path: '/home/anna/Aufgaben.xlsx' } });
  });
});
