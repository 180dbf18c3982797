// The person form: the generic editor over the person commands, plus what only a person has:
// deactivate / reactivate and the mandates edited beside the form. One instance per open form.

import * as api from '../api/api';
import type { UserError } from '../api/errors';
import type { MandateInput, Person, PersonDetail, PersonInput } from '../api/types';
import { emptyPersonInput, personToInput } from '../format';
import { EditorState } from '../shared/editor-state.svelte';

/** The form fields, in the order they appear (errors are listed and focused in this order). */
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

export class PersonEditor extends EditorState<PersonDetail, PersonInput, Person> {
  constructor() {
    super({
      fields: PERSON_FIELDS,
      empty: emptyPersonInput,
      toInput: (detail) => personToInput(detail.person),
      idOf: (detail) => detail.person.id,
      get: api.personGet,
      create: api.personCreate,
      update: api.personUpdate,
      remove: api.personDelete,
    });
  }

  /** Ends the person's running mandates and lists them as former; the refusal, or null. */
  deactivate(): Promise<UserError | null> {
    return this.act(api.personDeactivate);
  }

  reactivate(): Promise<UserError | null> {
    return this.act(api.personReactivate);
  }

  /** Saves a mandate of this person; returns the error for the mandate form, or null. */
  saveMandate(id: number | null, input: MandateInput): Promise<UserError | null> {
    return this.change(() =>
      id === null ? api.mandateCreate(input) : api.mandateUpdate(id, input),
    );
  }

  removeMandate(id: number): Promise<UserError | null> {
    return this.change(() => api.mandateDelete(id));
  }
}
