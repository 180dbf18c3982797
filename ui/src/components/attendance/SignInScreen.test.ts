import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import { recordIPC } from '../../test/ipc';
import type { AttendanceRow } from '../../lib/api/types';
import { AttendanceState } from '../../lib/attendance/attendance.svelte';
import { attendanceList, DAYS, people } from '../../lib/attendance/fixtures';
import SignInScreen from './SignInScreen.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

/** The sign-in screen over a fake store that ticks as the core does. */
async function setup() {
  let rows = people();
  const calls = recordIPC({
    attendance_list: () => attendanceList(rows),
    attendance_set_present: (args) => {
      const { id, day, present } = args as { id: number; day: string; present: boolean };
      rows = rows.map((row): AttendanceRow => {
        if (row.id !== id) return row;
        const days = present ? [...row.days, day] : row.days.filter((d) => d !== day);
        return { ...row, days, status: 'attended' };
      });
      return rows.find((row) => row.id === id);
    },
  });
  const attendance = new AttendanceState(7);
  await attendance.load();
  calls.length = 0;
  const ondone = vi.fn();
  render(SignInScreen, { props: { open: true, attendance, days: DAYS, ondone } });
  const filter = screen.getByTestId('signin-filter') as HTMLInputElement;
  await waitFor(() => expect(document.activeElement, 'typing starts at once').toBe(filter));
  return { calls, ondone, filter, user: userEvent.setup() };
}

const ticks = (calls: { cmd: string; args: Record<string, unknown> }[]) =>
  calls.filter((c) => c.cmd === 'attendance_set_present').map((c) => c.args);

describe('SignInScreen', () => {
  it('ticks "Şükrü" for the day after typing "sukru" and Enter, and the count follows', async () => {
    const { calls, filter, user } = await setup();
    expect(screen.getByTestId('signin-count').textContent).toContain('0 von 4 anwesend');

    await user.type(filter, 'sukru');
    expect(screen.getAllByTestId(/^signin-row-/).map((row) => row.dataset.testid)).toEqual(['signin-row-103']);
    expect(screen.getByTestId('signin-row-103').getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{Enter}');

    await waitFor(() => expect(screen.getByTestId('signin-count').textContent).toContain('1 von 4 anwesend'));
    expect(ticks(calls)).toEqual([{ id: 3, day: DAYS[0], present: true }]);
    expect(screen.getByTestId('signin-row-103').getAttribute('aria-checked')).toBe('true');
    expect(filter.value, 'cleared for the next name').toBe('');
    expect(document.activeElement).toBe(filter);
  });

  it('finds "Łukasz" by "lukasz"', async () => {
    const { calls, filter, user } = await setup();
    await user.type(filter, 'lukasz{Enter}');
    await waitFor(() => expect(ticks(calls)).toEqual([{ id: 1, day: DAYS[0], present: true }]));
  });

  it('moves the highlight with the arrow keys and ticks the highlighted person', async () => {
    const { calls, filter, user } = await setup();
    await user.type(filter, 'suk');
    const highlighted = () =>
      screen.getAllByTestId(/^signin-row-/).filter((row) => row.getAttribute('aria-selected') === 'true').map((row) => row.dataset.testid);
    expect(highlighted()).toEqual(['signin-row-103']);
    await user.keyboard('{ArrowDown}');
    expect(highlighted()).toEqual(['signin-row-104']);
    expect(filter.getAttribute('aria-activedescendant')).toBe('signin-option-4');
    await user.keyboard('{ArrowUp}');
    expect(highlighted()).toEqual(['signin-row-103']);
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(ticks(calls)).toEqual([{ id: 4, day: DAYS[0], present: true }]));
  });

  it('ticks for the chosen day, unticks on a second click, and counts each day', async () => {
    const { calls, user } = await setup();
    await user.click(screen.getByTestId(`signin-day-${DAYS[1]}`));
    await user.click(screen.getByTestId('signin-row-102'));
    await waitFor(() => expect(screen.getByTestId('signin-count').textContent).toContain('1 von 4 anwesend'));
    await user.click(screen.getByTestId(`signin-day-${DAYS[0]}`));
    expect(screen.getByTestId('signin-count').textContent).toContain('0 von 4 anwesend');
    expect(screen.getByTestId('signin-row-102').getAttribute('aria-checked')).toBe('false');
    await user.click(screen.getByTestId(`signin-day-${DAYS[1]}`));
    await user.click(screen.getByTestId('signin-row-102'));
    await waitFor(() => expect(screen.getByTestId('signin-count').textContent).toContain('0 von 4 anwesend'));
    expect(ticks(calls)).toEqual([
      { id: 2, day: DAYS[1], present: true },
      { id: 2, day: DAYS[1], present: false },
    ]);
  });

  it('closes with "Fertig"', async () => {
    const { ondone, user } = await setup();
    await user.click(screen.getByTestId('signin-done'));
    expect(ondone).toHaveBeenCalledTimes(1);
  });
});
