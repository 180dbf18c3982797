// German labels for the export and import choices. The core has no command that lists them, so
// they live here, keyed by the generated types: a new Rust variant makes `Record<…, string>`
// incomplete and fails the type check. Texts copied from `ExportColumn::label` (src/export.rs)
// and `ImportField::label` (src/import/headers.rs).

import type {
  ExportColumn,
  ExportFormat,
  Grouping,
  ImportField,
  MemberColumn,
  PreviewCounts,
  RowStatus,
} from '../api/types';

export const EXPORT_COLUMN_LABELS: Record<ExportColumn, string> = {
  salutation: 'Anrede',
  title: 'Titel',
  first_name: 'Vorname',
  name_particle: 'Namenszusatz',
  last_name: 'Nachname',
  function: 'Funktion',
  organisation: 'Organisation',
  organisation_kind: 'Art der Organisation',
  role: 'Rolle',
  email: 'E-Mail',
  phone: 'Telefon',
  mobile: 'Mobil',
  street: 'Straße',
  postal_code: 'PLZ',
  city: 'Ort',
  organisation_street: 'Straße (Organisation)',
  organisation_postal_code: 'PLZ (Organisation)',
  organisation_city: 'Ort (Organisation)',
  state: 'Bundesland',
  since: 'Mitglied seit',
  until: 'Mitglied bis',
  consent: 'Einwilligung geteilte Listen',
  consent_date: 'Einwilligung am',
  notes: 'Notizen',
};

/** Every export column in the core's export order (`ExportColumn::ALL`). */
export const EXPORT_COLUMNS = Object.keys(EXPORT_COLUMN_LABELS) as ExportColumn[];

/** The core's default columns (`ExportColumn::DEFAULT`): what the members list shows, split up. */
export const DEFAULT_EXPORT_COLUMNS: readonly ExportColumn[] = [
  'salutation',
  'title',
  'first_name',
  'name_particle',
  'last_name',
  'organisation',
  'role',
  'function',
  'email',
  'phone',
  'mobile',
  'state',
  'since',
  'until',
];

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

/** The core's default PDF columns (`MemberListOptions::default`). */
export const DEFAULT_MEMBER_COLUMNS: readonly MemberColumn[] = [
  'name',
  'organisation',
  'function',
  'email',
  'phone',
];

export const GROUPING_LABELS: Record<Grouping, string> = {
  organisation: 'nach Organisation',
  alphabetical: 'alphabetisch',
};

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  salutation: 'Anrede',
  title: 'Titel',
  first_name: 'Vorname',
  name_particle: 'Namenszusatz',
  last_name: 'Nachname',
  last_first_name: 'Name, Vorname',
  full_name: 'Name (vollständig)',
  function: 'Funktion',
  organisation: 'Organisation',
  organisation_kind: 'Art der Organisation',
  email: 'E-Mail',
  phone: 'Telefon',
  mobile: 'Mobil',
  street: 'Straße',
  postal_code: 'PLZ',
  city: 'Ort',
  organisation_street: 'Straße (Organisation)',
  organisation_postal_code: 'PLZ (Organisation)',
  organisation_city: 'Ort (Organisation)',
  state: 'Bundesland',
  member_since: 'Mitglied seit',
  member_until: 'Mitglied bis',
  role: 'Rolle',
  consent: 'Einwilligung',
  consent_date: 'Einwilligung am',
  notes: 'Notizen',
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
