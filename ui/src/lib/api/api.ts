// The only module that talks to the Tauri core. One function per command of CONTRACT.md; every
// rejection is turned into a `UserError`.

import { invoke, type InvokeArgs } from '@tauri-apps/api/core';
import { toUserError } from './errors';
import type {
  Mandate,
  MandateInput,
  MemberFilter,
  MemberList,
  Organisation,
  OrganisationDetail,
  OrganisationFilter,
  OrganisationInput,
  OrganisationList,
  Person,
  PersonDetail,
  PersonInput,
  ReferenceData,
  StoreInfo,
} from './types';

async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toUserError(reason);
  }
}

export const storeInfo = () => call<StoreInfo>('store_info');
export const demoLoad = () => call<StoreInfo>('demo_load');
export const referenceData = () => call<ReferenceData>('reference_data');

export const membersList = (filter: MemberFilter) => call<MemberList>('members_list', { filter });
export const personGet = (id: number) => call<PersonDetail>('person_get', { id });
export const personCreate = (input: PersonInput) => call<Person>('person_create', { input });
export const personUpdate = (id: number, input: PersonInput) =>
  call<Person>('person_update', { id, input });
export const personDelete = (id: number) => call<null>('person_delete', { id });
export const personDeactivate = (id: number) => call<Person>('person_deactivate', { id });
export const personReactivate = (id: number) => call<Person>('person_reactivate', { id });

export const mandateCreate = (input: MandateInput) => call<Mandate>('mandate_create', { input });
export const mandateUpdate = (id: number, input: MandateInput) =>
  call<Mandate>('mandate_update', { id, input });
export const mandateDelete = (id: number) => call<null>('mandate_delete', { id });

export const organisationsList = (filter: OrganisationFilter) =>
  call<OrganisationList>('organisations_list', { filter });
export const organisationGet = (id: number) => call<OrganisationDetail>('organisation_get', { id });
export const organisationCreate = (input: OrganisationInput) =>
  call<Organisation>('organisation_create', { input });
export const organisationUpdate = (id: number, input: OrganisationInput) =>
  call<Organisation>('organisation_update', { id, input });
export const organisationDelete = (id: number) => call<null>('organisation_delete', { id });
export const organisationEndMembership = (id: number) =>
  call<Organisation>('organisation_end_membership', { id });

export { UserError, toUserError, type ErrorCode } from './errors';
export type * from './types';
