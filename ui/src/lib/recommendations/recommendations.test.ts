import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import { recordIPC, type Handler } from '../../test/ipc';
import { row, TOPICS } from './fixtures';
import {
  RECOMMENDATION_SEARCH_DEBOUNCE_MS,
  RecommendationsState,
} from './recommendations.svelte';

afterEach(() => {
  clearMocks();
  vi.useRealTimers();
});

const ROWS = [
  row(1, 'Anerkennung beschleunigen', {
    topics: [
      { id: 1, name: 'Arbeitsmarkt' },
      { id: 2, name: 'Bildung' },
    ],
  }),
  row(2, 'Sprachkitas ausbauen', { topics: [{ id: 2, name: 'Bildung' }] }),
];

async function setup(handlers: Record<string, Handler> = {}) {
  const calls = recordIPC({
    recommendations_list: () => ROWS,
    topics_list: () => TOPICS,
    ...handlers,
  });
  const state = new RecommendationsState();
  await Promise.all([state.load(), state.loadTopics()]);
  calls.length = 0;
  return { calls, state };
}

describe('RecommendationsState', () => {
  it('groups the rows by topic, one with two topics under both', async () => {
    const { state } = await setup();
    expect(state.groups.map((g) => [g.topic?.name, g.rows.map((r) => r.id)])).toEqual([
      ['Arbeitsmarkt', [1]],
      ['Bildung', [1, 2]],
    ]);
    expect(state.rows, 'counted once').toHaveLength(2);
  });

  it('sends the topic filter at once and the text after a pause', async () => {
    vi.useFakeTimers();
    const { calls, state } = await setup();
    await state.setTopic(2);
    state.search('Spra');
    state.search('Sprach');
    expect(calls, 'nothing yet while typing').toHaveLength(1);
    await vi.advanceTimersByTimeAsync(RECOMMENDATION_SEARCH_DEBOUNCE_MS);
    expect(calls.map((c) => c.args)).toEqual([
      { filter: { text: '', topic_id: 2 } },
      { filter: { text: 'Sprach', topic_id: 2 } },
    ]);
  });

  it('opens one from outside and ends a new one being written', async () => {
    const { state } = await setup();
    await state.select('new');
    expect(state.creating).toBe(true);
    state.selected = 7;
    expect(state.creating, 'a search hit set the selection directly').toBe(false);
    expect(state.pageOpen).toBe(true);
    state.close();
    expect(state.pageOpen).toBe(false);
  });

  it('asks the leave guard before showing another one', async () => {
    const { state } = await setup();
    state.open(1);
    expect(await state.select(2, () => Promise.resolve(false))).toBe(false);
    expect(state.selected, 'refused: stays').toBe(1);
  });

  it('saves the PDF where the user chooses and says how many pages', async () => {
    const { calls, state } = await setup({
      'plugin:dialog|save': () => '/home/anna/Handlungsempfehlungen.pdf',
      pdf_recommendations: () => ({
        path: '/home/anna/Handlungsempfehlungen.pdf',
        pages: 7,
        warnings: [],
      }),
    });
    await state.savePdf();
    const options = calls[0].args.options as { defaultPath: string };
    expect(options.defaultPath).toBe('Handlungsempfehlungen.pdf');
    expect(calls[1]).toEqual({
      cmd: 'pdf_recommendations',
      args: { path: '/home/anna/Handlungsempfehlungen.pdf' },
    });
    expect(state.notice).toEqual({
      kind: 'success',
      title: '7 Seiten gespeichert',
      lines: ['/home/anna/Handlungsempfehlungen.pdf'],
    });
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    const { calls, state } = await setup({ 'plugin:dialog|save': () => null });
    await state.savePdf();
    expect(calls.map((c) => c.cmd)).toEqual(['plugin:dialog|save']);
    expect(state.notice).toBeNull();
  });
});
