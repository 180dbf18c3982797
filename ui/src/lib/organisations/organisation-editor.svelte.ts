// The organisation form: the generic editor over the organisation commands, plus ending the
// membership (the safe alternative to deleting one with history).

import * as api from '../api/api';
import type { UserError } from '../api/errors';
import type { Organisation, OrganisationDetail, OrganisationInput } from '../api/types';
import { emptyOrganisationInput, organisationToInput } from '../format';
import { EditorState } from '../shared/editor-state.svelte';

/** The form fields, in the order they appear (errors are listed and focused in this order). */
export const ORGANISATION_FIELDS = [
  'name',
  'kind',
  'state',
  'street',
  'postal_code',
  'city',
  'website',
  'member_since',
  'member_until',
  'notes',
] as const satisfies readonly (keyof OrganisationInput)[];

export class OrganisationEditor extends EditorState<
  OrganisationDetail,
  OrganisationInput,
  Organisation
> {
  constructor() {
    super({
      fields: ORGANISATION_FIELDS,
      empty: emptyOrganisationInput,
      toInput: (detail) => organisationToInput(detail.organisation),
      idOf: (detail) => detail.organisation.id,
      get: api.organisationGet,
      create: api.organisationCreate,
      update: api.organisationUpdate,
      remove: api.organisationDelete,
    });
  }

  /** Enters today as "member until" and ends the running mandates; the refusal, or null. */
  endMembership(): Promise<UserError | null> {
    return this.act(api.organisationEndMembership);
  }
}
