import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import { recordIPC } from '../../test/ipc';
import { actionItem } from './fixtures';
import { defaultTaskFilter, TasksState } from './tasks.svelte';

afterEach(() => clearMocks());

describe('TasksState', () => {
  it('loads only open items by default and sends each filter change whole', async () => {
    const calls = recordIPC({ tasks_list: () => [actionItem(1)] });
    const tasks = new TasksState();
    await tasks.load();
    await tasks.setFilter('overdue_only', true);
    await tasks.setPerson({ id: 102, name: 'Müller, Anna' });
    await tasks.setFilter('organisation_id', 3);
    await tasks.setFilter('session_id', 7);
    expect(calls.map((c) => c.args.filter)).toEqual([
      defaultTaskFilter(),
      { ...defaultTaskFilter(), overdue_only: true },
      { ...defaultTaskFilter(), overdue_only: true, person_id: 102 },
      { ...defaultTaskFilter(), overdue_only: true, person_id: 102, organisation_id: 3 },
      { open_only: true, overdue_only: true, person_id: 102, organisation_id: 3, session_id: 7 },
    ]);
    expect(tasks.rows).toHaveLength(1);
  });

  it('marks an item done today and keeps its row with the answer', async () => {
    const calls = recordIPC({
      tasks_list: () => [actionItem(1), actionItem(2)],
      action_set_status: (args) => actionItem(args.id as number, { status: 'done', done_on: '2026-09-21' }),
    });
    const tasks = new TasksState();
    await tasks.load();
    expect(await tasks.markDone(tasks.rows[1])).toBe(true);
    expect(calls.at(-1)).toEqual({ cmd: 'action_set_status', args: { id: 2, status: 'done', doneOn: '' } });
    expect(tasks.rows.map((r) => r.status), 'the row stays until the next load').toEqual(['open', 'done']);
  });

  it('shows a refused status change', async () => {
    recordIPC({
      tasks_list: () => [actionItem(1)],
      action_set_status: () => {
        throw { code: 'not_found', message: 'Die Aufgabe gibt es nicht mehr.', field: null };
      },
    });
    const tasks = new TasksState();
    await tasks.load();
    expect(await tasks.setStatus(tasks.rows[0], 'dropped')).toBe(false);
    expect(tasks.failure?.message).toBe('Die Aufgabe gibt es nicht mehr.');
  });

  it('exports what the filter shows to the chosen file', async () => {
    const calls = recordIPC({
      tasks_list: () => [],
      'plugin:dialog|save': () => '/home/anna/Aufgaben.xlsx',
      tasks_export: () => 12,
    });
    const tasks = new TasksState();
    await tasks.setFilter('open_only', false);
    await tasks.exportXlsx();
    expect(calls.at(-1)).toEqual({
      cmd: 'tasks_export',
      args: { filter: { ...defaultTaskFilter(), open_only: false }, path: '/home/anna/Aufgaben.xlsx' },
    });
    expect(tasks.notice?.title).toBe('Aufgabenliste mit 12 Zeilen gespeichert');
  });
});
