// The chooser of the practice examples a recommendation rests on: a filter over
// `practice_examples_list` (searched as you type) and the examples ticked so far, which survive
// filtering, so the user can look for one example after another.

import * as api from '../api/api';
import { toUserError, type UserError } from '../api/errors';
import type { PracticeExampleFilter, PracticeExampleRef, PracticeExampleRow } from '../api/types';

export const EXAMPLE_SEARCH_DEBOUNCE_MS = 150;

const filterFor = (text: string): PracticeExampleFilter => ({
  text,
  topic_id: null,
  organisation_id: null,
  state: null,
  release_status: null,
});

/** The reference the recommendation keeps: id, title, organisation. */
export const exampleRef = (row: PracticeExampleRow): PracticeExampleRef => ({
  id: row.id,
  title: row.title,
  organisation: row.organisation,
});

export class ExampleChooser {
  text = $state('');
  rows = $state.raw<PracticeExampleRow[]>([]);
  total = $state(0);
  /** The ticked examples, in the order ticked (those chosen before first). */
  chosen = $state.raw<PracticeExampleRef[]>([]);
  loading = $state(false);
  error = $state<UserError | null>(null);

  #request = 0;
  #debounce: ReturnType<typeof setTimeout> | undefined;

  constructor(chosen: readonly PracticeExampleRef[] = []) {
    this.chosen = [...chosen];
  }

  isChosen(id: number): boolean {
    return this.chosen.some((example) => example.id === id);
  }

  toggle(row: PracticeExampleRow, on: boolean): void {
    const others = this.chosen.filter((example) => example.id !== row.id);
    this.chosen = on ? [...others, exampleRef(row)] : others;
  }

  /** Loads the examples matching the text; an older answer arriving late is ignored. */
  async load(): Promise<void> {
    this.#cancelDebounce();
    const request = ++this.#request;
    this.loading = true;
    try {
      const list = await api.practiceExamplesList(filterFor(this.text));
      if (request !== this.#request) return;
      this.rows = list.rows;
      this.total = list.total;
      this.error = null;
    } catch (reason) {
      if (request === this.#request) this.error = toUserError(reason);
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  search(text: string): void {
    this.text = text;
    this.#cancelDebounce();
    this.#debounce = setTimeout(() => void this.load(), EXAMPLE_SEARCH_DEBOUNCE_MS);
  }

  /** Stops a pending search (the dialog closed). */
  dispose(): void {
    this.#cancelDebounce();
    this.#request++;
  }

  #cancelDebounce() {
    if (this.#debounce !== undefined) {
      clearTimeout(this.#debounce);
      this.#debounce = undefined;
    }
  }
}
