import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import type { ScheduledItem } from '../api/types';
import { recordIPC } from '../../test/ipc';
import { AgendaBoard } from './agenda.svelte';
import { emptyAgendaInput } from './agenda-draft.svelte';
import { SessionEditor } from './session-editor.svelte';
import { detail, item, slot } from './test-fixtures';

afterEach(() => clearMocks());

const DAY = '2026-09-21';
const A = item(11, { number: 1, title: 'Begrüßung', slot: slot('09:00', '09:15') });
const B = item(12, { number: 2, title: 'Berichte', slot: slot('09:15', '10:00') });
const C = item(13, { number: 3, title: 'Welcome Center', slot: slot('10:00', '11:00') });

/** The order after moving `id` by `by` within the list. */
function moved(agenda: ScheduledItem[], id: number, by: number): ScheduledItem[] {
  const list = [...agenda];
  const from = list.findIndex((i) => i.id === id);
  const [it] = list.splice(from, 1);
  list.splice(from + by, 0, it);
  return list.map((entry, index) => ({ ...entry, number: index + 1 }));
}

async function boardWith(agenda: ScheduledItem[], handlers: Parameters<typeof recordIPC>[0] = {}) {
  let current = detail(7, agenda);
  const calls = recordIPC({
    session_get: () => current,
    agenda_move: (args) => {
      current = { ...current, agenda: moved(current.agenda, args.itemId as number, args.by as number) };
      return current;
    },
    ...handlers,
  });
  const editor = new SessionEditor();
  await editor.load(7);
  calls.length = 0;
  return { board: new AgendaBoard(editor, { previewDelay: 5 }), editor, calls };
}

describe('AgendaBoard', () => {
  it('moves an item one place down and shows the order and numbers the core answers', async () => {
    const { board, editor, calls } = await boardWith([A, B, C]);

    expect(await board.move(A.id, 1)).toBe(true);

    expect(calls).toEqual([{ cmd: 'agenda_move', args: { sessionId: 7, itemId: 11, by: 1 } }]);
    expect(editor.detail?.agenda.map((i) => [i.id, i.number])).toEqual([
      [12, 1],
      [11, 2],
      [13, 3],
    ]);
    expect(board.announcement).toContain('„Begrüßung“ steht jetzt an Stelle 2');
  });

  it('does not ask the core to move the first item up or the last one down', async () => {
    const { board, calls } = await boardWith([A, B, C]);
    expect(await board.move(A.id, -1)).toBe(false);
    expect(await board.move(C.id, 1)).toBe(false);
    expect(calls).toEqual([]);
  });

  it('drops an item onto another row of its day in single steps, one after another', async () => {
    const { board, editor, calls } = await boardWith([A, B, C]);

    await board.moveTo(A.id, C.id);

    expect(calls.map((c) => c.args.by), 'from first to third place: two steps down').toEqual([1, 1]);
    expect(editor.detail?.agenda.map((i) => i.id)).toEqual([12, 13, 11]);
  });

  it('previews a draft once typing pauses and finds the new item in the answer', async () => {
    const preview = [A, B, C, item(0, { number: 4, title: 'Neu', slot: slot('11:00', '11:30') })];
    const { board, calls } = await boardWith([A, B, C], { agenda_preview: () => preview });

    board.startNew(DAY);
    const draft = board.draft!;
    draft.input.duration_minutes = 3;
    draft.requestPreview();
    draft.input.duration_minutes = 30;
    draft.requestPreview();
    await new Promise((resolve) => setTimeout(resolve, 30));

    const previews = calls.filter((c) => c.cmd === 'agenda_preview');
    expect(previews, 'one call after the pause, with what was typed last').toHaveLength(1);
    expect(previews[0].args).toEqual({
      sessionId: 7,
      itemId: null,
      input: { ...emptyAgendaInput(DAY), duration_minutes: 30 },
    });
    expect(draft.scheduled?.title, 'the entry the stored agenda does not have').toBe('Neu');
    expect(board.itemsOf(DAY).map((i) => i.id), 'the day shows the preview').toEqual([11, 12, 13, 0]);
  });

  it('saves a draft with agenda_add, shows the fresh agenda and closes the form', async () => {
    const fresh = detail(7, [A, B, C, item(14, { number: 4, title: 'Pause' })]);
    const { board, editor, calls } = await boardWith([A, B, C], {
      agenda_add: () => fresh,
      agenda_preview: () => [],
      topics_list: () => [],
    });

    board.startNew(DAY);
    board.draft!.input.title = 'Pause';
    board.draft!.input.kind = 'break';
    board.draft!.input.duration_minutes = 15;

    expect(await board.saveDraft()).toBe(true);
    expect(calls.find((c) => c.cmd === 'agenda_add')?.args).toEqual({
      sessionId: 7,
      input: { ...emptyAgendaInput(DAY), title: 'Pause', kind: 'break', duration_minutes: 15 },
    });
    expect(editor.detail?.agenda.map((i) => i.id)).toEqual([11, 12, 13, 14]);
    expect(board.draft).toBeNull();
  });

  it('keeps the draft open with every problem by field when the core refuses it', async () => {
    const { board } = await boardWith([A], {
      agenda_update: () => {
        throw {
          code: 'validation',
          message: '2 Eingaben sind ungültig.',
          field: 'title',
          errors: [
            { field: 'title', message: 'Titel: Bitte einen Titel angeben.' },
            { field: 'duration_minutes', message: 'Dauer: 1 bis 1440 Minuten.' },
          ],
        };
      },
      topics_list: () => [],
    });

    board.edit(A);
    expect(await board.saveDraft()).toBe(false);

    expect(board.draft?.itemId).toBe(A.id);
    expect(board.draft?.invalidFields, 'in form order').toEqual(['title', 'duration_minutes']);
    expect(board.draft?.errors.duration_minutes).toBe('Dauer: 1 bis 1440 Minuten.');
  });

  it('keeps a refused day start under that day', async () => {
    const { board } = await boardWith([A], {
      session_set_day_start: () => {
        throw { code: 'validation', message: 'Beginn: „25:00“ ist keine Uhrzeit.', field: 'start' };
      },
    });
    expect(await board.setDayStart(DAY, '25:00')).toBe(false);
    expect(board.dayErrors[DAY]).toBe('Beginn: „25:00“ ist keine Uhrzeit.');
  });
});
