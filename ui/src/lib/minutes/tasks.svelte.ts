// "Offene Aufgaben": the action items of all sessions, filtered (only open ones by default; only
// overdue ones; by person, organisation or session), by due date as the core sends them; marking
// one done or changing its status saves at once and puts the core's answer in its row (an item
// that no longer matches the filter stays until the next load, so it does not vanish under the
// pointer); and the XLSX export of what the filter shows.

import * as api from '../api/api';
import { toUserError, type UserError } from '../api/errors';
import type { ActionItem, ActionStatus, TaskFilter } from '../api/types';
import { countOf } from '../format';
import type { Notice } from '../transfer/notices.svelte';

export function defaultTaskFilter(): TaskFilter {
  return { open_only: true, overdue_only: false, person_id: null, organisation_id: null, session_id: null };
}

/** The person chosen in the filter, with the name shown for it. */
export type ChosenPerson = { id: number; name: string };

export class TasksState {
  filter = $state<TaskFilter>(defaultTaskFilter());
  person = $state<ChosenPerson | null>(null);
  rows = $state.raw<ActionItem[]>([]);
  loading = $state(false);
  loaded = $state(false);
  error = $state<UserError | null>(null);
  /** A refused status change. */
  failure = $state<UserError | null>(null);
  notice = $state<Notice | null>(null);
  busy = $state(false);

  #request = 0;

  /** Loads the items for the filter; an older answer arriving late is ignored. */
  async load(): Promise<void> {
    const request = ++this.#request;
    this.loading = true;
    try {
      const rows = await api.tasksList(this.#filter());
      if (request !== this.#request) return;
      this.rows = rows;
      this.error = null;
      this.loaded = true;
    } catch (reason) {
      if (request === this.#request) this.error = toUserError(reason);
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  /** Changes one part of the filter and loads again. */
  setFilter<K extends keyof TaskFilter>(key: K, value: TaskFilter[K]): Promise<void> {
    this.filter[key] = value;
    return this.load();
  }

  setPerson(person: ChosenPerson | null): Promise<void> {
    this.person = person;
    return this.setFilter('person_id', person?.id ?? null);
  }

  /** "Erledigt": done today. */
  markDone(item: ActionItem): Promise<boolean> {
    return this.setStatus(item, 'done');
  }

  async setStatus(item: ActionItem, status: ActionStatus): Promise<boolean> {
    try {
      const saved = await api.actionSetStatus(item.id, status, '');
      this.rows = this.rows.map((row) => (row.id === saved.id ? saved : row));
      this.failure = null;
      return true;
    } catch (reason) {
      this.failure = toUserError(reason);
      return false;
    }
  }

  /** "Als XLSX exportieren": asks for the file, then writes what the filter shows. */
  async exportXlsx(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.notice = null;
    try {
      const path = await api.chooseSavePath({
        title: 'Aufgaben speichern',
        defaultPath: 'Aufgaben.xlsx',
        filters: [{ name: 'Excel-Arbeitsmappe', extensions: ['xlsx'] }],
      });
      if (path === null) return;
      const rows = await api.tasksExport(this.#filter(), path);
      this.notice = {
        kind: 'success',
        title: `Aufgabenliste mit ${countOf(rows, 'Zeile', 'Zeilen')} gespeichert`,
        lines: [path],
      };
    } catch (reason) {
      this.notice = {
        kind: 'danger',
        title: 'Aufgabenliste nicht gespeichert',
        lines: [toUserError(reason).message],
      };
    } finally {
      this.busy = false;
    }
  }

  dismissNotice(): void {
    this.notice = null;
  }

  #filter(): TaskFilter {
    return $state.snapshot(this.filter) as TaskFilter;
  }
}

/** The open tasks view's state, kept while the user is on other screens. */
export const tasksScreen = new TasksState();
