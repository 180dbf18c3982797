// State of the import: the chosen file, the core's preview, the column mapping the user may
// change (each change asks the core for a new preview) and the per-row choice for people who
// already exist, and the organisation names the user wants as organisations of their own instead
// of the suggested stored one. Nothing is written before `commit`, and the core writes all rows or
// none.

import * as api from '../api/api';
import type { UserError } from '../api/errors';
import type {
  ColumnMapping,
  DuplicateAction,
  DuplicateDecision,
  IgnoredColumn,
  ImportField,
  ImportPreview,
  ImportSummary,
  OrganisationSuggestion,
  PreviewRow,
} from '../api/types';
import { countOf } from '../format';
import type { Notices } from './notices.svelte';

export const IMPORT_FILE_FILTERS = [
  { name: 'Tabellen (CSV, Excel)', extensions: ['csv', 'txt', 'xlsx'] },
];

/** Rows the user decides on: they match a person already in the store. */
export function needsDecision(row: PreviewRow): boolean {
  return row.existing_person_id !== null && (row.status === 'update' || row.status === 'duplicate');
}

export class ImportState {
  open = $state(false);
  path = $state<string | null>(null);
  /** The core's last answer; replaced whole (it can hold thousands of rows). */
  preview = $state.raw<ImportPreview | null>(null);
  /** The mapping shown in the selects; equals `preview.columns` unless a change was refused. */
  mapping = $state<ColumnMapping[]>([]);
  /** "update" per row number; rows not named are skipped. */
  decisions = $state<Record<number, DuplicateAction>>({});
  /** Suggestions the user declined: these names become organisations of their own. Kept whole
   * so they can still be shown (the next preview no longer lists them) and accepted again. */
  declined = $state.raw<OrganisationSuggestion[]>([]);
  /** A preview is being made. */
  loading = $state(false);
  /** The import is being written; the dialog cannot be closed meanwhile. */
  busy = $state(false);
  error = $state<UserError | null>(null);

  readonly #notices: Notices;
  #request = 0;
  /** The user changed the mapping: later previews are made with the one in the selects. */
  #mapped = false;

  constructor(notices: Notices) {
    this.#notices = notices;
  }

  get fileName(): string {
    return this.preview?.file_name ?? this.path?.split(/[\\/]/).pop() ?? '';
  }

  /** True when the mapping in the selects is not the one the preview was made with. */
  get stale(): boolean {
    if (!this.preview) return true;
    const shown = this.preview.columns;
    return (
      shown.length !== this.mapping.length ||
      shown.some((column, i) => column.field !== this.mapping[i]?.field)
    );
  }

  /** The file's columns that feed no field, each with the core's reason ("nicht erkannt", …). */
  get ignored(): IgnoredColumn[] {
    return this.preview?.ignored ?? [];
  }

  /** Organisation names in the file that the import takes as a stored one with a close name. */
  get organisationSuggestions(): OrganisationSuggestion[] {
    return this.preview?.organisation_suggestions ?? [];
  }

  /** The names sent as `separate`: those of the declined suggestions. */
  get separate(): string[] {
    return this.declined.map((suggestion) => suggestion.name);
  }

  /** What the notice lists: the preview's suggestions and the declined ones (so they can be
   * accepted again), in the order of their first row. */
  get suggestionChoices(): { suggestion: OrganisationSuggestion; declined: boolean }[] {
    const choices = [
      ...this.organisationSuggestions
        .filter((suggestion) => !this.isDeclined(suggestion))
        .map((suggestion) => ({ suggestion, declined: false })),
      ...this.declined.map((suggestion) => ({ suggestion, declined: true })),
    ];
    const first = (s: OrganisationSuggestion) => s.rows[0] ?? Number.MAX_SAFE_INTEGER;
    return choices.sort(
      (a, b) =>
        first(a.suggestion) - first(b.suggestion) ||
        a.suggestion.name.localeCompare(b.suggestion.name, 'de'),
    );
  }

  isDeclined(suggestion: OrganisationSuggestion): boolean {
    return this.declined.some((declined) => declined.name === suggestion.name);
  }

  get errorRows(): number {
    return this.preview?.rows.filter((row) => row.status === 'error').length ?? 0;
  }

  /** Why "Importieren" is not possible, or null. */
  get blocker(): string | null {
    if (!this.preview) return null;
    if (this.errorRows > 0) {
      return 'Bitte die Fehler in der Datei beheben oder die Zuordnung ändern.';
    }
    if (this.stale) return 'Die Zuordnung wurde nicht übernommen; bitte korrigieren.';
    if (this.preview.rows.length === 0) return 'Die Datei enthält keine Datenzeilen.';
    return null;
  }

  get canCommit(): boolean {
    return !!this.preview && !this.busy && !this.loading && this.blocker === null;
  }

