// The Übersicht's figures (`overview_get`): loaded whenever the screen is shown, so they are as
// fresh as the last visit. One instance per shown screen; nothing needs to survive leaving it.

import * as api from '../api/api';
import { toUserError, type UserError } from '../api/errors';
import type { Overview } from '../api/types';

export class OverviewState {
  overview = $state.raw<Overview | null>(null);
  loading = $state(false);
  error = $state<UserError | null>(null);

  #request = 0;
  readonly #fetch: () => Promise<Overview>;

  constructor(fetch: () => Promise<Overview> = api.overviewGet) {
    this.#fetch = fetch;
  }

  /** Loads the figures; an older answer arriving late is ignored. */
  async load(): Promise<void> {
    const request = ++this.#request;
    this.loading = true;
    try {
      const overview = await this.#fetch();
      if (request !== this.#request) return;
      this.overview = overview;
      this.error = null;
    } catch (reason) {
      if (request !== this.#request) return;
      this.error = toUserError(reason);
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }
}
