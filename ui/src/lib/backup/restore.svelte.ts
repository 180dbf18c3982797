// "Wiederherstellen …" of a backup while the store is open: verify the file (asking for its
// passphrase when the core says it is encrypted), show what it holds, and only on confirmation
// replace the data; the core backs up the current state first (docs/backup-contract.md).

import * as api from '../api/api';
import type { UserError } from '../api/errors';
import type { BackupSummary, RestoreReport } from '../api/types';
import { BACKUP_FILE_FILTERS, passphraseProblem } from './labels';

/**
 * closed → checking → summary → restoring → done; checking can lead to passphrase (asked, then
 * checking again) or failed (the file cannot be restored).
 */
export type RestoreStep =
  | 'closed'
  | 'checking'
  | 'passphrase'
  | 'failed'
  | 'summary'
  | 'restoring'
  | 'done';

export class RestoreState {
  step = $state<RestoreStep>('closed');
  /** The backup file. */
  path = $state('');
  passphrase = $state('');
  /** The core's word on the passphrase (needed, or wrong), or an empty entry. */
  passphraseError = $state<string | null>(null);
  summary = $state.raw<BackupSummary | null>(null);
  report = $state.raw<RestoreReport | null>(null);
  /** Why the file cannot be restored (failed), or why the restore was refused (summary). */
  error = $state<UserError | null>(null);

  get open(): boolean {
    return this.step !== 'closed';
  }

  get busy(): boolean {
    return this.step === 'checking' || this.step === 'restoring';
  }

  /**
   * After a restore: that people anonymised since the backup was made were anonymised again (a
   * restore never brings back erased data); null when there were none.
   */
  get anonymisedAgain(): string | null {
    const count = this.report?.anonymised_again.length ?? 0;
    if (count === 0) return null;
    return count === 1
      ? '1 seit dieser Sicherung anonymisierte Person wurde erneut anonymisiert.'
      : `${count.toLocaleString('de-DE')} seit dieser Sicherung anonymisierte Personen wurden erneut anonymisiert.`;
  }

  /** Starts with a file: verifies it without passphrase first. */
  async start(path: string): Promise<void> {
    this.path = path;
    this.passphrase = '';
    this.passphraseError = null;
    this.summary = null;
    this.report = null;
    this.error = null;
    await this.#inspect(null);
  }

  /** "Aus Datei wiederherstellen …": the system's open dialog, then the same flow. */
  async chooseFile(): Promise<void> {
    try {
      const path = await api.chooseOpenPath({
        title: 'Sicherung zum Wiederherstellen wählen',
        filters: BACKUP_FILE_FILTERS,
      });
      if (path !== null) await this.start(path);
    } catch (reason) {
      this.error = api.toUserError(reason);
      this.step = 'failed';
    }
  }

  /** Verifies again with the typed passphrase. */
  async unlock(): Promise<void> {
    if (this.busy) return;
    if (this.passphrase === '') {
      this.passphraseError = 'Bitte die Passphrase eingeben.';
      return;
    }
    await this.#inspect(this.passphrase);
  }

  /** "Wiederherstellen": replaces the data by the backup's. */
  async confirm(): Promise<void> {
    if (this.step !== 'summary') return;
    this.step = 'restoring';
    this.error = null;
    try {
      this.report = await api.backupRestore(this.path, this.#passphrase());
      this.step = 'done';
    } catch (reason) {
      const error = api.toUserError(reason);
      const problem = passphraseProblem(error);
      if (problem !== null) this.#askPassphrase(problem);
      else {
        this.error = error;
        this.step = 'summary';
      }
    }
  }

  /** Closes the dialog; true when the data was replaced (the app must reload then). */
  close(): boolean {
    if (this.busy) return false;
    const restored = this.step === 'done';
    this.step = 'closed';
    this.passphrase = '';
    this.passphraseError = null;
    return restored;
  }

  #passphrase(): string | null {
    return this.passphrase === '' ? null : this.passphrase;
  }

  #askPassphrase(message: string): void {
    this.passphrase = '';
    this.passphraseError = message;
    this.step = 'passphrase';
  }

  async #inspect(passphrase: string | null): Promise<void> {
    this.step = 'checking';
    this.error = null;
    try {
      this.summary = await api.backupInspect(this.path, passphrase);
      this.passphraseError = null;
      this.step = 'summary';
    } catch (reason) {
      const error = api.toUserError(reason);
      const problem = passphraseProblem(error);
      if (problem !== null) this.#askPassphrase(problem);
      else {
        this.error = error;
        this.step = 'failed';
      }
    }
  }
}
