// The sessions list: year and status filter, the entries as `sessions_list` orders them (the next
// session first, then the upcoming ones, then the past ones, newest first), which session the
// page shows and which of its tabs. One module-level instance, `sessions`, keeps all of it while
// the user is on other screens.

import * as api from '../api/api';
import { toUserError, type UserError } from '../api/errors';
import type { SessionEntry, SessionStatus } from '../api/types';
import type { Selection } from '../shared/list-state.svelte';
import { yearOf } from './labels';

export type SessionsFilter = { year: number | null; status: SessionStatus | null };

/** The tabs of the session page. */
export type SessionTab = 'agenda' | 'attendance' | 'letters';

export class SessionsState {
  filter = $state<SessionsFilter>({ year: null, status: null });
  rows = $state.raw<SessionEntry[]>([]);
  /** The years any session was seen in, newest first: the year filter's choices. */
  years = $state.raw<number[]>([]);
  loading = $state(false);
  loaded = $state(false);
  error = $state<UserError | null>(null);
  selected = $state<Selection>(null);
  tab = $state<SessionTab>('agenda');

  #request = 0;

  /** The entry of the next session, if the list shows it. */
  get next(): SessionEntry | undefined {
    return this.rows.find((entry) => entry.when === 'next');
  }

  /** Loads the entries for the filter; an older answer arriving late is ignored. */
  async load(): Promise<void> {
    const request = ++this.#request;
    const { year, status } = this.filter;
    this.loading = true;
    try {
      const rows = await api.sessionsList(year, status);
      if (request !== this.#request) return;
      this.rows = rows;
      this.#learnYears(rows, year === null && status === null);
      this.error = null;
      this.loaded = true;
    } catch (reason) {
      if (request !== this.#request) return;
      this.error = toUserError(reason);
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  setYear(year: number | null): Promise<void> {
    this.filter.year = year;
    return this.load();
  }

  setStatus(status: SessionStatus | null): Promise<void> {
    this.filter.status = status;
    return this.load();
  }

  /**
   * Shows another session (or a new one) once `confirmLeave` (the leave guard) agrees; true when
   * it is shown. Selecting what is already shown asks nothing.
   */
  async select(
    next: Selection,
    confirmLeave: () => Promise<boolean> = () => Promise.resolve(true),
  ): Promise<boolean> {
    if (next === this.selected) return true;
    if (!(await confirmLeave())) return false;
    this.selected = next;
    return true;
  }

  /** Back to the first start (for tests). */
  reset(): void {
    this.#request++;
    this.filter = { year: null, status: null };
    this.rows = [];
    this.years = [];
    this.loading = false;
    this.loaded = false;
    this.error = null;
    this.selected = null;
    this.tab = 'agenda';
  }

  // The unfiltered list knows every year; a filtered one only adds to what is known, so the
  // chosen year never disappears from its own select.
  #learnYears(rows: SessionEntry[], complete: boolean) {
    const years = complete ? [] : [...this.years];
    const learn = (year: number | null) => {
      if (year !== null && !years.includes(year)) years.push(year);
    };
    for (const entry of rows) learn(yearOf(entry.session.first_day));
    learn(this.filter.year);
    this.years = years.sort((a, b) => b - a);
  }
}

/** The sessions screen's state, kept while the user is on other screens. */
export const sessions = new SessionsState();
