import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tick } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import { AppState, appContext } from '../../lib/app/app.svelte';
import type { MinutesDetail, OrganisationRow } from '../../lib/api/types';
import { todayGerman } from '../../lib/format';
import { AUTOSAVE_DEBOUNCE_MS } from '../../lib/minutes/autosave.svelte';
import {
  actionItem,
  approvedDetail,
  decision,
  meta,
  minutesDetail,
  section,
  sessionEntries,
  version,
} from '../../lib/minutes/fixtures';
import { MinutesState } from '../../lib/minutes/minutes.svelte';
import { TasksState } from '../../lib/minutes/tasks.svelte';
import { memberList, memberRow, recordIPC, type Call, type Handler } from '../../test/ipc';
import MinutesView from '../views/MinutesView.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
  vi.useRealTimers();
});

const herten: OrganisationRow = {
  id: 3,
  name: 'Stadt Herten',
  kind: 'city',
  state: 'Nordrhein-Westfalen',
  city: 'Herten',
  member_since: null,
  member_until: null,
  representatives: [],
};

/** Renders the screen over a fake core; `minutes_get` answers `detail` (or what it computes). */
async function setup(
  detail: MinutesDetail | ((args: Record<string, unknown>) => MinutesDetail) = minutesDetail(),
  handlers: Record<string, Handler> = {},
) {
  const calls = recordIPC({
    sessions_list: () => sessionEntries(),
    minutes_get: (args) => (typeof detail === 'function' ? detail(args) : detail),
    minutes_save_notes: () => ({ at: '10:42' }),
    ...handlers,
  });
  const minutes = new MinutesState();
  const tasks = new TasksState();
  const app = new AppState();
  app.organisationOptions = [herten];
  const view = render(MinutesView, { props: { minutes, tasks }, context: appContext(app) });
  await waitFor(() => expect(minutes.detail).not.toBeNull());
  await tick();
  calls.length = 0;
  return { calls, minutes, tasks, view, user: userEvent.setup() };
}

const notes = (key: string) => screen.getByTestId(`minutes-notes-${key}`) as HTMLTextAreaElement;
const saves = (calls: Call[]) => calls.filter((c) => c.cmd === 'minutes_save_notes');

describe('Protokolle: choosing and starting', () => {
  it('opens the latest held session in a select of session ids, and switches on choice', async () => {
    const { calls, user } = await setup((args) =>
      minutesDetail({ session: { ...minutesDetail().session, id: args.sessionId as number } }),
    );
    const chooser = screen.getByTestId('minutes-session') as HTMLSelectElement;
    expect([...chooser.options].map((o) => o.value), 'newest first, by id').toEqual(['8', '7', '6']);
    expect(chooser.value, 'the 38th: the latest that took place').toBe('7');
    expect(chooser.selectedOptions[0].textContent).toContain('38. Sitzung, 16.–17.03.2026');

    await user.selectOptions(chooser, '6');
    await waitFor(() => expect(calls).toContainEqual({ cmd: 'minutes_get', args: { sessionId: 6 } }));
  });

  it('offers "Protokoll beginnen" before the minutes exist, then shows the sections in order', async () => {
    const { calls, user } = await setup(minutesDetail({}, null), { minutes_start: () => minutesDetail() });
    expect(screen.queryByTestId('minutes-notes-general')).toBeNull();
    await user.click(screen.getByTestId('minutes-start'));
    await waitFor(() => expect(screen.getByTestId('minutes-status').textContent).toBe('Entwurf'));
    expect(calls[0]).toEqual({ cmd: 'minutes_start', args: { sessionId: 7 } });
    const titles = screen.getAllByTestId(/^minutes-section-/).map((s) => s.querySelector('h3')?.textContent);
    expect(titles).toEqual(['Allgemeines', 'TOP 1 Berichte aus den Kommunen']);
    expect(notes('11').getAttribute('spellcheck')).toBe('true');
    expect(notes('11').getAttribute('lang')).toBe('de');
  });

  it('shows who was there, collapsed with counts, and sets the recorder from the register', async () => {
    const { calls, user } = await setup(minutesDetail(), {
      members_list: () => memberList([memberRow(102, 'Müller, Anna')]),
      minutes_set_recorder: () => minutesDetail({}, meta(5, { recorder_id: 102, recorder_name: 'Müller, Anna' })),
    });
    const present = screen.getByTestId('minutes-present') as HTMLDetailsElement;
    expect(present.open).toBe(false);
    expect(present.querySelector('summary')?.textContent).toBe('Anwesend (1)');
    expect(screen.getByTestId('minutes-excused').textContent).toContain('Entschuldigt (0)');

    await user.type(screen.getByTestId('minutes-recorder-search'), 'mül');
    await user.click(await screen.findByTestId('minutes-recorder-option-102'));
    await waitFor(() => expect(screen.getByTestId('minutes-recorder-chosen').textContent).toBe('Müller, Anna'));
    expect(calls.find((c) => c.cmd === 'minutes_set_recorder')?.args).toEqual({ minutesId: 5, personId: 102 });
  });
});

