import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import { recordIPC } from '../../test/ipc';
import { TOPICS, topicRow } from '../practice/test-fixtures';
import { TopicsState, usesText } from './topics.svelte';

afterEach(() => clearMocks());

describe('usesText', () => {
  it('names every kind of use with the right noun form, and only those', () => {
    expect(usesText({ agenda_items: 3, practice_examples: 5, recommendations: 2 })).toBe(
      '3 TOPs, 5 Praxisbeispiele, 2 Empfehlungen',
    );
    expect(usesText({ agenda_items: 1, practice_examples: 0, recommendations: 1 })).toBe(
      '1 TOP, 1 Empfehlung',
    );
    expect(usesText({ agenda_items: 0, practice_examples: 0, recommendations: 0 })).toBe(
      'nicht verwendet',
    );
  });
});

describe('TopicsState', () => {
  it('creates a topic, reloads the list and empties the form', async () => {
    let rows = TOPICS;
    const calls = recordIPC({
      topics_list: () => rows,
      topic_create: (args) => {
        const created = topicRow(4, (args.input as { name: string }).name);
        rows = [...rows, created];
        return created;
      },
    });
    const topics = new TopicsState();
    await topics.load();
    topics.input.name = 'Gesundheit';
    topics.input.description = 'Zugang zur Versorgung';

    const saved = await topics.save();

    expect(saved?.id).toBe(4);
    expect(calls.find((c) => c.cmd === 'topic_create')?.args).toEqual({
      input: { name: 'Gesundheit', description: 'Zugang zur Versorgung' },
    });
    expect(topics.rows.map((r) => r.name)).toContain('Gesundheit');
    expect(topics.input, 'ready for the next one').toEqual({ name: '', description: '' });
  });

  it('keeps a refused name at its field and the typed values', async () => {
    recordIPC({
      topics_list: () => TOPICS,
      topic_update: () => {
        throw {
          code: 'validation',
          field: 'name',
          message: 'Name: Ein Themenfeld „Bildung“ gibt es schon.',
        };
      },
    });
    const topics = new TopicsState();
    await topics.load();
    topics.startEdit(TOPICS[0]);
    topics.input.name = 'bildung';

    expect(await topics.save()).toBeNull();

    expect(topics.errors).toEqual({ name: 'Name: Ein Themenfeld „Bildung“ gibt es schon.' });
    expect(topics.firstInvalid).toBe('name');
    expect(topics.input.name).toBe('bildung');
    expect(topics.editing).toEqual({ kind: 'edit', id: 1 });
  });

  it('merges one topic into another and forgets the merged one', async () => {
    let rows = TOPICS;
    const calls = recordIPC({
      topics_list: () => rows,
      topic_merge: () => {
        rows = rows.filter((r) => r.id !== 2);
        return rows[0];
      },
    });
    const topics = new TopicsState();
    await topics.load();
    topics.startEdit(TOPICS[1]);

    expect(await topics.merge(2, 1)).toBeNull();

    expect(calls.find((c) => c.cmd === 'topic_merge')?.args).toEqual({ fromId: 2, intoId: 1 });
    expect(topics.rows.map((r) => r.id)).toEqual([1, 3]);
    expect(topics.editing, 'the form no longer edits the merged topic').toEqual({ kind: 'new' });
  });

  it('returns and shows the conflict of a refused delete', async () => {
    const message = 'Bildung wird noch von 1 Praxisbeispiel verwendet. Stattdessen zusammenführen?';
    recordIPC({
      topics_list: () => TOPICS,
      topic_delete: () => {
        throw { code: 'conflict', message };
      },
    });
    const topics = new TopicsState();
    await topics.load();

    const refusal = await topics.remove(2);

    expect(refusal?.code).toBe('conflict');
    expect(topics.error?.message).toBe(message);
    expect(topics.rows, 'nothing was removed').toHaveLength(3);
  });
});
