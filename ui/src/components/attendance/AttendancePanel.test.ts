import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import { memberList, memberRow, recordIPC, type Handler } from '../../test/ipc';
import type { AttendanceRow } from '../../lib/api/types';
import { attendanceList, attendanceRow, DAYS, people } from '../../lib/attendance/fixtures';
import AttendancePanel from './AttendancePanel.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

/** Renders the panel over a fake store whose rows the handlers may change. */
async function setup(rows: AttendanceRow[], handlers: (store: { rows: AttendanceRow[] }) => Record<string, Handler> = () => ({})) {
  const store = { rows };
  const calls = recordIPC({
    attendance_list: () => attendanceList(store.rows, { registration_deadline: '2026-09-01' }),
    ...handlers(store),
  });
  const onchange = vi.fn();
  render(AttendancePanel, { props: { sessionId: 7, days: DAYS, onchange } });
  await waitFor(() => expect(calls.some((c) => c.cmd === 'attendance_list')).toBe(true));
  await waitFor(() => expect(screen.getByTestId(`attendance-count-day-${DAYS[0]}`)).toBeTruthy());
  calls.length = 0;
  return { calls, onchange, store, user: userEvent.setup() };
}

const replace = (store: { rows: AttendanceRow[] }, row: AttendanceRow) => {
  store.rows = store.rows.map((r) => (r.id === row.id ? row : r));
  return row;
};

