// A mockIPC wrapper for tests: answers per command, records every call, and fails loudly on a
// command the test did not expect (so a wrong command name cannot pass unnoticed).

import { mockIPC } from '@tauri-apps/api/mocks';
import type {
  ColumnMapping,
  ImportPreview,
  MemberList,
  MemberRow,
  Organisation,
  OrganisationList,
  Person,
  PreviewRow,
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
    anonymised_at: null,
    history: {
      created_at: '2025-09-21T10:11:12',
      created_by: 'anna',
      updated_at: '2025-09-21T10:11:12',
      updated_by: 'anna',
    },
    ...overrides,
  };
}

export function organisation(id: number, overrides: Partial<Organisation> = {}): Organisation {
  return {
    id,
    name: 'Stadt Herten',
    kind: 'city',
    state: 'Nordrhein-Westfalen',
    street: null,
    postal_code: null,
    city: 'Herten',
    latitude: 51.5975,
    longitude: 7.1296,
    website: null,
    member_since: '2009-01-01',
    member_until: null,
    notes: null,
    history: {
      created_at: '2025-09-21T10:11:12',
      created_by: 'anna',
      updated_at: '2025-09-21T10:11:12',
      updated_by: 'anna',
    },
    ...overrides,
  };
}

export function previewRow(row: number, overrides: Partial<PreviewRow> = {}): PreviewRow {
  return {
    row,
    status: 'new',
    name: `Person ${row}`,
    organisation: null,
    email: null,
    errors: [],
    warnings: [],
    existing_person_id: null,
    duplicate_reason: null,
    ...overrides,
  };
}

/**
 * A preview as the core sends it; the counts follow the rows. Unless `extra` says otherwise, every
 * column without a field is ignored as "nicht erkannt" and no organisation is suggested.
 */
export function importPreview(
  rows: PreviewRow[],
  columns: ColumnMapping[] = [
    { index: 0, header: 'Vorname', field: 'first_name' },
    { index: 1, header: 'Nachname', field: 'last_name' },
    { index: 2, header: 'Mail', field: null },
  ],
  organisationsNew = 0,
  extra: Partial<Pick<ImportPreview, 'ignored' | 'organisation_suggestions'>> = {},
): ImportPreview {
  const count = (status: PreviewRow['status']) => rows.filter((r) => r.status === status).length;
  return {
    file_name: 'mitglieder.csv',
    source: 'CSV, UTF-8, Trennzeichen ;',
    header_row: 1,
    columns,
    ignored:
      extra.ignored ??
      columns
        .filter((c) => c.field === null)
        .map((c) => ({ index: c.index, header: c.header, reason: 'nicht erkannt' })),
    organisation_suggestions: extra.organisation_suggestions ?? [],
    fingerprint: 'preview-fingerprint',
    rows,
    counts: {
      total: rows.length,
      new: count('new'),
      update: count('update'),
      duplicate: count('duplicate'),
      error: count('error'),
      organisations_new: organisationsNew,
    },
  };
}
