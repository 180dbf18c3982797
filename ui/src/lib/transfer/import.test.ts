import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import type { ColumnMapping } from '../api/types';
import { importPreview, previewRow, recordIPC, type Handler } from '../../test/ipc';
import { ImportState } from './import.svelte';
import { Notices } from './notices.svelte';

afterEach(() => clearMocks());

const PATH = '/home/anna/mitglieder.csv';

function setup(handlers: Record<string, Handler>) {
  const calls = recordIPC({ 'plugin:dialog|open': () => PATH, ...handlers });
  const notices = new Notices();
  return { calls, notices, importer: new ImportState(notices) };
}

const duplicates = [
  previewRow(2),
  previewRow(3, {
    status: 'update',
    existing_person_id: 7,
    duplicate_reason: 'Gleiche E-Mail-Adresse wie Anna Weiß (Stadt Herten).',
  }),
  previewRow(4, {
    status: 'duplicate',
    existing_person_id: 8,
    duplicate_reason: 'Gleicher Name und gleiche Organisation wie Deniz Öztürk.',
  }),
  previewRow(5, { status: 'duplicate', existing_person_id: null, duplicate_reason: 'Wie Zeile 2.' }),
];

describe('ImportState', () => {
  it('asks for a CSV or XLSX file and previews it with the detected mapping', async () => {
    const { calls, importer } = setup({ members_import_preview: () => importPreview([previewRow(2)]) });

    await importer.start();

    expect(calls[0].cmd).toBe('plugin:dialog|open');
    expect(calls[0].args.options).toMatchObject({
      multiple: false,
      directory: false,
      filters: [{ extensions: ['csv', 'txt', 'xlsx'] }],
    });
    expect(calls[1]).toEqual({ cmd: 'members_import_preview', args: { path: PATH, mapping: null, separate: [] } });
    expect(importer.open).toBe(true);
    expect(importer.fileName).toBe('mitglieder.csv');
    expect(importer.canCommit).toBe(true);
  });

  it('does nothing when the open dialog is cancelled', async () => {
    const { calls, importer } = setup({ 'plugin:dialog|open': () => null });
    await importer.start();
    expect(calls.map((c) => c.cmd)).toEqual(['plugin:dialog|open']);
    expect(importer.open).toBe(false);
  });

  it('re-runs the preview with the changed mapping and frees a field taken by another column', async () => {
    const sent: (ColumnMapping[] | null)[] = [];
    const { importer } = setup({
      members_import_preview: (args) => {
        const mapping = args.mapping as ColumnMapping[] | null;
        sent.push(mapping);
        return importPreview([previewRow(2)], mapping ?? undefined);
      },
    });
    await importer.start();

    await importer.setField(2, 'email');
    await importer.setField(2, 'last_name');

    expect(sent[1]).toEqual([
      { index: 0, header: 'Vorname', field: 'first_name' },
      { index: 1, header: 'Nachname', field: 'last_name' },
      { index: 2, header: 'Mail', field: 'email' },
    ]);
    // A field feeds from one column only (the core refuses it twice).
    expect(sent[2]).toEqual([
      { index: 0, header: 'Vorname', field: 'first_name' },
      { index: 1, header: 'Nachname', field: null },
      { index: 2, header: 'Mail', field: 'last_name' },
    ]);
  });

  it('blocks the import while any row has an error', async () => {
    const { importer } = setup({
      members_import_preview: () =>
        importPreview([
          previewRow(2),
          previewRow(3, {
            status: 'error',
            errors: [{ column: 'Mail', message: 'E-Mail: „anna@“ ist keine gültige E-Mail-Adresse.' }],
          }),
        ]),
    });
    await importer.start();

    expect(importer.errorRows).toBe(1);
    expect(importer.canCommit).toBe(false);
    expect(importer.blocker).toBe('Bitte die Fehler in der Datei beheben oder die Zuordnung ändern.');
    expect(await importer.commit()).toBeNull();
  });

  it('keeps a refused mapping in the selects, shows why, and blocks the import', async () => {
    const message =
      'Zuordnung: Bitte mindestens eine Spalte für den Namen zuordnen (Vorname und Nachname, „Name, Vorname“ oder den vollständigen Namen).';
    let refuse = false;
    const { importer } = setup({
      members_import_preview: () => {
        if (refuse) throw { code: 'validation', message, field: 'mapping' };
        return importPreview([previewRow(2)]);
      },
    });
    await importer.start();
    refuse = true;

    await importer.setField(1, null);

    expect(importer.error?.message).toBe(message);
    expect(importer.mapping[1].field).toBeNull();
    expect(importer.stale).toBe(true);
    expect(importer.canCommit).toBe(false);
  });

  it('sends one decision per existing person, skipping unless told to update', async () => {
    const { calls, importer, notices } = setup({
      members_import_preview: () => importPreview(duplicates),
      members_import_commit: () => ({
        created: 1,
        updated: 1,
        skipped: 2,
        organisations_created: 0,
        mandates_created: 1,
        backup: '/daten/backups/zirkel-2025-09-21-101112.sqlite3',
      }),
    });
    await importer.start();
    importer.setDecision(3, 'update');

    const summary = await importer.commit();

    expect(summary?.created).toBe(1);
    const commit = calls.find((c) => c.cmd === 'members_import_commit');
    expect(commit?.args).toEqual({
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
    expect(notices.items[0].kind).toBe('success');
    expect(notices.items[0].lines).toContain(
      'Sicherung vor dem Import: /daten/backups/zirkel-2025-09-21-101112.sqlite3',
    );
  });

  it('stays open with the core’s error when the commit is refused', async () => {
    const message = 'Zeile 3: Die Person wurde inzwischen geändert. Bitte die Vorschau neu laden.';
    const { importer, notices } = setup({
      members_import_preview: () => importPreview([previewRow(2)]),
      members_import_commit: () => {
        throw { code: 'validation', message, field: null };
      },
    });
    await importer.start();

    expect(await importer.commit()).toBeNull();

    expect(importer.open).toBe(true);
    expect(importer.error?.message).toBe(message);
    expect(importer.preview).not.toBeNull();
    expect(notices.items).toEqual([]);
  });

  it('hands on the columns not taken over and the organisations matched, and forgets them on close', async () => {
    const suggestion = {
      name: 'Stadt Hannover',
      existing_id: 4,
      existing_name: 'Landeshauptstadt Hannover',
      rows: [2, 5],
    };
    const { importer } = setup({
      members_import_preview: (args) => {
        const mapping = args.mapping as ColumnMapping[] | null;
        return importPreview([previewRow(2), previewRow(5)], mapping ?? undefined, 0, {
          organisation_suggestions: [suggestion],
        });
      },
    });
    expect(importer.ignored).toEqual([]);
    expect(importer.organisationSuggestions).toEqual([]);

    await importer.start();

    expect(importer.ignored).toEqual([{ index: 2, header: 'Mail', reason: 'nicht erkannt' }]);
    expect(importer.organisationSuggestions).toEqual([suggestion]);

    // A new preview brings its own list.
    await importer.setField(2, 'email');
    expect(importer.ignored).toEqual([]);

    importer.close();
    expect(importer.ignored).toEqual([]);
    expect(importer.organisationSuggestions).toEqual([]);
  });

  it('sends the declined suggestions as `separate` with every preview and the commit', async () => {
    const suggestion = {
      name: 'Stadt Hannover',
      existing_id: 4,
      existing_name: 'Landeshauptstadt Hannover',
      rows: [2, 5],
    };
    const { calls, importer } = setup({
      members_import_preview: (args) => {
        const mapping = args.mapping as ColumnMapping[] | null;
        const separate = args.separate as string[];
        return importPreview([previewRow(2), previewRow(5)], mapping ?? undefined, 0, {
          organisation_suggestions: separate.includes(suggestion.name) ? [] : [suggestion],
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
    await importer.start();
    expect(importer.suggestionChoices).toEqual([{ suggestion, declined: false }]);

    await importer.toggleSeparate(suggestion);

    const previews = () => calls.filter((c) => c.cmd === 'members_import_preview');
    expect(previews()[1].args).toEqual({ path: PATH, mapping: null, separate: ['Stadt Hannover'] });
    expect(importer.isDeclined(suggestion)).toBe(true);
    // The preview no longer lists it; it stays listed as declined so it can be undone.
    expect(importer.organisationSuggestions).toEqual([]);
    expect(importer.suggestionChoices).toEqual([{ suggestion, declined: true }]);

    // A changed mapping keeps it declined.
    await importer.setField(2, 'email');
    expect(previews()[2].args.separate).toEqual(['Stadt Hannover']);

    await importer.commit();
    expect(calls.find((c) => c.cmd === 'members_import_commit')?.args).toMatchObject({
      separate: ['Stadt Hannover'],
      seen: 'preview-fingerprint',
    });
  });

  it('accepts a declined suggestion again and forgets the declined ones on close', async () => {
    const suggestion = {
      name: 'Stadt Hannover',
      existing_id: 4,
      existing_name: 'Landeshauptstadt Hannover',
      rows: [2],
    };
    const { calls, importer } = setup({
      members_import_preview: (args) =>
        importPreview([previewRow(2)], undefined, 0, {
          organisation_suggestions: (args.separate as string[]).length ? [] : [suggestion],
        }),
    });
    await importer.start();
    await importer.setSeparate(suggestion, true);
    await importer.setSeparate(suggestion, false);

    const previews = calls.filter((c) => c.cmd === 'members_import_preview');
    expect(previews.map((c) => c.args.separate)).toEqual([[], ['Stadt Hannover'], []]);
    expect(importer.suggestionChoices).toEqual([{ suggestion, declined: false }]);

    await importer.setSeparate(suggestion, true);
    importer.close();
    expect(importer.declined).toEqual([]);
    await importer.start();
    expect(calls.filter((c) => c.cmd === 'members_import_preview').at(-1)?.args.separate).toEqual([]);
  });
});