describe('AttendancePanel', () => {
  it('shows the counts per day and status with German labels, and the deadline as TT.MM.JJJJ', async () => {
    await setup(people());
    expect(screen.getByTestId(`attendance-count-day-${DAYS[0]}`).textContent).toMatch(
      /Mo, 21\.09\.:\s*0 anwesend \/ 1 erwartet/,
    );
    expect(screen.getByTestId('attendance-count-status-invited').textContent).toContain('eingeladen: 3');
    expect(screen.getByTestId('attendance-count-status-registered').textContent).toContain('angemeldet: 1');
    expect(screen.getByTestId('attendance-count-status-represented').textContent).toContain('vertreten: 0');
    expect(screen.getByTestId('attendance-deadline').textContent).toContain('01.09.2026');
    expect(screen.getByTestId('attendance-row-103').textContent).toContain('Özdemir, Şükrü');
  });

  it('invites all members, then the list and the counts follow', async () => {
    const { calls, onchange, user } = await setup([], (store) => ({
      attendance_invite_members: () => {
        store.rows = people();
        return 4;
      },
    }));
    expect(screen.getByTestId('attendance-count-status-invited').textContent).toContain('eingeladen: 0');

    await user.click(screen.getByTestId('attendance-invite-members'));

    await waitFor(() => expect(screen.getByTestId('attendance-notice').textContent).toContain('4 Personen eingeladen'));
    expect(calls.map((c) => c.cmd)).toEqual(['attendance_invite_members', 'attendance_list']);
    expect(calls[0].args).toEqual({ sessionId: 7 });
    expect(screen.getByTestId('attendance-count-status-invited').textContent).toContain('eingeladen: 3');
    expect(screen.getAllByTestId(/^attendance-row-/)).toHaveLength(4);
    expect(onchange).toHaveBeenCalledTimes(1);
  });

  it('saves a status change at once with the whole row, and reloads the counts', async () => {
    const { calls, onchange, user } = await setup(people(), (store) => ({
      attendance_update: (args) => replace(store, { ...store.rows[1], ...(args.input as object) }),
    }));

    await user.selectOptions(screen.getByTestId('attendance-status-102'), 'angemeldet');

    await waitFor(() => expect(onchange).toHaveBeenCalledTimes(1));
    expect(calls.map((c) => c.cmd)).toEqual(['attendance_update', 'attendance_list']);
    expect(calls[0].args).toEqual({
      id: 2,
      input: { status: 'registered', represented_by: null, joins_visit: false, joins_dinner: false, notes: '' },
    });
    expect(screen.getByTestId('attendance-count-status-registered').textContent).toContain('angemeldet: 2');
    expect(screen.getByTestId(`attendance-count-day-${DAYS[0]}`).textContent).toContain('2 erwartet');
  });

  it('asks who represents a person before saving "vertreten"', async () => {
    const { calls, user } = await setup(people(), (store) => ({
      members_list: () => memberList([memberRow(102, 'Müller, Anna'), memberRow(200, 'Yılmaz, Deniz')]),
      attendance_update: (args) =>
        replace(store, { ...store.rows[1], ...(args.input as object), represented_by_name: 'Yılmaz, Deniz' }),
    }));

    await user.selectOptions(screen.getByTestId('attendance-status-102'), 'vertreten');
    const picker = screen.getByTestId('person-picker');
    await waitFor(() => expect(within(picker).getByTestId('person-picker-row-200')).toBeTruthy());
    expect(calls.some((c) => c.cmd === 'attendance_update'), 'nothing saved before the choice').toBe(false);
    expect(within(picker).getByTestId('person-picker-row-102').querySelector('input')!.disabled).toBe(true);
    await user.click(within(picker).getByLabelText(/Yılmaz, Deniz/));
    await user.click(screen.getByTestId('person-picker-confirm'));

    await waitFor(() => expect(screen.getByTestId('attendance-represented-102').textContent).toContain('vertreten durch Yılmaz, Deniz'));
    expect(calls.find((c) => c.cmd === 'attendance_update')?.args.input).toMatchObject({
      status: 'represented',
      represented_by: 200,
    });
  });

  it('ticks visit, dinner and presence per day', async () => {
    const { calls, user } = await setup(people(), (store) => ({
      attendance_update: (args) => replace(store, { ...store.rows[0], ...(args.input as object) }),
      attendance_set_present: (args) =>
        replace(store, { ...store.rows[0], status: 'attended', days: [args.day as string] }),
    }));
    await user.click(screen.getByTestId('attendance-dinner-101'));
    await waitFor(() => expect(screen.getByTestId('attendance-count-dinner').textContent).toContain('1'));
    await user.click(screen.getByTestId(`attendance-present-101-${DAYS[1]}`));
    await waitFor(() =>
      expect(screen.getByTestId(`attendance-count-day-${DAYS[1]}`).textContent).toContain('1 anwesend'),
    );
    expect(calls.find((c) => c.cmd === 'attendance_update')?.args.input).toMatchObject({ joins_dinner: true });
    expect(calls.find((c) => c.cmd === 'attendance_set_present')?.args).toEqual({ id: 1, day: DAYS[1], present: true });
  });

  it('adds several people found by a search', async () => {
    const { calls, user } = await setup(people(), (store) => ({
      members_list: (args) =>
        (args.filter as { text: string }).text === 'jena'
          ? memberList([memberRow(101, 'Kowalski, Łukasz'), memberRow(300, 'Adler, Hanna'), memberRow(301, 'Berg, Jan')])
          : memberList([]),
      attendance_invite: (args) => {
        const ids = args.personIds as number[];
        store.rows = [...store.rows, ...ids.map((id) => attendanceRow(id - 100, `Person ${id}`, { person_id: id }))];
        return ids.length;
      },
    }));
    await user.click(screen.getByTestId('attendance-invite-people'));
    await user.type(screen.getByTestId('person-picker-search'), 'jena');
    await waitFor(() => expect(screen.getByTestId('person-picker-row-301')).toBeTruthy());
    expect(screen.getByTestId('person-picker-row-101').textContent, 'already on the list').toContain('bereits eingeladen');
    expect(calls.filter((c) => c.cmd === 'members_list').at(-1)?.args.filter).toMatchObject({ text: 'jena', status: 'all' });
    await user.click(screen.getByLabelText(/Adler, Hanna/));
    await user.click(screen.getByLabelText(/Berg, Jan/));
    expect(screen.getByTestId('person-picker-confirm').textContent).toContain('2 Personen einladen');
    await user.click(screen.getByTestId('person-picker-confirm'));

    await waitFor(() => expect(screen.getByTestId('attendance-notice').textContent).toContain('2 Personen eingeladen'));
    expect(calls.find((c) => c.cmd === 'attendance_invite')?.args).toEqual({ sessionId: 7, personIds: [300, 301] });
    expect(screen.getAllByTestId(/^attendance-row-/)).toHaveLength(6);
  });

  it('copies the e-mail list and says how many addresses', async () => {
    const { calls, user } = await setup(people(), () => ({
      attendance_email_list: () => 'a@jena.de; b@herten.de; c@herten.de',
      'plugin:clipboard-manager|write_text': () => null,
    }));
    await user.click(screen.getByTestId('attendance-emails'));
    await waitFor(() => expect(screen.getByTestId('attendance-notice').textContent).toContain('3 Adressen in der Zwischenablage'));
    expect(calls.at(-1)?.args.text).toBe('a@jena.de; b@herten.de; c@herten.de');
  });

  it('shows a refused change with the German message', async () => {
    const message = 'Diese Sitzung ist abgesagt; die Teilnahme kann nicht mehr geändert werden.';
    const { user } = await setup(people(), () => ({
      attendance_update: () => {
        throw { code: 'conflict', message, field: null };
      },
    }));
    await user.click(screen.getByTestId('attendance-visit-101'));
    await waitFor(() => expect(screen.getByTestId('attendance-error').textContent).toContain(message));
    expect((screen.getByTestId('attendance-visit-101') as HTMLInputElement).checked, 'back to the stored value').toBe(false);
  });

  it('removes a row after asking once, or records a refusal instead', async () => {
    const { calls, user } = await setup(people(), (store) => ({
      attendance_remove: (args) => {
        store.rows = store.rows.filter((r) => r.id !== args.id);
        return null;
      },
      attendance_update: (args) =>
        replace(store, { ...store.rows.find((r) => r.id === args.id)!, ...(args.input as object) }),
    }));
    await user.click(screen.getByTestId('attendance-remove-102'));
    expect(screen.getByTestId('attendance-remove-dialog').textContent).toContain('Müller, Anna');
    await user.click(screen.getByTestId('confirm-ok'));
    await waitFor(() => expect(screen.queryByTestId('attendance-row-102')).toBeNull());
    expect(calls.map((c) => c.cmd)).toEqual(['attendance_remove', 'attendance_list']);

    await user.click(screen.getByTestId('attendance-remove-101'));
    await user.click(screen.getByTestId('confirm-alternative'));
    await waitFor(() =>
      expect((screen.getByTestId('attendance-status-101') as HTMLSelectElement).value).toBe('declined'),
    );
    expect(calls.find((c) => c.cmd === 'attendance_update')?.args.input).toMatchObject({ status: 'declined' });
    expect(screen.getByTestId('attendance-row-101'), 'a refusal keeps the row').toBeTruthy();
  });

  it('opens the sign-in screen, and "Fertig" tells the session page', async () => {
    const { onchange, user } = await setup(people());
    await user.click(screen.getByTestId('attendance-signin-open'));
    expect(screen.getByTestId('signin-screen').hasAttribute('open')).toBe(true);
    await user.click(screen.getByTestId('signin-done'));
    expect(onchange).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('signin-screen')).toBeNull();
  });
});

describe('attendance and letters components', () => {
  it('never render markup from data ({@html})', () => {
    for (const dir of ['.', '../letters']) {
      const folder = join(__dirname, dir);
      for (const file of readdirSync(folder).filter((f) => f.endsWith('.svelte'))) {
        expect(readFileSync(join(folder, file), 'utf8'), file).not.toContain('{@html');
      }
    }
  });
});