  /** "Importieren…": asks for a file and shows its preview; a cancelled dialog changes nothing. */
  async start(): Promise<void> {
    let path: string | null;
    try {
      path = await api.chooseOpenPath({
        title: 'Mitglieder importieren',
        filters: IMPORT_FILE_FILTERS,
      });
    } catch (reason) {
      this.#notices.show({
        kind: 'danger',
        title: 'Datei nicht geöffnet',
        lines: [api.toUserError(reason).message],
      });
      return;
    }
    if (path === null) return;
    this.path = path;
    this.preview = null;
    this.mapping = [];
    this.decisions = {};
    this.declined = [];
    this.#mapped = false;
    this.error = null;
    this.open = true;
    await this.#load(null);
  }

  /** Maps file column `index` to `field` (null: not imported) and asks for a new preview. */
  async setField(index: number, field: ImportField | null): Promise<void> {
    // A field can feed from one column only: the core refuses a field named twice, so the
    // column that had it before lets it go.
    this.mapping = this.mapping.map((column) => {
      if (column.index === index) return { ...column, field };
      if (field !== null && column.field === field) return { ...column, field: null };
      return column;
    });
    this.#mapped = true;
    await this.#load($state.snapshot(this.mapping));
  }

  /** "Als eigene Organisation anlegen": `separate` declines the suggested stored organisation
   * for this name (false accepts it again); asks for a new preview. */
  async setSeparate(suggestion: OrganisationSuggestion, separate: boolean): Promise<void> {
    if (this.busy || this.isDeclined(suggestion) === separate) return;
    this.declined = separate
      ? [...this.declined, suggestion]
      : this.declined.filter((declined) => declined.name !== suggestion.name);
    await this.#load(this.#mapped ? $state.snapshot(this.mapping) : null);
  }

  /** Declines the suggestion, or accepts it again when it was declined. */
  toggleSeparate(suggestion: OrganisationSuggestion): Promise<void> {
    return this.setSeparate(suggestion, !this.isDeclined(suggestion));
  }

  setDecision(row: number, action: DuplicateAction): void {
    this.decisions[row] = action;
  }

  /** Sets every row that matches an existing person to `action`. */
  setAllDecisions(action: DuplicateAction): void {
    const next: Record<number, DuplicateAction> = {};
    for (const row of this.preview?.rows ?? []) if (needsDecision(row)) next[row.row] = action;
    this.decisions = next;
  }

  decision(row: number): DuplicateAction {
    return this.decisions[row] ?? 'skip';
  }

  /** One decision per row that matches an existing person; skipping is the default. */
  decisionList(): DuplicateDecision[] {
    return (this.preview?.rows ?? [])
      .filter(needsDecision)
      .map((row) => ({ row: row.row, action: this.decision(row.row) }));
  }

  /** Writes the import; on success closes the dialog and reports the figures. */
  async commit(): Promise<ImportSummary | null> {
    if (!this.canCommit || this.path === null || !this.preview) return null;
    this.busy = true;
    this.error = null;
    try {
      const summary = await api.membersImportCommit(
        this.path,
        $state.snapshot(this.mapping),
        this.decisionList(),
        this.preview?.fingerprint ?? '',
        this.separate,
      );
      this.#notices.show(summaryNotice(this.fileName, summary));
      this.open = false;
      return summary;
    } catch (reason) {
      this.error = api.toUserError(reason);
      return null;
    } finally {
      this.busy = false;
    }
  }

  close(): void {
    if (this.busy) return;
    this.open = false;
    this.#request++;
    this.loading = false;
    this.preview = null;
    this.mapping = [];
    this.decisions = {};
    this.declined = [];
    this.#mapped = false;
    this.error = null;
  }

  async #load(mapping: ColumnMapping[] | null): Promise<void> {
    if (this.path === null) return;
    const request = ++this.#request;
    this.loading = true;
    try {
      const preview = await api.membersImportPreview(this.path, mapping, this.separate);
      if (request !== this.#request) return;
      this.preview = preview;
      this.mapping = preview.columns.map((column) => ({ ...column }));
      // Keep the choices for rows that still match someone; drop the others.
      const keep: Record<number, DuplicateAction> = {};
      for (const row of preview.rows) {
        const action = this.decisions[row.row];
        if (action && needsDecision(row)) keep[row.row] = action;
      }
      this.decisions = keep;
      this.error = null;
    } catch (reason) {
      if (request !== this.#request) return;
      this.error = api.toUserError(reason);
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }
}

function summaryNotice(fileName: string, summary: ImportSummary) {
  const lines = [
    `${countOf(summary.created, 'Person', 'Personen')} angelegt, ${summary.updated.toLocaleString('de-DE')} aktualisiert, ${summary.skipped.toLocaleString('de-DE')} übersprungen.`,
    `${countOf(summary.organisations_created, 'Organisation', 'Organisationen')} und ${countOf(summary.mandates_created, 'Mandat', 'Mandate')} angelegt.`,
  ];
  if (summary.backup) lines.push(`Sicherung vor dem Import: ${summary.backup}`);
  return { kind: 'success' as const, title: `Import aus „${fileName}“ abgeschlossen`, lines };
}
