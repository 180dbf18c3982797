// The attendance list of one session as the panel and the sign-in screen show it: its rows, the
// live counts, the registration deadline, and every change saved at once. A change replaces its
// row from the core's answer and then reloads the counts; an invitation reloads everything.

import * as api from '../api/api';
import type { UserError } from '../api/errors';
import type {
  AttendanceCounts,
  AttendanceInput,
  AttendanceList,
  AttendanceRow,
} from '../api/types';
import { countOf } from '../format';
import type { Notice } from '../transfer/notices.svelte';

/** What a row sends back when one of its values changes. */
export function attendanceInput(row: AttendanceRow): AttendanceInput {
  return {
    status: row.status,
    represented_by: row.represented_by,
    joins_visit: row.joins_visit,
    joins_dinner: row.joins_dinner,
    notes: row.notes ?? '',
  };
}

export class AttendanceState {
  readonly sessionId: number;
  /** Raw: rows are replaced whole, from the core's answers. */
  rows = $state.raw<AttendanceRow[]>([]);
  counts = $state.raw<AttendanceCounts | null>(null);
  deadline = $state<string | null>(null);
  loaded = $state(false);
  busy = $state(false);
  /** A refused load or change, shown with its German message. */
  error = $state<UserError | null>(null);
  /** The outcome of the last action (invited, copied, exported). */
  notice = $state<Notice | null>(null);

  readonly #changed: () => void;
  #countsRequest = 0;

  /** `changed` runs after every saved change (the session page refreshes its figures). */
  constructor(sessionId: number, changed: () => void = () => {}) {
    this.sessionId = sessionId;
    this.#changed = changed;
  }

  /** Person ids on the list, to mark who is already invited. */
  get personIds(): ReadonlySet<number> {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a fresh snapshot per read, never mutated
    return new Set(this.rows.map((row) => row.person_id));
  }

  async load(): Promise<void> {
    try {
      this.#received(await api.attendanceList(this.sessionId));
      this.error = null;
    } catch (reason) {
      this.error = api.toUserError(reason);
    }
  }

  /** "Alle Mitglieder einladen": current members and partners as of the first day. */
  async inviteMembers(): Promise<void> {
    await this.#action('Einladung nicht möglich', async () => {
      const added = await api.attendanceInviteMembers(this.sessionId);
      await this.#afterInvite(added);
    });
  }

  /** "Personen hinzufügen": the chosen people. */
  async invite(personIds: number[]): Promise<boolean> {
    if (personIds.length === 0) return true;
    return this.#action('Einladung nicht möglich', async () => {
      const added = await api.attendanceInvite(this.sessionId, personIds);
      await this.#afterInvite(added);
    });
  }

  /** Saves one changed value of a row (status, represented by, visit, dinner). */
  async update(row: AttendanceRow, change: Partial<AttendanceInput>): Promise<boolean> {
    const input = { ...attendanceInput(row), ...change };
    if (input.status !== 'represented') input.represented_by = null;
    return this.#change(() => api.attendanceUpdate(row.id, input));
  }

  /**
   * Ticks or unticks one day. `notify` false leaves telling the session page to the caller (the
   * sign-in screen does once, when it closes).
   */
  async setPresent(row: AttendanceRow, day: string, present: boolean, notify = true) {
    return this.#change(() => api.attendanceSetPresent(row.id, day, present), notify);
  }

  async remove(row: AttendanceRow): Promise<boolean> {
    return this.#action('Nicht entfernt', async () => {
      await api.attendanceRemove(row.id);
      this.rows = this.rows.filter((r) => r.id !== row.id);
      await this.#reloadCounts();
      this.#changed();
    });
  }

  /** "E-Mail-Liste kopieren": everyone on the list who has not declined, for a BCC field. */
  async copyEmails(): Promise<void> {
    await this.#action('E-Mail-Liste nicht kopiert', async () => {
      const list = await api.attendanceEmailList(this.sessionId);
      const count = list.split(';').filter((address) => address.trim() !== '').length;
      if (count === 0) {
        this.notice = { kind: 'info', title: 'Keine E-Mail-Adressen auf der Liste', lines: [] };
        return;
      }
      await api.copyText(list);
      this.notice = {
        kind: 'success',
        title: `${countOf(count, 'Adresse', 'Adressen')} in der Zwischenablage`,
        lines: ['Durch Semikolon getrennt, für das BCC-Feld.'],
      };
    });
  }

  /** "Teilnahmeliste (XLSX)": asks for the file, then writes it. */
  async exportList(): Promise<void> {
    await this.#action('Teilnahmeliste nicht gespeichert', async () => {
      const path = await api.chooseSavePath({
        title: 'Teilnahmeliste speichern',
        defaultPath: 'Teilnahmeliste.xlsx',
        filters: [{ name: 'Excel-Arbeitsmappe', extensions: ['xlsx'] }],
      });
      if (path === null) return;
      const rows = await api.attendanceExport(this.sessionId, path);
      this.notice = {
        kind: 'success',
        title: `Teilnahmeliste mit ${countOf(rows, 'Zeile', 'Zeilen')} gespeichert`,
        lines: [path],
      };
    });
  }

  dismissNotice(): void {
    this.notice = null;
  }

  #received(list: AttendanceList): void {
    this.rows = list.rows;
    this.counts = list.counts;
    this.deadline = list.registration_deadline;
    this.loaded = true;
  }

  async #afterInvite(added: number): Promise<void> {
    this.#received(await api.attendanceList(this.sessionId));
    this.notice = {
      kind: added > 0 ? 'success' : 'info',
      title: `${countOf(added, 'Person', 'Personen')} eingeladen`,
      lines: added > 0 ? [] : ['Alle sind bereits auf der Liste.'],
    };
    this.#changed();
  }

  /** Only the newest reload sets the counts, so quick ticks never show older figures. */
  async #reloadCounts(): Promise<void> {
    const request = ++this.#countsRequest;
    const list = await api.attendanceList(this.sessionId);
    if (request !== this.#countsRequest) return;
    this.counts = list.counts;
    this.deadline = list.registration_deadline;
  }

  async #change(save: () => Promise<AttendanceRow>, notify = true): Promise<boolean> {
    try {
      const saved = await save();
      this.rows = this.rows.map((row) => (row.id === saved.id ? saved : row));
      this.error = null;
      await this.#reloadCounts();
      if (notify) this.#changed();
      return true;
    } catch (reason) {
      const error = api.toUserError(reason);
      // The controls show the stored values again, not the refused ones.
      await this.load();
      this.error = error;
      return false;
    }
  }

  async #action(failure: string, run: () => Promise<void>): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.notice = null;
    try {
      await run();
      this.error = null;
      return true;
    } catch (reason) {
      this.notice = { kind: 'danger', title: failure, lines: [api.toUserError(reason).message] };
      return false;
    } finally {
      this.busy = false;
    }
  }
}
