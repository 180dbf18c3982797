// German labels for the export and import choices. The column and field labels and the default
// choices are generated from the core into bindings.ts (never copied by hand); the labels here are
// the UI's own, keyed by the generated types so a new Rust variant fails the type check.

import type {
  ExportColumn,
  ExportFormat,
  Grouping,
  IgnoredColumn,
  ImportField,
  MemberColumn,
  OrganisationSuggestion,
  PreviewCounts,
  RowStatus,
} from '../api/types';
import {
  DEFAULT_EXPORT_COLUMNS,
  DEFAULT_MEMBER_COLUMNS,
  EXPORT_COLUMN_LABELS,
  IMPORT_FIELD_LABELS,
} from '../api/bindings';

export { DEFAULT_EXPORT_COLUMNS, DEFAULT_MEMBER_COLUMNS, EXPORT_COLUMN_LABELS, IMPORT_FIELD_LABELS };



/** Every export column in the core's export order (`ExportColumn::ALL`). */
export const EXPORT_COLUMNS = Object.keys(EXPORT_COLUMN_LABELS) as ExportColumn[];


/** What the export dialog offers: the file formats (the e-mail list goes to the clipboard) and the PDF. */
export type ExportChoice = Exclude<ExportFormat, 'emails'> | 'pdf';

export const EXPORT_CHOICE_LABELS: Record<ExportChoice, string> = {
  csv: 'CSV für Excel (;)',
  csv_utf8: 'CSV (UTF-8, Komma)',
  xlsx: 'Excel (XLSX)',
  vcf: 'vCard (Adressbuch)',
  merge: 'Serienbrief (Word)',
  pdf: 'PDF-Mitgliederliste',
};

type FileKind = { stem: string; extension: string; filter: string };

/** Suggested file name and the save dialog's filter; names as `ExportFormat::default_file_name`. */
export const EXPORT_FILES: Record<ExportChoice, FileKind> = {
  csv: { stem: 'Mitgliederliste', extension: 'csv', filter: 'CSV-Datei' },
  csv_utf8: { stem: 'Mitgliederliste', extension: 'csv', filter: 'CSV-Datei' },
  xlsx: { stem: 'Mitgliederliste', extension: 'xlsx', filter: 'Excel-Arbeitsmappe' },
  vcf: { stem: 'Mitglieder-Adressbuch', extension: 'vcf', filter: 'vCard' },
  merge: { stem: 'Mitglieder-Serienbrief', extension: 'csv', filter: 'CSV-Datei für Word' },
  pdf: { stem: 'Mitgliederliste', extension: 'pdf', filter: 'PDF-Dokument' },
};

/** Formats whose columns the user picks; the others have fixed contents. */
export function hasColumnChoice(choice: ExportChoice): boolean {
  return choice === 'csv' || choice === 'csv_utf8' || choice === 'xlsx';
}

export const MEMBER_COLUMN_LABELS: Record<MemberColumn, string> = {
  name: 'Name',
  organisation: 'Organisation',
  role: 'Rolle',
  function: 'Funktion',
  email: 'E-Mail',
  phone: 'Telefon',
  state: 'Bundesland',
  since: 'seit',
};

/** PDF columns in the order the list prints them. */
export const MEMBER_COLUMNS = Object.keys(MEMBER_COLUMN_LABELS) as MemberColumn[];


export const GROUPING_LABELS: Record<Grouping, string> = {
  organisation: 'nach Organisation',
  alphabetical: 'alphabetisch',
};


/** Import fields in the order the mapping offers them (`ImportField::ALL`). */
export const IMPORT_FIELDS = Object.keys(IMPORT_FIELD_LABELS) as ImportField[];

export const ROW_STATUS_LABELS: Record<RowStatus, string> = {
  new: 'neu',
  update: 'Aktualisierung',
  duplicate: 'Dublette',
  error: 'Fehler',
};

const n = (value: number) => value.toLocaleString('de-DE');

/** "12 neu, 3 Aktualisierungen, 1 Dublette, 2 Fehler, 4 neue Organisationen" (zero counts left out). */
export function countsText(counts: PreviewCounts): string {
  const parts = [
    counts.new > 0 ? `${n(counts.new)} neu` : null,
    counts.update > 0
      ? `${n(counts.update)} ${counts.update === 1 ? 'Aktualisierung' : 'Aktualisierungen'}`
      : null,
    counts.duplicate > 0
      ? `${n(counts.duplicate)} ${counts.duplicate === 1 ? 'Dublette' : 'Dubletten'}`
      : null,
    counts.error > 0 ? `${n(counts.error)} Fehler` : null,
    counts.organisations_new > 0
      ? `${n(counts.organisations_new)} ${
          counts.organisations_new === 1 ? 'neue Organisation' : 'neue Organisationen'
        }`
      : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(', ') : 'keine Datenzeilen';
}

/** A file column as the import names it: its header, or "Spalte 3" when the header is blank. */
export function columnLabel(column: { index: number; header: string }): string {
  return column.header.trim() || `Spalte ${column.index + 1}`;
}

/** "„Mail“ – nicht erkannt"; just "„Mail“" when the core gives no reason. */
export function ignoredColumnText(column: IgnoredColumn): string {
  const reason = column.reason?.trim();
  return `„${columnLabel(column)}“${reason ? ` – ${reason}` : ''}`;
}

/** More row numbers than this are summed up as "und 12 weitere". */
const ROWS_NAMED = 10;

/** "Zeile 2, 5" or "Zeile 2, 3, …, 11 und 12 weitere"; empty without rows. */
export function rowsText(rows: readonly number[]): string {
  if (rows.length === 0) return '';
  const named = rows.slice(0, ROWS_NAMED).join(', ');
  const rest = rows.length - ROWS_NAMED;
  return `Zeile ${named}${rest > 0 ? ` und ${n(rest)} weitere` : ''}`;
}

/**
 * "„Stadt Hannover“ wird als vorhandene Organisation „Landeshauptstadt Hannover“ übernommen
 * (Zeile 2, 5)."
 */
export function organisationSuggestionText(suggestion: OrganisationSuggestion): string {
  const rows = rowsText(suggestion.rows);
  return `„${suggestion.name}“ wird als vorhandene Organisation „${suggestion.existing_name}“ übernommen${
    rows ? ` (${rows})` : ''
  }.`;
}

/** A declined suggestion: "„Stadt Hannover“ wird als eigene Organisation angelegt (Zeile 2, 5)." */
export function separateOrganisationText(suggestion: OrganisationSuggestion): string {
  const rows = rowsText(suggestion.rows);
  return `„${suggestion.name}“ wird als eigene Organisation angelegt${rows ? ` (${rows})` : ''}.`;
}
