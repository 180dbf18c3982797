import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import { recordIPC } from '../../test/ipc';
import { emptyPracticeInput, makeMainTopic, practiceToInput, toggleTopic } from './labels';
import { PracticeExampleEditor } from './practice-editor.svelte';
import { PracticeExamplesState } from './practice.svelte';
import { practiceDetail, practiceRow, TOPICS } from './test-fixtures';

afterEach(() => clearMocks());

const unfiltered = {
  text: '',
  topic_id: null,
  organisation_id: null,
  state: null,
  release_status: null,
};

describe('PracticeExamplesState', () => {
  it('sends every filter to practice_examples_list and keeps rows and total', async () => {
    const calls = recordIPC({
      practice_examples_list: () => ({ rows: [practiceRow(5)], total: 12 }),
    });
    const list = new PracticeExamplesState();

    await list.load();
    await list.setTopic(2);
    await list.setOrganisation(7);
    await list.setState('Thüringen');
    await list.setReleaseStatus('agreed');

    expect(calls.map((c) => c.args.filter)).toEqual([
      unfiltered,
      { ...unfiltered, topic_id: 2 },
      { ...unfiltered, topic_id: 2, organisation_id: 7 },
      { ...unfiltered, topic_id: 2, organisation_id: 7, state: 'Thüringen' },
      {
        ...unfiltered,
        topic_id: 2,
        organisation_id: 7,
        state: 'Thüringen',
        release_status: 'agreed',
      },
    ]);
    expect(list.rows.map((r) => r.id)).toEqual([5]);
    expect(list.total, 'the count of all examples, for "1 von 12"').toBe(12);
    expect(list.filtered).toBe(true);

    await list.resetFilter();
    expect(calls.at(-1)?.args.filter, 'reset goes back to the unfiltered list').toEqual(unfiltered);
    expect(list.filtered).toBe(false);
  });

  it('searches as you type: one request after the pause, with the last text', async () => {
    const calls = recordIPC({ practice_examples_list: () => ({ rows: [], total: 0 }) });
    const list = new PracticeExamplesState();

    list.search('Wel');
    list.search('Welcome');
    await new Promise((resolve) => setTimeout(resolve, 250));

    expect(calls.map((c) => (c.args.filter as { text: string }).text)).toEqual(['Welcome']);
  });

  it('loads again only when the filter was changed from outside', async () => {
    const calls = recordIPC({ practice_examples_list: () => ({ rows: [], total: 0 }) });
    const list = new PracticeExamplesState();

    await list.ensureLoaded();
    await list.ensureLoaded();
    expect(calls, 'the shown rows already belong to the filter').toHaveLength(1);

    // A topic hit of the global search.
    list.open(4);
    list.filterByTopic(3);
    expect(list.selected, 'a topic hit shows the list, not an example').toBeNull();
    await list.ensureLoaded();
    expect(calls.map((c) => (c.args.filter as { topic_id: number | null }).topic_id)).toEqual([
      null,
      3,
    ]);
  });

  it('ignores an older answer that arrives after a newer one', async () => {
    let answer: (value: unknown) => void = () => {};
    const calls = recordIPC({
      practice_examples_list: (args) => {
        const topic = (args.filter as { topic_id: number | null }).topic_id;
        if (topic === 1) return new Promise((resolve) => (answer = resolve));
        return { rows: [practiceRow(2)], total: 2 };
      },
    });
    const list = new PracticeExamplesState();

    const slow = list.setTopic(1);
    await list.setTopic(2);
    answer({ rows: [practiceRow(1)], total: 2 });
    await slow;

    expect(calls).toHaveLength(2);
    expect(
      list.rows.map((r) => r.id),
      'the list shows the answer to the latest filter',
    ).toEqual([2]);
  });

  it('selects through the leave guard; an id set from outside wins over a new draft', async () => {
    const list = new PracticeExamplesState();

    expect(await list.select('new')).toBe(true);
    expect(list.selection).toBe('new');
    expect(await list.select(5, () => Promise.resolve(false))).toBe(false);
    expect(list.selection, 'the user kept the unsaved new example').toBe('new');

    list.selected = 8;
    expect(list.selection, 'the search set an example directly').toBe(8);
    list.close();
    expect(list.selection).toBeNull();
    expect(list.creating).toBe(false);
  });

  it('drops a topic filter whose topic was merged away', async () => {
    recordIPC({ topics_list: () => TOPICS });
    const list = new PracticeExamplesState();
    list.topicId = 9;

    await list.loadTopics();

    expect(list.topics.map((t) => t.name)).toEqual(['Arbeitsmarkt', 'Bildung', 'Wohnen']);
    expect(list.topicId, 'no filter by a topic that no longer exists').toBeNull();
  });
});

describe('practice example labels', () => {
  it('keeps the main topic first when topics are checked and unchecked', () => {
    expect(toggleTopic([2], 1, true), 'a newly checked topic goes last').toEqual([2, 1]);
    expect(toggleTopic([2, 1], 2, false)).toEqual([1]);
    expect(toggleTopic([2, 1], 1, true), 'checking twice adds nothing').toEqual([2, 1]);
    expect(makeMainTopic([2, 1, 3], 3)).toEqual([3, 2, 1]);
    expect(makeMainTopic([2, 1], 7), 'an unchosen topic cannot become the main one').toEqual([
      2, 1,
    ]);
  });

  it('turns a stored example into form values (German date, empty strings)', () => {
    const input = practiceToInput(
      practiceDetail(5, {
        topics: [
          { id: 2, name: 'Bildung' },
          { id: 1, name: 'Arbeitsmarkt' },
        ],
        summary: null,
        link: null,
      }),
    );
    expect(input).toMatchObject({
      title: 'Welcome Center für internationale Fachkräfte',
      topic_ids: [2, 1],
      summary: '',
      link: '',
      since: '01.03.2021',
      release_status: 'released',
    });
    expect(emptyPracticeInput().release_status, 'a new example starts as a draft').toBe('draft');
  });
});

describe('PracticeExampleEditor', () => {
  it('keeps every field error of a refused save at its field', async () => {
    const problems = [
      { field: 'link', message: 'Link: Bitte mit http:// oder https:// beginnen.' },
      { field: 'title', message: 'Titel: Bitte einen Titel angeben.' },
      { field: 'since', message: 'seit: „31.02.2021“ ist kein Datum.' },
    ];
    recordIPC({
      practice_example_create: () => {
        throw {
          code: 'validation',
          message: '3 Eingaben sind ungültig.',
          field: 'link',
          errors: problems,
        };
      },
    });
    const editor = new PracticeExampleEditor();
    editor.startNew();
    editor.input.link = 'www.jena.de';
    editor.input.since = '31.02.2021';

    expect(await editor.save()).toBeNull();
    expect(editor.errors).toEqual({
      title: 'Titel: Bitte einen Titel angeben.',
      since: 'seit: „31.02.2021“ ist kein Datum.',
      link: 'Link: Bitte mit http:// oder https:// beginnen.',
    });
    expect(editor.invalidFields, 'in form order: the title gets the focus').toEqual([
      'title',
      'since',
      'link',
    ]);
    expect(editor.dirty, 'what was typed stays').toBe(true);
  });
});
