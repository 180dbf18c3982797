// Test data for the attendance and letters tests: rows and lists shaped as the core sends them.
// Imported by tests only (it belongs beside src/test/ipc.ts once that file can take it).

import type { AttendanceCounts, AttendanceList, AttendanceRow } from '../api/types';
import { ATTENDANCE_STATUSES } from './labels';

export const DAYS = ['2026-09-21', '2026-09-22'];

export function attendanceRow(
  id: number,
  name: string,
  overrides: Partial<AttendanceRow> = {},
): AttendanceRow {
  return {
    id,
    person_id: id + 100,
    name,
    organisation_id: null,
    organisation: null,
    email: null,
    status: 'invited',
    represented_by: null,
    represented_by_name: null,
    joins_visit: false,
    joins_dinner: false,
    days: [],
    notes: null,
    ...overrides,
  };
}

/** Counts that follow the rows, as the core computes them. */
export function countsOf(rows: AttendanceRow[], days: string[] = DAYS): AttendanceCounts {
  const expected = rows.filter((r) => ['registered', 'represented', 'attended'].includes(r.status));
  const organisations = [...new Set(rows.map((r) => r.organisation).filter((o) => o !== null))];
  return {
    total: rows.length,
    by_status: ATTENDANCE_STATUSES.map((status) => ({
      status,
      count: rows.filter((r) => r.status === status).length,
    })).filter((entry) => entry.count > 0),
    by_day: days.map((day) => ({
      day,
      present: rows.filter((r) => r.days.includes(day)).length,
      expected: expected.length,
    })),
    by_organisation: organisations.map((organisation) => {
      const of = rows.filter((r) => r.organisation === organisation);
      return {
        organisation,
        invited: of.length,
        expected: of.filter((r) => expected.includes(r)).length,
        present: of.filter((r) => r.days.length > 0).length,
      };
    }),
    visit: rows.filter((r) => r.joins_visit).length,
    dinner: rows.filter((r) => r.joins_dinner).length,
  };
}

export function attendanceList(
  rows: AttendanceRow[],
  overrides: Partial<AttendanceList> = {},
): AttendanceList {
  return {
    session_id: 7,
    days: DAYS,
    registration_deadline: null,
    rows,
    counts: countsOf(rows),
    ...overrides,
  };
}

/** The people of most tests: names that need folding to be found by typing. */
export function people(): AttendanceRow[] {
  return [
    attendanceRow(1, 'Kowalski, Łukasz', { organisation: 'Stadt Jena' }),
    attendanceRow(2, 'Müller, Anna', { organisation: 'Stadt Herten' }),
    attendanceRow(3, 'Özdemir, Şükrü', { organisation: 'Stadt Herten', status: 'registered' }),
    attendanceRow(4, 'Weiß, Sukran', { organisation: 'Landkreis Leipzig' }),
  ];
}
