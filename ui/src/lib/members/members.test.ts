import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import { memberList, memberRow, recordIPC } from '../../test/ipc';
import { SEARCH_DEBOUNCE_MS } from '../shared/list-state.svelte';
import { defaultMemberFilter, MembersState } from './members.svelte';

afterEach(() => {
  clearMocks();
  vi.useRealTimers();
});

describe('MembersState', () => {
  it('sends the whole filter to members_list and keeps rows and counts', async () => {
    const calls = recordIPC({
      members_list: () => memberList([memberRow(1, 'Özdemir, Şükrü')], 12),
    });
    const members = new MembersState();
    members.filter.role = 'deputy';
    members.filter.as_of = '01.01.2020';
    await members.load();

    expect(calls).toEqual([
      {
        cmd: 'members_list',
        args: { filter: { ...defaultMemberFilter(), role: 'deputy', as_of: '01.01.2020' } },
      },
    ]);
    expect(members.rows.map((r) => r.name)).toEqual(['Özdemir, Şükrü']);
    expect(members.total).toBe(12);
    expect(members.asOf).toBe('2025-09-21');
    expect(members.loading).toBe(false);
    expect(members.error).toBeNull();
  });

  it('sorts by a new column ascending and flips the direction on the same column', async () => {
    const calls = recordIPC({ members_list: () => memberList([]) });
    const members = new MembersState();

    await members.toggleSort('organisation');
    await members.toggleSort('organisation');
    await members.toggleSort('since');

    const sorts = calls.map((c) => {
      const filter = c.args.filter as { sort: string; direction: string };
      return `${filter.sort} ${filter.direction}`;
    });
    expect(sorts).toEqual(['organisation ascending', 'organisation descending', 'since ascending']);
  });

  it('keeps the old rows and reports the German error when the core refuses', async () => {
    let fail = false;
    recordIPC({
      members_list: () => {
        if (fail) {
          throw {
            code: 'validation',
            field: 'as_of',
            message: 'Stichtag: „31.02.2025“ ist kein gültiges Datum. Bitte als TT.MM.JJJJ angeben.',
          };
        }
        return memberList([memberRow(1, 'Weiß, Anna')]);
      },
    });
    const members = new MembersState();
    await members.load();
    fail = true;
    await members.setFilter('as_of', '31.02.2025');

    expect(members.error?.code).toBe('validation');
    expect(members.asOfError).toMatch(/^Stichtag: /);
    expect(members.rows).toHaveLength(1);
    expect(members.loading).toBe(false);
  });

  it('ignores an answer that arrives after a newer request', async () => {
    const answers: ((list: unknown) => void)[] = [];
    recordIPC({ members_list: () => new Promise((resolve) => answers.push(resolve)) });
    const members = new MembersState();

    const first = members.load();
    const second = members.setFilter('status', 'all');
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    answers[1](memberList([memberRow(2, 'Neu, Nora')]));
    await second;
    answers[0](memberList([memberRow(1, 'Alt, Otto')]));
    await first;

    expect(members.rows.map((r) => r.name)).toEqual(['Neu, Nora']);
  });

  it('debounces search as you type into one request with the last text', async () => {
    vi.useFakeTimers();
    const calls = recordIPC({ members_list: () => memberList([]) });
    const members = new MembersState();

    members.search('Ö');
    members.search('Öz');
    members.search('Özd');
    expect(members.filter.text).toBe('Özd');
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS + 10);

    expect(calls).toHaveLength(1);
    expect((calls[0].args.filter as { text: string }).text).toBe('Özd');
  });

  it('resets the filters but keeps the sort', async () => {
    recordIPC({ members_list: () => memberList([]) });
    const members = new MembersState();
    await members.toggleSort('email');
    members.filter.state = 'Bayern';
    await members.resetFilter();
    expect(members.filter).toEqual({ ...defaultMemberFilter(), sort: 'email' });
  });
});
