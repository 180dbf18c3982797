// Finding people to add to a session or to name as a representative: the members list searched
// as you type (every person, current or former, as the members screen's "Alle"), and the choice.

import * as api from '../api/api';
import type { UserError } from '../api/errors';
import type { MemberRow } from '../api/types';
import { defaultMemberFilter } from '../members/members.svelte';
import { SEARCH_DEBOUNCE_MS } from '../shared/list-state.svelte';

/** More hits than this are not shown: the user types on instead of scrolling. */
export const SHOWN_HITS = 100;

export class PersonSearch {
  text = $state('');
  rows = $state.raw<MemberRow[]>([]);
  chosen = $state<number[]>([]);
  loading = $state(false);
  error = $state<UserError | null>(null);

  readonly multiple: boolean;
  #request = 0;
  #debounce: ReturnType<typeof setTimeout> | undefined;

  /** `multiple` false keeps at most one chosen person. */
  constructor(multiple: boolean) {
    this.multiple = multiple;
  }

  get shown(): MemberRow[] {
    return this.rows.slice(0, SHOWN_HITS);
  }

  /** The chosen rows among those found (in their order). */
  get chosenRows(): MemberRow[] {
    return this.rows.filter((row) => this.chosen.includes(row.person_id));
  }

  reset(): void {
    this.#cancel();
    this.text = '';
    this.rows = [];
    this.chosen = [];
    this.error = null;
  }

  /** Search as you type: sets the text now, asks the core after a short pause. */
  search(text: string): void {
    this.text = text;
    this.#cancel();
    this.#debounce = setTimeout(() => void this.load(), SEARCH_DEBOUNCE_MS);
  }

  async load(): Promise<void> {
    this.#cancel();
    const request = ++this.#request;
    this.loading = true;
    try {
      const list = await api.membersList({ ...defaultMemberFilter(), text: this.text, status: 'all' });
      if (request !== this.#request) return;
      this.rows = list.rows;
      this.error = null;
    } catch (reason) {
      if (request === this.#request) this.error = api.toUserError(reason);
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  isChosen(personId: number): boolean {
    return this.chosen.includes(personId);
  }

  choose(personId: number, on: boolean): void {
    if (!this.multiple) {
      this.chosen = on ? [personId] : [];
      return;
    }
    const others = this.chosen.filter((id) => id !== personId);
    this.chosen = on ? [...others, personId] : others;
  }

  #cancel(): void {
    if (this.#debounce !== undefined) clearTimeout(this.#debounce);
    this.#debounce = undefined;
  }
}
