// The global search (Ctrl+K): whether the palette is open, the query as typed, the answer to the
// latest query (an older answer arriving late is dropped), and which hit is active for the
// keyboard. The hits of all groups form one list, in the order shown, so ↑/↓ cross groups.

import * as api from '../api/api';
import { toUserError, type UserError } from '../api/errors';
import type { SearchHit, SearchResults } from '../api/types';

/** Typing pauses this long before the core is asked (a search costs a few milliseconds). */
export const SEARCH_DEBOUNCE_MS = 120;
/** Hits per kind: enough to choose from, few enough that every group fits on the screen. */
export const HITS_PER_KIND = 5;

export type SearchFetch = (query: string, perKind: number) => Promise<SearchResults>;

/** The DOM id of a hit's option, for aria-activedescendant. */
export function optionId(hit: SearchHit): string {
  return `search-option-${hit.kind}-${hit.id}`;
}

export class SearchState {
  open = $state(false);
  query = $state('');
  /** The answer to the latest query asked (null before any, or for an empty query). */
  results = $state.raw<SearchResults | null>(null);
  /** The query `results` answers (the core may echo it normalised). */
  answered = $state('');
  /** A query is waiting for its pause or its answer. */
  loading = $state(false);
  error = $state<UserError | null>(null);
  /** Index of the active hit in `hits`, -1 for none. */
  active = $state(-1);

  /** Every hit shown, group after group. */
  readonly hits = $derived<SearchHit[]>(this.results?.groups.flatMap((group) => group.hits) ?? []);

  readonly #fetch: SearchFetch;
  #request = 0;
  #debounce: ReturnType<typeof setTimeout> | undefined;
  /** Who waits for the latest query's answer (`choose` while it is under way). */
  #waiting: (() => void)[] = [];

  constructor(fetch: SearchFetch = api.search) {
    this.#fetch = fetch;
  }

  get activeHit(): SearchHit | null {
    return this.hits[this.active] ?? null;
  }

  /** The palette opens with the last query and its hits, so a search can be taken up again. */
  show(): void {
    this.open = true;
  }

  close(): void {
    this.open = false;
  }

  /** The user typed: the query is asked after a short pause; a blank one clears the hits. */
  type(query: string): void {
    this.query = query;
    this.#cancelDebounce();
    const request = ++this.#request;
    if (query.trim() === '') {
      this.results = null;
      this.answered = '';
      this.error = null;
      this.active = -1;
      this.#settle();
      return;
    }
    this.loading = true;
    this.#debounce = setTimeout(() => void this.#ask(request, query), SEARCH_DEBOUNCE_MS);
  }

  /** ↓ (+1) and ↑ (-1): the next or previous hit, across groups, wrapping at the ends. */
  move(step: 1 | -1): void {
    const count = this.hits.length;
    if (count === 0) return;
    this.active = this.active < 0 && step < 0 ? count - 1 : (this.active + step + count) % count;
  }

  /** The hit under the pointer becomes the active one. */
  point(hit: SearchHit): void {
    const index = this.hits.indexOf(hit);
    if (index >= 0) this.active = index;
  }

  /**
   * Enter: the active hit. While the query typed is still being asked, its answer is awaited
   * first, so a quick "type and Enter" opens the first hit of what was typed; null when there is
   * none or the user typed on meanwhile.
   */
  async choose(): Promise<SearchHit | null> {
    if (this.loading) {
      const query = this.query;
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
      if (this.query !== query) return null;
    }
    return this.activeHit;
  }

  async #ask(request: number, query: string): Promise<void> {
    this.#debounce = undefined;
    try {
      const results = await this.#fetch(query, HITS_PER_KIND);
      if (request !== this.#request) return;
      this.results = results;
      this.answered = query;
      this.error = null;
      this.active = results.groups.some((group) => group.hits.length > 0) ? 0 : -1;
    } catch (reason) {
      if (request !== this.#request) return;
      // The hits of an earlier query would pass for this one's.
      this.results = null;
      this.active = -1;
      this.error = toUserError(reason);
    } finally {
      if (request === this.#request) this.#settle();
    }
  }

  #settle(): void {
    this.loading = false;
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const resolve of waiting) resolve();
  }

  #cancelDebounce(): void {
    if (this.#debounce !== undefined) {
      clearTimeout(this.#debounce);
      this.#debounce = undefined;
    }
  }
}
