// The state of a list screen, whatever it lists: filter, sort, rows, counts, loading, error and
// which row the detail pane shows. One instance per screen lives at app level, so filter, sort
// and selection survive switching screens. An area builds on it with its filter and row types
// (and, when its list answer carries more, a subclass that reads it in `received`).

import { toUserError, type UserError } from '../api/errors';

export const SEARCH_DEBOUNCE_MS = 150;

/** What every list filter has: free text and a sort the core applies. */
export type ListFilter = {
  text: string;
  sort: string;
  direction: 'ascending' | 'descending';
};

/** What every list answer has: the rows that pass the filter and the count of all. */
export type ListPage<Row> = { rows: Row[]; total: number };

/** Which record the detail pane shows: an id, a new one, or none. */
export type Selection = number | 'new' | null;

export type ListSource<Row, Filter extends ListFilter, Page extends ListPage<Row>> = {
  /** A fresh default filter (also what "reset" goes back to, keeping the sort). */
  defaultFilter: () => Filter;
  /** Asks the core for the rows of a filter. */
  fetch: (filter: Filter) => Promise<Page>;
};

export class ListState<
  Row,
  Filter extends ListFilter,
  Page extends ListPage<Row> = ListPage<Row>,
> {
  filter: Filter;
  /** Raw: thousands of rows must not become deep proxies. */
  rows = $state.raw<Row[]>([]);
  total = $state(0);
  loading = $state(false);
  error = $state<UserError | null>(null);
  selected = $state<Selection>(null);
  /** True once a list was loaded, so views reload only when needed. */
  loaded = $state(false);

  readonly #source: ListSource<Row, Filter, Page>;
  #request = 0;
  #debounce: ReturnType<typeof setTimeout> | undefined;

  constructor(source: ListSource<Row, Filter, Page>) {
    this.#source = source;
    this.filter = $state(source.defaultFilter());
  }

  /** Loads the rows for the current filter; an older answer arriving late is ignored. */
  async load(): Promise<void> {
    this.#cancelDebounce();
    const request = ++this.#request;
    this.loading = true;
    try {
      const page = await this.#source.fetch($state.snapshot(this.filter) as Filter);
      if (request !== this.#request) return;
      this.rows = page.rows;
      this.total = page.total;
      this.received(page);
      this.error = null;
      this.loaded = true;
    } catch (reason) {
      if (request !== this.#request) return;
      this.error = toUserError(reason);
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
  setFilter<K extends keyof Filter>(key: K, value: Filter[K]): Promise<void> {
    this.filter[key] = value;
    return this.load();
  }

  /** A click on a column header: a new column sorts ascending, the same column flips direction. */
  toggleSort(column: Filter['sort']): Promise<void> {
    if (this.filter.sort === column) {
      this.filter.direction = this.filter.direction === 'ascending' ? 'descending' : 'ascending';
    } else {
      this.filter.sort = column;
      this.filter.direction = 'ascending';
    }
    return this.load();
  }

  /** Back to the default filter, keeping the sort. */
  resetFilter(): Promise<void> {
    const { sort, direction } = this.filter;
    this.filter = { ...this.#source.defaultFilter(), sort, direction };
    return this.load();
  }

  /**
   * Shows another record (or a new one) in the detail pane once `confirmLeave` (the leave guard)
   * agrees; true when it is shown. Selecting what is already shown asks nothing.
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

  /**
   * The error of a filter field the core refused (e.g. a reference date), shown under that field
   * rather than in the list's alert.
   */
  filterError(field: keyof Filter & string): string | null {
    return this.error?.messageFor(field) ?? null;
  }

  /** For areas whose list answer carries more than rows and total. */
  protected received(_page: Page): void {}

  #cancelDebounce() {
    if (this.#debounce !== undefined) {
      clearTimeout(this.#debounce);
      this.#debounce = undefined;
    }
  }
}
