import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import { recordIPC, type Handler } from '../../test/ipc';
import type { RecommendationDetail } from '../api/types';
import { RecommendationEditor } from './editor.svelte';
import { adoptedVersion, detail, version } from './fixtures';

afterEach(() => clearMocks());

const validation = (field: string, message: string) => ({
  code: 'validation',
  message,
  field,
  errors: [{ field, message }],
});

async function setup(shown: RecommendationDetail, handlers: Record<string, Handler> = {}) {
  const calls = recordIPC({ recommendation_get: () => shown, ...handlers });
  const editor = new RecommendationEditor();
  await editor.load(shown.id);
  calls.length = 0;
  return { calls, editor };
}

describe('RecommendationEditor', () => {
  it('saves only the changed text of a draft, with recommendation_save_draft', async () => {
    const { calls, editor } = await setup(detail(5), {
      recommendation_save_draft: () => detail(5, [version(1, { body: 'Neuer Text' })]),
    });
    expect(editor.textEditable).toBe(true);
    expect(editor.asksChangeNote, 'the first version needs no note').toBe(false);
    editor.draft.body = 'Neuer Text';
    expect(editor.dirty).toBe(true);

    expect(await editor.save()).not.toBeNull();
    expect(calls).toEqual([
      {
        cmd: 'recommendation_save_draft',
        args: { id: 5, draft: { body: 'Neuer Text', change_note: '' } },
      },
    ]);
    expect(editor.dirty).toBe(false);
  });

  it('saves title, topics and examples with recommendation_update, the text untouched', async () => {
    const { calls, editor } = await setup(detail(5), {
      recommendation_update: () => detail(5, [version(1)], { title: 'Kürzer' }),
    });
    editor.input.title = 'Kürzer';
    editor.toggleTopic(2, true);
    editor.removeExample(31);
    await editor.save();
    expect(calls).toEqual([
      {
        cmd: 'recommendation_update',
        args: { id: 5, input: { title: 'Kürzer', topic_ids: [1, 2], practice_example_ids: [] } },
      },
    ]);
  });

  it('keeps an adopted version read-only; a new version needs what changed', async () => {
    const adopted = detail(5, [adoptedVersion(1)]);
    const { calls, editor } = await setup(adopted, {
      recommendation_save_draft: (args) => {
        const draft = args.draft as { body: string; change_note: string };
        if (draft.change_note === '') throw validation('change_note', 'Bitte angeben, was sich geändert hat.');
        return detail(5, [version(2, { body: draft.body, change_note: draft.change_note }), adoptedVersion(1)]);
      },
    });
    expect(editor.textEditable).toBe(false);
    expect(editor.dirty, 'nothing to type into').toBe(false);

    editor.beginNewVersion();
    expect(editor.textEditable).toBe(true);
    expect(editor.draft, 'starts from the adopted text').toEqual({
      body: 'Text der Fassung 1',
      change_note: '',
    });
    editor.draft.body = 'Text der Fassung 2';
    expect(await editor.save()).toBeNull();
    expect(editor.errorFor('change_note')).toBe('Bitte angeben, was sich geändert hat.');
    expect(editor.newVersion, 'the begun version stays for the note').toBe(true);

    editor.draft.change_note = 'Frist ergänzt';
    expect(await editor.save()).not.toBeNull();
    expect(calls.at(-1)?.args).toEqual({
      id: 5,
      draft: { body: 'Text der Fassung 2', change_note: 'Frist ergänzt' },
    });
    expect(editor.current?.version).toBe(2);
    expect(editor.newVersion).toBe(false);
    expect(editor.editable, 'version 2 is a draft').toBe(true);
    expect(editor.asksChangeNote, "the draft's note can still be refined").toBe(true);
    expect(editor.draft.change_note).toBe('Frist ergänzt');
  });

  it('creates a new one with its first text', async () => {
    const calls = recordIPC({ recommendation_create: () => detail(9) });
    const editor = new RecommendationEditor();
    editor.startNew();
    editor.input.title = 'Neu';
    editor.toggleTopic(1, true);
    editor.draft.body = 'Erster Text';
    expect((await editor.save())?.id).toBe(9);
    expect(calls).toEqual([
      {
        cmd: 'recommendation_create',
        args: {
          input: { title: 'Neu', topic_ids: [1], practice_example_ids: [] },
          draft: { body: 'Erster Text', change_note: '' },
        },
      },
    ]);
  });

  it('returns a refused deletion as the core words it', async () => {
    const message = 'Die Empfehlung ist beschlossen und kann nicht gelöscht werden.';
    const { editor } = await setup(detail(5, [adoptedVersion(1)]), {
      recommendation_delete: () => {
        throw { code: 'conflict', message, field: null, errors: [] };
      },
    });
    expect(editor.canDelete).toBe(false);
    expect((await editor.remove())?.message).toBe(message);
  });
});
