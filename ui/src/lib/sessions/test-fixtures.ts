// Records as the core sends them, for the sessions area's tests (imported by tests only).

import type {
  ScheduledItem,
  Session,
  SessionDetail,
  SessionEntry,
  Slot,
} from '../api/types';

const HISTORY = {
  created_at: '2026-05-04T10:11:12',
  created_by: 'anna',
  updated_at: '2026-05-04T10:11:12',
  updated_by: 'anna',
};

export function session(id: number, overrides: Partial<Session> = {}): Session {
  return {
    id,
    number: 38,
    title: 'Interkulturelle Öffnung der Verwaltung',
    first_day: '2026-09-21',
    last_day: '2026-09-22',
    venue: 'Rathaus Stuttgart, Großer Sitzungssaal',
    address: 'Marktplatz 1, 70173 Stuttgart',
    host_organisation_id: null,
    status: 'planned',
    description: null,
    registration_deadline: null,
    history: HISTORY,
    ...overrides,
  };
}

export function entry(
  id: number,
  overrides: Partial<Session> = {},
  rest: Partial<Omit<SessionEntry, 'session'>> = {},
): SessionEntry {
  return {
    session: session(id, overrides),
    when: 'upcoming',
    host_name: null,
    invited: 0,
    expected: 0,
    ...rest,
  };
}

export function slot(start: string, end: string, gap = 0, overlap = 0): Slot {
  return { start: `${start}:00`, end: `${end}:00`, gap_minutes: gap, overlap_minutes: overlap };
}

export function item(id: number, overrides: Partial<ScheduledItem> = {}): ScheduledItem {
  return {
    id,
    day: '2026-09-21',
    number: id,
    slot: slot('09:00', '09:45'),
    kind: 'talk',
    title: `Punkt ${id}`,
    description: null,
    place: null,
    start_time: null,
    duration_minutes: 45,
    internal: false,
    standing: false,
    speakers: [],
    topics: [],
    attachments: [],
    ...overrides,
  };
}

export function detail(
  id: number,
  agenda: ScheduledItem[] = [],
  overrides: Partial<Omit<SessionDetail, 'session'>> = {},
  sessionOverrides: Partial<Session> = {},
): SessionDetail {
  return {
    session: session(id, sessionOverrides),
    host_name: null,
    days: [
      { day: '2026-09-21', start: '09:00' },
      { day: '2026-09-22', start: '09:00' },
    ],
    agenda,
    attendance: 0,
    minutes: 0,
    can_delete: true,
    open_items: [],
    ...overrides,
  };
}
