// State of the members list: filter, sort, rows. One instance lives at app level, so the filter,
// the sort and the selection survive switching screens.

import * as api from '../api/api';
import type { UserError } from '../api/errors';
import type { MemberFilter, MemberRow, MemberSort } from '../api/types';

export const SEARCH_DEBOUNCE_MS = 150;

export function defaultMemberFilter(): MemberFilter {
  return {
    text: '',
    role: null,
    organisation_id: null,
    state: null,
    status: 'current',
    as_of: '',
    sort: 'name',
    direction: 'ascending',
  };
}

/** Which person the detail pane shows: an id, a new person, or none. */
export type Selection = number | 'new' | null;

export class MembersState {
  filter = $state<MemberFilter>(defaultMemberFilter());
  /** Raw: thousands of rows must not become deep proxies. */
  rows = $state.raw<MemberRow[]>([]);
  total = $state(0);
  /** The reference date the core used (ISO). */
  asOf = $state('');
  loading = $state(false);
  error = $state<UserError | null>(null);
  selected = $state<Selection>(null);
  /** True once a list was loaded, so views reload only when needed. */
  loaded = $state(false);

  #request = 0;
  #debounce: ReturnType<typeof setTimeout> | undefined;

  /** Loads the rows for the current filter; an older answer arriving late is ignored. */
  async load(): Promise<void> {
    this.#cancelDebounce();
    const request = ++this.#request;
    this.loading = true;
    try {
      const list = await api.membersList($state.snapshot(this.filter));
      if (request !== this.#request) return;
      this.rows = list.rows;
      this.total = list.total;
      this.asOf = list.as_of;
      this.error = null;
      this.loaded = true;
    } catch (reason) {
      if (request !== this.#request) return;
      this.error = api.toUserError(reason);
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  /** Search as you type: sets the text now, loads after a short pause. */
  search(text: string): void {
    this.filter.text = text;
    this.#cancelDebounce();
    this.#debounce = setTimeout(() => void this.load(), SEARCH_DEBOUNCE_MS);
  }

  /** Changes one filter value and reloads. */
  setFilter<K extends keyof MemberFilter>(key: K, value: MemberFilter[K]): Promise<void> {
    this.filter[key] = value;
    return this.load();
  }

  /** A click on a column header: a new column sorts ascending, the same column flips direction. */
  toggleSort(column: MemberSort): Promise<void> {
    if (this.filter.sort === column) {
      this.filter.direction = this.filter.direction === 'ascending' ? 'descending' : 'ascending';
    } else {
      this.filter.sort = column;
      this.filter.direction = 'ascending';
    }
    return this.load();
  }

  resetFilter(): Promise<void> {
    const { sort, direction } = this.filter;
    this.filter = { ...defaultMemberFilter(), sort, direction };
    return this.load();
  }

  /** The error belongs under the Stichtag field rather than in an alert. */
  get asOfError(): string | null {
    return this.error?.field === 'as_of' ? this.error.message : null;
  }

  #cancelDebounce() {
    if (this.#debounce !== undefined) {
      clearTimeout(this.#debounce);
      this.#debounce = undefined;
    }
  }
}
