import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import { recordIPC } from '../../test/ipc';
import type { AttendanceRow } from '../api/types';
import { AttendanceState } from './attendance.svelte';
import { attendanceList, attendanceRow, DAYS, people } from './fixtures';

afterEach(() => clearMocks());

async function loaded(rows: AttendanceRow[], handlers: Parameters<typeof recordIPC>[0] = {}) {
  let stored = rows;
  const calls = recordIPC({
    attendance_list: () => attendanceList(stored),
    ...handlers,
  });
  const changed = vi.fn();
  const attendance = new AttendanceState(7, changed);
  await attendance.load();
  calls.length = 0;
  return { calls, attendance, changed, store: (next: AttendanceRow[]) => (stored = next) };
}

describe('AttendanceState', () => {
  it('sends the whole row with the one changed value, replaces it and reloads the counts', async () => {
    const rows = people();
    const saved = { ...rows[1], joins_dinner: true };
    const { calls, attendance, changed, store } = await loaded(rows, {
      attendance_update: () => saved,
    });
    store([rows[0], saved, rows[2], rows[3]]);

    expect(await attendance.update(rows[1], { joins_dinner: true })).toBe(true);

    expect(calls.map((c) => c.cmd)).toEqual(['attendance_update', 'attendance_list']);
    expect(calls[0].args).toEqual({
      id: 2,
      input: {
        status: 'invited',
        represented_by: null,
        joins_visit: false,
        joins_dinner: true,
        notes: '',
      },
    });
    expect(attendance.rows[1]).toEqual(saved);
    expect(attendance.counts?.dinner, 'the counts come from the reload').toBe(1);
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('drops the representative when the status is no longer "vertreten"', async () => {
    const row = attendanceRow(5, 'Weiß, Anna', { status: 'represented', represented_by: 101 });
    const { calls, attendance } = await loaded([row], {
      attendance_update: (args) => ({ ...row, ...(args.input as object) }),
    });
    await attendance.update(row, { status: 'excused' });
    expect(calls[0].args.input).toMatchObject({ status: 'excused', represented_by: null });
  });

  it('ticks a day by attendance id and tells the page only when asked to', async () => {
    const rows = people();
    const { calls, attendance, changed } = await loaded(rows, {
      attendance_set_present: () => ({ ...rows[2], status: 'attended', days: [DAYS[0]] }),
    });
    await attendance.setPresent(rows[2], DAYS[0], true, false);
    expect(calls[0]).toEqual({
      cmd: 'attendance_set_present',
      args: { id: 3, day: DAYS[0], present: true },
    });
    expect(attendance.rows[2].days).toEqual([DAYS[0]]);
    expect(changed).not.toHaveBeenCalled();
  });

  it('shows a refusal in German and puts the stored values back', async () => {
    const rows = people();
    const message = 'Die Teilnahme gibt es nicht mehr.';
    const { calls, attendance, changed } = await loaded(rows, {
      attendance_update: () => {
        throw { code: 'not_found', message, field: null };
      },
    });
    expect(await attendance.update(rows[0], { joins_visit: true })).toBe(false);
    expect(attendance.error?.message).toBe(message);
    expect(calls.map((c) => c.cmd)).toEqual(['attendance_update', 'attendance_list']);
    expect(changed).not.toHaveBeenCalled();
  });

  it('invites all members, reloads the list and says how many were added', async () => {
    const rows = people();
    const { calls, attendance, changed, store } = await loaded([], {
      attendance_invite_members: () => {
        store(rows);
        return 4;
      },
    });
    await attendance.inviteMembers();
    expect(calls.map((c) => c.cmd)).toEqual(['attendance_invite_members', 'attendance_list']);
    expect(calls[0].args).toEqual({ sessionId: 7 });
    expect(attendance.rows).toHaveLength(4);
    expect(attendance.notice?.title).toBe('4 Personen eingeladen');
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('counts the copied addresses and copies nothing when there are none', async () => {
    const { calls, attendance } = await loaded(people(), {
      attendance_email_list: () => 'a@jena.de; b@herten.de',
      'plugin:clipboard-manager|write_text': () => null,
    });
    await attendance.copyEmails();
    expect(attendance.notice?.title).toBe('2 Adressen in der Zwischenablage');
    expect(calls[1].args.text).toBe('a@jena.de; b@herten.de');
  });

  it('writes the XLSX only after a path was chosen', async () => {
    let path: string | null = null;
    const { calls, attendance } = await loaded(people(), {
      'plugin:dialog|save': () => path,
      attendance_export: () => 4,
    });
    await attendance.exportList();
    expect(calls.map((c) => c.cmd)).toEqual(['plugin:dialog|save']);
    path = '/tmp/Teilnahmeliste.xlsx';
    await attendance.exportList();
    expect(calls.at(-1)).toEqual({
      cmd: 'attendance_export',
      args: { sessionId: 7, path: '/tmp/Teilnahmeliste.xlsx' },
    });
    expect(attendance.notice?.title).toBe('Teilnahmeliste mit 4 Zeilen gespeichert');
  });
});
