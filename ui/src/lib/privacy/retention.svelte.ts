// Einstellungen → Datenschutz: the retention rule (after how many years a former member is
// offered for anonymisation) and the former members it offers now. Nothing is anonymised here;
// each offered person opens the anonymise dialog (docs/privacy-contract.md).

import * as api from '../api/api';
import type { UserError } from '../api/errors';
import type { RetentionCandidate, RetentionOverview } from '../api/types';

/** The core names a bad value with this field. */
export const RETENTION_FIELD = 'retention_years';

export class RetentionState {
  overview = $state.raw<RetentionOverview | null>(null);
  /** The years as typed, so a half-typed number stays visible. */
  years = $state('');
  loading = $state(false);
  saving = $state(false);
  /** True after a save until the next change. */
  saved = $state(false);
  /** The message under the years field. */
  yearsError = $state<string | null>(null);
  /** Any other failure (loading, or a save refused for another reason). */
  error = $state<UserError | null>(null);

  get candidates(): RetentionCandidate[] {
    return this.overview?.candidates ?? [];
  }

  /** Typed but not saved. */
  get dirty(): boolean {
    return this.overview !== null && this.years.trim() !== String(this.overview.years);
  }

  async load(): Promise<void> {
    this.loading = true;
    try {
      this.#show(await api.retentionOverview());
      this.error = null;
    } catch (reason) {
      this.error = api.toUserError(reason);
    } finally {
      this.loading = false;
    }
  }

  /** Reloads the offered people (after one was anonymised) without touching what is typed. */
  async reloadCandidates(): Promise<void> {
    try {
      const overview = await api.retentionOverview();
      const typed = this.dirty ? this.years : null;
      this.#show(overview);
      if (typed !== null) this.years = typed;
    } catch (reason) {
      this.error = api.toUserError(reason);
    }
  }

  /** "Speichern": the core checks the value (1–30) and answers with the new offer. */
  async save(): Promise<boolean> {
    if (this.saving) return false;
    this.saving = true;
    this.saved = false;
    this.yearsError = null;
    this.error = null;
    try {
      this.#show(await api.retentionSave(this.years.trim()));
      this.saved = true;
      return true;
    } catch (reason) {
      const error = api.toUserError(reason);
      const atField = error.messageFor(RETENTION_FIELD);
      if (atField !== null) this.yearsError = atField;
      else this.error = error;
      return false;
    } finally {
      this.saving = false;
    }
  }

  #show(overview: RetentionOverview): void {
    this.overview = overview;
    this.years = String(overview.years);
  }
}
