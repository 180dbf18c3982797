import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EXPORT_COLUMNS,
  EXPORT_COLUMN_LABELS,
  EXPORT_COLUMNS,
  IMPORT_FIELD_LABELS,
  columnLabel,
  countsText,
  ignoredColumnText,
  organisationSuggestionText,
  separateOrganisationText,
  rowsText,
} from './labels';

describe('labels', () => {
  it('gives every export column a distinct label, as the import tells columns apart by them', () => {
    const labels = new Set(Object.values(EXPORT_COLUMN_LABELS));
    expect(labels.size).toBe(EXPORT_COLUMNS.length);
  });

  it('keeps the default columns in the core’s export order', () => {
    const inOrder = EXPORT_COLUMNS.filter((c) => DEFAULT_EXPORT_COLUMNS.includes(c));
    expect(inOrder).toEqual([
      'salutation',
      'title',
      'first_name',
      'name_particle',
      'last_name',
      'function',
      'organisation',
      'role',
      'email',
      'phone',
      'mobile',
      'state',
      'since',
      'until',
    ]);
  });

  it('names the import fields as the mapping dialog of the core does', () => {
    expect(IMPORT_FIELD_LABELS.last_first_name).toBe('Name, Vorname');
    expect(IMPORT_FIELD_LABELS.member_since).toBe('Mitglied seit');
  });

  it('writes the preview counts in German with singular and plural', () => {
    expect(
      countsText({ total: 22, new: 12, update: 3, duplicate: 1, error: 2, organisations_new: 4 }),
    ).toBe('12 neu, 3 Aktualisierungen, 1 Dublette, 2 Fehler, 4 neue Organisationen');
    expect(
      countsText({ total: 4, new: 0, update: 1, duplicate: 2, error: 1, organisations_new: 1 }),
    ).toBe('1 Aktualisierung, 2 Dubletten, 1 Fehler, 1 neue Organisation');
    expect(
      countsText({ total: 0, new: 0, update: 0, duplicate: 0, error: 0, organisations_new: 0 }),
    ).toBe('keine Datenzeilen');
  });

  it('names an ignored column with its reason, or by its position when the header is blank', () => {
    expect(ignoredColumnText({ index: 2, header: 'Mail', reason: 'nicht erkannt' })).toBe(
      '„Mail“ – nicht erkannt',
    );
    expect(ignoredColumnText({ index: 4, header: '  ', reason: 'nicht zugeordnet' })).toBe(
      '„Spalte 5“ – nicht zugeordnet',
    );
    expect(ignoredColumnText({ index: 0, header: 'Fax', reason: null })).toBe('„Fax“');
    expect(columnLabel({ index: 0, header: ' Vorname ' })).toBe('Vorname');
  });

  it('writes which stored organisation a name in the file is taken as, with its rows', () => {
    const suggestion = {
      name: 'Stadt Hannover',
      existing_id: 4,
      existing_name: 'Landeshauptstadt Hannover',
      rows: [2, 5],
    };
    expect(organisationSuggestionText(suggestion)).toBe(
      '„Stadt Hannover“ wird als vorhandene Organisation „Landeshauptstadt Hannover“ übernommen (Zeile 2, 5).',
    );
    expect(organisationSuggestionText({ ...suggestion, rows: [] })).toBe(
      '„Stadt Hannover“ wird als vorhandene Organisation „Landeshauptstadt Hannover“ übernommen.',
    );
    expect(separateOrganisationText(suggestion)).toBe(
      '„Stadt Hannover“ wird als eigene Organisation angelegt (Zeile 2, 5).',
    );
    expect(separateOrganisationText({ ...suggestion, rows: [] })).toBe(
      '„Stadt Hannover“ wird als eigene Organisation angelegt.',
    );
    expect(rowsText([7])).toBe('Zeile 7');
    expect(rowsText(Array.from({ length: 1012 }, (_, i) => i + 2))).toBe(
      'Zeile 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 und 1.002 weitere',
    );
  });
});

