// The organisation form: the generic editor over the organisation commands, plus ending the
// membership (the safe alternative to deleting one with history) and looking up the
// coordinates of the town in the municipality table (for the map of the Übersicht).

import * as api from '../api/api';
import { toUserError, type UserError } from '../api/errors';
import type { Organisation, OrganisationDetail, OrganisationInput } from '../api/types';
import { coordinate, emptyOrganisationInput, organisationToInput } from '../format';
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
  'latitude',
  'longitude',
  'member_since',
  'member_until',
  'notes',
] as const satisfies readonly (keyof OrganisationInput)[];

export class OrganisationEditor extends EditorState<
  OrganisationDetail,
  OrganisationInput,
  Organisation
> {
  /** What the last coordinates lookup did (found, not found, refused); null before the first. */
  lookupNotice = $state<{ kind: 'success' | 'missing' | 'error'; message: string } | null>(null);
  lookingUp = $state(false);

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

  override startNew(): void {
    this.lookupNotice = null;
    super.startNew();
  }

  override load(id: number): Promise<void> {
    this.lookupNotice = null;
    return super.load(id);
  }

  /** Enters today as "member until" and ends the running mandates; the refusal, or null. */
  endMembership(): Promise<UserError | null> {
    return this.act(api.organisationEndMembership);
  }

  /**
   * Fills Breitengrad and Längengrad from the municipality table (VG250) for the town typed
   * under Ort, narrowed by the Bundesland when one is chosen; says so when there is no entry.
   */
  async lookupCoordinates(): Promise<void> {
    const city = this.input.city.trim();
    if (!city) {
      this.lookupNotice = { kind: 'missing', message: 'Bitte zuerst den Ort eintragen.' };
      return;
    }
    // The form may show another record when the answer comes: then it changes nothing.
    const form = this.input;
    this.lookingUp = true;
    try {
      const found = await api.organisationCoordinatesLookup(city, this.input.state || null);
      if (form !== this.input) return;
      if (found) {
        this.input.latitude = coordinate(found.latitude);
        this.input.longitude = coordinate(found.longitude);
        this.lookupNotice = {
          kind: 'success',
          message: `Koordinaten von „${found.name}“ aus dem Gemeindeverzeichnis eingetragen.`,
        };
      } else {
        this.lookupNotice = {
          kind: 'missing',
          message: `Kein Eintrag für „${city}“ im Gemeindeverzeichnis gefunden.`,
        };
      }
    } catch (reason) {
      if (form !== this.input) return;
      this.lookupNotice = { kind: 'error', message: toUserError(reason).message };
    } finally {
      this.lookingUp = false;
    }
  }
}
