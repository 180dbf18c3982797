// State of the organisation list: filter, sort, rows, selection. Lives at app level.

import * as api from '../api/api';
import type { UserError } from '../api/errors';
import type { OrganisationFilter, OrganisationRow, OrganisationSort } from '../api/types';

export const SEARCH_DEBOUNCE_MS = 150;

export function defaultOrganisationFilter(): OrganisationFilter {
  return { text: '', kind: null, state: null, status: 'all', sort: 'name', direction: 'ascending' };
}

export type OrganisationSelection = number | 'new' | null;

export class OrganisationsState {
  filter = $state<OrganisationFilter>(defaultOrganisationFilter());
  rows = $state.raw<OrganisationRow[]>([]);
  total = $state(0);
  loading = $state(false);
  error = $state<UserError | null>(null);
  selected = $state<OrganisationSelection>(null);
  loaded = $state(false);

  #request = 0;
  #debounce: ReturnType<typeof setTimeout> | undefined;

  async load(): Promise<void> {
    this.#cancelDebounce();
    const request = ++this.#request;
    this.loading = true;
    try {
      const list = await api.organisationsList($state.snapshot(this.filter));
      if (request !== this.#request) return;
      this.rows = list.rows;
      this.total = list.total;
      this.error = null;
      this.loaded = true;
    } catch (reason) {
      if (request !== this.#request) return;
      this.error = api.toUserError(reason);
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  search(text: string): void {
    this.filter.text = text;
    this.#cancelDebounce();
    this.#debounce = setTimeout(() => void this.load(), SEARCH_DEBOUNCE_MS);
  }

  setFilter<K extends keyof OrganisationFilter>(key: K, value: OrganisationFilter[K]): Promise<void> {
    this.filter[key] = value;
    return this.load();
  }

  toggleSort(column: OrganisationSort): Promise<void> {
    if (this.filter.sort === column) {
      this.filter.direction = this.filter.direction === 'ascending' ? 'descending' : 'ascending';
    } else {
      this.filter.sort = column;
      this.filter.direction = 'ascending';
    }
    return this.load();
  }

  #cancelDebounce() {
    if (this.#debounce !== undefined) {
      clearTimeout(this.#debounce);
      this.#debounce = undefined;
    }
  }
}
