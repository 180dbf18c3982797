import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import { AppState, appContext } from '../../lib/app/app.svelte';
import { practiceDetail, practiceRow, TOPICS } from '../../lib/practice/test-fixtures';
import { recordIPC, reference, type Handler } from '../../test/ipc';
import PracticeExamplesView from '../views/PracticeExamplesView.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

const ROWS = [
  practiceRow(5, {
    topics: [
      { id: 1, name: 'Arbeitsmarkt' },
      { id: 2, name: 'Bildung' },
    ],
  }),
  practiceRow(6, {
    title: 'Sprachcafé',
    organisation: 'Stadt Erlangen',
    state: 'Bayern',
    topics: [{ id: 2, name: 'Bildung' }],
    release_status: 'draft',
    since: null,
  }),
];

type FilterArgs = { filter: { topic_id: number | null; text: string } };

async function setup(handlers: Record<string, Handler> = {}, prepare?: (app: AppState) => void) {
  const calls = recordIPC({
    practice_examples_list: () => ({ rows: ROWS, total: 12 }),
    topics_list: () => TOPICS,
    practice_example_get: (args) => practiceDetail(args.id as number),
    ...handlers,
  });
  const app = new AppState();
  app.reference = reference;
  app.organisationOptions = [
    { id: 7, name: 'Stadt Jena' } as AppState['organisationOptions'][number],
    { id: 8, name: 'Stadt Erlangen' } as AppState['organisationOptions'][number],
  ];
  prepare?.(app);
  render(PracticeExamplesView, { context: appContext(app) });
  await waitFor(() => expect(screen.getByTestId('practice-row-5')).toBeTruthy());
  return { calls, app };
}

const listCalls = (calls: { cmd: string; args: Record<string, unknown> }[]) =>
  calls.filter((c) => c.cmd === 'practice_examples_list').map((c) => (c.args as FilterArgs).filter);

