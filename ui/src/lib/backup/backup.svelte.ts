// The state of Einstellungen → Datensicherung: where the database and its backups are, the
// automatic backups, "Jetzt sichern", "Datenbank prüfen" and the rules of what is kept
// (docs/backup-contract.md). Saving a copy and restoring have their own states (save-as, restore).

import * as api from '../api/api';
import type { UserError } from '../api/errors';
import type { BackupFile, BackupOverview, BackupSettings, CheckReport } from '../api/types';
import { Notices } from '../transfer/notices.svelte';
import { fileSize, newestFirst } from './labels';

/** The rule fields in form order; the core names its problems with these. */
export const RULE_FIELDS = ['keep_recent', 'keep_daily', 'keep_monthly', 'second_folder'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

/** The rules as the form holds them: counts as typed, so a half-typed number stays visible. */
export type RulesInput = {
  keep_recent: string;
  keep_daily: string;
  keep_monthly: string;
  second_folder: string | null;
};

const COUNT_LABELS: Record<Exclude<RuleField, 'second_folder'>, string> = {
  keep_recent: 'Letzte Sicherungen behalten',
  keep_daily: 'Tägliche Sicherungen (Tage)',
  keep_monthly: 'Monatliche Sicherungen (Monate)',
};

function toInput(settings: BackupSettings): RulesInput {
  return {
    keep_recent: String(settings.keep_recent),
    keep_daily: String(settings.keep_daily),
    keep_monthly: String(settings.keep_monthly),
    second_folder: settings.second_folder,
  };
}

/** The backup rules form: values as typed, the problems of the last refusal by field. */
export class RulesForm {
  input = $state<RulesInput>({ keep_recent: '', keep_daily: '', keep_monthly: '', second_folder: null });
  /** Problems by field: the core's, or a count that is no whole number. */
  errors = $state<Partial<Record<RuleField, string>>>({});
  /** A refusal that names no field of the form. */
  error = $state<UserError | null>(null);
  saving = $state(false);
  saved = $state(false);
  #stored = $state('');

  get dirty(): boolean {
    return JSON.stringify(this.input) !== this.#stored;
  }

  /** Shows stored rules; unsaved edits are kept unless `force`. */
  show(settings: BackupSettings, force = false): void {
    if (this.dirty && this.#stored !== '' && !force) return;
    this.input = toInput(settings);
    this.#stored = JSON.stringify(this.input);
    this.errors = {};
    this.error = null;
  }

  async chooseFolder(): Promise<void> {
    try {
      const folder = await api.chooseFolder({ title: 'Zweiten Ordner für Sicherungen wählen' });
      if (folder !== null) this.input.second_folder = folder;
    } catch (reason) {
      this.error = api.toUserError(reason);
    }
  }

  removeFolder(): void {
    this.input.second_folder = null;
  }

  /** "Speichern": the stored rules, or null when refused (the problems are shown at the fields). */
  async save(): Promise<BackupSettings | null> {
    if (this.saving) return null;
    this.saved = false;
    this.error = null;
    const errors: Partial<Record<RuleField, string>> = {};
    const counts: Partial<Record<keyof typeof COUNT_LABELS, number>> = {};
    for (const field of Object.keys(COUNT_LABELS) as (keyof typeof COUNT_LABELS)[]) {
      const text = this.input[field].trim();
      if (/^\d+$/.test(text)) counts[field] = Number(text);
      else errors[field] = `${COUNT_LABELS[field]}: bitte eine ganze Zahl eingeben.`;
    }
    this.errors = errors;
    if (Object.keys(errors).length > 0) return null;
    this.saving = true;
    try {
      const stored = await api.backupSettingsSave({
        keep_recent: counts.keep_recent ?? 0,
        keep_daily: counts.keep_daily ?? 0,
        keep_monthly: counts.keep_monthly ?? 0,
        second_folder: this.input.second_folder,
      });
      this.show(stored, true);
      this.saved = true;
      return stored;
    } catch (reason) {
      const error = api.toUserError(reason);
      const byField: Partial<Record<RuleField, string>> = {};
      for (const field of RULE_FIELDS) {
        const message = error.messageFor(field);
        if (message) byField[field] = message;
      }
      this.errors = byField;
      const elsewhere = error.errors.some(
        (problem) => !(RULE_FIELDS as readonly string[]).includes(problem.field),
      );
      if (error.errors.length === 0 || elsewhere) this.error = error;
      return null;
    } finally {
      this.saving = false;
    }
  }
}

export class BackupState {
  overview = $state.raw<BackupOverview | null>(null);
  loading = $state(false);
  /** Why the overview could not be loaded. */
  error = $state<UserError | null>(null);
  /** "Jetzt sichern" or "Datenbank prüfen" is running. */
  busy = $state(false);
  /** The last "Datenbank prüfen". */
  check = $state.raw<CheckReport | null>(null);
  readonly notices = new Notices();
  readonly rules = new RulesForm();

  /** The automatic backups, newest first. */
  get backups(): BackupFile[] {
    return newestFirst(this.overview?.backups ?? []);
  }

  async load(): Promise<void> {
    this.loading = true;
    try {
      const overview = await api.backupsOverview();
      this.overview = overview;
      this.rules.show(overview.settings);
      this.error = null;
    } catch (reason) {
      this.error = api.toUserError(reason);
    } finally {
      this.loading = false;
    }
  }

  /** "Jetzt sichern": a backup into the backup folder, then the list again. */
  async backupNow(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const made = await api.backupNow();
      const lines = [made.path];
      if (made.second) lines.push(`Kopie im zweiten Ordner: ${made.second}`);
      if (made.removed > 0) {
        lines.push(
          made.removed === 1
            ? 'Eine ältere Sicherung wurde nach den Aufbewahrungsregeln entfernt.'
            : `${made.removed} ältere Sicherungen wurden nach den Aufbewahrungsregeln entfernt.`,
        );
      }
      this.notices.show(
        { kind: 'success', title: `Sicherung angelegt: ${fileName(made.path)}`, lines },
        ...(made.second_problem
          ? [
              {
                kind: 'warning' as const,
                title: 'Keine Kopie im zweiten Ordner',
                lines: [made.second_problem],
              },
            ]
          : []),
      );
    } catch (reason) {
      this.notices.show({
        kind: 'danger',
        title: 'Sicherung nicht angelegt',
        lines: [api.toUserError(reason).message],
      });
    } finally {
      this.busy = false;
    }
    await this.load();
  }

  /** Tells what "Sicherung speichern" wrote. */
  saved(path: string, sizeBytes: number, encrypted: boolean): void {
    this.notices.show({
      kind: 'success',
      title: encrypted ? 'Verschlüsselte Sicherung gespeichert' : 'Sicherung gespeichert',
      lines: [path, `Größe: ${fileSize(sizeBytes)}`],
    });
  }

  /** "Ordner öffnen": the database's folder (with backups/) in the file manager. */
  async openFolder(): Promise<void> {
    try {
      await api.dataFolderOpen();
    } catch (reason) {
      this.notices.show({
        kind: 'danger',
        title: 'Ordner nicht geöffnet',
        lines: [api.toUserError(reason).message],
      });
    }
  }

  /** "Datenbank prüfen": integrity, references, search index; changes nothing. */
  async runCheck(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.check = null;
    try {
      this.check = await api.storeCheck();
    } catch (reason) {
      this.notices.show({
        kind: 'danger',
        title: 'Prüfung nicht möglich',
        lines: [api.toUserError(reason).message],
      });
    } finally {
      this.busy = false;
    }
  }

  /** Saves the rules; the list shows the backups they keep from the next backup on. */
  async saveRules(): Promise<void> {
    const stored = await this.rules.save();
    if (stored && this.overview) this.overview = { ...this.overview, settings: stored };
  }
}

/** True when "Datenbank prüfen" found nothing. */
export function checkPassed(report: CheckReport): boolean {
  return (
    report.integrity.length === 0 &&
    report.foreign_keys.length === 0 &&
    report.search_index.length === 0
  );
}

/** The last part of a path, whichever separator the system uses. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
