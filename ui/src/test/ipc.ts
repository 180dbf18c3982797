// A mockIPC wrapper for tests: answers per command, records every call, and fails loudly on a
// command the test did not expect (so a wrong command name cannot pass unnoticed).

import { mockIPC } from '@tauri-apps/api/mocks';
import type {
  MemberList,
  MemberRow,
  OrganisationList,
  Person,
  ReferenceData,
  StoreInfo,
} from '../lib/api/types';

export type Call = { cmd: string; args: Record<string, unknown> };
export type Handler = (args: Record<string, unknown>) => unknown;

export function recordIPC(handlers: Record<string, Handler>): Call[] {
  const calls: Call[] = [];
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    const handler = handlers[cmd];
    if (!handler) throw new Error(`unexpected command in test: ${cmd}`);
    return handler(args);
  });
  return calls;
}

export const reference: ReferenceData = {
  states: ['Baden-Württemberg', 'Bayern', 'Nordrhein-Westfalen'],
  organisation_kinds: [
    { value: 'city', label: 'Stadt' },
    { value: 'district', label: 'Landkreis' },
  ],
  roles: [
    { value: 'permanent', label: 'Ständige Vertretung' },
    { value: 'deputy', label: 'Stellvertretung' },
  ],
  salutations: [
    { value: 'ms', label: 'Frau' },
    { value: 'mr', label: 'Herr' },
    { value: 'neutral', label: '' },
  ],
};

export function storeInfo(overrides: Partial<StoreInfo> = {}): StoreInfo {
  return {
    path: '/tmp/zirkel/zirkel.sqlite3',
    schema_version: 1,
    is_empty: false,
    people: 0,
    organisations: 0,
    ...overrides,
  };
}

export function memberRow(id: number, name: string, overrides: Partial<MemberRow> = {}): MemberRow {
  const [last_name, first_name] = name.split(', ');
  return {
    person_id: id,
    name,
    title: null,
    first_name: first_name ?? '',
    name_particle: null,
    last_name: last_name ?? name,
    organisation_id: null,
    organisation: null,
    organisation_kind: null,
    role: null,
    function: null,
    email: null,
    phone: null,
    state: null,
    since: null,
    until: null,
    current: true,
    active: true,
    ...overrides,
  };
}

export function memberList(rows: MemberRow[], total = rows.length): MemberList {
  return { rows, total, as_of: '2025-09-21' };
}

export const noOrganisations: OrganisationList = { rows: [], total: 0 };

export function person(id: number, overrides: Partial<Person> = {}): Person {
  return {
    id,
    salutation: 'neutral',
    title: null,
    first_name: 'Şükrü',
    name_particle: null,
    last_name: 'Özdemir',
    function: null,
    email: null,
    phone: null,
    mobile: null,
    street: null,
    postal_code: null,
    city: null,
    consent_shared_lists: false,
    consent_date: null,
    notes: null,
    active: true,
    history: {
      created_at: '2025-09-21T10:11:12',
      created_by: 'anna',
      updated_at: '2025-09-21T10:11:12',
      updated_by: 'anna',
    },
    ...overrides,
  };
}
