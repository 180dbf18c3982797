// The keyboard model of the sign-in screen: after the meeting, tick from the printed sheet who
// signed on which day. Type a few letters of a name, the list narrows and the first match is
// highlighted; the arrow keys move the highlight; Enter ticks or unticks the highlighted person
// for the current day and clears the filter for the next name.

import type { AttendanceRow } from '../api/types';
import type { AttendanceState } from './attendance.svelte';
import { filterByName } from './names';

export class SignInModel {
  day = $state('');
  filter = $state('');
  /** Index into `matches`; -1 while nothing is highlighted (empty filter, no arrow key yet). */
  highlight = $state(-1);

  readonly #attendance: AttendanceState;

  readonly matches = $derived.by(() =>
    filterByName(this.#attendance.rows, this.filter, (row) => row.name),
  );
  readonly highlighted = $derived.by((): AttendanceRow | null => {
    if (this.highlight < 0 || this.matches.length === 0) return null;
    return this.matches[Math.min(this.highlight, this.matches.length - 1)] ?? null;
  });
  /** Ticked for the current day, counted from the rows so it follows every answer at once. */
  readonly present = $derived.by(
    () => this.#attendance.rows.filter((row) => row.days.includes(this.day)).length,
  );
  /** Everyone on the list: the people the screen shows. */
  readonly total = $derived.by(() => this.#attendance.rows.length);

  constructor(attendance: AttendanceState, days: readonly string[]) {
    this.#attendance = attendance;
    this.day = days[0] ?? '';
  }

  isPresent(row: AttendanceRow): boolean {
    return row.days.includes(this.day);
  }

  setDay(day: string): void {
    this.day = day;
  }

  setFilter(text: string): void {
    this.filter = text;
    this.highlight = text.trim() === '' ? -1 : 0;
  }

  /** Moves the highlight by `by` rows, staying within the matches. */
  move(by: number): void {
    const count = this.matches.length;
    if (count === 0) return;
    const from = this.highlight < 0 ? (by > 0 ? -1 : count) : Math.min(this.highlight, count - 1);
    this.highlight = Math.max(0, Math.min(count - 1, from + by));
  }

  /** Ticks or unticks `row` for the current day and clears the filter for the next name. */
  async toggle(row: AttendanceRow): Promise<boolean> {
    const present = !this.isPresent(row);
    this.setFilter('');
    return this.#attendance.setPresent(row, this.day, present, false);
  }

  /** A key pressed in the filter field; true when the model handled it. */
  key(key: string): boolean {
    if (key === 'ArrowDown' || key === 'ArrowUp') {
      this.move(key === 'ArrowDown' ? 1 : -1);
      return true;
    }
    if (key === 'Enter') {
      const row = this.highlighted;
      if (row) void this.toggle(row);
      return true;
    }
    if (key === 'Escape' && this.filter !== '') {
      this.setFilter('');
      return true;
    }
    return false;
  }
}
