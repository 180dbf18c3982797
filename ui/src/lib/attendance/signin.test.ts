import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import { recordIPC } from '../../test/ipc';
import type { AttendanceRow } from '../api/types';
import { AttendanceState } from './attendance.svelte';
import { attendanceList, DAYS, people } from './fixtures';
import { SignInModel } from './signin.svelte';

afterEach(() => clearMocks());

async function model() {
  let rows = people();
  const calls = recordIPC({
    attendance_list: () => attendanceList(rows),
    attendance_set_present: (args) => {
      const { id, day, present } = args as { id: number; day: string; present: boolean };
      rows = rows.map((row): AttendanceRow => {
        if (row.id !== id) return row;
        const days = present ? [...row.days, day] : row.days.filter((d) => d !== day);
        return { ...row, days, status: present ? 'attended' : row.status };
      });
      return rows.find((row) => row.id === id);
    },
  });
  const attendance = new AttendanceState(7);
  await attendance.load();
  calls.length = 0;
  return { calls, attendance, signIn: new SignInModel(attendance, DAYS) };
}

const names = (rows: AttendanceRow[]) => rows.map((row) => row.name);

describe('SignInModel', () => {
  it('starts on the first day with everyone listed and nobody highlighted', async () => {
    const { signIn } = await model();
    expect(signIn.day).toBe(DAYS[0]);
    expect(signIn.matches).toHaveLength(4);
    expect(signIn.highlighted, 'Enter on an empty field must not tick anybody').toBeNull();
    expect([signIn.present, signIn.total]).toEqual([0, 4]);
  });

  it('narrows as letters are typed and highlights the first match', async () => {
    const { signIn } = await model();
    signIn.setFilter('suk');
    expect(names(signIn.matches)).toEqual(['Özdemir, Şükrü', 'Weiß, Sukran']);
    expect(signIn.highlighted?.name).toBe('Özdemir, Şükrü');
    signIn.setFilter('lukasz');
    expect(names(signIn.matches)).toEqual(['Kowalski, Łukasz']);
  });

  it('moves the highlight with the arrow keys and stays within the matches', async () => {
    const { signIn } = await model();
    signIn.setFilter('suk');
    expect(signIn.key('ArrowDown')).toBe(true);
    expect(signIn.highlighted?.name).toBe('Weiß, Sukran');
    signIn.key('ArrowDown');
    expect(signIn.highlighted?.name, 'the last match stays highlighted').toBe('Weiß, Sukran');
    signIn.key('ArrowUp');
    signIn.key('ArrowUp');
    expect(signIn.highlighted?.name).toBe('Özdemir, Şükrü');
    expect(signIn.key('a')).toBe(false);
  });

  it('ticks the highlighted person for the current day on Enter and clears the filter', async () => {
    const { calls, signIn } = await model();
    signIn.setFilter('sukru');
    await signIn.toggle(signIn.highlighted!);
    expect(calls[0]).toEqual({
      cmd: 'attendance_set_present',
      args: { id: 3, day: DAYS[0], present: true },
    });
    expect(signIn.filter).toBe('');
    expect(signIn.highlighted).toBeNull();
    expect(signIn.present).toBe(1);
  });

  it('unticks a person already ticked, and counts each day on its own', async () => {
    const { calls, signIn } = await model();
    const sukru = signIn.matches[2];
    await signIn.toggle(sukru);
    signIn.setDay(DAYS[1]);
    expect(signIn.present, 'ticked on the first day only').toBe(0);
    signIn.setDay(DAYS[0]);
    await signIn.toggle(signIn.matches[2]);
    const ticks = calls.filter((c) => c.cmd === 'attendance_set_present');
    expect(ticks.map((c) => c.args.present)).toEqual([true, false]);
    expect(signIn.present).toBe(0);
  });

  it('clears a typed filter on Escape, and lets Escape close the screen when empty', async () => {
    const { signIn } = await model();
    signIn.setFilter('mu');
    expect(signIn.key('Escape')).toBe(true);
    expect(signIn.filter).toBe('');
    expect(signIn.key('Escape')).toBe(false);
  });
});
