// Answers of the data protection commands as the core sends them, for the tests.

import type {
  AnonymisePreview,
  AuditPage,
  AuditRow,
  RetentionOverview,
} from '../api/types';

export function anonymisePreview(overrides: Partial<AnonymisePreview> = {}): AnonymisePreview {
  return {
    person_id: 9,
    name: 'Şükrü Özdemir',
    already: false,
    attendance: 12,
    mandates: 2,
    speakers: 3,
    action_items: 4,
    open_action_items: 1,
    texts_changed: 5,
    texts_ambiguous: 0,
    records_kept: [
      { session: 37, version: 1, approved_on: '2024-03-12', how: 'Teilnahme, Protokollführung' },
    ],
    left_for_user: [],
    ...overrides,
  };
}

export function retentionOverview(overrides: Partial<RetentionOverview> = {}): RetentionOverview {
  return {
    years: 5,
    cutoff: '2020-09-21',
    candidates: [
      {
        person_id: 9,
        name: 'Özdemir, Şükrü',
        organisations: 'Stadt Herten',
        last_seen: '2018-06-30',
      },
    ],
    ...overrides,
  };
}

export function auditRow(id: number, overrides: Partial<AuditRow> = {}): AuditRow {
  return {
    id,
    at: '2025-09-21T14:05:33',
    until: '2025-09-21T14:05:33',
    user: 'anna',
    entity: 'person',
    entity_label: 'Person',
    entity_id: 9,
    object: 'Özdemir, Şükrü',
    action: 'update',
    action_label: 'geändert',
    fields: ['email', 'phone'],
    field_labels: ['E-Mail', 'Telefon'],
    ...overrides,
  };
}

export function auditPage(rows: AuditRow[], total = rows.length): AuditPage {
  return {
    rows,
    total,
    users: ['anna', 'ben'],
    entities: [
      ['person', 'Person'],
      ['session', 'Sitzung'],
    ],
    actions: [
      ['create', 'angelegt'],
      ['update', 'geändert'],
    ],
  };
}
