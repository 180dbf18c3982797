// The recovery screen's state: the store could not be opened (`store_status` names why), so the
// user picks a backup beside it or another file. `backup_inspect` verifies it first and says what
// it holds (asking for the passphrase when the core says it is encrypted); only on confirmation
// does `store_recover` move the damaged database aside unchanged and open the backup in its place
// (docs/backup-contract.md).

import * as api from '../api/api';
import type { UserError } from '../api/errors';
import type { BackupFile, BackupSummary, Recovered, StoreStatus } from '../api/types';
import { BACKUP_FILE_FILTERS, newestFirst, passphraseProblem } from './labels';

/**
 * idle → checking → summary → recovering → idle with a `result`; checking can lead to
 * passphrase (asked, then checking again) or failed (the file cannot replace the database). A
 * refused recovery goes back to summary with its `error`.
 */
export type RecoveryStep = 'idle' | 'checking' | 'passphrase' | 'failed' | 'summary' | 'recovering';

export class RecoveryState {
  readonly status: StoreStatus;
  step = $state<RecoveryStep>('idle');
  /** The chosen backup file. */
  file = $state('');
  passphrase = $state('');
  /** The core's word on the passphrase (needed, or wrong), or an empty entry. */
  passphraseError = $state<string | null>(null);
  /** What the chosen backup holds, as `backup_inspect` found it. */
  summary = $state.raw<BackupSummary | null>(null);
  /**
   * Why the file cannot replace the database (failed), or why the recovery was refused (summary).
   */
  error = $state<UserError | null>(null);
  /** What the store holds after the recovery. */
  result = $state.raw<Recovered | null>(null);
  /** The passphrase `backup_inspect` accepted, handed on to `store_recover` unchanged. */
  #accepted: string | null = null;

  constructor(status: StoreStatus) {
    this.status = status;
  }

  get backups(): BackupFile[] {
    return newestFirst(this.status.backups);
  }

  /** A backup is being checked or recovered (the dialog is open). */
  get open(): boolean {
    return this.step !== 'idle';
  }

  get busy(): boolean {
    return this.step === 'checking' || this.step === 'recovering';
  }

  /** "Diese Sicherung wiederherstellen …": verifies the file without passphrase first. */
  async choose(file: string): Promise<void> {
    if (this.busy) return;
    this.file = file;
    this.passphrase = '';
    this.passphraseError = null;
    this.summary = null;
    this.error = null;
    this.#accepted = null;
    await this.#inspect(null);
  }

  /** "Andere Sicherungsdatei wählen …": the system's open dialog, then the same checks. */
  async chooseFile(): Promise<void> {
    if (this.busy) return;
    try {
      const file = await api.chooseOpenPath({
        title: 'Sicherungsdatei wählen',
        filters: BACKUP_FILE_FILTERS,
      });
      if (file !== null) await this.choose(file);
    } catch (reason) {
      this.error = api.toUserError(reason);
      this.step = 'failed';
    }
  }

  /** Verifies the file again with the typed passphrase. */
  async unlock(): Promise<void> {
    if (this.step !== 'passphrase') return;
    if (this.passphrase === '') {
      this.passphraseError = 'Bitte die Passphrase eingeben.';
      return;
    }
    await this.#inspect(this.passphrase);
  }

  /** "Diese Sicherung einsetzen": puts the checked backup in place of the damaged database. */
  async confirm(): Promise<void> {
    if (this.step !== 'summary') return;
    this.step = 'recovering';
    this.error = null;
    try {
      this.result = await api.storeRecover(this.file, this.#accepted);
      this.#reset();
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

  /** Back to the list without changing anything. */
  close(): void {
    if (this.busy) return;
    this.#reset();
  }

  #reset(): void {
    this.step = 'idle';
    this.passphrase = '';
    this.passphraseError = null;
    this.#accepted = null;
  }

  #askPassphrase(message: string): void {
    this.passphrase = '';
    this.passphraseError = message;
    this.#accepted = null;
    this.step = 'passphrase';
  }

  async #inspect(passphrase: string | null): Promise<void> {
    this.step = 'checking';
    this.error = null;
    try {
      this.summary = await api.backupInspect(this.file, passphrase);
      this.#accepted = passphrase;
      this.passphrase = '';
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
