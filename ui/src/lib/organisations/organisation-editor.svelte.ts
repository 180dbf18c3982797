// State of the organisation form: detail with mandates, values as typed, errors per field.

import * as api from '../api/api';
import type { UserError } from '../api/errors';
import type { Organisation, OrganisationDetail, OrganisationInput } from '../api/types';
import { emptyOrganisationInput, organisationToInput } from '../format';

export class OrganisationEditor {
  detail = $state<OrganisationDetail | null>(null);
  input = $state<OrganisationInput>(emptyOrganisationInput());
  errors = $state<Record<string, string>>({});
  error = $state<UserError | null>(null);
  loading = $state(false);
  saving = $state(false);
  #original = $state(JSON.stringify(emptyOrganisationInput()));
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
    this.#reset(emptyOrganisationInput());
    this.loading = false;
  }

  async load(id: number): Promise<void> {
    const request = ++this.#request;
    this.loading = true;
    try {
      const detail = await api.organisationGet(id);
      if (request !== this.#request) return;
      this.detail = detail;
      this.#reset(organisationToInput(detail.organisation));
    } catch (reason) {
      if (request !== this.#request) return;
      this.error = api.toUserError(reason);
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  async save(): Promise<Organisation | null> {
    this.saving = true;
    this.errors = {};
    this.error = null;
    const input = $state.snapshot(this.input);
    try {
      const organisation = this.detail
        ? await api.organisationUpdate(this.detail.organisation.id, input)
        : await api.organisationCreate(input);
      const detail = await api.organisationGet(organisation.id);
      this.detail = detail;
      this.#reset(organisationToInput(detail.organisation));
      return organisation;
    } catch (reason) {
      const error = api.toUserError(reason);
      this.error = error;
      if (error.field) this.errors = { [error.field]: error.message };
      return null;
    } finally {
      this.saving = false;
    }
  }

  discard(): void {
    this.input = JSON.parse(this.#original) as OrganisationInput;
    this.errors = {};
    this.error = null;
  }

  async remove(): Promise<UserError | null> {
    if (!this.detail) return null;
    try {
      await api.organisationDelete(this.detail.organisation.id);
      return null;
    } catch (reason) {
      return api.toUserError(reason);
    }
  }

  async endMembership(): Promise<boolean> {
    if (!this.detail) return false;
    this.error = null;
    try {
      await api.organisationEndMembership(this.detail.organisation.id);
      await this.load(this.detail.organisation.id);
      return true;
    } catch (reason) {
      this.error = api.toUserError(reason);
      return false;
    }
  }

  #reset(input: OrganisationInput) {
    this.input = input;
    this.#original = JSON.stringify(input);
    this.errors = {};
    this.error = null;
  }
}
