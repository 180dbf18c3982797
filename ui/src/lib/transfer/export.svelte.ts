// State of the export dialog and the e-mail list: which format, which columns, consent only.
// Both take the members list exactly as the user sees it (filter and sort of `MembersState`).
// The choices survive closing the dialog, so a second export starts where the first ended.

import * as api from '../api/api';
import type { UserError } from '../api/errors';
import type {
  ExportColumn,
  ExportOptions,
  Grouping,
  MemberColumn,
  MemberListOptions,
} from '../api/types';
import type { MembersState } from '../members/members.svelte';
import { countOf } from '../format';
import {
  DEFAULT_EXPORT_COLUMNS,
  DEFAULT_MEMBER_COLUMNS,
  EXPORT_CHOICE_LABELS,
  EXPORT_COLUMNS,
  EXPORT_FILES,
  MEMBER_COLUMNS,
  hasColumnChoice,
  type ExportChoice,
} from './labels';
import type { Notices } from './notices.svelte';

export class ExportState {
  open = $state(false);
  format = $state<ExportChoice>('csv');
  /** CSV/XLSX columns, always in the core's export order. */
  columns = $state<ExportColumn[]>([...DEFAULT_EXPORT_COLUMNS]);
  /** PDF columns; the name is always included. */
  pdfColumns = $state<MemberColumn[]>([...DEFAULT_MEMBER_COLUMNS]);
  grouping = $state<Grouping>('organisation');
  consentOnly = $state(true);
  busy = $state(false);
  /** A refusal of the core, shown in the dialog. */
  error = $state<UserError | null>(null);

  readonly #members: MembersState;
  readonly #notices: Notices;

  constructor(members: MembersState, notices: Notices) {
    this.#members = members;
    this.#notices = notices;
  }

  /** People in the current view (before the consent filter). */
  get count(): number {
    return this.#members.rows.length;
  }

  get isPdf(): boolean {
    return this.format === 'pdf';
  }

  get hasColumnChoice(): boolean {
    return hasColumnChoice(this.format);
  }

  /** Why "Speichern unter…" is not possible yet, or null. */
  get blocker(): string | null {
    if (this.hasColumnChoice && this.columns.length === 0) return 'Bitte mindestens eine Spalte wählen.';
    return null;
  }

  openDialog(format?: ExportChoice): void {
    if (format) this.format = format;
    this.error = null;
    this.open = true;
  }

  close(): void {
    if (this.busy) return;
    this.open = false;
    this.error = null;
  }

  setColumn(column: ExportColumn, on: boolean): void {
    this.columns = EXPORT_COLUMNS.filter((c) => (c === column ? on : this.columns.includes(c)));
  }

  setColumns(which: 'all' | 'default' | 'none'): void {
    this.columns =
      which === 'all' ? [...EXPORT_COLUMNS] : which === 'default' ? [...DEFAULT_EXPORT_COLUMNS] : [];
  }

  setPdfColumn(column: MemberColumn, on: boolean): void {
    if (column === 'name') return;
    this.pdfColumns = MEMBER_COLUMNS.filter(
      (c) => c === 'name' || (c === column ? on : this.pdfColumns.includes(c)),
    );
  }

  /** The options the core expects, with the filter as the list shows it now. */
  exportOptions(columns: ExportColumn[] = $state.snapshot(this.columns)): ExportOptions {
    return {
      filter: $state.snapshot(this.#members.filter),
      columns,
      consent_only: this.consentOnly,
    };
  }

  pdfOptions(): MemberListOptions {
    return {
      filter: $state.snapshot(this.#members.filter),
      columns: $state.snapshot(this.pdfColumns),
      consent_only: this.consentOnly,
      grouping: this.grouping,
    };
  }

  /**
   * "Speichern unter…": asks for the file, then writes it. Cancelling the save dialog changes
   * nothing. On success the dialog closes and the screen says what was written; true then.
   */
  async save(): Promise<boolean> {
    if (this.busy || this.blocker) return false;
    const format = this.format;
    const file = EXPORT_FILES[format];
    this.busy = true;
    this.error = null;
    try {
      const path = await api.chooseSavePath({
        title: `${EXPORT_CHOICE_LABELS[format]} speichern`,
        defaultPath: `${file.stem}.${file.extension}`,
        filters: [{ name: file.filter, extensions: [file.extension] }],
      });
      if (path === null) return false;
      if (format === 'pdf') {
        const summary = await api.pdfMemberList(this.pdfOptions(), path);
        this.#notices.show(
          {
            kind: 'success',
            title: `PDF mit ${countOf(summary.pages, 'Seite', 'Seiten')} gespeichert`,
            lines: [summary.path],
          },
          ...summary.warnings.map((warning) => ({
            kind: 'warning' as const,
            title: 'Hinweis zur PDF-Mitgliederliste',
            lines: [warning],
          })),
        );
      } else {
        const summary = await api.membersExport(format, this.exportOptions(), path);
        this.#notices.show({
          kind: 'success',
          title: `${countOf(summary.rows, 'Person', 'Personen')} exportiert nach ${summary.path}`,
          lines: [],
        });
      }
      this.open = false;
      return true;
    } catch (reason) {
      this.error = api.toUserError(reason);
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** "E-Mail-Liste kopieren": the addresses of the current view, for a BCC field. */
  async copyEmails(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const list = await api.membersEmailList(this.exportOptions([]));
      const count = list.split(';').filter((address) => address.trim() !== '').length;
      if (count === 0) {
        this.#notices.show({
          kind: 'info',
          title: 'Keine E-Mail-Adressen',
          lines: [
            this.consentOnly
              ? 'In der aktuellen Ansicht hat niemand mit Einwilligung zur Weitergabe eine E-Mail-Adresse.'
              : 'In der aktuellen Ansicht hat niemand eine E-Mail-Adresse.',
          ],
        });
        return;
      }
      await api.copyText(list);
      this.#notices.show({
        kind: 'success',
        title: `${countOf(count, 'Adresse', 'Adressen')} in die Zwischenablage kopiert (für das BCC-Feld)`,
        lines: this.consentOnly
          ? ['Nur Personen mit Einwilligung zur Weitergabe (einstellbar unter „Exportieren…“).']
          : [],
      });
    } catch (reason) {
      this.#notices.show({
        kind: 'danger',
        title: 'E-Mail-Liste nicht kopiert',
        lines: [api.toUserError(reason).message],
      });
    } finally {
      this.busy = false;
    }
  }
}
