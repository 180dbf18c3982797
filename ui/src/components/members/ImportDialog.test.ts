import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clearMocks } from '@tauri-apps/api/mocks';
import type { ColumnMapping } from '../../lib/api/types';
import { importPreview, previewRow, recordIPC, type Handler } from '../../test/ipc';
import { ImportState } from '../../lib/transfer/import.svelte';
import { Notices } from '../../lib/transfer/notices.svelte';
import ImportDialog from './ImportDialog.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

const PATH = '/home/anna/mitglieder.csv';

async function setup(handlers: Record<string, Handler>) {
  const calls = recordIPC({ 'plugin:dialog|open': () => PATH, ...handlers });
  const notices = new Notices();
  const importer = new ImportState(notices);
  const onimported = vi.fn();
  render(ImportDialog, { props: { importer, onimported } });
  await importer.start();
  return { calls, importer, notices, onimported };
}

const errorRow = previewRow(3, {
  status: 'error',
  name: 'Anna Weiß',
  errors: [{ column: 'Mail', message: 'E-Mail: „anna@“ ist keine gültige E-Mail-Adresse.' }],
});

describe('ImportDialog', () => {
  it('shows the counts, highlights rows with errors and disables the import', async () => {
    await setup({
      members_import_preview: () => importPreview([previewRow(2), errorRow], undefined, 1),
    });

    await waitFor(() => expect(screen.getAllByTestId('import-row')).toHaveLength(2));
    expect(screen.getByText('Import-Vorschau: mitglieder.csv')).toBeTruthy();
    expect(screen.getByTestId('import-counts').textContent).toContain(
      '1 neu, 1 Fehler, 1 neue Organisation',
    );
    const row = screen.getAllByTestId('import-row')[1];
    expect(row.classList.contains('zk-import-row--error')).toBe(true);
    expect(row.textContent).toContain('Spalte „Mail“:');
    expect(row.textContent).toContain('E-Mail: „anna@“ ist keine gültige E-Mail-Adresse.');
    const commit = screen.getByTestId('import-commit') as HTMLButtonElement;
    expect(commit.disabled).toBe(true);
    expect(screen.getByTestId('import-blocker').textContent).toContain(
      'Bitte die Fehler in der Datei beheben oder die Zuordnung ändern',
    );
    expect(commit.getAttribute('aria-describedby')).toBe('import-blocker');
  });

  it('re-runs the preview with the mapping when a column is assigned differently', async () => {
    const { calls } = await setup({
      members_import_preview: (args) => {
        const mapping = args.mapping as ColumnMapping[] | null;
        const fixed = mapping?.some((c) => c.field === 'email');
        return importPreview(fixed ? [previewRow(2)] : [previewRow(2), errorRow], mapping ?? undefined);
      },
    });
    await waitFor(() => expect(screen.getAllByTestId('import-row')).toHaveLength(2));

    await userEvent.selectOptions(screen.getByLabelText('Mail'), 'E-Mail');

    await waitFor(() => expect(screen.getAllByTestId('import-row')).toHaveLength(1));
    const previews = calls.filter((c) => c.cmd === 'members_import_preview');
    expect(previews).toHaveLength(2);
    expect(previews[1].args).toEqual({
      path: PATH,
      mapping: [
        { index: 0, header: 'Vorname', field: 'first_name' },
        { index: 1, header: 'Nachname', field: 'last_name' },
        { index: 2, header: 'Mail', field: 'email' },
      ],
      separate: [],
    });
    expect((screen.getByTestId('import-commit') as HTMLButtonElement).disabled).toBe(false);
  });

  it('sends the per-row decisions, then closes and reports', async () => {
    const { calls, importer, notices, onimported } = await setup({
      members_import_preview: () =>
        importPreview([
          previewRow(2),
          previewRow(3, {
            status: 'update',
            name: 'Deniz Öztürk',
            existing_person_id: 7,
            duplicate_reason: 'Gleiche E-Mail-Adresse wie eine vorhandene Person.',
          }),
          previewRow(4, {
            status: 'duplicate',
            existing_person_id: 8,
            duplicate_reason: 'Gleicher Name und gleiche Organisation.',
          }),
        ]),
      members_import_commit: () => ({
        created: 1,
        updated: 1,
        skipped: 1,
        organisations_created: 0,
        mandates_created: 1,
        backup: '/daten/backups/vor-import.sqlite3',
      }),
    });
    await waitFor(() => expect(screen.getAllByTestId('import-row')).toHaveLength(3));
    const rows = screen.getAllByTestId('import-row');
    expect(rows[1].textContent).toContain('Gleiche E-Mail-Adresse wie eine vorhandene Person.');
    const choice = within(rows[1]).getByLabelText('Zeile 3 (Deniz Öztürk): Entscheidung');
    expect((choice as HTMLSelectElement).value).toBe('skip');

    await userEvent.selectOptions(choice, 'Aktualisieren');
    await userEvent.click(screen.getByTestId('import-commit'));

    await waitFor(() => expect(onimported).toHaveBeenCalledTimes(1));
    expect(calls.find((c) => c.cmd === 'members_import_commit')?.args).toEqual({
      path: PATH,
      mapping: importPreview([]).columns,
      decisions: [
        { row: 3, action: 'update' },
        { row: 4, action: 'skip' },
      ],
      separate: [],
      seen: 'preview-fingerprint',
    });
    expect(importer.open).toBe(false);
    expect(notices.items[0].title).toBe('Import aus „mitglieder.csv“ abgeschlossen');
  });

  it('shows a validation error of the commit and stays open', async () => {
    const message = 'Zeile 2: Die Organisation „Stadt Herten“ gibt es zweimal. Bitte prüfen.';
    const { importer, onimported } = await setup({
      members_import_preview: () => importPreview([previewRow(2)]),
      members_import_commit: () => {
        throw { code: 'validation', message, field: null };
      },
    });
    await waitFor(() => expect(screen.getAllByTestId('import-row')).toHaveLength(1));

    await userEvent.click(screen.getByTestId('import-commit'));

    await waitFor(() => expect(screen.getByTestId('import-error').textContent).toContain(message));
    expect(importer.open).toBe(true);
    expect(screen.getByTestId('import-dialog').hasAttribute('open')).toBe(true);
    expect(screen.getAllByTestId('import-row')).toHaveLength(1);
    expect(onimported).not.toHaveBeenCalled();
  });

  const columns: ColumnMapping[] = [
    { index: 0, header: 'Vorname', field: 'first_name' },
    { index: 1, header: 'Nachname', field: 'last_name' },
    { index: 2, header: 'Mail', field: 'email' },
    { index: 3, header: 'Ort', field: null },
    { index: 4, header: 'E-Mail', field: null },
    { index: 5, header: 'Bemerkung intern', field: null },
  ];
  const ignored = [
    {
      index: 3,
      header: 'Ort',
      reason: 'mehrdeutig: Ort der Person oder Sitz der Organisation? Bitte zuordnen',
    },
    { index: 4, header: 'E-Mail', reason: '„E-Mail“ ist schon der Spalte „Mail“ zugeordnet' },
    { index: 5, header: 'Bemerkung intern', reason: 'nicht erkannt' },
  ];

  it('lists the columns not taken over with the reason, without unfolding the mapping', async () => {
    await setup({
      members_import_preview: () => importPreview([previewRow(2)], columns, 0, { ignored }),
    });
    await waitFor(() => expect(screen.getAllByTestId('import-row')).toHaveLength(1));

    const mapping = screen.getByTestId('import-mapping') as HTMLDetailsElement;
    expect(mapping.open).toBe(false);
    const list = screen.getByTestId('import-ignored');
    expect(mapping.contains(list)).toBe(false);
    expect(list.compareDocumentPosition(screen.getAllByTestId('import-row')[0])).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    expect(screen.getAllByTestId('import-ignored-column').map((li) => li.textContent?.trim())).toEqual([
      '„Ort“ – mehrdeutig: Ort der Person oder Sitz der Organisation? Bitte zuordnen',
      '„E-Mail“ – „E-Mail“ ist schon der Spalte „Mail“ zugeordnet',
      '„Bemerkung intern“ – nicht erkannt',
    ]);
    const notice = screen.getByTestId('import-ignored-notice');
    expect(within(notice).getByText('Nicht übernommene Spalten')).toBeTruthy();
    expect(notice.getAttribute('role')).toBe('status');

    // "Spalten zuordnen" unfolds the mapping at the first column not taken over.
    await userEvent.click(within(notice).getByText('Spalten zuordnen'));
    await waitFor(() => expect(mapping.open).toBe(true));
    expect(document.activeElement).toBe(screen.getByLabelText('Ort'));
  });

  it('keeps the mapping unfolded while columns are assigned and updates the list', async () => {
    await setup({
      members_import_preview: (args) => {
        const mapping = (args.mapping as ColumnMapping[] | null) ?? columns;
        return importPreview([previewRow(2)], mapping, 0, {
          ignored: ignored.filter((column) => mapping[column.index].field === null),
        });
      },
    });
    await waitFor(() => expect(screen.getAllByTestId('import-ignored-column')).toHaveLength(3));
    await userEvent.click(screen.getByTestId('import-assign-columns'));

    await userEvent.selectOptions(screen.getByLabelText('Ort'), 'Ort');

    await waitFor(() => expect(screen.getAllByTestId('import-ignored-column')).toHaveLength(2));
    expect(screen.getByTestId('import-ignored').textContent).not.toContain('„Ort“');
    expect((screen.getByTestId('import-mapping') as HTMLDetailsElement).open).toBe(true);
  });

  it('says which organisation names are taken as a stored organisation', async () => {
    await setup({
      members_import_preview: () =>
        importPreview([previewRow(2), previewRow(5)], undefined, 0, {
          organisation_suggestions: [
            {
              name: 'Stadt Hannover',
              existing_id: 4,
              existing_name: 'Landeshauptstadt Hannover',
              rows: [2, 5],
            },
          ],
        }),
    });
    await waitFor(() => expect(screen.getAllByTestId('import-row')).toHaveLength(2));

    expect(screen.getByTestId('import-organisation-suggestion').textContent?.trim()).toBe(
      '„Stadt Hannover“ wird als vorhandene Organisation „Landeshauptstadt Hannover“ übernommen (Zeile 2, 5).',
    );
    expect(screen.getByTestId('import-organisations-notice').classList).toContain(
      'kern-alert--info',
    );
  });

  it('creates a suggested organisation as one of its own when ticked, and can undo it', async () => {
    const suggestion = {
      name: 'Stadt Hannover',
      existing_id: 4,
      existing_name: 'Landeshauptstadt Hannover',
      rows: [2, 5],
    };
    const { calls, onimported } = await setup({
      members_import_preview: (args) => {
        const separate = (args.separate as string[]).includes(suggestion.name);
        return importPreview([previewRow(2), previewRow(5)], undefined, separate ? 1 : 0, {
          organisation_suggestions: separate ? [] : [suggestion],
        });
      },
      members_import_commit: () => ({
        created: 2,
        updated: 0,
        skipped: 0,
        organisations_created: 1,
        mandates_created: 0,
        backup: null,
      }),
    });
    await waitFor(() => expect(screen.getAllByTestId('import-row')).toHaveLength(2));
    const previews = () => calls.filter((c) => c.cmd === 'members_import_preview');
    const box = () =>
      screen.getByLabelText('Als eigene Organisation anlegen') as HTMLInputElement;
    expect(box().checked).toBe(false);
    expect(box().getAttribute('aria-describedby')).toBe(
      screen.getByTestId('import-organisation-suggestion').id,
    );

    await userEvent.click(box());

    await waitFor(() => expect(previews()).toHaveLength(2));
    expect(previews()[1].args).toEqual({ path: PATH, mapping: null, separate: ['Stadt Hannover'] });
    await waitFor(() =>
      expect(screen.getByTestId('import-organisation-suggestion').textContent?.trim()).toBe(
        '„Stadt Hannover“ wird als eigene Organisation angelegt (Zeile 2, 5).',
      ),
    );
    expect(box().checked).toBe(true);
    expect(screen.getByTestId('import-counts').textContent).toContain('1 neue Organisation');

    // Undo, then decline again and import.
    await userEvent.click(box());
    await waitFor(() => expect(previews()).toHaveLength(3));
    expect(previews()[2].args.separate).toEqual([]);
    await waitFor(() =>
      expect(screen.getByTestId('import-organisation-suggestion').textContent).toContain(
        'wird als vorhandene Organisation „Landeshauptstadt Hannover“ übernommen',
      ),
    );
    expect(box().checked).toBe(false);

    await userEvent.click(box());
    await waitFor(() => expect(previews()).toHaveLength(4));
    await waitFor(() => expect(box().checked).toBe(true));
    await userEvent.click(screen.getByTestId('import-commit'));

    await waitFor(() => expect(onimported).toHaveBeenCalledTimes(1));
    expect(calls.find((c) => c.cmd === 'members_import_commit')?.args).toEqual({
      path: PATH,
      mapping: importPreview([]).columns,
      decisions: [],
      separate: ['Stadt Hannover'],
      seen: 'preview-fingerprint',
    });
  });

  it('shows neither notice when every column is used and no organisation is taken over', async () => {
    await setup({
      members_import_preview: () => importPreview([previewRow(2)], columns.slice(0, 3)),
    });
    await waitFor(() => expect(screen.getAllByTestId('import-row')).toHaveLength(1));

    expect(screen.queryByTestId('import-ignored-notice')).toBeNull();
    expect(screen.queryByTestId('import-ignored')).toBeNull();
    expect(screen.queryByTestId('import-ignored-column')).toBeNull();
    expect(screen.queryByTestId('import-organisation-suggestion')).toBeNull();
  });
});
