import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import { recordIPC, type Handler } from '../../test/ipc';
import type { MinutesDetail } from '../api/types';
import { AUTOSAVE_DEBOUNCE_MS } from './autosave.svelte';
import { actionItem, approvedDetail, meta, minutesDetail, section, sessionEntries } from './fixtures';
import { approvalInput } from './drafts.svelte';
import { MinutesState } from './minutes.svelte';

afterEach(() => {
  clearMocks();
  vi.useRealTimers();
});

async function setup(detail: MinutesDetail = minutesDetail(), handlers: Record<string, Handler> = {}) {
  const calls = recordIPC({
    sessions_list: () => sessionEntries(),
    minutes_get: () => detail,
    minutes_save_notes: () => ({ at: '10:42' }),
    ...handlers,
  });
  const state = new MinutesState();
  await state.load();
  calls.length = 0;
  return { calls, state };
}

describe('MinutesState', () => {
  it('opens the most recent session that has taken place, not the next one', async () => {
    const { state } = await setup();
    expect(state.sessionId, 'the 38th (past) rather than the 39th (next)').toBe(7);
    expect(state.sessions.map((e) => e.session.number), 'newest first').toEqual([39, 38, 37]);
    expect(state.numbersAfter(37), 'where the 37th minutes can be approved').toEqual([38, 39]);
    state.openApproval();
    expect(state.approving).toEqual({ minutesId: 5, number: 38, atSession: 39 });
  });

  it('starts the minutes of a session without any', async () => {
    const { calls, state } = await setup(minutesDetail({}, null), {
      minutes_start: () => minutesDetail(),
    });
    expect(state.minutes).toBeNull();
    expect(await state.start()).toBe(true);
    expect(calls).toEqual([{ cmd: 'minutes_start', args: { sessionId: 7 } }]);
    expect(state.minutes?.status).toBe('draft');
  });

  it('autosaves typed notes per section with the minutes id and the agenda item', async () => {
    vi.useFakeTimers();
    const { calls, state } = await setup();
    state.typeNotes(11, 'Bericht aus Jena');
    state.typeNotes(null, 'Begrüßung');
    expect(state.notesOf(11), 'shown at once').toBe('Bericht aus Jena');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DEBOUNCE_MS);
    expect(calls).toEqual([
      { cmd: 'minutes_save_notes', args: { minutesId: 5, agendaItemId: 11, text: 'Bericht aus Jena' } },
      { cmd: 'minutes_save_notes', args: { minutesId: 5, agendaItemId: null, text: 'Begrüßung' } },
    ]);
    expect(state.autosave.label).toBe('Gespeichert 10:42');
  });

  it('keeps the typed notes when a fresh detail of the same minutes carries older ones', async () => {
    const { state } = await setup(minutesDetail(), {
      decision_add: () => minutesDetail({ sections: [section(null), section(11, { notes: 'alt' })] }),
    });
    state.typeNotes(11, 'neu');
    await state.addDecision(11, { text: 'Beschluss', votes_yes: null, votes_no: null, votes_abstain: null });
    expect(state.notesOf(11)).toBe('neu');
    await state.flush();
  });

  it('writes pending notes before showing another session', async () => {
    const { calls, state } = await setup();
    state.typeNotes(11, 'Noch nicht gespeichert');
    await state.select(6);
    expect(calls.map((c) => c.cmd)).toEqual(['minutes_save_notes', 'minutes_get']);
    expect(calls[1].args).toEqual({ sessionId: 6 });
  });

  it('never types into locked minutes', async () => {
    const { calls, state } = await setup(approvedDetail());
    state.typeNotes(11, 'x');
    await state.flush();
    expect(calls).toEqual([]);
  });

  it('approves the previous session\'s minutes from the hint, then reloads this session', async () => {
    const toApprove = { session_id: 6, number: 37, minutes_id: 4, status: 'sent' as const };
    const { calls, state } = await setup(minutesDetail({ to_approve: toApprove }), {
      minutes_approve: () => approvedDetail({ session: { ...minutesDetail().session, id: 6, number: 37 } }),
    });
    const input = { ...approvalInput(38), date: '16.03.2026', written_deadline: '01.01.2026' };
    expect(await state.approve(4, input)).toBeNull();
    expect(calls.map((c) => c.cmd)).toEqual(['minutes_approve', 'minutes_get']);
    expect(calls[0].args, 'only the values of the chosen kind are sent').toEqual({
      minutesId: 4,
      input: {
        kind: 'session',
        at_session: 38,
        date: '16.03.2026',
        changes: '',
        written_deadline: '',
        written_replies: '',
      },
    });
  });

  it('marks an open item of an earlier session done, and back to open', async () => {
    const item = actionItem(31, { session_number: 37, session_id: 6 });
    const { calls, state } = await setup(minutesDetail({ open_items: [item] }), {
      action_set_status: (args) => ({ ...item, status: args.status, done_on: args.status === 'done' ? '2026-03-16' : null }),
    });
    await state.setOpenItemStatus(item, 'done');
    expect(calls[0]).toEqual({ cmd: 'action_set_status', args: { id: 31, status: 'done', doneOn: '' } });
    expect(state.detail?.open_items[0].status).toBe('done');
    await state.keepOpen(state.detail!.open_items[0]);
    expect(calls[1].args).toEqual({ id: 31, status: 'open', doneOn: '' });
  });

  it('names the PDF after the session and reports the pages', async () => {
    const { calls, state } = await setup(minutesDetail(), {
      'plugin:dialog|save': () => '/home/anna/Protokoll 38. Sitzung.pdf',
      minutes_pdf: (args) => ({ path: args.path, pages: 4, warnings: [] }),
    });
    await state.savePdf();
    const options = calls[0].args.options as { defaultPath: string };
    expect(options.defaultPath).toBe('Protokoll 38. Sitzung.pdf');
    expect(calls[1]).toEqual({
      cmd: 'minutes_pdf',
      args: { sessionId: 7, version: null, path: '/home/anna/Protokoll 38. Sitzung.pdf' },
    });
    expect(state.notice?.title).toBe('Protokoll gespeichert (4 Seiten)');
  });

  it('starts the notes of a correction from the core\'s text', async () => {
    const { state } = await setup(approvedDetail({ sections: [section(11, { notes: 'genehmigt' })] }), {
      minutes_correct: () =>
        minutesDetail({ sections: [section(11, { notes: 'genehmigt' })] }, meta(6, { version: 2 })),
    });
    expect(await state.correct('Tippfehler in TOP 1')).toBeNull();
    expect(state.minutes?.id).toBe(6);
    expect(state.notesOf(11)).toBe('genehmigt');
    expect(state.notice?.title).toBe('Fassung 2 als Entwurf angelegt.');
  });
});
