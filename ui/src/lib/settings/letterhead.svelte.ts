// Einstellungen → Geschäftsstelle und Briefkopf: the group's and the secretariat's names, the
// address, the closing line and contact of letters (saved together on "Speichern", every problem
// under its field), and the logo (chosen in the open dialog and stored at once, or back to the
// default logo). Every PDF made afterwards uses them (docs/settings-contract.md).

import * as api from '../api/api';
import type { UserError } from '../api/errors';
import type { LetterheadInput, LetterheadSettings, LogoPreview } from '../api/types';

/** The form's fields in their order on screen (the core names problems with these). */
export const LETTERHEAD_FIELDS = [
  'group_name',
  'secretariat_name',
  'secretariat_address',
  'signature',
  'contact',
] as const satisfies readonly (keyof LetterheadInput)[];

export type LetterheadField = (typeof LETTERHEAD_FIELDS)[number];

/** The open dialog's filter: the kinds of image the core takes. */
export const LOGO_FILTERS = [{ name: 'Bild (PNG, JPEG)', extensions: ['png', 'jpg', 'jpeg'] }];

const empty = (): LetterheadInput => ({
  group_name: '',
  secretariat_name: '',
  secretariat_address: '',
  signature: '',
  contact: '',
});

const noErrors = (): Record<LetterheadField, string | null> => ({
  group_name: null,
  secretariat_name: null,
  secretariat_address: null,
  signature: null,
  contact: null,
});

export class LetterheadState {
  /** The fields as saved. */
  saved = $state.raw<LetterheadInput | null>(null);
  /** The fields as typed. */
  input = $state<LetterheadInput>(empty());
  logo = $state.raw<LogoPreview | null>(null);
  loading = $state(false);
  saving = $state(false);
  /** True after a save until the next change. */
  justSaved = $state(false);
  /** The core's message under each field of a refused save. */
  errors = $state(noErrors());
  /** A failure that belongs to no field (loading, or the store). */
  error = $state<UserError | null>(null);
  logoBusy = $state(false);
  /** The message under the logo (a refused file, or a failure to store it). */
  logoError = $state<string | null>(null);

  /** Typed but not saved. */
  get dirty(): boolean {
    const saved = this.saved;
    if (saved === null) return false;
    return LETTERHEAD_FIELDS.some((field) => this.input[field] !== saved[field]);
  }

  async load(): Promise<void> {
    this.loading = true;
    try {
      this.#show(await api.letterheadGet());
      this.error = null;
    } catch (reason) {
      this.error = api.toUserError(reason);
    } finally {
      this.loading = false;
    }
  }

  /** "Speichern": the core checks every field; nothing is stored unless all are fine. */
  async save(): Promise<boolean> {
    if (this.saving) return false;
    this.saving = true;
    this.justSaved = false;
    this.errors = noErrors();
    this.error = null;
    try {
      this.#show(await api.letterheadSave({ ...this.input }));
      this.justSaved = true;
      return true;
    } catch (reason) {
      const error = api.toUserError(reason);
      const errors = noErrors();
      let placed = false;
      for (const field of LETTERHEAD_FIELDS) {
        errors[field] = error.messageFor(field);
        if (errors[field] !== null) placed = true;
      }
      this.errors = errors;
      if (!placed) this.error = error;
      return false;
    } finally {
      this.saving = false;
    }
  }

  /** "Abbrechen": back to the saved values. */
  cancel(): void {
    if (this.saved) this.input = { ...this.saved };
    this.errors = noErrors();
    this.error = null;
    this.justSaved = false;
  }

  /** "Logo wählen …": the open dialog, then the core checks and stores the file. */
  async chooseLogo(): Promise<void> {
    if (this.logoBusy) return;
    this.logoError = null;
    try {
      const path = await api.chooseOpenPath({ title: 'Logo wählen', filters: LOGO_FILTERS });
      if (path === null) return;
      this.logoBusy = true;
      this.logo = await api.logoSet(path);
    } catch (reason) {
      this.logoError = api.toUserError(reason).message;
    } finally {
      this.logoBusy = false;
    }
  }

  /** "Standardlogo verwenden". */
  async removeLogo(): Promise<void> {
    if (this.logoBusy) return;
    this.logoBusy = true;
    this.logoError = null;
    try {
      this.logo = await api.logoRemove();
    } catch (reason) {
      this.logoError = api.toUserError(reason).message;
    } finally {
      this.logoBusy = false;
    }
  }

  #show(settings: LetterheadSettings): void {
    this.saved = { ...settings.input };
    this.input = { ...settings.input };
    this.logo = settings.logo;
  }
}
