// The empty states of the screens: "nothing yet" says what the screen is for and offers the first
// action; "no hit for this filter" offers "Filter zurücksetzen", which loads the default filter.

import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import { AppState, appContext } from '../../lib/app/app.svelte';
import type { AuditFilter, MemberFilter } from '../../lib/api/types';
import { auditPage, auditRow } from '../../lib/privacy/fixtures';
import { sessions } from '../../lib/sessions/sessions.svelte';
import { memberList, memberRow, recordIPC } from '../../test/ipc';
import AuditView from './AuditView.svelte';
import MembersView from './MembersView.svelte';
import SessionsView from './SessionsView.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
  sessions.reset();
});

describe('Mitglieder, empty', () => {
  it('on an empty store: says what the list is for, "Person anlegen" opens the form', async () => {
    recordIPC({ members_list: () => memberList([], 0) });
    const app = new AppState();
    render(MembersView, { context: appContext(app) });

    const empty = await screen.findByTestId('members-empty');
    expect(empty.dataset.empty).toBe('none');
    expect(empty.textContent).toContain('Noch keine Mitglieder');
    expect(empty.textContent).toContain('Hier führen Sie die Personen');
    expect(within(empty).queryByText('Filter zurücksetzen')).toBeNull();

    await userEvent.click(within(empty).getByTestId('members-empty-new'));
    await waitFor(() => expect(app.members.selected).toBe('new'));
  });

  it('on an empty store: "Mitglieder importieren" asks for a CSV/XLSX file', async () => {
    const calls = recordIPC({
      members_list: () => memberList([], 0),
      'plugin:dialog|open': () => null,
    });
    render(MembersView, { context: appContext(new AppState()) });

    await userEvent.click(await screen.findByTestId('members-empty-import'));
    await waitFor(() => expect(calls.some((c) => c.cmd === 'plugin:dialog|open')).toBe(true));
    const options = calls.find((c) => c.cmd === 'plugin:dialog|open')?.args.options as {
      filters: { extensions: string[] }[];
    };
    expect(options.filters.flatMap((f) => f.extensions)).toEqual(
      expect.arrayContaining(['csv', 'xlsx']),
    );
  });

  it('with people but no hit: "Filter zurücksetzen" loads the default filter', async () => {
    const calls = recordIPC({
      members_list: (args) => {
        const filter = args.filter as MemberFilter;
        return filter.text === ''
          ? memberList([memberRow(1, 'Weiß, Anna')], 1)
          : memberList([], 1);
      },
    });
    const app = new AppState();
    app.members.filter.text = 'Zzz';
    render(MembersView, { context: appContext(app) });

    const empty = await screen.findByTestId('members-empty');
    expect(empty.dataset.empty).toBe('filtered');
    expect(empty.textContent).toContain('Keine Person gefunden');
    expect(screen.queryByTestId('members-empty-new'), 'no "nothing yet" offer').toBeNull();

    await userEvent.click(within(empty).getByTestId('members-empty-reset'));
    await waitFor(() => expect(screen.getAllByTestId('member-row')).toHaveLength(1));
    const last = calls.filter((c) => c.cmd === 'members_list').at(-1);
    expect((last?.args.filter as MemberFilter).text).toBe('');
    expect(screen.queryByTestId('members-empty')).toBeNull();
  });
});

describe('Sitzungen, empty', () => {
  it('without sessions: offers "Sitzung anlegen", which opens a new session', async () => {
    recordIPC({ sessions_list: () => [] });
    render(SessionsView, { context: appContext(new AppState()) });

    const empty = await screen.findByTestId('sessions-empty');
    expect(empty.dataset.empty).toBe('none');
    expect(empty.textContent).toContain('Noch keine Sitzungen');
    await userEvent.click(within(empty).getByTestId('sessions-empty-new'));
    await waitFor(() => expect(sessions.selected).toBe('new'));
  });

  it('with a year filter and no hit: "Filter zurücksetzen" asks for all sessions again', async () => {
    const calls = recordIPC({ sessions_list: () => [] });
    sessions.filter = { year: 2031, status: null };
    render(SessionsView, { context: appContext(new AppState()) });

    const empty = await screen.findByTestId('sessions-empty');
    expect(empty.dataset.empty).toBe('filtered');
    await userEvent.click(within(empty).getByTestId('sessions-empty-reset'));
    await waitFor(() =>
      expect(calls.at(-1)).toEqual({ cmd: 'sessions_list', args: { year: null, status: null } }),
    );
  });
});

describe('Änderungsprotokoll, empty', () => {
  it('tells "no entries yet" from "no entry for this filter", and resets the filter', async () => {
    const calls = recordIPC({
      audit_log: (args) => {
        const filter = args.filter as AuditFilter;
        return filter.user === null ? auditPage([auditRow(1)], 1) : auditPage([], 0);
      },
    });
    const app = new AppState();
    app.audit.input.user = 'niemand';
    render(AuditView, { context: appContext(app) });

    const empty = await screen.findByTestId('audit-empty');
    expect(empty.dataset.empty).toBe('filtered');
    await userEvent.click(within(empty).getByTestId('audit-empty-reset'));
    await waitFor(() => expect(screen.getAllByTestId('audit-row')).toHaveLength(1));
    expect((calls.at(-1)?.args.filter as AuditFilter).user).toBeNull();
  });

  it('on a fresh store says what the log is for', async () => {
    recordIPC({ audit_log: () => auditPage([], 0) });
    render(AuditView, { context: appContext(new AppState()) });
    const empty = await screen.findByTestId('audit-empty');
    expect(empty.dataset.empty).toBe('none');
    expect(empty.textContent).toContain('wer wann was geändert hat');
  });
});
