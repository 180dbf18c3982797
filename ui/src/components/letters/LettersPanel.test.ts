import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import { recordIPC, type Handler } from '../../test/ipc';
import type { LetterTemplate } from '../../lib/api/types';
import { attendanceList, people } from '../../lib/attendance/fixtures';
import { letterPreview } from '../../lib/letters/fixtures';
import LettersPanel from './LettersPanel.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

const stored: LetterTemplate = { subject: 'Einladung zur {sitzung}', body: '{anrede},' };

async function setup(handlers: Record<string, Handler> = {}) {
  const calls = recordIPC({
    letter_template_get: () => stored,
    letter_placeholders: () => [
      { name: 'anrede', description: 'Briefanrede, z. B. „Sehr geehrte Frau Dr. Weiß“' },
      { name: 'ort', description: 'Ort der Sitzung' },
    ],
    attendance_list: () => attendanceList(people()),
    letter_preview: () => letterPreview(),
    ...handlers,
  });
  render(LettersPanel, { props: { sessionId: 7 } });
  await waitFor(() => expect(screen.getByTestId('letters-preview').textContent).toContain('Einladung zur 42. Sitzung'));
  calls.length = 0;
  return { calls, user: userEvent.setup() };
}

const previews = (calls: { cmd: string; args: Record<string, unknown> }[]) =>
  calls.filter((c) => c.cmd === 'letter_preview');

describe('LettersPanel', () => {
  it('renders the preview from its parts, as text', async () => {
    await setup({
      letter_preview: () =>
        letterPreview([], { paragraphs: ['Sehr geehrter Herr Özdemir,', 'Treffpunkt <b>Rathaus</b> & Foyer'] }),
    });
    const preview = screen.getByTestId('letters-preview');
    expect(preview.textContent).toContain('45699 Herten');
    expect(preview.textContent).toContain('01.09.2026');
    expect(preview.textContent).toContain('Treffpunkt <b>Rathaus</b> & Foyer');
    expect(preview.querySelector('b'), 'markup in the data stays text').toBeNull();
    expect(screen.getByTestId('letters-subject')).toBeTruthy();
    expect((screen.getByTestId('letters-print') as HTMLButtonElement).disabled).toBe(false);
  });

  it('previews the edited body after a short pause, once', async () => {
    const { calls, user } = await setup();
    await user.type(screen.getByTestId('letters-body'), ' wir laden ein.');
    await waitFor(() => expect(previews(calls)).toHaveLength(1));
    expect(previews(calls)[0].args).toEqual({
      sessionId: 7,
      template: { subject: stored.subject, body: '{anrede}, wir laden ein.' },
      attendanceId: null,
    });
    expect(screen.getByTestId('letters-dirty')).toBeTruthy();
  });

  it('lists the problems by placeholder and person above the print buttons, which stay disabled', async () => {
    const problems = [
      { placeholder: 'organisation', person: 'Müller, Anna', message: 'Keine Organisation angegeben.' },
      { placeholder: 'organisation', person: 'Weiß, Sukran', message: 'Keine Organisation angegeben.' },
      { placeholder: 'titel', person: null, message: 'Unbekannter Platzhalter.' },
    ];
    const { calls, user } = await setup({ letter_preview: () => letterPreview(problems) });
    await user.type(screen.getByTestId('letters-body'), ' {organisation} {titel}');
    const alert = await screen.findByTestId('letters-problems');
    const listed = [...alert.querySelectorAll('[data-testid="letters-problem"]')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(listed).toEqual([
      'Müller, Anna: Keine Organisation angegeben.',
      'Weiß, Sukran: Keine Organisation angegeben.',
      'Unbekannter Platzhalter.',
    ]);
    expect(alert.textContent).toContain('{organisation}');
    expect(alert.textContent).toContain('{titel}');
    const print = screen.getByTestId('letters-print') as HTMLButtonElement;
    expect(print.disabled).toBe(true);
    expect((screen.getByTestId('letters-print-folder') as HTMLButtonElement).disabled).toBe(true);
    expect(
      alert.compareDocumentPosition(print) & Node.DOCUMENT_POSITION_FOLLOWING,
      'the problems stand above the print buttons',
    ).toBeTruthy();
    await user.click(print);
    expect(calls.some((c) => c.cmd === 'pdf_letters')).toBe(false);
  });

  it('inserts a placeholder at the cursor of the field last used', async () => {
    const { calls, user } = await setup();
    const subject = screen.getByTestId('letters-subject') as HTMLInputElement;
    await user.click(subject);
    subject.setSelectionRange(0, 0);
    await user.click(screen.getByTestId('letters-placeholder-ort'));
    expect(subject.value).toBe('{ort}Einladung zur {sitzung}');
    expect(subject.selectionStart).toBe(5);
    await waitFor(() => expect(previews(calls)).toHaveLength(1));
    expect(screen.getByTestId('letters-placeholder-anrede').parentElement?.textContent).toContain('Briefanrede');
  });

  it('previews the chosen invited person', async () => {
    const { calls, user } = await setup();
    await user.selectOptions(screen.getByTestId('letters-recipient'), 'Müller, Anna (Stadt Herten)');
    await waitFor(() => expect(previews(calls).at(-1)?.args.attendanceId).toBe(2));
  });

  it('saves the template, and prints to a chosen file reporting the pages', async () => {
    const { calls, user } = await setup({
      letter_template_save: (args) => args.template,
      'plugin:dialog|save': () => '/tmp/Einladungsbriefe.pdf',
      pdf_letters: () => ({ path: '/tmp/Einladungsbriefe.pdf', pages: 36, warnings: [] }),
    });
    await user.click(screen.getByTestId('letters-save'));
    await waitFor(() => expect(screen.getByTestId('letters-notice').textContent).toContain('Vorlage gespeichert'));
    expect(calls.find((c) => c.cmd === 'letter_template_save')?.args).toEqual({ template: stored });

    await user.click(screen.getByTestId('letters-print'));
    await waitFor(() => expect(screen.getByTestId('letters-notice').textContent).toContain('36 Seiten'));
    expect(calls.find((c) => c.cmd === 'pdf_letters')?.args).toEqual({ sessionId: 7, path: '/tmp/Einladungsbriefe.pdf' });
  });

  it('writes one PDF per person into a folder and shows a refusal with every problem', async () => {
    const errors = [
      { field: 'body', message: '{titel}: unbekannter Platzhalter.' },
      { field: 'body', message: '{organisation} ist leer bei Müller, Anna.' },
    ];
    const { user } = await setup({
      'plugin:dialog|open': () => '/tmp/briefe',
      pdf_letters_folder: () => {
        throw { code: 'invalid', message: 'Die Vorlage hat 2 Probleme.', field: 'body', errors };
      },
    });
    await user.click(screen.getByTestId('letters-print-folder'));
    const alert = await screen.findByTestId('letters-error');
    expect(alert.textContent).toContain('Die Vorlage hat 2 Probleme.');
    expect(alert.textContent).toContain('{organisation} ist leer bei Müller, Anna.');
  });

  it('never renders markup from data ({@html})', () => {
    for (const file of ['LettersPanel.svelte', 'LetterPreviewPane.svelte']) {
      expect(readFileSync(join(__dirname, file), 'utf8')).not.toContain('{@html');
    }
  });
});
