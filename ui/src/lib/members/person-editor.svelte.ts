// State of the person form: the loaded detail, the values as typed, the errors per field, and the
// person's operations (save, delete, deactivate, mandates). One instance per open form.

import * as api from '../api/api';
import type { UserError } from '../api/errors';
import type { MandateInput, Person, PersonDetail, PersonInput } from '../api/types';
import { emptyPersonInput, personToInput } from '../format';

/** The form fields, in the order they appear (used to find the first invalid one). */
export const PERSON_FIELDS = [
  'salutation',
  'title',
  'first_name',
  'name_particle',
  'last_name',
  'function',
  'email',
  'phone',
  'mobile',
  'street',
  'postal_code',
  'city',
  'consent_shared_lists',
  'consent_date',
  'notes',
] as const satisfies readonly (keyof PersonInput)[];

export class PersonEditor {
  /** The stored person with mandates; null for a new person (or while loading). */
  detail = $state<PersonDetail | null>(null);
  input = $state<PersonInput>(emptyPersonInput());
  /** Messages from the core by field name. */
  errors = $state<Record<string, string>>({});
  /** The last error of a save or action, shown as a summary alert. */
  error = $state<UserError | null>(null);
  loading = $state(false);
  saving = $state(false);
  #original = $state(JSON.stringify(emptyPersonInput()));
  #request = 0;

  get isNew(): boolean {
    return this.detail === null;
  }

  get dirty(): boolean {
    return JSON.stringify(this.input) !== this.#original;
  }

  startNew(): void {
    this.#request++;
    this.detail = null;
    this.#reset(emptyPersonInput());
    this.loading = false;
  }

  async load(id: number): Promise<void> {
    const request = ++this.#request;
    this.loading = true;
    try {
      const detail = await api.personGet(id);
      if (request !== this.#request) return;
      this.detail = detail;
      this.#reset(personToInput(detail.person));
    } catch (reason) {
      if (request !== this.#request) return;
      this.error = api.toUserError(reason);
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  /** Reloads the detail (after a mandate change) and keeps the values being typed. */
  async refresh(): Promise<void> {
    if (!this.detail) return;
    const typed = $state.snapshot(this.input);
    const wasDirty = this.dirty;
    const detail = await api.personGet(this.detail.person.id);
    this.detail = detail;
    this.#original = JSON.stringify(personToInput(detail.person));
    if (wasDirty) this.input = typed;
    else this.input = personToInput(detail.person);
  }

  /** Creates or updates; returns the stored person, or null when the core refused. */
  async save(): Promise<Person | null> {
    this.saving = true;
    this.errors = {};
    this.error = null;
    const input = $state.snapshot(this.input);
    try {
      const person = this.detail
        ? await api.personUpdate(this.detail.person.id, input)
        : await api.personCreate(input);
      const detail = await api.personGet(person.id);
      this.detail = detail;
      this.#reset(personToInput(detail.person));
      return person;
    } catch (reason) {
      this.#fail(reason);
      return null;
    } finally {
      this.saving = false;
    }
  }

  /** Throws away what was typed. */
  discard(): void {
    this.input = JSON.parse(this.#original) as PersonInput;
    this.errors = {};
    this.error = null;
  }

  /** Deletes the person; a refusal ("conflict": has history) is returned, not shown. */
  async remove(): Promise<UserError | null> {
    if (!this.detail) return null;
    try {
      await api.personDelete(this.detail.person.id);
      return null;
    } catch (reason) {
      return api.toUserError(reason);
    }
  }

  async deactivate(): Promise<boolean> {
    return this.#action((id) => api.personDeactivate(id));
  }

  async reactivate(): Promise<boolean> {
    return this.#action((id) => api.personReactivate(id));
  }

  /** Saves a mandate of this person; returns the error for the mandate form, or null. */
  async saveMandate(id: number | null, input: MandateInput): Promise<UserError | null> {
    try {
      if (id === null) await api.mandateCreate(input);
      else await api.mandateUpdate(id, input);
      await this.refresh();
      return null;
    } catch (reason) {
      return api.toUserError(reason);
    }
  }

  async removeMandate(id: number): Promise<UserError | null> {
    try {
      await api.mandateDelete(id);
      await this.refresh();
      return null;
    } catch (reason) {
      return api.toUserError(reason);
    }
  }

  async #action(run: (id: number) => Promise<Person>): Promise<boolean> {
    if (!this.detail) return false;
    this.error = null;
    try {
      await run(this.detail.person.id);
      await this.refresh();
      return true;
    } catch (reason) {
      this.error = api.toUserError(reason);
      return false;
    }
  }

  #fail(reason: unknown) {
    const error = api.toUserError(reason);
    this.error = error;
    if (error.field) this.errors = { [error.field]: error.message };
  }

  #reset(input: PersonInput) {
    this.input = input;
    this.#original = JSON.stringify(input);
    this.errors = {};
    this.error = null;
  }
}
