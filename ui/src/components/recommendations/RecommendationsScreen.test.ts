import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import { AppState, appContext } from '../../lib/app/app.svelte';
import type { RecommendationDetail } from '../../lib/api/types';
import { adoptedVersion, detail, row, TOPICS, version } from '../../lib/recommendations/fixtures';
import { entry } from '../../lib/sessions/test-fixtures';
import { recordIPC, type Call, type Handler } from '../../test/ipc';
import RecommendationsView from '../views/RecommendationsView.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

const ROWS = [
  row(5, 'Anerkennung beschleunigen', {
    topics: [
      { id: 1, name: 'Arbeitsmarkt' },
      { id: 2, name: 'Bildung' },
    ],
    version: 2,
    status: 'draft',
    adopted_at_session: 38,
    published_on: '2026-10-01',
  }),
  row(6, 'Sprachkitas ausbauen', { topics: [{ id: 2, name: 'Bildung' }] }),
];

const SESSIONS = [
  entry(3, { number: 38, first_day: '2026-09-21', last_day: '2026-09-22', status: 'held' }, {
    when: 'past',
  }),
  entry(8, { number: 39, first_day: '2027-09-16', last_day: '2027-09-17' }, { when: 'next' }),
];

async function setup(shown: RecommendationDetail = detail(5), handlers: Record<string, Handler> = {}) {
  const calls = recordIPC({
    recommendations_list: () => ROWS,
    topics_list: () => TOPICS,
    recommendation_get: () => shown,
    sessions_list: () => SESSIONS,
    ...handlers,
  });
  const app = new AppState();
  app.screen = 'recommendations';
  render(RecommendationsView, { context: appContext(app) });
  await waitFor(() => expect(screen.getByTestId('recommendation-row-5')).toBeTruthy());
  return { app, calls, user: userEvent.setup() };
}

async function openPage(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByTestId('recommendation-row-5'));
  await waitFor(() => expect(screen.getByTestId('recommendation-form')).toBeTruthy());
}

const body = () => screen.getByTestId('recommendation-body') as HTMLTextAreaElement;
const last = (calls: Call[], cmd: string) => calls.filter((c) => c.cmd === cmd).at(-1);

describe('Empfehlungen: the list', () => {
  it('groups by topic, listing one with two topics under each, with its current state', async () => {
    await setup();
    const work = screen.getByTestId('recommendation-group-1');
    const school = screen.getByTestId('recommendation-group-2');
    expect(within(work).getByRole('rowheader').textContent).toContain('Arbeitsmarkt');
    expect(within(school).getByTestId('recommendation-row-5-topic-2'), 'listed again').toBeTruthy();
    expect(within(school).getByTestId('recommendation-row-6')).toBeTruthy();
    const first = screen.getByTestId('recommendation-row-5');
    expect(first.textContent).toContain('Entwurf');
    expect(first.textContent).toContain('Fassung 2');
    expect(first.textContent).toContain('in der 38. Sitzung');
    expect(first.textContent).toContain('01.10.2026');
    expect(screen.getByTestId('recommendations-count').textContent, 'counted once').toContain(
      '2 Empfehlungen',
    );
  });

  it('filters by topic and by text', async () => {
    const { calls, user } = await setup();
    await user.selectOptions(screen.getByTestId('recommendations-topic'), 'Bildung');
    await user.type(screen.getByTestId('recommendations-search'), 'Kita');
    await waitFor(() =>
      expect(last(calls, 'recommendations_list')?.args).toEqual({
        filter: { text: 'Kita', topic_id: 2 },
      }),
    );
    expect(screen.queryByTestId('recommendation-group-1'), 'only the chosen topic').toBeNull();
  });

  it('saves the PDF of the adopted recommendations and says how many pages', async () => {
    const { calls, user } = await setup(detail(5), {
      'plugin:dialog|save': () => '/home/anna/Handlungsempfehlungen.pdf',
      pdf_recommendations: () => ({
        path: '/home/anna/Handlungsempfehlungen.pdf',
        pages: 12,
        warnings: [],
      }),
    });
    await user.click(screen.getByTestId('recommendations-pdf'));
    await waitFor(() => expect(screen.getByTestId('recommendations-notice')).toBeTruthy());
    const options = last(calls, 'plugin:dialog|save')?.args.options as { defaultPath: string };
    expect(options.defaultPath).toBe('Handlungsempfehlungen.pdf');
    expect(last(calls, 'pdf_recommendations')?.args).toEqual({
      path: '/home/anna/Handlungsempfehlungen.pdf',
    });
    expect(screen.getByTestId('recommendations-notice').textContent).toContain(
      '12 Seiten gespeichert',
    );
  });
});

