import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import { recordIPC } from '../../test/ipc';
import { SessionsState, sessions } from './sessions.svelte';
import { entry } from './test-fixtures';

afterEach(() => {
  clearMocks();
  sessions.reset();
});

const ALL = [
  entry(3, { number: 38, first_day: '2026-09-21' }, { when: 'next' }),
  entry(4, { number: 39, first_day: '2027-03-15' }, { when: 'upcoming' }),
  entry(2, { number: 37, first_day: '2026-03-10' }, { when: 'past' }),
  entry(1, { number: 36, first_day: '2025-09-22' }, { when: 'past' }),
];

describe('SessionsState', () => {
  it('keeps the order of the core (next, upcoming, past) and knows the next session', async () => {
    const calls = recordIPC({ sessions_list: () => ALL });
    const list = new SessionsState();

    await list.load();

    expect(calls).toEqual([{ cmd: 'sessions_list', args: { year: null, status: null } }]);
    expect(list.rows.map((e) => e.session.number), 'never re-sorted in the UI').toEqual([
      38, 39, 37, 36,
    ]);
    expect(list.next?.session.number).toBe(38);
    expect(list.years, 'the years present, newest first').toEqual([2027, 2026, 2025]);
  });

  it('sends the year and the status of the filters, and keeps the known years', async () => {
    const calls = recordIPC({
      sessions_list: (args) => (args.year === 2026 ? ALL.slice(0, 1) : ALL),
    });
    const list = new SessionsState();
    await list.load();

    await list.setYear(2026);
    await list.setStatus('held');

    expect(calls.map((c) => c.args)).toEqual([
      { year: null, status: null },
      { year: 2026, status: null },
      { year: 2026, status: 'held' },
    ]);
    expect(list.years, 'a filtered answer must not take years away from the select').toEqual([
      2027, 2026, 2025,
    ]);
  });

  it('ignores an older answer that arrives after a newer one', async () => {
    const answers: ((rows: typeof ALL) => void)[] = [];
    recordIPC({ sessions_list: () => new Promise((resolve) => answers.push(resolve)) });
    const list = new SessionsState();

    const first = list.load();
    const second = list.setYear(2025);
    answers[1](ALL.slice(3));
    answers[0](ALL);
    await Promise.all([first, second]);

    expect(list.rows.map((e) => e.session.number)).toEqual([36]);
  });

  it('goes back to the first start on reset (the module-level state outlives its screen)', () => {
    sessions.filter.year = 2026;
    sessions.selected = 3;
    sessions.tab = 'attendance';
    sessions.reset();
    expect(sessions.filter).toEqual({ year: null, status: null });
    expect(sessions.selected).toBeNull();
    expect(sessions.tab).toBe('agenda');
    expect(sessions.loaded).toBe(false);
  });
});
