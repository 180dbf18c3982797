// The recovery screen's state: the store could not be opened (`store_status` names why), so the
// user picks a backup beside it or another file, and `store_recover` verifies it, moves the
// damaged database aside unchanged and opens the backup in its place. An encrypted file is
// retried with the passphrase the user types (the core asks at the field `passphrase`).

import * as api from '../api/api';
import type { UserError } from '../api/errors';
import type { BackupFile, Recovered, StoreStatus } from '../api/types';
import { BACKUP_FILE_FILTERS, newestFirst, passphraseProblem } from './labels';

export class RecoveryState {
  readonly status: StoreStatus;
  busy = $state(false);
  /** Why the chosen file could not replace the database. */
  error = $state<UserError | null>(null);
  /** The file that needs a passphrase, while it is asked for. */
  locked = $state<string | null>(null);
  passphrase = $state('');
  passphraseError = $state<string | null>(null);
  /** What the store holds after the recovery. */
  result = $state.raw<Recovered | null>(null);

  constructor(status: StoreStatus) {
    this.status = status;
  }

  get backups(): BackupFile[] {
    return newestFirst(this.status.backups);
  }

  /** "Diese Sicherung wiederherstellen". */
  async recover(file: string): Promise<void> {
    this.passphrase = '';
    this.passphraseError = null;
    await this.#attempt(file, null);
  }

  /** "Andere Sicherungsdatei wählen …". */
  async chooseFile(): Promise<void> {
    if (this.busy) return;
    try {
      const file = await api.chooseOpenPath({
        title: 'Sicherungsdatei wählen',
        filters: BACKUP_FILE_FILTERS,
      });
      if (file !== null) await this.recover(file);
    } catch (reason) {
      this.error = api.toUserError(reason);
    }
  }

  /** Retries the locked file with the typed passphrase. */
  async unlock(): Promise<void> {
    if (this.locked === null) return;
    if (this.passphrase === '') {
      this.passphraseError = 'Bitte die Passphrase eingeben.';
      return;
    }
    await this.#attempt(this.locked, this.passphrase);
  }

  cancelPassphrase(): void {
    if (this.busy) return;
    this.locked = null;
    this.passphrase = '';
    this.passphraseError = null;
  }

  async #attempt(file: string, passphrase: string | null): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = null;
    try {
      this.result = await api.storeRecover(file, passphrase);
      this.locked = null;
      this.passphrase = '';
      this.passphraseError = null;
    } catch (reason) {
      const error = api.toUserError(reason);
      const problem = passphraseProblem(error);
      if (problem !== null) {
        this.locked = file;
        this.passphrase = '';
        this.passphraseError = problem;
      } else {
        this.locked = null;
        this.error = error;
      }
    } finally {
      this.busy = false;
    }
  }
}