describe('Empfehlungen: the page', () => {
  it('opens when a search hit selects it from outside', async () => {
    const { app, calls } = await setup(detail(5, [version(1)], { title: 'Von der Suche' }));
    app.recommendations.selected = 5;
    await waitFor(() =>
      expect((screen.getByTestId('recommendation-title') as HTMLInputElement).value).toBe(
        'Von der Suche',
      ),
    );
    expect(last(calls, 'recommendation_get')?.args).toEqual({ id: 5 });
    expect(screen.getByTestId('recommendation-row-5').getAttribute('aria-selected')).toBe('true');
  });

  it('shows the one a search hit chose while another screen was open', async () => {
    const calls = recordIPC({
      recommendations_list: () => ROWS,
      topics_list: () => TOPICS,
      recommendation_get: () => detail(6, [version(1)], { title: 'Sprachkitas ausbauen' }),
    });
    const app = new AppState();
    app.recommendations.open(6);
    render(RecommendationsView, { context: appContext(app) });
    await waitFor(() =>
      expect((screen.getByTestId('recommendation-title') as HTMLInputElement).value).toBe(
        'Sprachkitas ausbauen',
      ),
    );
    expect(last(calls, 'recommendation_get')?.args).toEqual({ id: 6 });
  });

  it('writes a new one: title, topic and text become version 1', async () => {
    const { app, calls, user } = await setup(detail(9, [version(1)], { title: 'Dolmetschpool' }), {
      recommendation_create: () => detail(9, [version(1)], { title: 'Dolmetschpool' }),
    });
    await user.click(screen.getByTestId('recommendation-new'));
    expect(document.activeElement).toBe(screen.getByTestId('recommendation-title'));
    await user.type(screen.getByTestId('recommendation-title'), 'Dolmetschpool');
    await user.click(screen.getByTestId('recommendation-topic-3'));
    await user.type(body(), 'Ein Pool für alle Kommunen.');
    await user.click(screen.getByTestId('recommendation-save'));

    await waitFor(() => expect(app.recommendations.selected).toBe(9));
    expect(last(calls, 'recommendation_create')?.args).toEqual({
      input: { title: 'Dolmetschpool', topic_ids: [3], practice_example_ids: [] },
      draft: { body: 'Ein Pool für alle Kommunen.', change_note: '' },
    });
    expect(screen.getByTestId('recommendation-notice').textContent).toContain('Fassung 1');
    expect(calls.filter((c) => c.cmd === 'recommendations_list').length, 'list reloaded').toBe(2);
  });

  it('edits the text of a draft and saves it as that draft', async () => {
    const { calls, user } = await setup(detail(5), {
      recommendation_save_draft: () => detail(5, [version(1, { body: 'Kürzere Fristen.' })]),
    });
    await openPage(user);
    expect(body().readOnly).toBe(false);
    expect(body().getAttribute('lang')).toBe('de');
    expect(body().getAttribute('spellcheck')).toBe('true');
    expect(screen.queryByTestId('recommendation-change_note'), 'version 1 needs no note').toBeNull();

    await user.clear(body());
    await user.type(body(), 'Kürzere Fristen.');
    await user.click(screen.getByTestId('recommendation-save'));

    await waitFor(() => expect(screen.getByTestId('recommendation-notice')).toBeTruthy());
    expect(last(calls, 'recommendation_save_draft')?.args).toEqual({
      id: 5,
      draft: { body: 'Kürzere Fristen.', change_note: '' },
    });
    expect(calls.some((c) => c.cmd === 'recommendation_update'), 'title etc. unchanged').toBe(
      false,
    );
  });

  it('shows an adopted version read-only; a new version requires what changed', async () => {
    const adopted = detail(5, [adoptedVersion(1)]);
    const { calls, user } = await setup(adopted, {
      recommendation_save_draft: () => {
        throw {
          code: 'validation',
          message: 'Was hat sich geändert? Bitte angeben.',
          field: 'change_note',
          errors: [{ field: 'change_note', message: 'Was hat sich geändert? Bitte angeben.' }],
        };
      },
    });
    await openPage(user);
    expect(body().readOnly).toBe(true);
    expect(screen.getByTestId('recommendation-locked').textContent).toContain(
      'Fassung 1 ist beschlossen in der 38. Sitzung, 21.09.2026',
    );
    expect(screen.queryByTestId('recommendation-adopt'), 'nothing left to adopt').toBeNull();

    await user.click(screen.getByTestId('recommendation-new-version'));
    const note = screen.getByTestId('recommendation-change_note');
    expect(document.activeElement, 'the note is asked first').toBe(note);
    expect(body().readOnly).toBe(false);
    await user.type(body(), ' Neu.');
    await user.click(screen.getByTestId('recommendation-save'));

    await waitFor(() =>
      expect(document.getElementById('recommendation-change_note-error')?.textContent).toContain(
        'Was hat sich geändert? Bitte angeben.',
      ),
    );
    expect(note.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement, 'taken to the field').toBe(note);
    expect(last(calls, 'recommendation_save_draft')?.args).toEqual({
      id: 5,
      draft: { body: 'Text der Fassung 1 Neu.', change_note: '' },
    });
  });

  it('adopts the draft at the chosen session with its publication date', async () => {
    let adopted = false;
    const { calls, user } = await setup(detail(5), {
      recommendation_adopt: () => {
        adopted = true;
        return detail(5, [adoptedVersion(1, { published_on: '2027-10-01' })]);
      },
      recommendations_list: () => ROWS,
    });
    await openPage(user);
    await user.click(screen.getByTestId('recommendation-adopt'));
    const dialog = await screen.findByTestId('adopt-dialog');
    const session = within(dialog).getByTestId('adopt-session_id') as HTMLSelectElement;
    await waitFor(() => expect(session.disabled).toBe(false));
    expect([...session.options].map((o) => o.textContent)).toEqual([
      '39. Sitzung, 16.–17.09.2027',
      '38. Sitzung, 21.–22.09.2026',
    ]);
    expect(session.selectedOptions[0].textContent, 'the last one held').toContain('38.');

    await user.selectOptions(session, '39. Sitzung, 16.–17.09.2027');
    await user.type(within(dialog).getByTestId('adopt-published_on'), '01.10.2027');
    await user.click(within(dialog).getByTestId('adopt-save'));

    await waitFor(() => expect(adopted).toBe(true));
    expect(last(calls, 'recommendation_adopt')?.args).toEqual({
      id: 5,
      adoption: { session_id: 8, published_on: '01.10.2027' },
    });
    await waitFor(() =>
      expect(screen.getByTestId('recommendation-status').textContent).toContain('beschlossen'),
    );
    expect(body().readOnly, 'locked now').toBe(true);
  });

  it('shows the difference between two ticked versions as the core computes it', async () => {
    const { calls, user } = await setup(
      detail(5, [
        version(2, { body: 'Satz eins.\nSatz zwei, neu.', change_note: 'Satz zwei ergänzt' }),
        adoptedVersion(1, { body: 'Satz eins.' }),
      ]),
      {
        recommendation_diff: () => [
          { kind: 'same', text: 'Satz eins.' },
          { kind: 'added', text: 'Satz zwei, neu.' },
        ],
      },
    );
    await openPage(user);
    expect(screen.getByTestId('recommendation-version-2').textContent).toContain(
      'Satz zwei ergänzt',
    );
    await user.click(screen.getByTestId('recommendation-compare-1'));
    await user.click(screen.getByTestId('recommendation-compare-2'));
    const diff = screen.getByTestId('recommendation-diff');
    await waitFor(() =>
      expect(within(diff).getByTestId('diff-added').textContent).toContain('Satz zwei, neu.'),
    );
    expect(within(diff).queryByTestId('diff-removed')).toBeNull();
    expect(last(calls, 'recommendation_diff')?.args, 'older version first').toEqual({
      id: 5,
      from: 1,
      to: 2,
    });
  });

  it('opens a practice example behind it on the Praxisbeispiele screen', async () => {
    const { app, user } = await setup();
    await openPage(user);
    await user.click(screen.getByTestId('recommendation-example-31'));
    await waitFor(() => expect(app.screen).toBe('practice_examples'));
    expect(app.practiceExamples.selected).toBe(31);
  });

  it('shows the refusal of a deletion as the core words it', async () => {
    const message = 'Die Empfehlung hat eine beschlossene Fassung und bleibt erhalten.';
    const { user } = await setup(detail(5), {
      recommendation_delete: () => {
        throw { code: 'conflict', message, field: null, errors: [] };
      },
    });
    await openPage(user);
    await user.click(screen.getByTestId('recommendation-delete'));
    await user.click(
      within(screen.getByTestId('recommendation-delete-dialog')).getByTestId('confirm-ok'),
    );
    await waitFor(() =>
      expect(screen.getByTestId('recommendation-failure').textContent).toContain(message),
    );
  });
});
