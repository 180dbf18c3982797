import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SearchResults } from '../api/types';
import { group, hit, oezdemir, results } from './fixtures';
import { HITS_PER_KIND, SEARCH_DEBOUNCE_MS, SearchState } from './search.svelte';

afterEach(() => vi.useRealTimers());

/** A search whose answers the test releases one by one, in any order. */
function deferredSearch() {
  const pending = new Map<string, (answer: SearchResults) => void>();
  const asked: string[] = [];
  const fetch = vi.fn((query: string, perKind: number) => {
    expect(perKind).toBe(HITS_PER_KIND);
    asked.push(query);
    return new Promise<SearchResults>((resolve) => pending.set(query, resolve));
  });
  const answer = async (query: string, answer: SearchResults) => {
    const resolve = pending.get(query);
    if (!resolve) throw new Error(`"${query}" was never asked`);
    resolve(answer);
    await vi.advanceTimersByTimeAsync(0);
  };
  return { fetch, asked, answer };
}

describe('SearchState', () => {
  it('asks once the typing pauses, not for every letter', async () => {
    vi.useFakeTimers();
    const { fetch, asked, answer } = deferredSearch();
    const search = new SearchState(fetch);
    for (const query of ['o', 'oe', 'oez']) search.type(query);
    expect(search.loading, 'waiting counts as loading').toBe(true);
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS - 1);
    expect(asked).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(asked, 'only the query as it stands after the pause').toEqual(['oez']);
    await answer('oez', oezdemir('oez'));
    expect(search.loading).toBe(false);
    expect(search.hits.map((h) => `${h.kind}-${h.id}`)).toEqual([
      'person-12',
      'minutes_note-31',
      'decision-44',
    ]);
    expect(search.active, 'the first hit is ready for Enter').toBe(0);
  });

  it('drops the answer to an older query that arrives after the latest one', async () => {
    vi.useFakeTimers();
    const { fetch, answer } = deferredSearch();
    const search = new SearchState(fetch);
    search.type('mue');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    search.type('mueller');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);

    await answer('mueller', results('mueller', [group('person', [hit('person', 2, '[Müller]')])]));
    await answer('mue', results('mue', [group('person', [hit('person', 9, '[Mü]nster')])]));

    expect(
      search.hits.map((h) => h.id),
      'the late answer for "mue" must not replace it',
    ).toEqual([2]);
    expect(search.answered).toBe('mueller');
    expect(search.loading).toBe(false);
  });

  it('clears the hits for a blank query and ignores an answer still under way', async () => {
    vi.useFakeTimers();
    const { fetch, answer, asked } = deferredSearch();
    const search = new SearchState(fetch);
    search.type('jena');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    search.type('  ');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    await answer('jena', oezdemir('jena'));
    expect(asked, 'a blank query is never sent').toEqual(['jena']);
    expect(search.results).toBeNull();
    expect(search.hits).toEqual([]);
    expect(search.loading).toBe(false);
  });

  it('moves through the hits of all groups and wraps at both ends', async () => {
    const search = new SearchState(() => Promise.resolve(oezdemir()));
    search.type('oezdemir');
    await vi.waitFor(() => expect(search.hits).toHaveLength(3));
    search.move(1);
    search.move(1);
    expect(search.activeHit?.kind, 'from the person group into the decisions').toBe('decision');
    search.move(1);
    expect(search.activeHit?.kind, 'past the last hit back to the first').toBe('person');
    search.move(-1);
    expect(search.activeHit?.kind).toBe('decision');
    search.point(search.hits[1]);
    expect(search.active).toBe(1);
  });

  it('on Enter while the query is under way, waits for its answer and gives its first hit', async () => {
    vi.useFakeTimers();
    const { fetch, answer } = deferredSearch();
    const search = new SearchState(fetch);
    search.type('oezdemir');
    const chosen = search.choose();
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    await answer('oezdemir', oezdemir());
    expect((await chosen)?.id).toBe(12);
  });

  it('gives nothing on Enter when the user typed on before the answer came', async () => {
    vi.useFakeTimers();
    const { fetch, answer } = deferredSearch();
    const search = new SearchState(fetch);
    search.type('oez');
    const chosen = search.choose();
    search.type('oezdemir');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    await answer('oezdemir', oezdemir());
    expect(await chosen, 'the hit was chosen for another query').toBeNull();
  });

  it('shows a failure instead of the hits of an earlier query', async () => {
    let fail = false;
    const search = new SearchState(() =>
      fail
        ? Promise.reject({ code: 'internal', message: 'Die Suche ist gerade nicht möglich.' })
        : Promise.resolve(oezdemir()),
    );
    search.type('oezdemir');
    await vi.waitFor(() => expect(search.hits).toHaveLength(3));
    fail = true;
    search.type('oezdemir x');
    await vi.waitFor(() => expect(search.error).not.toBeNull());
    expect(search.error?.message).toBe('Die Suche ist gerade nicht möglich.');
    expect(search.hits).toEqual([]);
    expect(search.activeHit).toBeNull();
  });
});
