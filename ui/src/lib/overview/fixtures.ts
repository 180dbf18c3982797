// An overview as the core sends it (docs/knowledge-contract.md, "Overview"), for tests.

import type { AttendancePoint, MapPoint, Overview } from '../api/types';

export function mapPoint(
  organisationId: number,
  name: string,
  overrides: Partial<MapPoint> = {},
): MapPoint {
  return {
    organisation_id: organisationId,
    name,
    kind: 'city',
    city: null,
    state: null,
    latitude: 51,
    longitude: 10,
    ...overrides,
  };
}

export function attendancePoint(
  sessionId: number,
  number: number,
  firstDay: string,
  present: number,
  invited: number,
): AttendancePoint {
  return { session_id: sessionId, number, first_day: firstDay, present, invited };
}

export function overview(overrides: Partial<Overview> = {}): Overview {
  return {
    next_session: {
      id: 40,
      number: 40,
      title: 'Frühjahrssitzung',
      first_day: '2026-03-19',
      last_day: '2026-03-20',
      venue: 'Rathaus Jena',
      registration_deadline: '2026-03-01',
      days_until: 12,
      invited: 48,
      registered: 31,
      declined: 5,
      no_reply: 12,
      status: 'invited',
    },
    actions: {
      open: 9,
      overdue: 2,
      overdue_items: [
        {
          id: 501,
          session_id: 39,
          session_number: 39,
          text: 'Handreichung Einbürgerung an alle Mitglieder senden',
          assignee: 'Anna Weiß',
          due_date: '2025-11-30',
        },
        {
          id: 502,
          session_id: 39,
          session_number: 39,
          text: 'Termin mit dem Landesamt abstimmen',
          assignee: null,
          due_date: '2026-01-15',
        },
      ],
    },
    recent: [
      {
        kind: 'person',
        id: 7,
        title: 'Özdemir, Şükrü',
        what: 'Person',
        action: 'geändert',
        at: '2026-03-05T14:05:33',
        by: 'anna',
        session_id: null,
        exists: true,
      },
      {
        kind: 'practice_example',
        id: 12,
        title: 'Lotsenprojekt Herten',
        what: 'Praxisbeispiel',
        action: 'angelegt',
        at: '2026-03-04T09:00:00',
        by: 'ben',
        session_id: null,
        exists: true,
      },
      {
        kind: 'organisation',
        id: 3,
        title: 'Stadt Gera',
        what: 'Organisation',
        action: 'gelöscht',
        at: '2026-03-03T16:30:00',
        by: 'anna',
        session_id: null,
        exists: false,
      },
    ],
    map: [
      mapPoint(1, 'Stadt Jena', {
        city: 'Jena',
        state: 'Thüringen',
        latitude: 50.9271,
        longitude: 11.5892,
      }),
      mapPoint(2, 'Landkreis Recklinghausen', {
        kind: 'district',
        city: 'Recklinghausen',
        state: 'Nordrhein-Westfalen',
        latitude: 51.6141,
        longitude: 7.1979,
      }),
      mapPoint(3, 'Stadt Herten', { city: 'Herten', latitude: 51.5958, longitude: 7.1412 }),
    ],
    without_coordinates: 4,
    attendance: [
      attendancePoint(37, 37, '2024-09-26', 38, 46),
      attendancePoint(38, 38, '2025-03-20', 41, 47),
      attendancePoint(39, 39, '2025-09-25', 35, 48),
    ],
    ...overrides,
  };
}
