// Einstellungen → Datenordner und Protokolldatei: where the database and its backups lie and
// where the log file is written (warnings and errors, no personal data), each with a button that
// opens its folder, so an office's IT can help.

import * as api from '../api/api';
import type { UserError } from '../api/errors';
import type { AppFolders } from '../api/types';

export class FoldersState {
  folders = $state.raw<AppFolders | null>(null);
  /** A failure to load or to open a folder. */
  error = $state<UserError | null>(null);

  async load(): Promise<void> {
    try {
      this.folders = await api.appFolders();
      this.error = null;
    } catch (reason) {
      this.error = api.toUserError(reason);
    }
  }

  async openDataFolder(): Promise<void> {
    await this.#open(api.dataFolderOpen);
  }

  async openLogFolder(): Promise<void> {
    await this.#open(api.logFolderOpen);
  }

  async #open(action: () => Promise<unknown>): Promise<void> {
    this.error = null;
    try {
      await action();
    } catch (reason) {
      this.error = api.toUserError(reason);
    }
  }
}
