import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import { recordIPC, type Handler } from '../../test/ipc';
import type { LetterTemplate } from '../api/types';
import { attendanceList, people } from '../attendance/fixtures';
import { letterPreview as preview } from './fixtures';
import { LettersState, PREVIEW_DEBOUNCE_MS } from './letters.svelte';

afterEach(() => {
  clearMocks();
  vi.useRealTimers();
});

const stored: LetterTemplate = { subject: 'Einladung zur {sitzung}', body: '{anrede},\n\nwir laden ein.' };

async function loaded(handlers: Record<string, Handler> = {}) {
  const calls = recordIPC({
    letter_template_get: () => stored,
    letter_placeholders: () => [{ name: 'anrede', description: 'Briefanrede' }],
    attendance_list: () => attendanceList(people()),
    letter_preview: () => preview(),
    ...handlers,
  });
  const letters = new LettersState(7);
  await letters.load();
  calls.length = 0;
  return { calls, letters };
}

describe('LettersState', () => {
  it('loads the template, the placeholders and the recipients, then previews for the first', async () => {
    const calls = recordIPC({
      letter_template_get: () => stored,
      letter_placeholders: () => [],
      attendance_list: () => attendanceList(people()),
      letter_preview: () => preview(),
    });
    const letters = new LettersState(7);
    await letters.load();
    expect(calls.at(-1)).toEqual({
      cmd: 'letter_preview',
      args: { sessionId: 7, template: stored, attendanceId: null },
    });
    expect(letters.recipients).toHaveLength(4);
    expect(letters.dirty).toBe(false);
    expect(letters.canPrint).toBe(true);
  });

  it('asks for one preview after a pause in typing, with the draft', async () => {
    const { calls, letters } = await loaded();
    vi.useFakeTimers();
    letters.setBody('{anrede},');
    letters.setBody('{anrede},\n\nbitte');
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(PREVIEW_DEBOUNCE_MS);
    expect(calls).toHaveLength(1);
    expect(calls[0].args.template).toEqual({ subject: stored.subject, body: '{anrede},\n\nbitte' });
    expect(letters.dirty).toBe(true);
  });

  it('cannot print while any recipient has a placeholder problem', async () => {
    const problem = { placeholder: 'titel', person: null, message: 'Unbekannter Platzhalter {titel}.' };
    const { calls, letters } = await loaded({ letter_preview: () => preview([problem]) });
    await letters.refreshPreview();
    expect(letters.canPrint).toBe(false);
    calls.length = 0;
    await letters.printPdf();
    expect(calls.map((c) => c.cmd), 'no save dialog while there are problems').toEqual([
      'letter_preview',
    ]);
  });

  it('saves unsaved edits before printing, so the PDF shows what the preview shows', async () => {
    const { calls, letters } = await loaded({
      letter_template_save: (args) => args.template,
      'plugin:dialog|save': () => '/tmp/Einladungsbriefe.pdf',
      pdf_letters: () => ({ path: '/tmp/Einladungsbriefe.pdf', pages: 4, warnings: [] }),
    });
    letters.setSubject('Einladung');
    await letters.printPdf();
    expect(calls.map((c) => c.cmd)).toEqual([
      'letter_preview',
      'letter_template_save',
      'plugin:dialog|save',
      'pdf_letters',
    ]);
    expect(calls[3].args).toEqual({ sessionId: 7, path: '/tmp/Einladungsbriefe.pdf' });
    expect(letters.dirty).toBe(false);
    expect(letters.notice?.title).toBe('Briefe als PDF mit 4 Seiten gespeichert');
  });

  it('writes one PDF per person into a chosen folder and reports the count', async () => {
    const { calls, letters } = await loaded({
      'plugin:dialog|open': () => '/tmp/briefe',
      pdf_letters_folder: () => 4,
    });
    await letters.printFolder();
    expect(calls.at(-1)).toEqual({ cmd: 'pdf_letters_folder', args: { sessionId: 7, dir: '/tmp/briefe' } });
    expect(letters.notice?.title).toBe('4 Briefe als einzelne PDF-Dateien gespeichert');
  });

  it('shows every problem of a refused print', async () => {
    const errors = [{ field: 'body', message: '{titel}: unbekannter Platzhalter' }];
    const { letters } = await loaded({
      'plugin:dialog|save': () => '/tmp/x.pdf',
      pdf_letters: () => {
        throw { code: 'invalid', message: 'Die Vorlage hat 1 Problem.', field: 'body', errors };
      },
    });
    expect(await letters.printPdf()).toBe(false);
    expect(letters.error?.message).toBe('Die Vorlage hat 1 Problem.');
    expect(letters.error?.errors).toEqual(errors);
    expect(letters.errorTitle).toBe('Briefe nicht gedruckt');
  });
});