describe('PracticeExamplesView', () => {
  it('lists the examples with organisation, Land, topics, release and since, and counts them', async () => {
    await setup();

    const row = screen.getByTestId('practice-row-5');
    const cells = within(row)
      .getAllByRole('cell')
      .map((cell) => cell.textContent?.trim());
    expect(cells).toEqual([
      'Welcome Center für internationale Fachkräfte',
      'Stadt Jena',
      'Thüringen',
      'Arbeitsmarkt, Bildung',
      'freigegeben',
      '01.03.2021',
    ]);
    expect(screen.getByTestId('practice-row-6').textContent).toContain('Entwurf');
    expect(screen.getByTestId('practice-count').textContent).toContain('2 von 12 Praxisbeispielen');
  });

  it('filters by topic, Land and release status and searches as you type', async () => {
    const { calls } = await setup();
    const user = userEvent.setup();
    const topicChoices = [
      ...(screen.getByTestId('practice-filter-topic') as HTMLSelectElement).options,
    ].map((o) => o.textContent);
    expect(topicChoices).toEqual(['Alle Themenfelder', 'Arbeitsmarkt', 'Bildung', 'Wohnen']);

    await user.selectOptions(screen.getByTestId('practice-filter-topic'), 'Bildung');
    await user.selectOptions(screen.getByTestId('practice-filter-state'), 'Bayern');
    await user.selectOptions(screen.getByTestId('practice-filter-release'), 'Entwurf');
    await user.type(screen.getByTestId('practice-search'), 'Sprach');

    await waitFor(() => expect(listCalls(calls).at(-1)?.text).toBe('Sprach'));
    expect(listCalls(calls).at(-1)).toEqual({
      text: 'Sprach',
      topic_id: 2,
      organisation_id: null,
      state: 'Bayern',
      release_status: 'draft',
    });
    expect(
      listCalls(calls).filter((f) => f.text !== '' && f.text !== 'Sprach'),
      'typing asks once after the pause, not per letter',
    ).toEqual([]);
  });

  it('shows the list filtered by a topic set from outside (a topic hit of the search)', async () => {
    const { calls, app } = await setup();

    app.practiceExamples.filterByTopic(3);

    await waitFor(() => expect(listCalls(calls).at(-1)?.topic_id).toBe(3));
    expect((screen.getByTestId('practice-filter-topic') as HTMLSelectElement).value).toBe(
      screen.getByRole('option', { name: 'Wohnen' }).getAttribute('value'),
    );
    expect(listCalls(calls), 'one load for the screen, one for the topic').toHaveLength(2);
  });

  it('opens the example set from outside: app.practiceExamples.open(5) shows it', async () => {
    const { calls, app } = await setup();

    app.practiceExamples.open(5);

    await waitFor(() => expect(screen.getByTestId('practice-page')).toBeTruthy());
    await waitFor(() =>
      expect((screen.getByTestId('practice-title') as HTMLInputElement).value).toBe(
        'Welcome Center für internationale Fachkräfte',
      ),
    );
    expect(calls.find((c) => c.cmd === 'practice_example_get')?.args).toEqual({ id: 5 });
    expect(screen.getByTestId('practice-row-5').getAttribute('aria-selected')).toBe('true');
    expect((screen.getByTestId('practice-since') as HTMLInputElement).value).toBe('01.03.2021');
    expect(screen.getByTestId('practice-contact-chosen').textContent).toBe('Özdemir, Şükrü');
    expect((screen.getByTestId('practice-topic-1') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId('practice-topic-2') as HTMLInputElement).checked).toBe(false);
    expect(screen.getByTestId('history').textContent).toContain(
      'Angelegt am 04.05.2026 10:11 von anna',
    );
  });

  it('opens an example chosen before the screen appears (search hit, then navigate)', async () => {
    const { calls } = await setup({}, (app) => {
      app.practiceExamples.selected = 6;
    });

    await waitFor(() => expect(screen.getByTestId('practice-form')).toBeTruthy());
    expect(calls.find((c) => c.cmd === 'practice_example_get')?.args).toEqual({ id: 6 });
  });

  it('creates an example; every refused field shows its message under the field', async () => {
    const problems = [
      { field: 'title', message: 'Titel: Bitte einen Titel angeben.' },
      { field: 'topic_ids', message: 'Themenfelder: Bitte mindestens ein Themenfeld wählen.' },
      { field: 'link', message: 'Link: Bitte mit http:// oder https:// beginnen.' },
    ];
    const { calls } = await setup({
      practice_example_create: () => {
        throw {
          code: 'validation',
          message: '3 Eingaben sind ungültig.',
          field: 'link',
          errors: problems,
        };
      },
    });
    const user = userEvent.setup();

    await user.click(screen.getByTestId('practice-new'));
    expect(document.activeElement).toBe(screen.getByTestId('practice-title'));
    await user.type(screen.getByTestId('practice-link'), 'www.jena.de');
    await user.selectOptions(
      screen.getByTestId('practice-release_status'),
      'mit Kommune abgestimmt',
    );
    await user.click(screen.getByTestId('practice-save'));

    await waitFor(() => expect(screen.getByTestId('practice-error')).toBeTruthy());
    expect(calls.find((c) => c.cmd === 'practice_example_create')?.args.input).toEqual({
      title: '',
      organisation_id: null,
      contact_person_id: null,
      topic_ids: [],
      summary: '',
      body: '',
      target_groups: '',
      since: '',
      link: 'www.jena.de',
      release_status: 'agreed',
    });
    for (const { field, message } of problems) {
      const error = document.getElementById(`practice-${field}-error`);
      expect(error?.textContent, `the message for ${field} stands under ${field}`).toContain(
        message,
      );
    }
    expect(screen.getByTestId('practice-title').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('practice-topic-1').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement, 'the first invalid field gets the focus').toBe(
      screen.getByTestId('practice-title'),
    );
  });

  it('saves changed topics with the main topic first and says so', async () => {
    let stored = practiceDetail(5);
    const { calls, app } = await setup({
      practice_example_get: () => stored,
      practice_example_update: (args) => {
        stored = practiceDetail(5, {
          topics: (args.input as { topic_ids: number[] }).topic_ids.map((id) => ({
            id,
            name: TOPICS.find((t) => t.id === id)?.name ?? '',
          })),
        });
        return stored;
      },
    });
    app.practiceExamples.open(5);
    const user = userEvent.setup();
    await waitFor(() => expect(screen.getByTestId('practice-topic-2')).toBeTruthy());

    await user.click(screen.getByTestId('practice-topic-2'));
    expect(app.guard.dirty, 'a changed form is guarded').toBe(true);
    await user.selectOptions(screen.getByTestId('practice-topic-main'), 'Bildung');
    await user.click(screen.getByTestId('practice-save'));

    await waitFor(() =>
      expect(screen.getByTestId('practice-notice').textContent).toContain('Gespeichert.'),
    );
    expect(
      (
        calls.find((c) => c.cmd === 'practice_example_update')?.args.input as {
          topic_ids: number[];
        }
      ).topic_ids,
      'the main topic (the brochure chapter) comes first',
    ).toEqual([2, 1]);
    expect(app.guard.dirty).toBe(false);
  });

  it('shows the core conflict when a recommendation rests on the example', async () => {
    const message =
      'Das Praxisbeispiel ist Grundlage der Empfehlung „Fachkräfte gewinnen“ und kann nicht gelöscht werden.';
    const { calls, app } = await setup({
      practice_example_get: () =>
        practiceDetail(5, { recommendations: [{ id: 31, title: 'Fachkräfte gewinnen' }] }),
      practice_example_delete: () => {
        throw { code: 'conflict', message };
      },
    });
    app.practiceExamples.open(5);
    const user = userEvent.setup();
    await waitFor(() => expect(screen.getByTestId('practice-delete')).toBeTruthy());

    await user.click(screen.getByTestId('practice-delete'));
    await user.click(screen.getByTestId('confirm-ok'));

    await waitFor(() =>
      expect(screen.getByTestId('practice-failure').textContent).toContain(message),
    );
    expect(calls.find((c) => c.cmd === 'practice_example_delete')?.args).toEqual({ id: 5 });
    expect(app.practiceExamples.selected, 'the example stays open').toBe(5);
  });

  it('deletes an example after asking and closes its page', async () => {
    const { calls, app } = await setup({ practice_example_delete: () => null });
    app.practiceExamples.open(6);
    const user = userEvent.setup();
    await waitFor(() => expect(screen.getByTestId('practice-delete')).toBeTruthy());

    await user.click(screen.getByTestId('practice-delete'));
    expect(screen.getByTestId('practice-delete-dialog').textContent).toContain(
      'endgültig gelöscht',
    );
    await user.click(screen.getByTestId('confirm-ok'));

    await waitFor(() => expect(screen.queryByTestId('practice-page')).toBeNull());
    expect(calls.find((c) => c.cmd === 'practice_example_delete')?.args).toEqual({ id: 6 });
    expect(listCalls(calls), 'the list is reloaded without it').toHaveLength(2);
  });

  it('asks before another row replaces unsaved changes', async () => {
    const { app } = await setup();
    app.practiceExamples.open(5);
    const user = userEvent.setup();
    await waitFor(() => expect(screen.getByTestId('practice-title')).toBeTruthy());
    await waitFor(() =>
      expect((screen.getByTestId('practice-title') as HTMLInputElement).value).not.toBe(''),
    );

    await user.type(screen.getByTestId('practice-title'), ' (Jena)');
    await user.click(screen.getByTestId('practice-row-6'));

    expect(app.guard.asking, 'the app shows its "discard changes?" dialog').toBe(true);
    app.guard.answer(false);
    await waitFor(() => expect(app.guard.asking).toBe(false));
    expect(app.practiceExamples.selected, 'the user stays with the typed values').toBe(5);
    expect((screen.getByTestId('practice-title') as HTMLInputElement).value).toContain('(Jena)');
  });

  it('lists the recommendations resting on the example and opens one on its screen', async () => {
    const { app } = await setup({
      practice_example_get: () =>
        practiceDetail(5, { recommendations: [{ id: 31, title: 'Fachkräfte gewinnen' }] }),
    });
    app.screen = 'practice_examples';
    app.practiceExamples.open(5);
    await waitFor(() => expect(screen.getByTestId('practice-recommendation-31')).toBeTruthy());

    await userEvent.click(screen.getByTestId('practice-recommendation-31'));

    await waitFor(() => expect(app.screen).toBe('recommendations'));
    expect(app.recommendations.selected).toBe(31);
  });

  it('opens the topic manager and reloads topics and list after a change', async () => {
    let topics = TOPICS;
    const { calls } = await setup({
      topics_list: () => topics,
      topic_merge: () => {
        topics = topics.filter((t) => t.id !== 2);
        return topics[0];
      },
    });
    const user = userEvent.setup();

    await user.click(screen.getByTestId('topics-open'));
    await waitFor(() => expect(screen.getByTestId('topic-row-2')).toBeTruthy());
    await user.click(screen.getByTestId('topic-merge-2'));
    await user.selectOptions(screen.getByTestId('topic-merge-target'), 'Arbeitsmarkt');
    await user.click(screen.getByTestId('topic-merge-go'));
    await user.click(screen.getByTestId('confirm-ok'));

    await waitFor(() =>
      expect(
        [...(screen.getByTestId('practice-filter-topic') as HTMLSelectElement).options].map(
          (o) => o.textContent,
        ),
      ).toEqual(['Alle Themenfelder', 'Arbeitsmarkt', 'Wohnen']),
    );
    await waitFor(() => expect(listCalls(calls)).toHaveLength(2));
  });
});
