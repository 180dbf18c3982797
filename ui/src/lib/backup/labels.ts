// German labels and small pure helpers of the backup screens: the reasons of automatic backups,
// the default file name of "Sicherung speichern", what a backup holds, and how to tell that the
// core asks for a passphrase (docs/backup-contract.md). No Svelte, no IPC.

import type { UserError } from '../api/errors';
import type { BackupFile, BackupReason, BackupSummary } from '../api/types';
import { germanDateTime, todayGerman } from '../format';

export { fileSize } from '../sessions/labels';

/** Why an automatic backup was made, as the list says it. */
export const REASON_LABELS: Record<BackupReason, string> = {
  daily: 'Täglich beim Start',
  import: 'Vor einem Import',
  restore: 'Vor einer Wiederherstellung',
  migration: 'Vor einer Aktualisierung',
  manual: 'Von Hand',
};

/** The file types offered when choosing a backup to restore. */
export const BACKUP_FILE_FILTERS = [
  { name: 'Zirkel-Sicherung', extensions: ['sqlite3', 'age'] },
  { name: 'Alle Dateien', extensions: ['*'] },
];

/** "zirkel-sicherung-21-09-2025.sqlite3", with ".age" when it is encrypted. */
export function saveAsFileName(encrypted: boolean, now: Date = new Date()): string {
  const day = todayGerman(now).replaceAll('.', '-');
  return `zirkel-sicherung-${day}.sqlite3${encrypted ? '.age' : ''}`;
}

/** The backups newest first (the core sends them so; a copy in the second folder follows its original). */
export function newestFirst(backups: readonly BackupFile[]): BackupFile[] {
  return [...backups].sort((a, b) => b.made_at.localeCompare(a.made_at));
}

/** One line of what a backup holds: label and value, e.g. ["Personen", "60"]. */
export type SummaryLine = { label: string; value: string };

const count = (n: number) => n.toLocaleString('de-DE');

/** What a backup holds, in the order the screens list it. */
export function summaryLines(summary: BackupSummary): SummaryLine[] {
  const lines: SummaryLine[] = [
    { label: 'Personen', value: count(summary.people) },
    { label: 'Organisationen', value: count(summary.organisations) },
    { label: 'Sitzungen', value: count(summary.sessions) },
    { label: 'Protokolle', value: count(summary.minutes) },
    { label: 'Aufgaben', value: count(summary.action_items) },
    { label: 'Praxisbeispiele', value: count(summary.practice_examples) },
    { label: 'Empfehlungen', value: count(summary.recommendations) },
    {
      label: 'Letzte Änderung',
      value: summary.newest_change ? germanDateTime(summary.newest_change) : 'keine',
    },
    { label: 'Schema-Version', value: String(summary.schema_version) },
  ];
  if (summary.encrypted) lines.push({ label: 'Verschlüsselung', value: 'verschlüsselt' });
  return lines;
}

/** The core's message when it needs (another) passphrase for the file; null otherwise. */
export function passphraseProblem(error: UserError): string | null {
  return error.messageFor('passphrase') ?? (error.field === 'passphrase' ? error.message : null);
}