describe('Protokolle: notes autosave', () => {
  it('saves once after the pause, with the whole text, and says when', async () => {
    const { calls } = await setup();
    vi.useFakeTimers();
    for (const text of ['B', 'Be', 'Beg', 'Begrüßung']) {
      await fireEvent.input(notes('general'), { target: { value: text } });
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(saves(calls), 'nothing while typing').toHaveLength(0);
    expect(screen.getByTestId('minutes-save-state').textContent?.trim()).toBe('Wird gespeichert …');

    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    await tick();

    expect(saves(calls)).toEqual([
      { cmd: 'minutes_save_notes', args: { minutesId: 5, agendaItemId: null, text: 'Begrüßung' } },
    ]);
    expect(screen.getByTestId('minutes-save-state').textContent?.trim()).toBe('Gespeichert 10:42');
  });

  it('saves at least twice during five seconds of typing without a pause', async () => {
    const { calls } = await setup();
    vi.useFakeTimers();
    let text = '';
    for (let i = 0; i < 50; i++) {
      text += i % 6 === 5 ? ' ' : 'a';
      await fireEvent.input(notes('11'), { target: { value: text } });
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(saves(calls).length).toBeGreaterThanOrEqual(2);
    expect(saves(calls).every((c) => c.args.agendaItemId === 11)).toBe(true);
  });

  it('says why the notes were not saved', async () => {
    const { calls } = await setup(minutesDetail(), {
      minutes_save_notes: () => {
        throw { code: 'internal', message: 'Die Datenbank ist gerade belegt.', field: null };
      },
    });
    vi.useFakeTimers();
    await fireEvent.input(notes('11'), { target: { value: 'Bericht' } });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    await tick();
    expect(saves(calls)).toHaveLength(1);
    expect(screen.getByTestId('minutes-save-state').textContent?.trim()).toBe(
      'Nicht gespeichert: Die Datenbank ist gerade belegt.',
    );
  });

  it('writes pending notes when the screen is left', async () => {
    const { calls, view } = await setup();
    vi.useFakeTimers();
    await fireEvent.input(notes('11'), { target: { value: 'Noch nicht gespeichert' } });
    view.unmount();
    await vi.advanceTimersByTimeAsync(0);
    expect(saves(calls), 'written at once, not after the pause').toHaveLength(1);
    expect(saves(calls)[0].args.text).toBe('Noch nicht gespeichert');
  });
});

describe('Protokolle: approved minutes', () => {
  it('are read-only: readonly notes, no add, edit or remove buttons, and say so', async () => {
    await setup(
      approvedDetail({
        sections: [
          section(null, { notes: 'Begrüßung' }),
          section(11, { decisions: [decision(1)], action_items: [actionItem(2)] }),
        ],
      }),
    );
    expect(screen.getByTestId('minutes-locked').textContent).toContain(
      'Genehmigt am 21.09.2026 in der 39. Sitzung – nur lesbar. Änderungen nur über eine Korrektur.',
    );
    expect(notes('general').readOnly).toBe(true);
    expect(notes('11').readOnly).toBe(true);
    expect(notes('general').value).toBe('Begrüßung');
    expect(screen.queryAllByTestId(/^(decision|action)-(add|edit|remove)-(\d+|general)$/)).toEqual([]);
    expect(screen.queryByTestId('minutes-approve')).toBeNull();
    expect(screen.queryByTestId('minutes-send')).toBeNull();
    expect(screen.getByTestId('minutes-status').textContent).toBe('genehmigt am 21.09.2026');
    expect(screen.getByTestId('minutes-correct')).toBeTruthy();
  });

  it('start a correction with a required reason', async () => {
    const { calls, user } = await setup(approvedDetail(), {
      minutes_correct: () => minutesDetail({ versions: [version(1, { status: 'approved', is_current: false }), version(2)] }, meta(6, { version: 2 })),
    });
    await user.click(screen.getByTestId('minutes-correct'));
    const save = screen.getByTestId('correct-save') as HTMLButtonElement;
    expect(save.disabled, 'a reason is required').toBe(true);
    await user.type(screen.getByTestId('correct-reason'), 'Tippfehler in TOP 1');
    await user.click(save);
    await waitFor(() => expect(screen.getByTestId('minutes-status').textContent).toBe('Entwurf · Fassung 2'));
    expect(calls.find((c) => c.cmd === 'minutes_correct')?.args).toEqual({ minutesId: 5, reason: 'Tippfehler in TOP 1' });
    expect(notes('11').readOnly).toBe(false);
  });
});

describe('Protokolle: workflow', () => {
  it('approves with the dialog\'s input: at a later session, on a date, with changes', async () => {
    const { calls, user } = await setup(minutesDetail({}, meta(5, { status: 'sent', sent_on: '2026-04-01' })), {
      minutes_approve: () => approvedDetail(),
    });
    expect(screen.getByTestId('minutes-status').textContent).toBe('versandt am 01.04.2026');
    await user.click(screen.getByTestId('minutes-approve'));
    const dialog = screen.getByTestId('approve-dialog');
    expect((within(dialog).getByTestId('approve-at_session') as HTMLSelectElement).selectedOptions[0].textContent).toBe('39. Sitzung');
    await user.type(within(dialog).getByTestId('approve-date'), '21.09.2026');
    await user.type(within(dialog).getByTestId('approve-changes'), 'TOP 1 ergänzt');
    await user.click(within(dialog).getByTestId('approve-save'));

    await waitFor(() => expect(screen.getByTestId('minutes-locked')).toBeTruthy());
    expect(calls.find((c) => c.cmd === 'minutes_approve')?.args).toEqual({
      minutesId: 5,
      input: {
        kind: 'session',
        at_session: 39,
        date: '21.09.2026',
        changes: 'TOP 1 ergänzt',
        written_deadline: '',
        written_replies: '',
      },
    });
    expect(screen.queryByTestId('approve-dialog')).toBeNull();
  });

  it('approves in writing with the deadline, and shows refused fields under them', async () => {
    const problems = [
      { field: 'written_deadline', message: 'Frist des Umlaufverfahrens: „31.02.2026“ ist kein Datum.' },
    ];
    let refuse = true;
    const { calls, user } = await setup(minutesDetail(), {
      minutes_approve: () => {
        if (refuse) throw { code: 'validation', message: 'Eine Eingabe ist ungültig.', field: 'written_deadline', errors: problems };
        return approvedDetail();
      },
    });
    await user.click(screen.getByTestId('minutes-approve'));
    await user.click(screen.getByTestId('approve-kind-written'));
    expect(screen.queryByTestId('approve-at_session')).toBeNull();
    expect((screen.getByTestId('approve-date') as HTMLInputElement).value).toBe(todayGerman());
    await user.type(screen.getByTestId('approve-written_deadline'), '31.02.2026');
    await user.type(screen.getByTestId('approve-written_replies'), '17 Zustimmungen');
    await user.click(screen.getByTestId('approve-save'));

    await waitFor(() =>
      expect(document.getElementById('approve-written_deadline-error')?.textContent).toContain('ist kein Datum'),
    );
    expect(calls.find((c) => c.cmd === 'minutes_approve')?.args.input).toEqual({
      kind: 'written',
      at_session: null,
      date: todayGerman(),
      changes: '',
      written_deadline: '31.02.2026',
      written_replies: '17 Zustimmungen',
    });
    refuse = false;
    await user.clear(screen.getByTestId('approve-written_deadline'));
    await user.type(screen.getByTestId('approve-written_deadline'), '28.02.2026');
    await user.click(screen.getByTestId('approve-save'));
    await waitFor(() => expect(screen.queryByTestId('approve-dialog')).toBeNull());
  });

  it('approves the previous session\'s minutes from the hint, at this session', async () => {
    let approved = false;
    const toApprove = { session_id: 6, number: 37, minutes_id: 4, status: 'sent' as const };
    const { calls, user } = await setup(() => minutesDetail({ to_approve: approved ? null : toApprove }), {
      minutes_approve: () => {
        approved = true;
        return approvedDetail({ session: { ...minutesDetail().session, id: 6, number: 37 } });
      },
    });
    expect(screen.getByTestId('minutes-to-approve').textContent).toContain('Protokoll der 37. Sitzung zur Genehmigung');
    await user.click(screen.getByTestId('minutes-approve-previous'));
    expect(screen.getByTestId('approve-dialog').textContent).toContain('Protokoll der 37. Sitzung genehmigen');
    await user.click(screen.getByTestId('approve-save'));
    await waitFor(() => expect(screen.queryByTestId('minutes-to-approve')).toBeNull());
    expect(calls.find((c) => c.cmd === 'minutes_approve')?.args).toMatchObject({
      minutesId: 4,
      input: { kind: 'session', at_session: 38 },
    });
    expect(screen.getByTestId('minutes-status').textContent, 'this session\'s minutes stay a draft').toBe('Entwurf');
  });

  it('marks the minutes as sent today, then copies the e-mail list', async () => {
    const { calls, user } = await setup(minutesDetail(), {
      minutes_send: () => minutesDetail({}, meta(5, { status: 'sent', sent_on: '2026-04-01' })),
      minutes_email_list: () => 'a@jena.de; b@herten.de',
      'plugin:clipboard-manager|write_text': () => null,
    });
    await user.click(screen.getByTestId('minutes-send'));
    expect((screen.getByTestId('send-date') as HTMLInputElement).value).toBe(todayGerman());
    await user.click(screen.getByTestId('send-save'));
    await waitFor(() => expect(screen.getByTestId('send-emails')).toBeTruthy());
    expect(calls.find((c) => c.cmd === 'minutes_send')?.args).toEqual({ minutesId: 5, date: todayGerman() });
    await user.click(screen.getByTestId('send-emails'));
    await waitFor(() => expect(screen.getByTestId('minutes-notice').textContent).toContain('2 Adressen in der Zwischenablage'));
    expect(calls.find((c) => c.cmd === 'minutes_email_list')?.args).toEqual({ sessionId: 7 });
    expect(calls.at(-1)?.args.text).toBe('a@jena.de; b@herten.de');
    expect(screen.getByTestId('minutes-status').textContent).toBe('versandt am 01.04.2026');
  });

  it('saves the PDF as "Protokoll 38. Sitzung.pdf"', async () => {
    const { calls, user } = await setup(minutesDetail(), {
      'plugin:dialog|save': () => '/home/anna/Protokoll 38. Sitzung.pdf',
      minutes_pdf: (args) => ({ path: args.path, pages: 3, warnings: [] }),
    });
    await user.click(screen.getByTestId('minutes-pdf'));
    await waitFor(() => expect(screen.getByTestId('minutes-notice').textContent).toContain('3 Seiten'));
    expect((calls[0].args.options as { defaultPath: string }).defaultPath).toBe('Protokoll 38. Sitzung.pdf');
    expect(calls[1]).toEqual({ cmd: 'minutes_pdf', args: { sessionId: 7, version: null, path: '/home/anna/Protokoll 38. Sitzung.pdf' } });
  });
});

describe('Protokolle: decisions and action items', () => {
  it('adds a decision with its votes', async () => {
    const { calls, user } = await setup(minutesDetail(), {
      decision_add: () =>
        minutesDetail({ sections: [section(null), section(11, { decisions: [decision(1, { votes_yes: 12, votes_no: 0, votes_abstain: 1 })] })] }),
    });
    await user.click(screen.getByTestId('decision-add-11'));
    await user.type(screen.getByTestId('decision-field-text'), 'Die Empfehlung wird angenommen.');
    await user.type(screen.getByTestId('decision-field-votes_yes'), '12');
    await user.type(screen.getByTestId('decision-field-votes_no'), '0');
    await user.type(screen.getByTestId('decision-field-votes_abstain'), '1');
    await user.click(screen.getByTestId('decision-save'));
    await waitFor(() => expect(screen.getByTestId('decision-1').textContent).toContain('Ja 12 · Nein 0 · Enthaltung 1'));
    expect(calls.find((c) => c.cmd === 'decision_add')?.args).toEqual({
      minutesId: 5,
      agendaItemId: 11,
      input: { text: 'Die Empfehlung wird angenommen.', votes_yes: 12, votes_no: 0, votes_abstain: 1 },
    });
    expect(screen.queryByTestId('decision-form')).toBeNull();
  });

  it('shows each problem of a refused action item under its field and keeps the form', async () => {
    const problems = [
      { field: 'text', message: 'Aufgabe: Bitte angeben, was zu tun ist.' },
      { field: 'due_date', message: 'Fällig am: „32.13.2026“ ist kein Datum.' },
    ];
    const { calls, user } = await setup(minutesDetail(), {
      action_add: () => {
        throw { code: 'validation', message: '2 Eingaben sind ungültig.', field: 'text', errors: problems };
      },
    });
    await user.click(screen.getByTestId('action-add-general'));
    await user.type(screen.getByTestId('action-field-due_date'), '32.13.2026');
    await user.click(screen.getByTestId('action-save'));

    await waitFor(() => expect(screen.getByTestId('action-field-text').getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById('action-field-text-error')?.textContent).toContain('Bitte angeben, was zu tun ist.');
    expect(document.getElementById('action-field-due_date-error')?.textContent).toContain('ist kein Datum');
    expect(screen.queryByTestId('action-form-error'), 'every problem has its field').toBeNull();
    expect(calls.find((c) => c.cmd === 'action_add')?.args).toMatchObject({ minutesId: 5, agendaItemId: null, input: { due_date: '32.13.2026', status: 'open' } });
    expect(document.activeElement).toBe(screen.getByTestId('action-field-text'));
  });

  it('shows an error the core reports for a field the user did not touch under that field', async () => {
    const { user } = await setup(minutesDetail(), {
      action_add: () => {
        throw { code: 'validation', message: 'Fällig am: „x“ ist kein Datum.', field: 'due_date', errors: [{ field: 'due_date', message: 'Fällig am: „x“ ist kein Datum.' }] };
      },
    });
    await user.click(screen.getByTestId('action-add-11'));
    await user.type(screen.getByTestId('action-field-text'), 'Bericht schreiben');
    await user.click(screen.getByTestId('action-save'));
    await waitFor(() => expect(document.getElementById('action-field-due_date-error')?.textContent).toContain('kein Datum'));
  });

  it('adds an action item for an organisation of the register', async () => {
    const { calls, user } = await setup(minutesDetail(), {
      action_add: () => minutesDetail({ sections: [section(null), section(11, { action_items: [actionItem(9, { assignee: 'Stadt Herten', assignee_organisation_id: 3, due_date: '2026-06-30' })] })] }),
    });
    await user.click(screen.getByTestId('action-add-11'));
    await user.type(screen.getByTestId('action-field-text'), 'Praxisbeispiel einreichen');
    await user.click(screen.getByTestId('action-assignee-organisation'));
    await user.selectOptions(screen.getByTestId('action-field-assignee_organisation_id'), 'Stadt Herten');
    await user.type(screen.getByTestId('action-field-due_date'), '30.06.2026');
    await user.click(screen.getByTestId('action-save'));
    await waitFor(() => expect(screen.getByTestId('action-9').textContent).toContain('zuständig: Stadt Herten'));
    expect(calls.find((c) => c.cmd === 'action_add')?.args.input).toEqual({
      text: 'Praxisbeispiel einreichen',
      assignee_id: null,
      assignee_organisation_id: 3,
      assignee_text: '',
      due_date: '30.06.2026',
      status: 'open',
      done_on: '',
    });
    expect(screen.getByTestId('action-9').textContent).toContain('fällig am 30.06.2026');
  });

  it('reports on open items of earlier sessions: done or still open', async () => {
    const item = actionItem(31, { session_number: 37, session_id: 6, text: 'Handreichung verschicken', overdue: true, due_date: '2026-01-31' });
    const { calls, user } = await setup(minutesDetail({ open_items: [item] }), {
      action_set_status: (args) => ({ ...item, status: args.status, done_on: args.status === 'done' ? '2026-03-16' : null, overdue: false }),
    });
    const row = screen.getByTestId('open-item-31');
    expect(row.textContent).toContain('aus der 37. Sitzung');
    expect(row.textContent).toContain('überfällig');
    await user.click(screen.getByTestId('open-item-done-31'));
    await waitFor(() => expect(screen.getByTestId('open-item-31').textContent).toContain('erledigt am 16.03.2026'));
    expect(calls[0]).toEqual({ cmd: 'action_set_status', args: { id: 31, status: 'done', doneOn: '' } });
    await user.click(screen.getByTestId('open-item-open-31'));
    await waitFor(() => expect(calls[1]?.args).toEqual({ id: 31, status: 'open', doneOn: '' }));
  });
});

describe('Protokolle: versions', () => {
  it('lists the versions with their PDFs and shows the differences line by line', async () => {
    const detail = minutesDetail(
      { versions: [version(1, { status: 'approved', approved_on: '2026-09-21', is_current: false }), version(2, { correction_reason: 'Tippfehler' })] },
      meta(6, { version: 2 }),
    );
    const { calls, user } = await setup(detail, {
      minutes_diff: () => [
        { title: 'Allgemeines', changed: false, lines: [{ kind: 'same', text: 'Begrüßung' }] },
        {
          title: 'TOP 1 Berichte aus den Kommunen',
          changed: true,
          lines: [
            { kind: 'same', text: 'Jena berichtet.' },
            { kind: 'removed', text: 'Herten berichtet im Herbts.' },
            { kind: 'added', text: 'Herten berichtet im Herbst.' },
          ],
        },
      ],
    });
    expect(screen.getByTestId('minutes-version-1').textContent).toContain('21.09.2026');
    expect(screen.getByTestId('minutes-version-pdf-1')).toBeTruthy();
    await user.click(screen.getByTestId('minutes-version-diff-2'));
    await waitFor(() => expect(screen.getByTestId('minutes-diff')).toBeTruthy());
    expect(calls[0]).toEqual({ cmd: 'minutes_diff', args: { sessionId: 7, from: 1, to: 2 } });
    const added = screen.getAllByTestId('diff-added');
    const removed = screen.getAllByTestId('diff-removed');
    expect(added.map((l) => l.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['+ hinzugefügt: Herten berichtet im Herbst.']);
    expect(removed.map((l) => l.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['− entfernt: Herten berichtet im Herbts.']);
    expect(added[0].classList.contains('zk-diff__line--added')).toBe(true);
    const unchanged = screen.getByTestId('minutes-diff-section-0') as HTMLDetailsElement;
    expect(unchanged.tagName, 'unchanged sections are collapsed').toBe('DETAILS');
    expect(unchanged.open).toBe(false);
    expect(unchanged.textContent).toContain('Allgemeines – unverändert');
  });
});

describe('minutes components', () => {
  it('never render markup from data ({@html})', () => {
    for (const dir of ['.', '../views']) {
      const folder = join(__dirname, dir);
      for (const file of readdirSync(folder).filter((f) => f.endsWith('.svelte'))) {
        expect(readFileSync(join(folder, file), 'utf8'), file).not.toContain('{@html');
      }
    }
  });
});
