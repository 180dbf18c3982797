// The audit log screen "Änderungsprotokoll": filters (user, area, action, from, until), one page
// of entries, newest first, and paging by 100 (docs/privacy-contract.md). Dates are typed as
// TT.MM.JJJJ and sent as ISO days; a date that is no day is shown at its field and not sent.

import * as api from '../api/api';
import type { UserError } from '../api/errors';
import type { AuditFilter, AuditRow } from '../api/types';
import { germanToIso } from '../format';

export const AUDIT_PAGE_SIZE = 100;

/** The filters as the form holds them: '' means "all" (or no date). */
export type AuditFilterInput = {
  user: string;
  entity: string;
  action: string;
  from: string;
  until: string;
};

export type AuditDateField = 'from' | 'until';

const DATE_LABELS: Record<AuditDateField, string> = { from: 'Von', until: 'Bis' };

export function emptyAuditFilter(): AuditFilterInput {
  return { user: '', entity: '', action: '', from: '', until: '' };
}

/** A filter choice as the core sends it: (name, German label). */
export type AuditChoice = [string, string];

export class AuditState {
  input = $state<AuditFilterInput>(emptyAuditFilter());
  /** Entries skipped (the newer pages). */
  offset = $state(0);
  rows = $state.raw<AuditRow[]>([]);
  total = $state(0);
  users = $state.raw<string[]>([]);
  entities = $state.raw<AuditChoice[]>([]);
  actions = $state.raw<AuditChoice[]>([]);
  loading = $state(false);
  loaded = $state(false);
  error = $state<UserError | null>(null);
  dateErrors = $state<Partial<Record<AuditDateField, string>>>({});

  #request = 0;

  get hasNewer(): boolean {
    return this.offset > 0;
  }

  get hasOlder(): boolean {
    return this.offset + this.rows.length < this.total;
  }

  /** "101–200": the entries on this page, counted from the newest. */
  get range(): string {
    if (this.rows.length === 0) return '';
    const first = (this.offset + 1).toLocaleString('de-DE');
    const last = (this.offset + this.rows.length).toLocaleString('de-DE');
    return `${first}–${last}`;
  }

  /** The filter to send, or null when a date is no day (its message is then at the field). */
  filter(): AuditFilter | null {
    const errors: Partial<Record<AuditDateField, string>> = {};
    const day = (field: AuditDateField): string | null => {
      const text = this.input[field].trim();
      if (text === '') return null;
      const iso = germanToIso(text);
      if (iso === null) {
        errors[field] =
          `${DATE_LABELS[field]}: „${text}“ ist kein gültiges Datum. Bitte als TT.MM.JJJJ angeben.`;
      }
      return iso;
    };
    const from = day('from');
    const until = day('until');
    this.dateErrors = errors;
    if (Object.keys(errors).length > 0) return null;
    const choice = (value: string) => (value === '' ? null : value);
    return {
      user: choice(this.input.user),
      entity: choice(this.input.entity),
      entity_id: null,
      action: choice(this.input.action),
      from,
      until,
      offset: this.offset,
      limit: AUDIT_PAGE_SIZE,
    };
  }

  /** Loads the page for the current filter and offset; a late older answer is ignored. */
  async load(): Promise<void> {
    const filter = this.filter();
    if (filter === null) return;
    const request = ++this.#request;
    this.loading = true;
    try {
      const page = await api.auditLog(filter);
      if (request !== this.#request) return;
      this.rows = page.rows;
      this.total = page.total;
      this.users = page.users;
      this.entities = page.entities;
      this.actions = page.actions;
      this.error = null;
      this.loaded = true;
    } catch (reason) {
      if (request !== this.#request) return;
      this.error = api.toUserError(reason);
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  /** Changes one filter and shows its newest entries. */
  setFilter<K extends keyof AuditFilterInput>(key: K, value: AuditFilterInput[K]): Promise<void> {
    this.input[key] = value;
    this.offset = 0;
    return this.load();
  }

  /** Applies the typed dates (on leaving the field or Enter), from the newest entries on. */
  applyDates(): Promise<void> {
    this.offset = 0;
    return this.load();
  }

  resetFilter(): Promise<void> {
    this.input = emptyAuditFilter();
    this.offset = 0;
    return this.load();
  }

  /** "Neuere": the previous page. */
  newer(): Promise<void> {
    if (!this.hasNewer) return Promise.resolve();
    this.offset = Math.max(0, this.offset - AUDIT_PAGE_SIZE);
    return this.load();
  }

  /** "Ältere": the next page. */
  older(): Promise<void> {
    if (!this.hasOlder) return Promise.resolve();
    this.offset += AUDIT_PAGE_SIZE;
    return this.load();
  }
}
