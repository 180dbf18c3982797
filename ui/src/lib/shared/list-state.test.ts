import { afterEach, describe, expect, it, vi } from 'vitest';
import { UserError } from '../api/errors';
import { ListState, SEARCH_DEBOUNCE_MS, type ListFilter } from './list-state.svelte';

afterEach(() => vi.useRealTimers());

type Filter = ListFilter & { sort: 'name' | 'city'; kind: string | null; as_of: string };
type Row = { id: number; name: string };

const defaultFilter = (): Filter => ({
  text: '',
  kind: null,
  as_of: '',
  sort: 'name',
  direction: 'ascending',
});

/** A list over a fake fetch that records each filter and answers with `answer`. */
function list(answer: (filter: Filter) => Promise<{ rows: Row[]; total: number }>) {
  const filters: Filter[] = [];
  const state = new ListState<Row, Filter>({
    defaultFilter,
    fetch: (filter) => {
      filters.push(filter);
      return answer(filter);
    },
  });
  return { state, filters };
}

const rows = (...names: string[]) => ({
  rows: names.map((name, i) => ({ id: i + 1, name })),
  total: 10,
});

describe('ListState', () => {
  it('sends a plain copy of the whole filter and keeps rows and total', async () => {
    const { state, filters } = list(() => Promise.resolve(rows('Jena')));
    state.filter.kind = 'city';
    await state.load();

    expect(filters).toEqual([{ ...defaultFilter(), kind: 'city' }]);
    expect(state.rows).toEqual([{ id: 1, name: 'Jena' }]);
    expect(state.total).toBe(10);
    expect(state.loaded).toBe(true);
    expect(state.loading).toBe(false);
    expect(state.error).toBeNull();
  });

  it('sorts by a new column ascending and flips the direction on the same column', async () => {
    const { state, filters } = list(() => Promise.resolve(rows()));
    await state.toggleSort('city');
    await state.toggleSort('city');
    await state.toggleSort('name');
    expect(filters.map((f) => `${f.sort} ${f.direction}`)).toEqual([
      'city ascending',
      'city descending',
      'name ascending',
    ]);
  });

  it('keeps the old rows and reports the error when the core refuses', async () => {
    let fail = false;
    const { state } = list(() =>
      fail
        ? Promise.reject({ code: 'validation', field: 'as_of', message: 'Stichtag: ungültig.' })
        : Promise.resolve(rows('Jena')),
    );
    await state.load();
    fail = true;
    await state.setFilter('as_of', '31.02.2025');

    expect(state.error).toBeInstanceOf(UserError);
    expect(state.filterError('as_of')).toBe('Stichtag: ungültig.');
    expect(state.filterError('text'), 'only the field the core named has an error').toBeNull();
    expect(state.rows, 'a refused filter must not empty the list').toHaveLength(1);
    expect(state.loading).toBe(false);
  });

  it('ignores an answer that arrives after a newer request', async () => {
    const answers: ((page: { rows: Row[]; total: number }) => void)[] = [];
    const { state } = list(() => new Promise((resolve) => answers.push(resolve)));
    const first = state.load();
    const second = state.setFilter('kind', 'district');
    answers[1](rows('Neu'));
    await second;
    answers[0](rows('Alt'));
    await first;
    expect(state.rows.map((r) => r.name), 'the older answer must not win').toEqual(['Neu']);
  });

  it('debounces search as you type into one request with the last text', async () => {
    vi.useFakeTimers();
    const { state, filters } = list(() => Promise.resolve(rows()));
    state.search('J');
    state.search('Je');
    state.search('Jen');
    expect(state.filter.text).toBe('Jen');
    expect(filters).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS + 10);
    expect(filters.map((f) => f.text)).toEqual(['Jen']);
  });

  it('resets the filter to the default but keeps the sort', async () => {
    const { state } = list(() => Promise.resolve(rows()));
    await state.toggleSort('city');
    await state.toggleSort('city');
    state.filter.kind = 'city';
    await state.resetFilter();
    expect(state.filter).toEqual({ ...defaultFilter(), sort: 'city', direction: 'descending' });
  });

  it('selects a row only when the leave guard agrees, and re-selecting asks nothing', async () => {
    const { state } = list(() => Promise.resolve(rows()));
    const confirmLeave = vi.fn(() => Promise.resolve(false));

    expect(await state.select(3, confirmLeave)).toBe(false);
    expect(state.selected, 'unsaved changes stay when the user keeps editing').toBeNull();

    confirmLeave.mockResolvedValue(true);
    expect(await state.select(3, confirmLeave)).toBe(true);
    expect(state.selected).toBe(3);
    expect(await state.select(3, confirmLeave)).toBe(true);
    expect(confirmLeave).toHaveBeenCalledTimes(2);

    expect(await state.select('new')).toBe(true);
    expect(state.selected).toBe('new');
  });

  it('lets a subclass read more of the answer', async () => {
    class Dated extends ListState<Row, Filter, { rows: Row[]; total: number; as_of: string }> {
      asOf = '';
      protected override received(page: { as_of: string }) {
        this.asOf = page.as_of;
      }
    }
    const state = new Dated({
      defaultFilter,
      fetch: () => Promise.resolve({ ...rows('Jena'), as_of: '2025-09-21' }),
    });
    await state.load();
    expect(state.asOf).toBe('2025-09-21');
  });
});
