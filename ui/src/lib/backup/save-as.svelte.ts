// "Sicherung speichern …": a backup wherever the user chooses (a USB stick), optionally encrypted
// with a passphrase typed twice. The core refuses a passphrase that is too short at the field
// `passphrase`; that the two entries match is checked here, before the save dialog opens.

import * as api from '../api/api';
import type { UserError } from '../api/errors';
import type { SavedBackup } from '../api/types';
import { saveAsFileName } from './labels';

export class SaveAsState {
  open = $state(false);
  encrypt = $state(false);
  passphrase = $state('');
  repeat = $state('');
  /** Problems under the two passphrase fields. */
  errors = $state<{ passphrase?: string; repeat?: string }>({});
  /** A refusal that belongs to no field, shown in the dialog. */
  error = $state<UserError | null>(null);
  busy = $state(false);

  openDialog(): void {
    this.encrypt = false;
    this.#forget();
    this.open = true;
  }

  close(): void {
    if (this.busy) return;
    this.open = false;
    this.#forget();
  }

  /**
   * Checks the passphrase, asks for the file, writes the backup. Cancelling the save dialog keeps
   * the dialog open; on success it closes and the saved file is returned.
   */
  async save(): Promise<SavedBackup | null> {
    if (this.busy) return null;
    this.error = null;
    this.errors = {};
    if (this.encrypt) {
      if (this.passphrase === '') {
        this.errors = { passphrase: 'Bitte eine Passphrase eingeben.' };
        return null;
      }
      if (this.passphrase !== this.repeat) {
        this.errors = { repeat: 'Die beiden Passphrasen stimmen nicht überein.' };
        return null;
      }
    }
    this.busy = true;
    try {
      const path = await api.chooseSavePath({
        title: 'Sicherung speichern',
        defaultPath: saveAsFileName(this.encrypt),
        filters: this.encrypt
          ? [{ name: 'Verschlüsselte Zirkel-Sicherung', extensions: ['age'] }]
          : [{ name: 'Zirkel-Sicherung', extensions: ['sqlite3'] }],
      });
      if (path === null) return null;
      const saved = await api.backupSaveAs(path, this.encrypt ? this.passphrase : null);
      this.open = false;
      this.#forget();
      return saved;
    } catch (reason) {
      const error = api.toUserError(reason);
      const message = error.messageFor('passphrase');
      if (message) this.errors = { passphrase: message };
      else this.error = error;
      return null;
    } finally {
      this.busy = false;
    }
  }

  /** A passphrase is not kept longer than the dialog is open. */
  #forget(): void {
    this.passphrase = '';
    this.repeat = '';
    this.errors = {};
    this.error = null;
  }
}
